/// A reader for one of the DfE's own file layouts, recognised by its header, that turns
/// rows into the same records and benchmarks as the trust's own files.
protocol DfELayout: Sendable {
    /// The name of the layout, shown where a file's kind is shown (`dfe-ks4`).
    static var layoutName: String { get }

    /// The columns (lower case) a header must have to be this layout's.
    static var requiredColumns: [String] { get }

    /// True when a header (names trimmed and lower-cased) is this layout's; by default,
    /// when it has every required column.
    static func recognises(header: [String]) -> Bool

    /// Makes a reader that keeps the school rows of `academies`. `year` is the year the
    /// user gave with `--year`, if any; `fileName` is the file's path as given, for
    /// layouts that take the year from the name.
    init(academies: Set<URN>, year: AcademicYear?, fileName: String)

    /// Reads the rows after the header, already read by `scanner`, into `batch`. Sets
    /// `summary.kind` (left nil for a file that holds no data-drop kind, such as the school
    /// census), `.layout`, `.rows`, `.drops`, `.academies` and `.otherSchools`, and logs
    /// every error and one warning for each kind of row skipped.
    func read(
        _ bytes: UnsafeBufferPointer<UInt8>, header: [String], scanner: inout CSVScanner,
        summary: inout DropFileSummary, log: inout IssueLog, fileIndex: Int, into batch: inout DropBatch)
}

extension DfELayout {
    static func recognises(header: [String]) -> Bool {
        let names = Set(header)
        return requiredColumns.allSatisfy(names.contains)
    }
}

/// The DfE layouts, in the order their headers are tried.
let dfeLayouts: [any DfELayout.Type] = [
    ExploreEducationAbsenceReader.self, PerformanceTablesAbsenceReader.self, KS2PerformanceTablesReader.self,
    KS4PerformanceTablesReader.self, SchoolCensusReader.self,
]

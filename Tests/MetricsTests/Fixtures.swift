@testable import Metrics

/// Small helpers that build batches from CSV text written in the tests.
enum Fixtures {
    static let academiesCSV = """
        urn,name,phase,local_authority,sil
        900101,Hollybank Primary,primary,Northshire,R. Okafor
        900102,Castle Rise Academy,secondary,Northshire,J. Patel
        """

    /// Reads `files` (name, text) as one batch.
    static func read(_ files: [(String, String)], known: Set<URN> = []) -> DropBatch {
        DropReader(knownAcademies: known).read(files: files.map { ($0.0, Array($0.1.utf8)) })
    }

    /// Reads one file after the standard academies file.
    static func readWithAcademies(_ name: String, _ text: String) -> DropBatch {
        read([("academies.csv", academiesCSV), (name, text)])
    }

    /// The error messages of a batch.
    static func errors(_ batch: DropBatch) -> [String] { batch.errors.map(\.description) }

    static func urn(_ value: Int) -> URN {
        guard let urn = URN(value) else { preconditionFailure("test URN \(value) out of range") }
        return urn
    }

    static let spring2425 = DataDrop(year: AcademicYear(2024), term: .spring)
}

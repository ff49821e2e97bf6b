import Foundation

/// Reads and checks a batch of data-drop files: every problem in every file, all at once.
///
/// Use `read(paths:)` for files on disk (a folder means every `*.csv` in it) or
/// `read(files:)` for bytes in memory. The result is a `DropBatch`; it may be stored
/// only when it has no error.
public struct DropReader {
    /// Progress through a large batch, for showing on a terminal.
    public struct Progress: Sendable {
        /// The file being read.
        public var file: String
        /// Rows read from it so far.
        public var rows: Int
        /// Bytes of it read so far.
        public var bytes: Int
    }

    /// URNs of academies stored by earlier ingests; rows may name these or the academies
    /// in the batch itself.
    public var knownAcademies: Set<URN>
    /// Called every so many rows while reading; nil for no progress.
    public var onProgress: ((Progress) -> Void)?
    /// The academic year of DfE files that do not say which year they hold (`--year`).
    public var year: AcademicYear?
    /// Schools' phases from the school census files stored by earlier ingests; a census
    /// file in the batch adds to them (and wins for its year).
    public var censusPhases: CensusPhases
    /// Where the store's drops of each academy came from (an export or aggregate files), so
    /// that a batch sending a drop the other way is refused.
    public var storedSources: [AcademyDrop: DropSource] = [:]
    /// Where the store's drops of each academy came from, asked once the files are read,
    /// for the drops the batch gives attendance or inclusion of: a store of many drops
    /// need not be read whole before an ingest of one. When set, it is used instead of
    /// `storedSources`.
    public var storedSourcesOf: ((Set<DataDrop>) -> [AcademyDrop: DropSource])?
    /// A file whose rows take at least this many bytes is read in two halves, the second
    /// on another thread (see `FilePart`); the rows, errors and lines are the same either
    /// way. The fuzzer sets it to 0 to read small files both ways and compare them. 1 MiB,
    /// so that a national academies file (1.6 MB, whose names take the longest to check
    /// a row) is split too, rather than read on one core while the other waits.
    public var twoHalvesFrom = 1 << 20
    /// Whether each file's SHA-256 is worked out (on another thread) for its summary. A
    /// dry run stores nothing, so it has no use for the hashes and leaves the second core
    /// to the reading; its summaries then have an empty `sha256`.
    public var hashesFiles = true
    /// For tests: where to split every file's rows (just after the first line feed at or
    /// after this offset of the text), instead of near the middle of large files.
    var splitNear: Int?

    /// Makes a reader that accepts rows for `knownAcademies` and the batch's own academies.
    public init(
        knownAcademies: Set<URN> = [], year: AcademicYear? = nil, censusPhases: CensusPhases = CensusPhases(),
        onProgress: ((Progress) -> Void)? = nil
    ) {
        self.knownAcademies = knownAcademies
        self.year = year
        self.censusPhases = censusPhases
        self.onProgress = onProgress
    }

    /// The files a list of paths stands for: a folder gives its `*.csv` files in name
    /// order; anything else is taken as a file. Missing paths are kept, to be reported.
    public static func expand(paths: [String]) -> [String] {
        listing(paths).map(\.path)
    }

    /// A path to read: named, or found in a named folder; or a folder that cannot be listed.
    private struct Listed {
        var path: String
        var inFolder = false
        var problem: FileOnDisk.Problem?
    }

    private static func listing(_ paths: [String]) -> [Listed] {
        paths.flatMap { path -> [Listed] in
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue
            else {
                return [Listed(path: path)]
            }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                let denied = access(path, R_OK | X_OK) != 0
                let problem = FileOnDisk.Problem(
                    problem: denied
                        ? "is a folder you may not list: permission denied"
                        : "is a folder that cannot be listed",
                    fix: "check the folder's permissions", isNotAFile: false)
                return [Listed(path: path, problem: problem)]
            }
            return names.filter { $0.lowercased().hasSuffix(".csv") }.sorted().map {
                Listed(path: path.hasSuffix("/") ? path + $0 : path + "/" + $0, inFolder: true)
            }
        }
    }

    /// Reads and checks the files at `paths` (folders expanded).
    ///
    /// Only regular files are read. A named path that is anything else (a folder named
    /// like a CSV file, a named pipe, a device) is an error; such a thing found in a folder
    /// is skipped with a warning saying why.
    public func read(paths: [String]) -> DropBatch {
        var batch = DropBatch()
        var skipped = 0
        for entry in Self.listing(paths) {
            let contents = entry.problem.map { Result.failure($0) } ?? FileOnDisk.mapped(entry.path)
            switch contents {
            case .success(let file):
                readFile(
                    name: entry.path, bytes: file.bytes, hash: hashesFiles ? BackgroundHash(file) : nil,
                    release: { file.release($0) },
                    into: &batch)
            case .failure(let problem) where problem.isNotAFile && entry.inFolder:
                skipped += 1
                batch.issues.append(
                    DropIssue(
                        .warning, file: entry.path, problem: problem.problem + ", so it was skipped",
                        fix: "only the regular files among a folder's *.csv are read; "
                            + "rename it if it is not a data-drop file"))
            case .failure(let problem):
                batch.files.append(DropFileSummary(name: entry.path, sha256: "", errors: 1))
                batch.issues.append(
                    DropIssue(.error, file: entry.path, problem: problem.problem, fix: problem.fix))
            }
        }
        if batch.files.isEmpty {
            let shown = paths.joined(separator: ", ")
            batch.issues.append(
                DropIssue(
                    .error, file: shown.isEmpty ? "(no path)" : shown,
                    problem: skipped == 0
                        ? "holds no .csv files" : "holds no .csv files that are regular files",
                    fix: "name the data-drop files, or a folder that holds them"))
        }
        finish(&batch)
        return batch
    }

    /// Reads and checks files given as bytes.
    public func read(files: [(name: String, bytes: [UInt8])]) -> DropBatch {
        var batch = DropBatch()
        for file in files {
            file.bytes.withUnsafeBufferPointer { bytes in
                readFile(
                    name: file.name, bytes: bytes, hash: hashesFiles ? BackgroundHash(file.bytes) : nil,
                    into: &batch)
            }
        }
        finish(&batch)
        return batch
    }

    /// Reads one file into the batch. `release` gives back the memory of bytes that have
    /// been read, by their offsets in `bytes`.
    private func readFile(
        name: String, bytes: UnsafeBufferPointer<UInt8>, hash: BackgroundHash?,
        release: @escaping @Sendable (Range<Int>) -> Void = { _ in }, into batch: inout DropBatch
    ) {
        let fileIndex = batch.files.count
        var summary = DropFileSummary(name: name, sha256: "", bytes: bytes.count)
        defer { batch.files[fileIndex].sha256 = hash?.value ?? "" }
        var log = IssueLog(file: name)
        let text: CSVText.Decoded
        do {
            text = try CSVText.decode(bytes)
        } catch {
            switch error {
            case .empty:
                log.error(line: nil, "is empty", fix: "export the sheet again with its header row and data")
            case .binary(let offset):
                log.error(
                    line: nil,
                    "is not a CSV text file (binary data at byte \(offset))",
                    fix: "export the sheet as \"CSV UTF-8 (comma delimited)\"")
            case .invalidUTF16:
                log.error(
                    line: nil, "starts with a UTF-16 byte-order mark but is not valid UTF-16",
                    fix: "export the sheet again as \"CSV UTF-8 (comma delimited)\"")
            }
            summary.errors = log.errors
            batch.files.append(summary)
            batch.issues += log.report
            return
        }
        switch text {
        case .inPlace(let range, _):
            read(
                UnsafeBufferPointer(rebasing: bytes[range]),
                release: { release($0.shifted(by: range.lowerBound)) },
                summary: &summary, log: &log, fileIndex: fileIndex, into: &batch)
        case .copied(let utf8, let encoding):
            if encoding == .windows1252 {
                log.warning(
                    "is not valid UTF-8, so it was read as Windows-1252 (what Excel writes on UK machines)",
                    fix: "check names with accents or curly quotes look right, or export as \"CSV UTF-8\"")
            }
            utf8.withUnsafeBufferPointer { buffer in
                read(
                    buffer, release: { _ in }, summary: &summary, log: &log, fileIndex: fileIndex,
                    into: &batch)
            }
        }
        summary.errors = log.errors
        summary.warnings = log.warnings
        batch.files.append(summary)
        batch.issues += log.report
    }

    private func read(
        _ buffer: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable (Range<Int>) -> Void,
        summary: inout DropFileSummary,
        log: inout IssueLog,
        fileIndex: Int,
        into batch: inout DropBatch
    ) {
        var scanner = CSVScanner(buffer)
        var fields: [CSVScanner.Field] = []
        var problems: [CSVScanner.Problem] = []
        guard let headerLine = scanner.next(into: &fields, problems: &problems) else { return }
        let header = fields.map { field -> String in
            let bytes = UnsafeBufferPointer(rebasing: buffer[field.start..<field.end])
            return String(decoding: bytes, as: UTF8.self).trimmingSpaces.lowercased()
        }
        if problems.isEmpty, let layout = dfeLayouts.first(where: { $0.recognises(header: header) }) {
            // The DfE's own layouts: missing values and ragged rows are normal there.
            let reader = layout.init(
                academies: knownAcademies.union(batch.academies.map(\.record.urn)), year: year,
                fileName: summary.name)
            reader.read(
                buffer, header: header, scanner: &scanner, summary: &summary, log: &log, fileIndex: fileIndex,
                into: &batch)
            return
        }
        guard let (kind, columns) = checkHeader(header, line: headerLine, problems: problems, log: &log)
        else {
            return
        }
        summary.kind = kind
        problems.removeAll()
        batch.reserveRows(kind, bytes: buffer.count)
        var parser = DropFileParser(
            file: summary.name, fileIndex: fileIndex, bytes: buffer, columns: columns, kind: kind, log: log,
            summary: summary)
        if kind == .pupilAttendance, let (given, missing) = Self.halfOfInclusion(columns) {
            parser.log.warning(
                line: headerLine, column: given,
                "is given without \(missing), so no suspension or exclusion figures are made from this file",
                fix: "add the \(missing) column, or leave both out")
        }
        var count = RowCount()
        let name = summary.name
        let progress = onProgress.map { onProgress in
            { (rows: Int, bytes: Int) in onProgress(Progress(file: name, rows: rows, bytes: bytes)) }
        }
        // A large file's second half is read on another thread (see `FilePart`).
        var end = buffer.count
        var part: FilePart?
        let near = splitNear ?? (scanner.position + (buffer.count - scanner.position) / 2)
        if kind != .pupilAttendance, splitNear != nil || buffer.count - scanner.position >= twoHalvesFrom,
            let middle = CSVScanner.lineStart(after: max(near, scanner.position), in: buffer)
        {
            end = middle
            part = FilePart(
                buffer, from: middle, file: name, fileIndex: fileIndex, header: header, columns: columns,
                kind: kind, release: release)
        }
        Self.readRows(
            &scanner, until: end, parser: &parser, header: header, into: &batch, count: &count,
            release: release, progress: progress)
        if let part {
            if scanner.position == end {
                count.rows += part.merge(into: &parser, batch: &batch, firstRows: count.rows)
            } else {
                // The line feed was inside a quoted value: read on from where the record ended.
                part.discard()
                Self.readRows(
                    &scanner, until: buffer.count, parser: &parser, header: header, into: &batch,
                    count: &count, release: release, progress: progress)
            }
        }
        let rows = count.rows
        if let onProgress { onProgress(Progress(file: summary.name, rows: rows, bytes: buffer.count)) }
        // The pupils become records only now, summed: no pupil's row is kept.
        parser.pupils?.records(into: &batch)
        if rows == 0 {
            parser.log.warning(
                "has a header but no rows, so it adds nothing",
                fix: "check that the export held data; an empty file can be left out")
        }
        summary = parser.summary
        summary.rows = rows
        log = parser.log
    }

    /// Checks the header; returns the kind and the column map, or nil after logging why not.
    private func checkHeader(
        _ header: [String], line: Int, problems: [CSVScanner.Problem], log: inout IssueLog
    ) -> (DropFileKind, [String: Int])? {
        for problem in problems {
            log.error(line: problem.line, "header: \(problem.message)", fix: problem.fix)
        }
        if header.count == 1 {
            let only = header[0]
            for (separator, name) in [("\t", "tab"), (";", "semicolon")] where only.contains(separator) {
                log.error(
                    line: line, value: only, "the header looks \(name)-separated",
                    fix: "save the file as CSV with commas between values")
                return nil
            }
        }
        var unreadable = false
        for (index, name) in header.enumerated() {
            guard let (problem, fix) = Self.oddHeaderCell(name, position: index + 1) else { continue }
            log.error(line: line, value: name, problem, fix: fix)
            unreadable = true
        }
        if unreadable { return nil }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() {
            if columns[name] != nil {
                log.error(
                    line: line, column: name, "appears twice in the header",
                    fix: "keep one of the two columns")
            } else if !name.isEmpty {
                columns[name] = index
            }
        }
        guard let kind = DropFileKind.recognise(header: header) else {
            log.error(
                line: line, value: header.joined(separator: ","),
                "is not the header of any data-drop file kind",
                fix: "the header must have the columns of one kind: "
                    + DropFileKind.allCases.map {
                        "\($0.rawValue) (\($0.requiredColumns.joined(separator: ", ")))"
                    }
                    .joined(separator: "; "))
            return nil
        }
        let missing = kind.requiredColumns.filter { columns[$0] == nil }
        if !missing.isEmpty {
            log.error(
                line: line,
                "this \(kind.rawValue) file lacks the required column\(missing.count > 1 ? "s" : "") "
                    + missing.joined(separator: ", "),
                fix: "add \(missing.count > 1 ? "them" : "it"); the columns found were: "
                    + Self.listed(header))
            return nil
        }
        let known = Set(kind.requiredColumns + kind.optionalColumns)
        for name in header where !known.contains(name) && !name.isEmpty {
            log.warning(
                line: line, column: name,
                "is not a column of \("aeiou".contains(kind.rawValue.prefix(1)) ? "an" : "a") \(kind.rawValue) file and is ignored",
                fix:
                    "the known columns are: \((kind.requiredColumns + kind.optionalColumns).joined(separator: ", "))"
            )
        }
        guard log.errors == 0 else { return nil }
        return (kind, columns)
    }

    /// What is wrong with a header cell that holds a control character (a tab, say) or an
    /// invisible one (a zero-width space, say), and how to fix it; nil for a cell without.
    /// Such a cell names no column, and when what is left without them is a column's
    /// name, the message says which column it was probably meant to be.
    static func oddHeaderCell(_ cell: String, position: Int) -> (problem: String, fix: String)? {
        func isOdd(_ scalar: Unicode.Scalar) -> Bool {
            TerminalText.isControl(scalar) || TerminalText.isReordering(scalar)
                || TerminalText.isInvisible(scalar)
        }
        guard let first = cell.unicodeScalars.first(where: isOdd) else { return nil }
        let what =
            switch first {
            case "\t": "a tab"
            case "\n", "\r": "a line break"
            case _ where TerminalText.isControl(first):
                "a control character (\(TerminalText.shown(String(first))))"
            default: "an invisible character (\(TerminalText.shown(String(first))))"
            }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: cell.unicodeScalars.filter { !isOdd($0) })
        let meant = String(rest).trimmingCharacters(in: .whitespaces)
        let known = DropFileKind.allCases.flatMap { $0.requiredColumns + $0.optionalColumns }
        guard known.contains(meant) else {
            return (
                "header cell \(position) holds \(what), so it names no column",
                "delete it: a header cell holds a column's name, such as urn or academic_year"
            )
        }
        return (
            "header cell \(position) holds \(what) as well as '\(meant)', so it is not read as the column "
                + "'\(meant)' it seems meant to be",
            "delete \(what.hasPrefix("a tab") ? "the tab" : "it") so that the cell holds '\(meant)' alone "
                + "(such characters come with text pasted from elsewhere)"
        )
    }

    /// The inclusion column a pupil-level export gives and the one it lacks, when it gives
    /// one of the two; nil when it gives both or neither.
    private static func halfOfInclusion(_ columns: [String: Int]) -> (String, String)? {
        switch (columns["suspensions"] != nil, columns["permanently_excluded"] != nil) {
        case (true, false): ("suspensions", "permanently_excluded")
        case (false, true): ("permanently_excluded", "suspensions")
        case (true, true), (false, false): nil
        }
    }

    /// Header names for a message: the first 30, each escaped and cut short, then how many
    /// more there are.
    static func listed(_ header: [String]) -> String {
        let shown = header.prefix(30).map { TerminalText.shown($0) }.joined(separator: ", ")
        return header.count > 30 ? shown + " and \(header.count - 30) more" : shown
    }

    /// The work across files: distributions placed by the census, known URNs, keys given
    /// twice, attendance that holds more than Years 1–11, and figures for a measure in a
    /// year it does not exist.
    private func finish(_ batch: inout DropBatch) {
        placePendingDistributions(&batch)
        // The rows are final now, unless the batch holds a pupil-level export: the source
        // check may then take some of its rows out before the keys are checked. Without
        // one, the keys are checked on another thread meanwhile; the issues are added in
        // the same order either way.
        let hasExport = batch.files.contains { $0.kind == .pupilAttendance }
        let onTheSide = hasExport ? nil : BatchCheckOnTheSide(batch: batch, knownAcademies: knownAcademies)
        CompulsoryAgeCheck.warn(&batch)
        DropSourceCheck.check(
            &batch, stored: storedSourcesOf.map { $0(DropSourceCheck.drops(in: batch)) } ?? storedSources)
        var checker: BatchChecker
        if let onTheSide {
            checker = onTheSide.result()
        } else {
            checker = BatchChecker(batch: batch, knownAcademies: knownAcademies)
            checker.check()
        }
        batch.issues += checker.issues
        for (index, count) in checker.errorsByFile { batch.files[index].errors += count }
        for (index, issue) in NotPublishedCheck.warnings(in: batch) {
            batch.issues.append(issue)
            batch.files[index].warnings += 1
        }
        let order = batch.fileOrder
        // By file and line, and otherwise as found, so that a note counting the warnings
        // left out stays after the ones it follows.
        batch.issues = batch.issues.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element, rhs.element)
            if left.file != right.file {
                return (order[left.file] ?? 0) < (order[right.file] ?? 0)
            }
            if left.line != right.line { return (left.line ?? 0) < (right.line ?? 0) }
            return lhs.offset < rhs.offset
        }
        .map(\.element)
    }
}

extension Range<Int> {
    /// The range moved along by `offset`.
    fileprivate func shifted(by offset: Int) -> Range<Int> { lowerBound + offset..<upperBound + offset }
}

extension DropBatch {
    /// File name → position in the batch, for ordering issues.
    var fileOrder: [String: Int] {
        var order: [String: Int] = [:]
        for (index, file) in files.enumerated() where order[file.name] == nil { order[file.name] = index }
        return order
    }
}

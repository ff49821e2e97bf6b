import Foundation

/// The second half of a large file, read and checked on another thread while the calling
/// thread reads the first half: the machine has a second core, and rows do not depend on
/// each other within a file (a pupil-level export does, so it is never split).
///
/// The half starts just after a line feed near the middle, and its line numbers are those
/// of the whole file, counted first (see `CSVScanner.line(at:in:)`). Whether that line
/// feed ends a record (it may be inside a quoted value) is known only when the first half
/// has been read up to it; when it does not, the caller drops this half's result and reads
/// on by itself, so the rows and errors are always those of reading the file in one go.
final class FilePart: @unchecked Sendable {
    // The inputs are set in `init` and never changed; the outputs are written by the
    // worker before it signals `done`, and read only after waiting on it, so the
    // semaphore orders every access. `bytes` outlives this object: the caller waits.
    private let bytes: UnsafeBufferPointer<UInt8>
    private let start: Int
    private let file: String
    private let fileIndex: Int
    private let header: [String]
    private let columns: [String: Int]
    private let kind: DropFileKind
    private let release: @Sendable (Range<Int>) -> Void
    private let done = DispatchSemaphore(value: 0)
    private var result: (batch: DropBatch, parser: DropFileParser, rows: Int)?

    /// Starts reading the rows of `bytes` from `start` (just after a line feed) to the end.
    init(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, file: String, fileIndex: Int, header: [String],
        columns: [String: Int], kind: DropFileKind, release: @escaping @Sendable (Range<Int>) -> Void
    ) {
        self.bytes = bytes
        self.start = start
        self.file = file
        self.fileIndex = fileIndex
        self.header = header
        self.columns = columns
        self.kind = kind
        self.release = release
        let thread = Thread { [self] in
            read()
            done.signal()
        }
        thread.start()
    }

    private func read() {
        var scanner = CSVScanner(bytes, from: start, line: CSVScanner.line(at: start, in: bytes))
        var parser = DropFileParser(
            file: file, fileIndex: fileIndex, bytes: bytes, columns: columns, kind: kind,
            log: IssueLog(file: file), summary: DropFileSummary(name: file, sha256: ""))
        var batch = DropBatch()
        batch.reserveRows(kind, bytes: bytes.count - start)
        var count = DropReader.RowCount(rows: 0, released: start)
        DropReader.readRows(
            &scanner, until: bytes.count, parser: &parser, header: header, into: &batch, count: &count,
            release: release, progress: nil)
        result = (batch, parser, count.rows)
    }

    /// Waits for the half to be read, then adds its rows, errors and summary to the first
    /// half's: `parser` and `batch` must have read up to exactly this half's start, where
    /// the first half gave `firstRows` rows.
    ///
    /// The records are copied after the first half's, into memory new to the process, whose
    /// pages cost more to take than to fill (see `FreshMemory`): while the other thread
    /// still reads, this one touches the room for as many rows as the first half had for
    /// its bytes, a mebibyte at a time; once it is done, whatever is left is touched on both
    /// cores, and only then copied.
    func merge(into parser: inout DropFileParser, batch: inout DropBatch, firstRows: Int) -> Int {
        let expected = Int(Double(firstRows) * Double(bytes.count - start) / Double(max(1, start)) * 0.95)
        var touched = 0
        var finished = false
        batch.withRoom(kind, for: expected) { room in
            while touched < room.count {
                if done.wait(timeout: .now()) == .success {
                    finished = true
                    break
                }
                let end = min(room.count, touched + 1 << 20)
                FreshMemory.touch(room, touched..<end)
                touched = end
            }
        }
        if !finished { done.wait() }
        guard let (part, partParser, rows) = result else { return 0 }
        result = nil
        parser.log.append(partParser.log)
        parser.summary.academies.formUnion(partParser.summary.academies)
        parser.summary.drops.formUnion(partParser.summary.drops)
        batch.withRoom(kind, for: part.rowCount(kind)) { room in
            FreshMemory.touchOnBothCores(room, min(touched, room.count)..<room.count)
        }
        batch.appendRows(of: part)
        return rows
    }

    /// Waits for the half to be read and drops what it read.
    func discard() {
        done.wait()
        result = nil
    }
}

extension DropBatch {
    /// Makes room for the rows of `bytes` bytes of a file of `kind`: rows are at least
    /// about 40 bytes, and reserving up front saves regrowing large arrays.
    mutating func reserveRows(_ kind: DropFileKind, bytes: Int) {
        let expected = bytes / 40
        switch kind {
        case .attendance: attendance.reserveCapacity(attendance.count + expected)
        case .attainment: attainment.reserveCapacity(attainment.count + expected)
        case .scores: scores.reserveCapacity(scores.count + expected)
        case .inclusion: inclusion.reserveCapacity(inclusion.count + expected)
        case .academies, .benchmarks, .context, .pupilAttendance: break
        }
    }

    /// The records of a file of `kind` held.
    func rowCount(_ kind: DropFileKind) -> Int {
        switch kind {
        case .academies: academies.count
        case .attendance: attendance.count
        case .attainment: attainment.count
        case .scores: scores.count
        case .inclusion: inclusion.count
        case .benchmarks: benchmarks.count
        case .context: context.count
        case .pupilAttendance: 0
        }
    }

    /// Reserves room for `extra` more records of a file of `kind` and calls `body` with its
    /// bytes (see `Array.withRoom`); with none for a kind whose records are not kept in one
    /// array of their own.
    mutating func withRoom(
        _ kind: DropFileKind, for extra: Int, _ body: (UnsafeMutableRawBufferPointer) -> Void
    ) {
        switch kind {
        case .academies: academies.withRoom(for: extra, body)
        case .attendance: attendance.withRoom(for: extra, body)
        case .attainment: attainment.withRoom(for: extra, body)
        case .scores: scores.withRoom(for: extra, body)
        case .inclusion: inclusion.withRoom(for: extra, body)
        case .benchmarks: benchmarks.withRoom(for: extra, body)
        case .context: context.withRoom(for: extra, body)
        case .pupilAttendance: body(UnsafeMutableRawBufferPointer(start: nil, count: 0))
        }
    }

    /// Adds the records a row loop makes (see `DropFileParser.readRow`) from `other`,
    /// after this batch's own.
    mutating func appendRows(of other: DropBatch) {
        academies += other.academies
        attendance += other.attendance
        attainment += other.attainment
        scores += other.scores
        inclusion += other.inclusion
        benchmarks += other.benchmarks
        context += other.context
        rejectedRows += other.rejectedRows
    }
}

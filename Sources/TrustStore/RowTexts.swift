import Metrics

/// What `BulkInsert` binds for each of a block of records, made ready on another thread:
/// each record's texts (pupil group, year group, item and its values as `counts` text)
/// one after another in one buffer, and its academy, line and file.
///
/// Making these, the values' JSON text above all, was a sixth of a national ingest's
/// thread that runs SQLite; made a block ahead on the other core, it overlaps with SQLite
/// storing the rows before. Once made it is never changed, so the writer binds the texts
/// where they are, without copying them.
struct RowTexts: Sendable {
    /// The texts of a record, in the order they are bound.
    static let textsPerRow = 4
    /// The indices of the records, in the batch's list of their kind.
    let range: Range<Int>
    /// Every text of every record, one after another.
    private let bytes: [UInt8]
    /// Where each text ends in `bytes`, `textsPerRow` a record.
    private let ends: [Int]
    /// Each record's academy.
    let urns: [Int]
    /// Each record's line in its file.
    let lines: [Int]
    /// Whether each record is of the same drop and file as the one before it (false for the
    /// block's first).
    let sameDropAndFile: [Bool]

    /// Makes the texts of `items[range]`.
    init<Record: DropRecord>(of items: [Sourced<Record>], range: Range<Int>) {
        self.range = range
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 64)
        var ends: [Int] = []
        ends.reserveCapacity(range.count * Self.textsPerRow)
        var urns: [Int] = []
        urns.reserveCapacity(range.count)
        var lines: [Int] = []
        lines.reserveCapacity(range.count)
        var same: [Bool] = []
        same.reserveCapacity(range.count)
        var counts = CountsText()
        for index in range {
            let item = items[index]
            let record = item.record
            bytes.append(contentsOf: record.group.rawValue.utf8)
            ends.append(bytes.count)
            bytes.append(contentsOf: record.yearGroup.rawValue.utf8)
            ends.append(bytes.count)
            bytes.append(contentsOf: record.item.utf8)
            ends.append(bytes.count)
            counts.start()
            record.write(to: &counts)
            counts.finish()
            bytes.append(contentsOf: counts.bytes)
            ends.append(bytes.count)
            urns.append(record.urn.value)
            lines.append(item.line)
            same.append(
                index > range.lowerBound && items[index - 1].file == item.file
                    && items[index - 1].record.drop == record.drop)
        }
        self.bytes = bytes
        self.ends = ends
        self.urns = urns
        self.lines = lines
        self.sameDropAndFile = same
    }

    /// Calls `body` with a way to find the text `column` (0 to `textsPerRow` - 1) of the
    /// record at `index` of the batch's list; the texts stay where they are while `body` runs.
    func withTexts<T>(
        _ body: (_ text: (_ index: Int, _ column: Int) -> UnsafeRawBufferPointer) throws -> T
    ) rethrows -> T {
        try bytes.withUnsafeBytes { all in
            try body { index, column in
                let position = (index - range.lowerBound) * Self.textsPerRow + column
                let start = position == 0 ? 0 : ends[position - 1]
                return UnsafeRawBufferPointer(rebasing: all[start..<ends[position]])
            }
        }
    }
}

/// Cells that read the same on every row they are on (a KPI's key, a pupil group, a year
/// group), each as `CSVRowWriter` writes it with its comma, packed into one block of bytes
/// kept for as long as the program runs.
///
/// A national report writes three of them on each of its 3.5 million rows. Held as an
/// array of arrays, each one read was retained and released: on the 3,000-academy report,
/// 1.4 million retains and releases, 1.3% of its instructions (callgrind). A block that is
/// never freed has nothing to count.
struct FixedCells: @unchecked Sendable {
    /// Every cell's bytes, one after the other; written only while it is made.
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Where each cell starts in `bytes`, then where the last one ends.
    private let starts: UnsafeBufferPointer<Int>

    /// Packs `cells`, each found afterwards by its position among them.
    init(_ cells: [[UInt8]]) {
        let joined = cells.flatMap { $0 }
        let bytes = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: joined.count)
        _ = bytes.initialize(from: joined)
        var ends = [0]
        for cell in cells { ends.append(ends[ends.count - 1] + cell.count) }
        let starts = UnsafeMutableBufferPointer<Int>.allocate(capacity: ends.count)
        _ = starts.initialize(from: ends)
        self.bytes = UnsafeBufferPointer(bytes)
        self.starts = UnsafeBufferPointer(starts)
    }

    /// The number of cells.
    var count: Int { starts.count - 1 }

    /// The bytes of the cell at `position`.
    subscript(position: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[starts[position]..<starts[position + 1]])
    }
}

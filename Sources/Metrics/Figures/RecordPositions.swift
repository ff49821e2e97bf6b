/// The positions of one academy's records of one kind in one drop (`RecordIndex.Bucket`),
/// in the order they were added.
///
/// A store gives each kind's records in drop order, then by URN, so an academy's records
/// in a drop are almost always one run of positions: they are held as the run's two ends,
/// eight bytes, rather than as an array of every position grown by doubling. A national
/// drop's index of 1.5 million records took 9 MB of arrays. Records not in one run (data
/// made by hand in any order) are held as a list, as before.
struct RecordPositions: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        /// The positions from `start` up to but not including `end`.
        case run(start: Int32, end: Int32)
        /// The positions, one by one.
        case list([Int32])
    }

    private var storage = Storage.run(start: 0, end: 0)

    /// No positions.
    init() {}

    var startIndex: Int { 0 }

    var endIndex: Int {
        switch storage {
        case .run(let start, let end): Int(end - start)
        case .list(let positions): positions.count
        }
    }

    subscript(index: Int) -> Int32 {
        switch storage {
        case .run(let start, _): start + Int32(index)
        case .list(let positions): positions[index]
        }
    }

    /// Adds `position` after the others: it extends the run when it follows on from it,
    /// and otherwise turns the run into a list.
    mutating func append(_ position: Int32) {
        switch storage {
        case .run(let start, let end) where start == end:
            storage = .run(start: position, end: position + 1)
        case .run(let start, let end) where position == end && end < Int32.max:
            storage = .run(start: start, end: end + 1)
        case .run(let start, let end):
            storage = .list(Array(start..<end) + [position])
        case .list(var positions):
            // Taken out first, so that appending does not copy the list.
            storage = .run(start: 0, end: 0)
            positions.append(position)
            storage = .list(positions)
        }
    }
}

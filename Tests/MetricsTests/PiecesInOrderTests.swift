import Synchronization
import Testing

@testable import Metrics

/// `PiecesInOrder`, which works out a report's batches on every core and hands them on
/// in order.
@Suite("Pieces worked out on every core are handed on in order")
struct PiecesInOrderTests {
    /// The pieces handed on, and how many times each index was made.
    private func run(count: Int, window: Int) -> (pieces: [[UInt8]], made: [Int]) {
        let made = Mutex([Int](repeating: 0, count: count))
        var pieces: [[UInt8]] = []
        PiecesInOrder(count: count, window: window).run(
            make: { index in
                made.withLock { $0[index] += 1 }
                // Pieces of different lengths take different times to make, so later ones
                // are often done first.
                var piece = [UInt8](repeating: UInt8(index % 251), count: (count - index) * 97 % 5_000 + 1)
                piece[0] = UInt8(index / 251 % 256)
                return piece
            },
            output: { pieces.append($0) })
        return (pieces, made.withLock { $0 })
    }

    private func expected(_ count: Int) -> [[UInt8]] {
        (0..<count).map { index in
            var piece = [UInt8](repeating: UInt8(index % 251), count: (count - index) * 97 % 5_000 + 1)
            piece[0] = UInt8(index / 251 % 256)
            return piece
        }
    }

    @Test(
        "every piece once, in order, whatever the window",
        arguments: [(0, 4), (1, 1), (7, 1), (300, 3), (1_000, 8), (50, 100)])
    func inOrder(count: Int, window: Int) {
        let (pieces, made) = run(count: count, window: window)
        #expect(pieces == expected(count))
        #expect(made.allSatisfy { $0 == 1 })
    }

    @Test("a window of 0 still hands every piece on")
    func noWindow() {
        let (pieces, made) = run(count: 20, window: 0)
        #expect(pieces == expected(20))
        #expect(made.allSatisfy { $0 == 1 })
    }
}

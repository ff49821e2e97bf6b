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

    /// Told to stop (the file written has failed), it starts no more pieces: of 1,000 in
    /// a window of 8, stopping at the third piece handed on (index 2) has made pieces 0 to
    /// 9 (the window of 8 from it) and hands nothing on after it; never told to stop
    /// (1,000), it hands on every piece.
    @Test("told to stop, it makes no more pieces and hands none on", arguments: [0, 2, 1_000])
    func stops(at last: Int) {
        let made = Mutex([Int](repeating: 0, count: 1_000))
        var handed: [Int] = []
        let whole = PiecesInOrder(count: 1_000, window: 8).run(
            make: { index in
                made.withLock { $0[index] += 1 }
                return index
            },
            goingOn: { index in
                handed.append(index)
                return index < last
            })
        #expect(whole == (last == 1_000))
        #expect(handed == Array(0...min(last, 999)))
        let counts = made.withLock { $0 }
        let madeCount = counts.filter { $0 == 1 }.count
        #expect(
            madeCount == min(1_000, last + 8), "up to the piece stopped at, and the 7 after it in the window")
        #expect(counts.allSatisfy { $0 <= 1 })
    }

    @Test("a window of 0 still hands every piece on")
    func noWindow() {
        let (pieces, made) = run(count: 20, window: 0)
        #expect(pieces == expected(20))
        #expect(made.allSatisfy { $0 == 1 })
    }
}

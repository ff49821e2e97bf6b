import Dispatch

/// Works out the pieces of a long output on every core and hands each on in order, as
/// soon as it and every piece before it are done: a national report is 400 MB of CSV,
/// written while the next pieces are worked out rather than in turns with them.
///
/// At most `window` pieces are being worked out or waiting to be handed on at once, so
/// the output is never held whole; each is freed once handed on. The board pack writes
/// its academies' pages with it too.
public struct PiecesInOrder {
    /// How many pieces there are.
    public let count: Int
    /// Pieces worked out or waiting at most at once.
    public let window: Int

    /// Pieces `0..<count`, at most `window` of them made or waiting at once.
    public init(count: Int, window: Int) {
        self.count = count
        self.window = window
    }

    /// Calls `make` with each index below `count` on any thread, and `output` with each
    /// piece made, in index order, on the calling thread. Returns once every piece has
    /// been handed on.
    public func run<Piece: Sendable>(make: @escaping @Sendable (Int) -> Piece, output: (Piece) -> Void) {
        run(make: make) { piece in
            output(piece)
            return true
        }
    }

    /// As `run(make:output:)`, but `output` returns false to stop, as when the file being
    /// written has failed: no piece is started after that, the pieces already started are
    /// waited for and dropped, and `run` returns false. True when every piece was handed on.
    @discardableResult
    public func run<Piece: Sendable>(
        make: @escaping @Sendable (Int) -> Piece, goingOn output: (Piece) -> Bool
    )
        -> Bool
    {
        guard count > 0 else { return true }
        let slots = Slots<Piece>(count: count)
        defer { slots.free() }
        var started = 0
        for next in 0..<count {
            // Pieces are started in order, so the one handed on next is always among them.
            while started < count, started < next + max(window, 1) {
                let index = started
                DispatchQueue.global().async { slots.fill(index, with: make(index)) }
                started += 1
            }
            guard output(slots.take(next)) else {
                // Those still being made write into `slots`: wait for them before it is freed.
                for index in (next + 1)..<started { _ = slots.take(index) }
                return false
            }
        }
        return true
    }
}

/// One place per piece, each written by the thread that makes the piece and read once,
/// after its semaphore says it is there.
private final class Slots<Piece>: @unchecked Sendable {
    private let pieces: UnsafeMutableBufferPointer<Piece?>
    private let ready: [DispatchSemaphore]

    init(count: Int) {
        pieces = .allocate(capacity: count)
        pieces.initialize(repeating: nil)
        ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
    }

    /// Puts the piece at `index` in its place; called once per index.
    func fill(_ index: Int, with piece: Piece) {
        pieces[index] = piece
        ready[index].signal()
    }

    /// Waits for the piece at `index` and takes it out, leaving its place empty.
    func take(_ index: Int) -> Piece {
        ready[index].wait()
        // Filled before its semaphore was signalled, and taken only once.
        guard let piece = pieces[index].take() else { preconditionFailure("piece \(index) taken twice") }
        return piece
    }

    /// Frees the places once every piece has been taken.
    func free() {
        pieces.deinitialize()
        pieces.deallocate()
    }
}

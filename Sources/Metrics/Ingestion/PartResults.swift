import Foundation

/// One result per part of a piece of work done on several threads at once
/// (`DispatchQueue.concurrentPerform`): each part stores its own, by its index, and the
/// caller reads them all after the work has returned.
final class PartResults<Value>: @unchecked Sendable {
    // Each slot is written by one part only, and read only after `concurrentPerform` has
    // returned, which orders the writes before the reads; the lock keeps the array's own
    // storage safe while parts write at once.
    private var slots: [Value?]
    private let lock = NSLock()

    /// Makes room for `count` parts' results.
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Stores the result of part `index`.
    func store(_ value: Value, at index: Int) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The results stored, in part order.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

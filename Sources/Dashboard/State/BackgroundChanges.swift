import Dispatch
import Metrics

/// Counts drops' changes away from the drawing thread. The overview's header counts the
/// figures turned red by comparing every figure of every academy in two drops, which on
/// a national store takes seconds; counted here, the first frame is drawn at once and the
/// header says it is still counting until the number is known (never a wrong number).
///
/// Each drop is counted once, one drop at a time. The result crosses threads once, whole,
/// through the lock, as `BackgroundReload`'s view does.
final class BackgroundChanges: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var counted: [DataDrop: RatingChanges] = [:]
    private var running: [DataDrop: DispatchGroup] = [:]
    private let queue = DispatchQueue(label: "trustboard.changes", qos: .userInitiated)

    /// The changes of `drop` if they are counted. Otherwise the count is started with
    /// `count` unless it already runs, and nil is returned at once, or, with `wait`, the
    /// changes once it ends.
    func changes(_ drop: DataDrop, wait: Bool, count: @escaping @Sendable () -> RatingChanges)
        -> RatingChanges?
    {
        lock.wait()
        if let known = counted[drop] {
            lock.signal()
            return known
        }
        let group: DispatchGroup
        if let started = running[drop] {
            group = started
        } else {
            group = DispatchGroup()
            group.enter()
            running[drop] = group
            queue.async { [self] in
                let made = count()
                lock.wait()
                counted[drop] = made
                running[drop] = nil
                lock.signal()
                group.leave()
            }
        }
        lock.signal()
        guard wait else { return nil }
        group.wait()
        lock.wait()
        defer { lock.signal() }
        return counted[drop]
    }
}

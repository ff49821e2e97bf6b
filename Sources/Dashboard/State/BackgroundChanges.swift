import Dispatch
import Metrics

/// Counts drops' changes away from the drawing thread. The overview's header counts the
/// figures turned red by rating every figure of a drop and the red ones of an earlier
/// drop (`TurnedRedCount`), which on a large store takes a while; counted here, the first
/// frame is drawn at once and the header says it is still counting until the number is
/// known (never a wrong number). The changes page's whole list (`RatingChanges`) is
/// counted here too.
///
/// Each drop's count and list are made once, one piece of work at a time. A result
/// crosses threads once, whole, through the lock, as `BackgroundReload`'s view does.
final class BackgroundChanges: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var lists = Results<RatingChanges>()
    private var counts = Results<TurnedRedCount>()
    private let queue = DispatchQueue(label: "trustboard.changes", qos: .userInitiated)

    /// One kind of result by drop: those made, and those being made.
    private struct Results<Result> {
        var made: [DataDrop: Result] = [:]
        var running: [DataDrop: DispatchGroup] = [:]
    }

    /// The changes of `drop` if they are counted. Otherwise the count is started with
    /// `count` unless it already runs, and nil is returned at once, or, with `wait`, the
    /// changes once it ends.
    func changes(_ drop: DataDrop, wait: Bool, count: @escaping @Sendable () -> RatingChanges)
        -> RatingChanges?
    {
        result(drop, in: \.lists, wait: wait, work: { count })
    }

    /// The header's count of figures turned red in `drop`, as `changes(_:wait:count:)`
    /// gives the list; `counting` makes the work of counting, asked for only when the count
    /// is neither known nor started.
    func turnedRed(_ drop: DataDrop, wait: Bool, counting: () -> @Sendable () -> TurnedRedCount)
        -> TurnedRedCount?
    {
        result(drop, in: \.counts, wait: wait, work: counting)
    }

    /// The result of `drop` in `results` if it is made; otherwise the work `work` makes is
    /// started on the queue unless it already runs, and nil is returned at once, or, with
    /// `wait`, the result once it is made. The work is made outside the lock, as making it
    /// may rate a drop's first figures.
    private func result<Result: Sendable>(
        _ drop: DataDrop, in results: ReferenceWritableKeyPath<BackgroundChanges, Results<Result>>,
        wait: Bool,
        work: () -> @Sendable () -> Result
    ) -> Result? {
        lock.wait()
        if let known = self[keyPath: results].made[drop] {
            lock.signal()
            return known
        }
        var group = self[keyPath: results].running[drop]
        if group == nil {
            lock.signal()
            let make = work()
            lock.wait()
            if let known = self[keyPath: results].made[drop] {
                lock.signal()
                return known
            }
            group = self[keyPath: results].running[drop] ?? start(make, for: drop, in: results)
        }
        lock.signal()
        guard wait, let group else { return nil }
        group.wait()
        lock.wait()
        defer { lock.signal() }
        return self[keyPath: results].made[drop]
    }

    /// Starts `make` on the queue as `drop`'s work in `results`, the lock held, and
    /// returns the group that ends with it.
    private func start<Result: Sendable>(
        _ make: @escaping @Sendable () -> Result, for drop: DataDrop,
        in results: ReferenceWritableKeyPath<BackgroundChanges, Results<Result>>
    ) -> DispatchGroup {
        let group = DispatchGroup()
        group.enter()
        self[keyPath: results].running[drop] = group
        nonisolated(unsafe) let results = results
        queue.async { [self] in
            let made = make()
            lock.wait()
            self[keyPath: results].made[drop] = made
            self[keyPath: results].running[drop] = nil
            lock.signal()
            group.leave()
        }
        return group
    }
}

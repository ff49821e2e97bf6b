import Dispatch
import Metrics

/// The header's count of figures turned red for a view of the overview's figures alone
/// (`TrustView.holdsOverviewFiguresOnly`), which cannot count it itself: the live
/// dashboard counts it on another thread from the drops its first frame rates read whole,
/// as the first frame of a view of whole drops counts it, and puts it here before it
/// reads the whole store. A ten-year store's header then has its count about a second
/// after the first frame rather than once all thirty drops are read.
///
/// A count crosses threads once, whole, through the lock, as `BackgroundReload`'s view
/// does. Until one is put here the header says it is counting: never a wrong number.
public final class TurnedRedCountAhead: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var counts: [DataDrop: TurnedRedCount] = [:]

    /// Makes one with nothing counted.
    public init() {}

    /// Keeps `count` as the count of `drop`.
    public func put(_ count: TurnedRedCount, of drop: DataDrop) {
        lock.wait()
        defer { lock.signal() }
        counts[drop] = count
    }

    /// The count of `drop` once it is put here; nil until then.
    public func count(of drop: DataDrop) -> TurnedRedCount? {
        lock.wait()
        defer { lock.signal() }
        return counts[drop]
    }
}

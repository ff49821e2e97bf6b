import Metrics
import Synchronization

/// Each drop's small-group protection (`SmallGroupProtection`), worked out once for a
/// view: rating a drop needs its own and the same term last year's, so the drops of the
/// overview's trend would otherwise each work out two, one of them another's. Shared
/// with the thread that counts a drop's changes, so it is behind a lock; two threads
/// that ask for one drop at once both work it out, and the first kept wins.
final class ProtectionCache: Sendable {
    private let calculator: FigureCalculator
    private let known = Mutex<[DataDrop: SmallGroupProtection]>([:])

    /// An empty cache for `calculator`'s records.
    init(calculator: FigureCalculator) {
        self.calculator = calculator
    }

    /// The protection of `drop`.
    func protection(_ drop: DataDrop) -> SmallGroupProtection {
        if let found = known.withLock({ $0[drop] }) { return found }
        let made = SmallGroupProtection(calculator: calculator, drop: drop)
        return known.withLock { cache in
            if let first = cache[drop] { return first }
            cache[drop] = made
            return made
        }
    }

    /// A rater of `drop` using the kept protections.
    func rater(_ drop: DataDrop, config: RatingConfig, similar: SimilarComparisons?) -> DropRater {
        DropRater(
            calculator: calculator, drop: drop, config: config, similar: similar,
            protections: (protection(drop), protection(drop.sameTermLastYear)))
    }
}

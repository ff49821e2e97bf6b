/// Finds the benchmark a figure is rated against.
///
/// Same measure and scope; the academy's phase, else all phases; the same pupil group,
/// else all pupils; the same year and term, else the latest earlier year with the same
/// term, else the latest earlier benchmark of any term. Each step falls back only when
/// nothing at all is usable at that step, so a phase figure from an older year wins
/// over an all-phases figure from a newer one.
public struct BenchmarkMatcher: Sendable {
    /// Why a benchmark from another period was used.
    public enum Period: Hashable, Sendable {
        /// The same year and term as the figure.
        case sameDrop
        /// An earlier year's figure for the same term.
        case earlierYearSameTerm
        /// The latest earlier figure of any term.
        case latestEarlier
    }

    /// A benchmark chosen for a figure, and how it was chosen.
    public struct Match: Hashable, Sendable {
        /// The benchmark.
        public var benchmark: Benchmark
        /// Which period rule found it.
        public var period: Period
    }

    private let byKPI: [KPI: [Benchmark]]
    /// The scope to match.
    public let scope: Benchmark.Scope

    /// Makes a matcher over `benchmarks` for `scope`.
    public init(benchmarks: [Benchmark], scope: Benchmark.Scope = .national) {
        self.scope = scope
        byKPI = Dictionary(grouping: benchmarks.filter { $0.scope == scope }, by: \.kpi)
    }

    /// The benchmark for `kpi` in `drop`, for an academy of `phase` (nil for the trust,
    /// which uses the all-phases figure) and `group`; nil when there is none.
    public func match(kpi: KPI, drop: DataDrop, phase: Phase?, group: PupilGroup) -> Match? {
        let usable = (byKPI[kpi] ?? []).filter { $0.drop <= drop }
        guard !usable.isEmpty else { return nil }
        var candidates = usable.filter { $0.phase == phase && phase != nil }
        if candidates.isEmpty { candidates = usable.filter { $0.phase == nil } }
        let sameGroup = candidates.filter { $0.group == group }
        candidates = sameGroup.isEmpty ? candidates.filter { $0.group == .all } : sameGroup
        if let exact = candidates.first(where: { $0.drop == drop }) {
            return Match(benchmark: exact, period: .sameDrop)
        }
        if let sameTerm = candidates.filter({ $0.term == drop.term }).max(by: { $0.year < $1.year }) {
            return Match(benchmark: sameTerm, period: .earlierYearSameTerm)
        }
        if let latest = candidates.max(by: { $0.drop < $1.drop }) {
            return Match(benchmark: latest, period: .latestEarlier)
        }
        return nil
    }
}

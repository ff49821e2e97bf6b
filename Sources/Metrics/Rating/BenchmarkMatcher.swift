/// Finds the benchmark a figure is rated against, or says why there is none.
///
/// Same measure and scope, and a benchmark that fits the figure in time and in kind:
///
/// - **Recent.** From the figure's academic year or the one before, never older, and
///   never from or across the pandemic years 2019/20 and 2020/21: no benchmark from those
///   years is used, and no figure of those years is rated against one.
/// - **The school's own kind.** The academy's phase, else the all-phases figure. A special
///   school or alternative provision is compared only with its own phase: with none, its
///   figure is not rated. (The trust's benchmark is made from its academies' own; see
///   `PhaseMix`. Asked with no phase, the matcher gives the all-phases figure.)
/// - **The same pupils.** The same pupil group, else all pupils.
/// - **The same period.** The same year and term (the DfE publishes absence for the
///   autumn term, autumn and spring, and the full year), else the previous year's same
///   term, else the latest of any term.
///
/// Each step falls back only when nothing at all is usable at that step, so a phase
/// figure from the year before wins over an all-phases figure from this year.
public struct BenchmarkMatcher: Sendable {
    /// Why a benchmark from another period was used.
    public enum Period: Hashable, Sendable {
        /// The same year and term as the figure.
        case sameDrop
        /// The previous year's figure for the same term.
        case earlierYearSameTerm
        /// The latest usable figure of another term.
        case latestEarlier
    }

    /// A benchmark chosen for a figure, and how it was chosen.
    public struct Match: Hashable, Sendable {
        /// The benchmark. For the trust, the phase-mix value, with no phase.
        public var benchmark: Benchmark
        /// Which period rule found it.
        public var period: Period
        /// For the trust: how the benchmark was made from its academies' own. Nil for an
        /// academy's benchmark.
        public var mix: PhaseMix?
        /// For `benchmark_scope: similar`: the academy's similar schools, whose median is
        /// `benchmark`'s value. Nil for a national or local-authority benchmark.
        public var similar: SimilarSchoolsComparison?

        /// Makes a match.
        public init(
            benchmark: Benchmark, period: Period, mix: PhaseMix? = nil,
            similar: SimilarSchoolsComparison? = nil
        ) {
            self.benchmark = benchmark
            self.period = period
            self.mix = mix
            self.similar = similar
        }

        /// The period the benchmark covers, such as "2023/24 autumn and spring"; for a
        /// phase mix, each distinct period of its parts, joined by "; ".
        public var periodText: String {
            guard let mix else { return benchmark.period }
            var periods: [String] = []
            for part in mix.parts where !periods.contains(part.benchmark.period) {
                periods.append(part.benchmark.period)
            }
            return periods.joined(separator: "; ")
        }

        /// How a screen names a benchmark of another period beside the figure: nil for the
        /// figure's own period; the year for an earlier year's same term ("2023/24"); the
        /// whole period for another term ("2018/19 autumn"), so that a full-year figure is
        /// never shown beside an autumn national figure as if the two were alike.
        public var periodNote: String? {
            switch period {
            case .sameDrop: nil
            case .earlierYearSameTerm: "\(benchmark.year)"
            case .latestEarlier: periodText
            }
        }
    }

    /// A benchmark, or why there is none.
    public enum Outcome: Hashable, Sendable {
        case found(Match)
        case missing(BenchmarkMiss)

        /// The match, if one was found.
        public var match: Match? {
            if case .found(let match) = self { return match }
            return nil
        }

        /// Why there is no benchmark, if there is none.
        public var miss: BenchmarkMiss? {
            if case .missing(let miss) = self { return miss }
            return nil
        }
    }

    /// 2019/20, the first academic year the pandemic disrupted.
    public static let firstPandemicYear = AcademicYear(2019)
    /// 2020/21, the last.
    public static let lastPandemicYear = AcademicYear(2020)

    /// True for 2019/20 and 2020/21, whose figures are never compared with national ones.
    public static func isPandemic(_ year: AcademicYear) -> Bool {
        year >= firstPandemicYear && year <= lastPandemicYear
    }

    /// The academic years whose benchmarks may rate a figure of `year`, latest first:
    /// the year itself and the one before, leaving out the pandemic years.
    public static func usableYears(for year: AcademicYear) -> [AcademicYear] {
        guard !isPandemic(year) else { return [] }
        return [year, year.previous].filter { !isPandemic($0) }
    }

    /// True for the phases compared only with their own kind: special schools and
    /// alternative provision, whose absence and attainment differ too much from
    /// mainstream schools' for the all-phases figure to say anything about them.
    public static func comparesOnlyWithItsOwnPhase(_ phase: Phase) -> Bool {
        switch phase {
        case .special, .alternativeProvision: true
        case .primary, .secondary, .allThrough: false
        }
    }

    private let byKPI: [KPI: [Benchmark]]
    /// The scope to match.
    public let scope: Benchmark.Scope

    /// Makes a matcher over `benchmarks` for `scope`.
    public init(benchmarks: [Benchmark], scope: Benchmark.Scope = .national) {
        self.scope = scope
        byKPI = Dictionary(grouping: benchmarks.filter { $0.scope == scope }, by: \.kpi)
    }

    /// The benchmark for `kpi` in `drop`, for an academy of `phase` (nil for the
    /// all-phases figure) and `group`; nil when there is none.
    public func match(kpi: KPI, drop: DataDrop, phase: Phase?, group: PupilGroup) -> Match? {
        outcome(kpi: kpi, drop: drop, phase: phase, group: group).match
    }

    /// The benchmark for `kpi` in `drop`, for an academy of `phase` (nil for the
    /// all-phases figure) and `group`, or why there is none.
    public func outcome(kpi: KPI, drop: DataDrop, phase: Phase?, group: PupilGroup) -> Outcome {
        let upToDrop = (byKPI[kpi] ?? []).filter { $0.drop <= drop }
        let years = Self.usableYears(for: drop.year)
        let recent = upToDrop.filter { years.contains($0.year) }
        let candidates = Self.ofKind(recent, phase: phase, group: group)
        if let exact = candidates.first(where: { $0.drop == drop }) {
            return .found(Match(benchmark: exact, period: .sameDrop))
        }
        if let sameTerm = candidates.filter({ $0.term == drop.term }).max(by: { $0.year < $1.year }) {
            return .found(Match(benchmark: sameTerm, period: .earlierYearSameTerm))
        }
        if let latest = candidates.max(by: { $0.drop < $1.drop }) {
            return .found(Match(benchmark: latest, period: .latestEarlier))
        }
        let onlyPhase = phase.flatMap { Self.comparesOnlyWithItsOwnPhase($0) ? $0 : nil }
        let tooOld = Self.ofKind(upToDrop, phase: phase, group: group).max(by: { $0.drop < $1.drop })
        return .missing(
            BenchmarkMiss(kpi: kpi, drop: drop, scope: scope, onlyPhase: onlyPhase, latest: tooOld))
    }

    /// The benchmarks of `benchmarks` for an academy of `phase` and `group`: its own
    /// phase's, else (not for a special school or alternative provision) the all-phases
    /// ones; then the group's own, else all pupils'.
    private static func ofKind(_ benchmarks: [Benchmark], phase: Phase?, group: PupilGroup) -> [Benchmark] {
        var candidates = benchmarks.filter { $0.phase == phase && phase != nil }
        if candidates.isEmpty, phase.map(comparesOnlyWithItsOwnPhase) != true {
            candidates = benchmarks.filter { $0.phase == nil }
        }
        let sameGroup = candidates.filter { $0.group == group }
        return sameGroup.isEmpty ? candidates.filter { $0.group == .all } : sameGroup
    }
}

/// Rates the figures of one drop, one academy at a time, each with its benchmark, rule
/// and like-for-like previous value.
///
/// Reports stream through it academy by academy, so a national-scale drop never holds
/// every rated figure at once; `RatedDrop` keeps them all for the dashboard.
public struct DropRater: Sendable {
    /// The drop rated.
    public let drop: DataDrop
    /// The figures' source.
    public let calculator: FigureCalculator
    /// The rating rules and benchmarks.
    public let rater: Rater
    /// Each academy's figures against its similar schools: the benchmarks of
    /// `benchmark_scope: similar`, and the trust's expected figure. Nil when the caller gave
    /// none (the dashboard does not look them up yet) or the store has no census and
    /// school-level outcomes for the drop.
    public let similar: SimilarComparisons?

    /// The benchmark (or why there is none) for each KPI × phase (or none) × pupil group,
    /// at `slot`.
    let answers: [BenchmarkMatcher.Outcome]
    /// Every school's values in England for the drop, by KPI and phase.
    private let distributions: [KPI: [Phase: NationalDistribution]]
    /// What the drop hides to protect small groups, and what the same term last year
    /// hides, so that a previous value is hidden exactly where it was hidden then.
    public let protection: SmallGroupProtection
    let protectionLastYear: SmallGroupProtection
    /// The KPIs whose trust-wide rule rates a figure on its change since the same term last
    /// year (`RatingRule.change`): the only ones whose rating needs last year's figure.
    let kpisRatedOnChange: Set<KPI>

    static func slot(_ kpi: KPI, _ phase: Phase?, _ group: PupilGroup) -> Int {
        let phaseIndex = phase.map { Phase.allCases.firstIndex(of: $0) ?? 0 } ?? Phase.allCases.count
        return slot(kpiIndex: kpi.index, phaseIndex: phaseIndex, groupIndex: group.index)
    }

    /// The slot of a KPI, phase (`Phase.allCases.count` for none) and pupil group by their
    /// indexes, for callers that have them already (`FigureCalculator.smallKey` holds the
    /// KPI's and the group's).
    static func slot(kpiIndex: Int, phaseIndex: Int, groupIndex: Int) -> Int {
        (kpiIndex * (Phase.allCases.count + 1) + phaseIndex) * PupilGroup.allCases.count + groupIndex
    }

    /// Prepares to rate `drop` of `data` with `config`, with the academies' `similar`
    /// schools when known.
    public init(data: TrustData, drop: DataDrop, config: RatingConfig, similar: SimilarComparisons? = nil) {
        self.init(calculator: FigureCalculator(data: data), drop: drop, config: config, similar: similar)
    }

    /// Prepares to rate `drop` with a calculator already made, with the academies'
    /// `similar` schools when known.
    ///
    /// `protections`, when given, are `SmallGroupProtection(calculator:drop:)` of `drop`
    /// and of the same term last year with this calculator, worked out already: a caller
    /// that rates many drops (the dashboard's trend) keeps each drop's, since one drop's
    /// is also the next year's last-year one.
    public init(
        calculator: FigureCalculator, drop: DataDrop, config: RatingConfig,
        similar: SimilarComparisons? = nil,
        protections: (drop: SmallGroupProtection, lastYear: SmallGroupProtection)? = nil
    ) {
        self.drop = drop
        self.calculator = calculator
        self.similar = similar
        let data = calculator.data
        let rater = Rater(config: config, academies: data.academies, benchmarks: data.benchmarks)
        self.rater = rater
        kpisRatedOnChange = Set(
            KPI.allCases.filter { if case .change = config.rule(for: $0) { true } else { false } })
        // Every benchmark question is answered once here rather than once per figure.
        let phases: [Phase?] = [nil] + Phase.allCases.map { $0 }
        var answers = [BenchmarkMatcher.Outcome?](
            repeating: nil, count: KPI.allCases.count * phases.count * PupilGroup.allCases.count)
        for kpi in KPI.allCases {
            for phase in phases {
                for group in PupilGroup.allCases {
                    answers[Self.slot(kpi, phase, group)] = rater.matcher.outcome(
                        kpi: kpi, drop: drop, phase: phase, group: group)
                }
            }
        }
        // Every slot is filled above; the fallback only keeps the type non-optional.
        self.answers = answers.map {
            $0 ?? .missing(BenchmarkMiss(kpi: .attendanceRate, drop: drop, scope: rater.matcher.scope))
        }
        var distributions: [KPI: [Phase: NationalDistribution]] = [:]
        for distribution in data.distributions where distribution.drop == drop {
            distributions[distribution.kpi, default: [:]][distribution.phase] = distribution
        }
        self.distributions = distributions
        // Given ready-made by a view that keeps each drop's protection; otherwise worked
        // out one year after the other, each on every core (each reads only its own drop).
        // Side by side inside `concurrentPerform`, each got one thread (GCD divides the
        // threads among nested calls), so a drop with no last year ran on one core.
        if let protections {
            protection = protections.drop
            protectionLastYear = protections.lastYear
        } else {
            protection = SmallGroupProtection(calculator: calculator, drop: drop)
            protectionLastYear = SmallGroupProtection(calculator: calculator, drop: drop.sameTermLastYear)
        }
    }

    /// Where an academy's figure stands among every school of its phase in England; nil
    /// for the trust, a pupil group, a suppressed figure, or when no distribution is known.
    /// An all-through academy is compared with primary schools on a Year 1–6 figure and
    /// with secondary schools on a Year 7–13 one. (`rate` asks only when the drop has
    /// distributions, as most drops have none.)
    func standing(of rated: RatedFigure, phase: Phase?) -> RatedFigure.NationalStanding? {
        let figure = rated.figure
        guard figure.owner != .trust, figure.group == .all, let shown = rated.shown, var phase,
            let byPhase = distributions[figure.kpi]
        else { return nil }
        if phase == .allThrough, case .year(let year) = figure.yearGroup {
            phase = year <= 6 ? .primary : .secondary
        }
        guard let distribution = byPhase[phase], let percentile = distribution.percentile(of: shown) else {
            return nil
        }
        return RatedFigure.NationalStanding(
            percentile: percentile, phase: phase, schools: distribution.count, source: distribution.source)
    }

    /// The academies with data in the drop, by URN.
    public var academiesWithData: [URN] { calculator.index.academies(in: drop) }

    /// One academy's rated figures, in report order (KPI, pupil group, year group).
    public func rated(_ urn: URN) -> [RatedFigure] {
        rated(urn, keys: nil)
    }

    /// One academy's rated figures among `keys` (by `FigureCalculator.smallKey`), in report
    /// order, each rated exactly as `rated(_:)` rates it: the dashboard's overview needs a
    /// few headline figures of every academy, and rating only those keeps a large store
    /// quick to open and small in memory.
    public func rated(_ urn: URN, keys: Set<Int>?, ratingsOnly: Bool = false) -> [RatedFigure] {
        var rated: [RatedFigure] = []
        forEachRated(urn, keys: keys, ratingsOnly: ratingsOnly) { rated.append($0) }
        return rated
    }

    /// Calls `body` with each of one academy's rated figures among `keys` (all when nil),
    /// in report order: the figures `rated(_:keys:)` gives, each passed on as it is rated
    /// rather than gathered first. A report writes millions of them, and a list of rated
    /// figures per academy, each several hundred bytes, was copied in and out again.
    ///
    /// With `ratingsOnly`, each figure is rated exactly as without it, but its previous
    /// value is given only where its rating needs it (`kpisRatedOnChange`): the header's
    /// count of figures turned red wants ratings alone, and made every academy's figures of
    /// the same term last year for the few rated on their change.
    public func forEachRated(
        _ urn: URN, keys: Set<Int>? = nil, ratingsOnly: Bool = false, _ body: (inout RatedFigure) -> Void
    ) {
        // With keys, only the rows that can give them are made into figures.
        func figures(in drop: DataDrop) -> [Figure] {
            guard let keys else { return calculator.figures(of: urn, in: drop) }
            return calculator.figures(of: urn, in: drop, keys: keys)
        }
        // Last year's hidden keys looked up once for the academy, not once per figure.
        let hiddenLastYear = protectionLastYear.hiddenKeys(of: .academy(urn))
        // The figures of the KPIs rated on their change keep their order among all of
        // last year's, so the first of two with one key is the same figure.
        let lastYear =
            !ratingsOnly
            ? figures(in: drop.sameTermLastYear)
            : kpisRatedOnChange.isEmpty
                ? []
                : calculator.figures(
                    of: urn, in: drop.sameTermLastYear, wanted: WantedKeys(kpis: kpisRatedOnChange))
        let previous = Dictionary(
            lastYear.lazy.map {
                let key = FigureCalculator.smallKey($0)
                return (key, SmallGroupProtection.applied(to: $0, key: key, hiddenKeys: hiddenLastYear))
            },
            uniquingKeysWith: { first, _ in first })
        let figures = figures(in: drop)
        let phase = rater.phase(of: urn)
        guard rater.config.ratesAgainstSimilarSchools else {
            return rate(
                figures, previous: previous, phase: phase,
                outcome: { answers[Self.slot($0.kpi, phase, $0.group)] }, each: body)
        }
        // Similar scope: the group's median where the figure has a comparison, else the
        // national benchmark, and the explanation says which.
        let why =
            similar == nil
            ? "no similar schools were found for this drop"
            : "no similar schools' figure is known for this one"
        rate(
            figures, previous: previous, phase: phase,
            outcome: { figure in
                let national = answers[Self.slot(figure.kpi, phase, figure.group)]
                guard let value = figure.shown,
                    let comparison = similar?.comparison(
                        urn: urn, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup,
                        drop: figure.drop, value: value)
                else { return national }
                return .found(comparison.benchmark(kpi: figure.kpi, phase: phase, for: figure.drop))
            },
            each: { rated in
                if rated.shown != nil && rated.benchmark?.similar == nil { rated.similarFallback = why }
                body(&rated)
            })
    }

    /// Rates `figures` in report order, each against the benchmark `outcome` gives it.
    func rate(
        _ figures: [Figure], previous: [Int: Figure], phase: Phase?,
        outcome: (Figure) -> BenchmarkMatcher.Outcome
    ) -> [RatedFigure] {
        var rated: [RatedFigure] = []
        rated.reserveCapacity(figures.count)
        rate(figures, previous: previous, phase: phase, outcome: outcome) { rated.append($0) }
        return rated
    }

    /// Rates `figures` in report order, each against the benchmark `outcome` gives it, and
    /// calls `body` with each as it is rated.
    func rate(
        _ figures: [Figure], previous: [Int: Figure], phase: Phase?,
        outcome: (Figure) -> BenchmarkMatcher.Outcome, each body: (inout RatedFigure) -> Void
    ) {
        let keys = figures.map(FigureCalculator.smallKey)
        let order = Self.keyOrder(keys)
        // Every figure here has one owner (an academy, or the trust).
        let hiddenKeys = figures.first.map { protection.hiddenKeys(of: $0.owner) } ?? []
        for position in order {
            let key = keys[position]
            // Made in place, then protected, given its previous value and rated there
            // (`Rater.rate(_:outcome:)`): its figure and previous figure were each copied
            // at every step on their way in, millions of times in a national report.
            var rated = RatedFigure(figure: figures[position], rating: .none)
            SmallGroupProtection.apply(to: &rated.figure, key: key, hiddenKeys: hiddenKeys)
            // Teacher assessment and statutory results are never compared, nor a year with
            // a pandemic year (2019/20, 2020/21), whose figures were gathered differently.
            if !previous.isEmpty, let before = previous[key], before.basis == rated.figure.basis,
                !RatingChange.Comparison.crossesPandemic(before.drop, rated.figure.drop)
            {
                rated.previous = before
            }
            // A suppressed figure is rated without its benchmark, which is not looked up:
            // each copy of one retains its texts, and a fifth of a report's figures are
            // suppressed.
            let found = rated.figure.isSuppressed ? nil : outcome(rated.figure)
            rater.rate(&rated, outcome: found)
            if !distributions.isEmpty { rated.nationalPercentile = standing(of: rated, phase: phase) }
            body(&rated)
        }
    }

    /// The positions of `keys` in key order, equal keys in the order given: what sorting
    /// the positions by their keys gives. Each key is packed above its position into one
    /// integer and the integers sorted as they are, not through a closure that looks both
    /// keys up at every comparison: sorting each academy's figures that way was 3.5% of a
    /// report's instructions. A key of 44 bits or more, which no small key is, is sorted
    /// the slow way.
    static func keyOrder(_ keys: [Int]) -> [Int] {
        let positionBits = 20
        guard keys.count < 1 << positionBits,
            keys.allSatisfy({ $0 >= 0 && $0 < 1 << (Int.bitWidth - 1 - positionBits) })
        else { return keys.indices.sorted { keys[$0] < keys[$1] } }
        var packed = keys.indices.map { keys[$0] << positionBits | $0 }
        packed.sort()
        let mask = 1 << positionBits - 1
        return packed.map { $0 & mask }
    }
}

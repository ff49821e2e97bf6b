/// Rates figures: finds the benchmark and rule for each and decides red, amber or green
/// on the value as shown.
public struct Rater: Sendable {
    /// The settings.
    public let config: RatingConfig
    /// The benchmarks, for the configured scope.
    public let matcher: BenchmarkMatcher
    /// Academy phases by URN.
    private let phases: [URN: Phase]

    /// Makes a rater for a trust's academies and benchmarks.
    public init(config: RatingConfig, academies: [Academy], benchmarks: [Benchmark]) {
        self.config = config
        matcher = BenchmarkMatcher(benchmarks: benchmarks, scope: config.benchmarkScope)
        phases = Dictionary(academies.map { ($0.urn, $0.phase) }, uniquingKeysWith: { first, _ in first })
    }

    /// The phase a figure is benchmarked by: its academy's, or nil for the trust.
    public func phase(of figure: Figure) -> Phase? {
        figure.owner.urn.flatMap { phases[$0] }
    }

    /// The phase of the academy `urn`, if it is one of the trust's.
    public func phase(of urn: URN) -> Phase? { phases[urn] }

    /// The benchmark for `figure`.
    public func benchmark(for figure: Figure) -> BenchmarkMatcher.Match? {
        outcome(for: figure).match
    }

    /// The benchmark for `figure`, or why there is none. For a trust figure alone this is
    /// the all-phases figure: the trust's own benchmark is weighted by its academies'
    /// counts, which only `DropRater.ratedTrust()` has.
    public func outcome(for figure: Figure) -> BenchmarkMatcher.Outcome {
        matcher.outcome(kpi: figure.kpi, drop: figure.drop, phase: phase(of: figure), group: figure.group)
    }

    /// Rates `figure`, with `previous` the same figure one year earlier.
    public func rate(_ figure: Figure, previous: Figure? = nil) -> RatedFigure {
        rate(figure, previous: previous, outcome: outcome(for: figure))
    }

    /// Rates `figure` against a benchmark already found for it (callers rating many
    /// figures look each benchmark up once).
    public func rate(_ figure: Figure, previous: Figure?, benchmark: BenchmarkMatcher.Match?) -> RatedFigure {
        rate(figure, previous: previous, outcome: benchmark.map { .found($0) })
    }

    /// Rates `figure` against a benchmark already found for it, or with the reason there
    /// is none.
    public func rate(_ figure: Figure, previous: Figure?, outcome: BenchmarkMatcher.Outcome?) -> RatedFigure {
        var rated = RatedFigure(figure: figure, rating: .none, previous: previous)
        rate(&rated, outcome: outcome)
        return rated
    }

    /// Rates `rated`, a figure and its previous value not rated yet, in place, against a
    /// benchmark already found for it, or with the reason there is none: what
    /// `rate(_:previous:outcome:)` gives. A report rates millions of figures, and a rated
    /// figure of 880 bytes made here and returned was copied twice more on its way to
    /// the report's row. `outcome` is consumed: its benchmark, or the reason there is
    /// none, is moved into `rated` rather than copied out of it (each copy retained the
    /// benchmark's texts, a tenth of a report's instructions).
    func rate(_ rated: inout RatedFigure, outcome: consuming BenchmarkMatcher.Outcome?) {
        let figure = rated.figure
        let kpi = figure.kpi
        if figure.isSuppressed {
            rated.rating = .suppressed
            return
        }
        guard let shown = figure.shown else { return }
        // A measure that does not exist for the year (Progress 8 for 2024/25, say) is shown
        // but not rated; the explanation gives `KPI.notPublishedReason(in:)`.
        if kpi.notPublishedReason(in: figure.drop.year) != nil { return }
        // National absence covers Years 1–11 only, so Reception and the sixth form have none.
        if !Self.outsideNationalFigures(figure) {
            switch consume outcome {
            case .found(let match)?: rated.benchmark = match
            case .missing(let miss)?: rated.benchmarkMiss = miss
            case nil: break
            }
        }
        let trustRule = config.rule(for: kpi)
        let target = figure.owner.urn.flatMap { config.target(for: $0, kpi) }
        rated.target = target
        if target == nil, kpi.isProgress, let interval = figure.publication?.interval {
            rated.origin = .confidenceInterval
            rated.rating =
                interval.lowerBound > 0 ? .green : interval.upperBound < 0 ? .red : .amber
            return
        }
        let sign: Double = kpi.direction == .higherIsBetter ? 1 : -1
        if let target {
            rated.origin = .academyTarget
            rated.rule = trustRule
            rated.greenLine = target.green
            if let amber = target.amber {
                rated.amberLine = amber
            } else if case .benchmark(let within) = trustRule {
                rated.amberLine = target.green - sign * within
            } else if case .absolute(let green, let amber) = trustRule {
                rated.amberLine = target.green - (green - amber)
            }
            // A change rule has no margin on the level to carry over: a target without its
            // own amber line is green or red.
        } else if let trustRule {
            rated.rule = trustRule
            rated.origin = config.rules[kpi] == nil ? .builtIn : .config
            switch trustRule {
            case .absolute(let green, let amber):
                rated.greenLine = green
                rated.amberLine = amber
            case .benchmark(let within):
                guard let value = rated.benchmark?.benchmark.value else { return }
                rated.greenLine = value
                rated.amberLine = value - sign * within
            case .change:
                // Its lines are on the change, not the level, so `greenLine` stays nil.
                Self.rateOnChange(&rated)
                return
            }
        }
        guard var green = rated.greenLine else { return }
        // Lines are compared as they are shown, at the KPI's decimals: a benchmark of
        // 91.11 is shown as 91.1, so a value shown as 91.1 meets it.
        green = DisplayRounding.round(green, decimals: kpi.decimals)
        let amber = DisplayRounding.round(rated.amberLine ?? green, decimals: kpi.decimals)
        rated.greenLine = green
        rated.amberLine = rated.amberLine == nil ? nil : amber
        rated.rating = Self.rating(shown, green: green, amber: amber, sign: sign)
    }

    /// Rates a figure whose trust-wide rule is `.change` on its change since the same term
    /// last year, as shown (`RatedFigure.change`), against the rule's lines at the KPI's
    /// decimals; no change to rate (no figure last year, or the trust's change withheld)
    /// leaves it unrated. A change past the amber line is red only when it is beyond chance
    /// (`ChangeSignificance`): in a group of 40 pupils one pupil is 2.5 points, so a rise
    /// that could be chance is amber, a watch, not a red. Anything else is left as it is.
    /// `DropRater` calls it again once a trust figure's last year is settled like for like.
    public static func rateOnChange(_ rated: inout RatedFigure) {
        guard case .change(let green, let amber) = rated.rule, rated.origin != .academyTarget,
            rated.rating != .suppressed
        else { return }
        guard let change = rated.change else {
            rated.rating = .none
            return
        }
        let kpi = rated.figure.kpi
        let sign: Double = kpi.direction == .higherIsBetter ? 1 : -1
        rated.rating = rating(
            change, green: DisplayRounding.round(green, decimals: kpi.decimals),
            amber: DisplayRounding.round(amber, decimals: kpi.decimals), sign: sign)
        if rated.rating == .red, changeSignificance(of: rated)?.verdict == .couldBeChance {
            rated.rating = .amber
        }
    }

    /// The two-proportion test of the change a change rule rates: last year's figure against
    /// this one (for the trust, like for like); nil with no figure last year.
    public static func changeSignificance(of rated: RatedFigure) -> ChangeSignificance? {
        guard let previous = rated.previous else { return nil }
        return ChangeSignificance(old: previous, new: rated.likeForLike ?? rated.figure)
    }

    /// True for an attendance figure of a year group that national absence figures do not
    /// cover: they count pupils of compulsory school age (Years 1–11), so Nursery,
    /// Reception and the sixth form have no national comparator.
    public static func outsideNationalFigures(_ figure: Figure) -> Bool {
        guard figure.kpi.isAttendance else { return false }
        switch figure.yearGroup {
        case .all: return false
        case .nursery, .reception: return true
        case .year(let year): return year > 11
        }
    }

    /// Red, amber or green for a shown value against its lines; `sign` is 1 when higher
    /// is better and -1 when lower is. Lines are compared with a tolerance far below the
    /// shown precision, so 93.5 meets a line of 93.5 however it is held in binary.
    static func rating(_ shown: Double, green: Double, amber: Double, sign: Double) -> RAGRating {
        let tolerance = 1e-9
        if sign * (shown - green) >= -tolerance { return .green }
        if sign * (shown - amber) >= -tolerance { return .amber }
        return .red
    }
}

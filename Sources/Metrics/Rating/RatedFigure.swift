/// A figure with its rating and everything needed to explain it.
public struct RatedFigure: Hashable, Sendable {
    /// Where the rule that rated a figure came from.
    public enum RuleOrigin: Hashable, Sendable {
        /// The built-in trust default.
        case builtIn
        /// The trust's config file.
        case config
        /// A target set for this academy.
        case academyTarget
        /// The DfE's way for a progress score with a published confidence interval:
        /// green when the whole interval is above 0, red when it is below, amber when it
        /// spans 0.
        case confidenceInterval
    }

    /// The figure.
    public var figure: Figure
    /// Its rating.
    public var rating: RAGRating
    /// The benchmark it was compared with, if any.
    public var benchmark: BenchmarkMatcher.Match?
    /// Why there is no benchmark, when there is none (and the figure is not suppressed).
    public var benchmarkMiss: BenchmarkMiss?
    /// The line at or better than which it is green, if a rule applied.
    public var greenLine: Double?
    /// The line at or better than which it is amber, if a rule applied.
    public var amberLine: Double?
    /// Where the rule came from.
    public var origin: RuleOrigin?
    /// The rule used, if any.
    public var rule: RatingRule?
    /// The target for this academy, if one is set.
    public var target: RatingTarget?
    /// The same KPI, group and term one academic year earlier. For the trust, when
    /// academies joined or left since, it is summed over only the academies with the
    /// figure in both years, as `likeForLike` is.
    public var previous: Figure?
    /// For the trust, when academies joined or left since the same term last year: this
    /// drop's figure over only the academies with it in both years, which `change` is
    /// worked out from; nil when the academies are the same.
    public var likeForLike: Figure?
    /// True when the trust's change is not shown because academies joined or left and
    /// the difference between the full and like-for-like figures could reveal a hidden
    /// group.
    public var changeWithheld = false
    /// When the config rates against similar schools (`benchmark_scope: similar`) but this
    /// academy figure has none, why: it was compared with the national benchmark instead,
    /// and the explanation says so. Nil otherwise, and for the trust, which is rated
    /// against its phase mix and given `similarExpected` beside it.
    public var similarFallback: String?
    /// For the trust: what its figure would be if each academy matched its similar
    /// schools, each academy's similar-schools median weighted as the trust figure weights
    /// the academy (its pupils, sessions or cohort; see `DropRater.ratedTrust()`). Nil for
    /// an academy, and when any academy in the trust figure has no comparison or a hidden
    /// figure.
    public var similarExpected: Double?
    /// The share of schools of the academy's phase in England with a worse value, when
    /// a national distribution for the KPI and drop is known (see `NationalDistribution`).
    public var nationalPercentile: NationalStanding?

    /// Where an academy stands among every school of its phase in England.
    public struct NationalStanding: Hashable, Sendable {
        /// The percentage of schools with a worse value, ties counted half, rounded down.
        public var percentile: Int
        /// The phase compared with.
        public var phase: Phase
        /// Schools in the distribution.
        public var schools: Int
        /// Where the distribution comes from.
        public var source: String

        /// Makes a standing.
        public init(percentile: Int, phase: Phase, schools: Int, source: String) {
            self.percentile = percentile
            self.phase = phase
            self.schools = schools
            self.source = source
        }

        /// "better than 72% of primary schools".
        public var text: String {
            "better than \(percentile)% of \(phase.schoolsLabel) in England"
        }
    }

    /// True when the figure is hidden because the DfE published `SUPP` for it, which is
    /// not always a small group, rather than because trustboard hides it.
    public var isSuppressedByDfE: Bool { rating == .suppressed && figure.publication?.suppressed == true }

    /// True when the value is a trust-wide percentage that had to weight some academies'
    /// rounded percentages by pupils (see `Figure.Publication.isApproximate`): shown with
    /// `≈` and reported as `approximate`.
    public var isApproximate: Bool { figure.publication?.isApproximate == true && shown != nil }

    /// The value as shown, or nil when there is none or it is suppressed.
    public var shown: Double? { rating == .suppressed ? nil : figure.shown }

    /// The previous value as shown, or nil when absent or suppressed.
    public var previousShown: Double? {
        guard let previous, !previous.isSuppressed, rating != .suppressed else { return nil }
        return previous.shown
    }

    /// Value minus previous, on the shown values so the arithmetic can be checked by eye.
    public var change: Double? { change(shown: shown, previousShown: previousShown) }

    /// `change` from `shown` and `previousShown` already worked out: a report writes both
    /// beside the change, and each costs a division and a rounding.
    func change(shown: Double?, previousShown: Double?) -> Double? {
        guard var shown, let previousShown else { return nil }
        if let likeForLike {
            guard !likeForLike.isSuppressed, let same = likeForLike.shown else { return nil }
            shown = same
        }
        return DisplayRounding.round(shown - previousShown, decimals: figure.kpi.decimals)
    }

    /// True when the change is an improvement, false when it is worse, nil when there is
    /// no change or no previous.
    public var changeIsBetter: Bool? {
        guard let change, change != 0 else { return nil }
        return (change > 0) == (figure.kpi.direction == .higherIsBetter)
    }
}

/// One figure whose red/amber/green rating moved between an earlier drop and the drop
/// selected, or that stayed red and got worse: one academy (or the trust) × KPI × pupil
/// group × year group, against either the previous drop or the same drop last year.
///
/// Both values are the values as shown and never belong to a suppressed group: a figure
/// whose group had fewer than six pupils on either side is not a rating change and is
/// never made into one (see `init?(old:new:comparedWith:name:)`).
public struct RatingChange: Hashable, Sendable {
    /// Which earlier drop a figure is compared with.
    public enum Comparison: String, CaseIterable, Comparable, Sendable {
        /// The drop just before, `DataDrop.previous`.
        case previousDrop = "previous_drop"
        /// The same term a year earlier, `DataDrop.sameTermLastYear`.
        case lastYear = "last_year"

        /// How the comparison is named on screen: "previous drop", "last year".
        public var label: String {
            switch self {
            case .previousDrop: "previous drop"
            case .lastYear: "last year"
            }
        }

        /// The comparison the overview's header counts and the changes page opens on for
        /// `drop`: the drop before it within the academic year when that drop has data
        /// (`hasData`), else the same term last year (in autumn, or when the term before
        /// was never ingested).
        public static func header(for drop: DataDrop, hasData: (DataDrop) -> Bool) -> Self {
            previousDrop.isLikeForLike(for: drop) && hasData(drop.previous) ? .previousDrop : .lastYear
        }

        /// The earlier drop compared with `drop`.
        public func earlierDrop(than drop: DataDrop) -> DataDrop {
            switch self {
            case .previousDrop: drop.previous
            case .lastYear: drop.sameTermLastYear
            }
        }

        /// True when the comparison is fair for `drop`. The previous drop is compared
        /// only inside one academic year: across the boundary (autumn against last
        /// summer) it would set this year's teacher assessment of one cohort against last
        /// year's statutory results of another, and a term's attendance against a whole
        /// year's. There, only the same term last year compares like with like.
        public func isLikeForLike(for drop: DataDrop) -> Bool {
            switch self {
            case .previousDrop: drop.previous.year == drop.year
            case .lastYear: true
            }
        }

        /// True when `earlier` and `later` are of different school years and either is a
        /// pandemic year (2019/20, 2020/21): the DfE gathered and published those years'
        /// figures differently, so they are compared with no other year.
        public static func crossesPandemic(_ earlier: DataDrop, _ later: DataDrop) -> Bool {
            earlier.year != later.year
                && (BenchmarkMatcher.isPandemic(earlier.year) || BenchmarkMatcher.isPandemic(later.year))
        }

        public static func < (lhs: Comparison, rhs: Comparison) -> Bool {
            lhs == .previousDrop && rhs == .lastYear
        }
    }

    /// The kinds of change, in the order they are listed: worst news first.
    public enum Band: Int, CaseIterable, Comparable, Sendable {
        /// Was green or amber, now red.
        case turnedRed
        /// Red before and now, with the value moved the bad way.
        case redAndWorse
        /// Was green, now amber.
        case nowAmber
        /// A better rating than before: red to amber, red to green or amber to green.
        case improved

        /// The heading on screen and in reports: "Turned red", "Red and worse"…
        public var title: String {
            switch self {
            case .turnedRed: "Turned red"
            case .redAndWorse: "Red and worse"
            case .nowAmber: "Now amber"
            case .improved: "Improved"
            }
        }

        public static func < (lhs: Band, rhs: Band) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// Whose figure: an academy or the trust.
    public var owner: Figure.Owner
    /// The academy's name, or the trust's.
    public var name: String
    /// The KPI.
    public var kpi: KPI
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// Which earlier drop the figure is compared with.
    public var comparedWith: Comparison
    /// The drop selected.
    public var drop: DataDrop
    /// The earlier drop.
    public var oldDrop: DataDrop
    /// The value as shown in the earlier drop: a percentage 0–100, or an average score.
    public var oldValue: Double
    /// The rating in the earlier drop: red, amber or green.
    public var oldRating: RAGRating
    /// The value as shown in the drop selected.
    public var newValue: Double
    /// The rating in the drop selected: red, amber or green.
    public var newRating: RAGRating
    /// New shown value minus old shown value, rounded to the KPI's decimals so that the
    /// sum can be checked by eye.
    public var change: Double
    /// The kind of change.
    public var band: Band
    /// Pupils behind the earlier value, when known (nil for a figure published without
    /// them).
    public var oldPupils: Int?
    /// Pupils behind the value now, when known.
    public var newPupils: Int?
    /// Whether the move is larger than the groups' sizes make likely by chance, worked out
    /// on the exact values (see `ChangeSignificance`).
    public var significance: ChangeSignificance
    /// True for an `absence_rate` change listed beside the `attendance_rate` change of the
    /// same figure, comparison and band: absence is 100 − attendance, so the line says
    /// nothing the attendance line does not. Reports keep it; the dashboard leaves it out
    /// and does not count it. Set by `RatingChanges`.
    public internal(set) var mirrorsAttendance = false

    /// The change of `new` on `old`, or nil when it is not listed.
    ///
    /// Listed: a rating that moved between red, amber and green, and a red that stayed
    /// red with its value moved the bad way. Not listed: anything where either side is
    /// suppressed (a group of fewer than six pupils) or has no rating, because a move
    /// into or out of "suppressed" or "no rating" says nothing about how the pupils did,
    /// and showing the other side's value next to it could identify pupils.
    ///
    /// - Parameters:
    ///   - old: the same figure in the earlier drop, rated in that drop.
    ///   - new: the figure in the drop selected.
    ///   - comparedWith: which earlier drop `old` is from.
    ///   - name: the academy's name, or the trust's.
    public init?(old: RatedFigure, new: RatedFigure, comparedWith: Comparison, name: String) {
        guard old.rating.isRated, new.rating.isRated else { return nil }
        guard !old.figure.isSuppressed, !new.figure.isSuppressed else { return nil }
        guard let oldValue = old.shown, let newValue = new.shown else { return nil }
        // Teacher assessment and statutory results are different measures of different
        // things, so they are never compared.
        guard old.figure.basis == new.figure.basis else { return nil }
        guard !Comparison.crossesPandemic(old.figure.drop, new.figure.drop) else { return nil }
        // A rating against similar schools' median and one against a national benchmark
        // (`benchmark_scope: similar` falls back to national where a year has no similar
        // schools) are against different yardsticks, so a change between them means nothing.
        guard (old.benchmark?.similar == nil) == (new.benchmark?.similar == nil) else { return nil }
        let kpi = new.figure.kpi
        let change = DisplayRounding.round(newValue - oldValue, decimals: kpi.decimals)
        let worse = kpi.direction == .higherIsBetter ? change < 0 : change > 0
        switch (old.rating, new.rating) {
        case (.red, .red) where worse: band = .redAndWorse
        case (let before, .red) where before != .red: band = .turnedRed
        case (.green, .amber): band = .nowAmber
        case (let before, let after) where after > before: band = .improved
        default: return nil
        }
        owner = new.figure.owner
        self.name = name
        self.kpi = kpi
        group = new.figure.group
        yearGroup = new.figure.yearGroup
        self.comparedWith = comparedWith
        drop = new.figure.drop
        oldDrop = old.figure.drop
        self.oldValue = oldValue
        oldRating = old.rating
        self.newValue = newValue
        newRating = new.rating
        self.change = change
        oldPupils = old.figure.knownPupils
        newPupils = new.figure.knownPupils
        significance = ChangeSignificance(old: old.figure, new: new.figure)
    }

    /// True when the value moved the better way for its KPI, false when it moved the worse
    /// way, nil when it did not move (a rating can change with the value unchanged when
    /// the benchmark moved).
    public var isBetter: Bool? {
        guard change != 0 else { return nil }
        return (change > 0) == (kpi.direction == .higherIsBetter)
    }

    /// The change signed so that a positive number is a move the bad way, whichever way
    /// the KPI runs: what "worst first" sorts on.
    public var worsening: Double { kpi.direction == .higherIsBetter ? -change : change }
}

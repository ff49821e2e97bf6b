/// An academy's figure for one measure against its similar schools' figures for the same
/// measure and year: the group's median and interquartile range, the academy's rank and
/// its quartile.
///
/// - Members with no value for the measure (not published, suppressed, not in the file)
///   are left out and counted (`membersWithoutValue`); the group is never re-chosen for
///   one measure.
/// - The median and quartiles are of the members' values only, by linear interpolation
///   (`GroupQuantile`, type 7).
/// - The rank is among the members with a value and the academy, 1 the best in the
///   measure's direction: "4th best of 21", 21 counting the academy. A member with the
///   same value as the academy does not rank above it: ties share the better rank.
/// - The quartile is 1 for the best quarter: at or better than the better quartile of
///   the group (the upper quartile where higher is better, the lower where lower is
///   better); 2 at or better than the median; 3 at or better than the worse quartile;
///   else 4.
///
/// Every member's value is one the DfE published for that school: nothing is derived
/// about small groups in other schools.
public struct SimilarSchoolsComparison: Hashable, Sendable {
    /// The academy's value.
    public var value: Double
    /// Whether higher or lower is better, from the measure.
    public var direction: KPI.Direction
    /// The academic year of the group's values, which may be a year before the
    /// academy's figure (see `yearCompared(for:yearsWithData:)`).
    public var year: AcademicYear
    /// Members with a value for the measure.
    public var membersWithValue: Int
    /// Members without one, left out of the median, quartiles and rank.
    public var membersWithoutValue: Int
    /// The median of the members' values.
    public var median: Double
    /// The lower quartile (25th percentile) of the members' values.
    public var lowerQuartile: Double
    /// The upper quartile (75th percentile) of the members' values.
    public var upperQuartile: Double
    /// The academy's rank among the members with a value and itself, 1 the best.
    public var rank: Int
    /// The quartile the academy's value falls in, 1 the best quarter, 4 the worst.
    public var quartile: Int

    /// Compares `value`, the academy's figure, with `values`, the published figures of
    /// the same measure by URN (those of schools outside `group` are ignored), for a
    /// measure whose better direction is `direction`. `year` is the year of `values`,
    /// the group's own year unless given. Nil when no member has a value.
    public init?(
        value: Double, direction: KPI.Direction, group: SimilarSchools, values: [URN: Double],
        year: AcademicYear? = nil
    ) {
        let memberValues = group.members.compactMap { values[$0.urn] }.filter(\.isFinite)
        let sorted = memberValues.sorted()
        guard let median = GroupQuantile.sorted(sorted, 0.5),
            let lower = GroupQuantile.sorted(sorted, 0.25),
            let upper = GroupQuantile.sorted(sorted, 0.75)
        else { return nil }
        self.value = value
        self.direction = direction
        self.year = year ?? group.year
        membersWithValue = memberValues.count
        membersWithoutValue = group.members.count - memberValues.count
        self.median = median
        lowerQuartile = lower
        upperQuartile = upper
        let better = memberValues.filter { Self.isBetter($0, than: value, direction) }.count
        rank = better + 1
        let (best, worst) = direction == .higherIsBetter ? (upper, lower) : (lower, upper)
        if !Self.isBetter(best, than: value, direction) {
            quartile = 1
        } else if !Self.isBetter(median, than: value, direction) {
            quartile = 2
        } else if !Self.isBetter(worst, than: value, direction) {
            quartile = 3
        } else {
            quartile = 4
        }
    }

    /// The number ranked: the members with a value and the academy.
    public var outOf: Int { membersWithValue + 1 }

    /// The rank in words: "4th best of 21".
    public var rankText: String { "\(Self.ordinal(rank)) best of \(outOf)" }

    /// The academic year whose school-level figures a figure of `figureYear` is compared
    /// with: the latest of `yearsWithData` that may benchmark it, by the same rule as
    /// national benchmarks (`BenchmarkMatcher.usableYears(for:)`): the figure's own year,
    /// else the one before, never a pandemic year (2019/20, 2020/21) nor across them. Nil
    /// when none may.
    public static func yearCompared(
        for figureYear: AcademicYear, yearsWithData: some Sequence<AcademicYear>
    ) -> AcademicYear? {
        let available = Set(yearsWithData)
        return BenchmarkMatcher.usableYears(for: figureYear).first { available.contains($0) }
    }

    /// True when `value` is strictly better than `other` in `direction`.
    static func isBetter(_ value: Double, than other: Double, _ direction: KPI.Direction) -> Bool {
        switch direction {
        case .higherIsBetter: value > other
        case .lowerIsBetter: value < other
        }
    }

    /// 1st, 2nd, 3rd, 4th… 11th, 12th, 13th… 21st.
    public static func ordinal(_ number: Int) -> String {
        let suffix: String
        switch (number % 10, number % 100) {
        case (_, 11...13): suffix = "th"
        case (1, _): suffix = "st"
        case (2, _): suffix = "nd"
        case (3, _): suffix = "rd"
        default: suffix = "th"
        }
        return "\(number)\(suffix)"
    }
}

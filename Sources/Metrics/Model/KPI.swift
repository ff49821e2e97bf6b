/// A key performance indicator: one figure that can be computed, rated and compared.
///
/// Its `key` is the name used in files and reports, such as `attendance_rate`,
/// `rwm_expected` or `attainment8`.
public enum KPI: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Percent of possible sessions attended.
    case attendanceRate
    /// Percent of possible sessions missed.
    case absenceRate
    /// Percent of pupils who missed 10% or more of their possible sessions.
    case persistentAbsenceRate
    /// Percent of pupils who missed 50% or more of their possible sessions.
    case severeAbsenceRate
    /// Percent of the cohort at the expected standard or above (for `english_maths`, the
    /// standard pass; for `mtc`, full marks: see `label(in:)`).
    case expected(Subject)
    /// Percent of the cohort at greater depth or the higher standard (for
    /// `english_maths`, the strong pass).
    case greaterDepth(Subject)
    /// An average score, weighted by cohort.
    case score(ScoreMeasure)
    /// A rate of suspensions or permanent exclusions.
    case inclusion(InclusionMeasure)
    /// A share of pupils in an absence band.
    case absenceBand(AbsenceBandMeasure)
    /// The rate of sessions missed for one reason, as a percentage of possible sessions.
    case absenceReason(AbsenceReason)

    /// Which way is better for a KPI.
    public enum Direction: String, Sendable {
        case higherIsBetter = "higher"
        case lowerIsBetter = "lower"
    }

    /// Every KPI, in the order reports list them.
    public static let allCases: [KPI] =
        [.attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate]
        + Subject.allCases.flatMap { [KPI.expected($0), .greaterDepth($0)] }
        + ScoreMeasure.allCases.map { .score($0) }
        + InclusionMeasure.allCases.map { .inclusion($0) }
        + AbsenceBandMeasure.allCases.map { .absenceBand($0) }
        + AbsenceReason.allCases.map { .absenceReason($0) }

    /// The key of each KPI, at its `index`.
    static let keys = allCases.map(\.key)

    private static let byKey: [String: KPI] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.key, $0) })

    /// Reads a KPI key such as `rwm_expected`; nil when there is no such KPI.
    public init?(key: String) {
        guard let kpi = Self.byKey[key.lowercased()] else { return nil }
        self = kpi
    }

    /// The key used in files, config and reports.
    public var key: String { definition.key }

    public var description: String { key }

    /// Whether higher or lower values are better.
    public var direction: Direction { definition.direction }

    /// True when the KPI is a percentage (0–100); false for average scores.
    public var isPercentage: Bool { definition.unit == .percent }

    /// True for progress scores, which may be negative.
    public var isProgress: Bool { definition.unit == .progress }

    /// Decimal places shown: `progress8` two, everything else one.
    public var decimals: Int { definition.decimals }

    /// True for the KPIs that come from the `attendance` file: year-to-date figures of
    /// pupils of compulsory school age.
    public var isAttendance: Bool { definition.source == .attendance }

    /// The position of the KPI in `allCases`, used for ordering, and by which its
    /// catalogue entry (`definition`: decimals, direction, scale) is found: a report asks
    /// for it several times a figure, so each kind's first place is worked out once
    /// (`ModelIndexTests` checks every KPI's index against `allCases`).
    public var index: Int {
        switch self {
        case .attendanceRate: 0
        case .absenceRate: 1
        case .persistentAbsenceRate: 2
        case .severeAbsenceRate: 3
        case .expected(let subject): 4 + subject.index * 2
        case .greaterDepth(let subject): 5 + subject.index * 2
        case .score(let measure): Self.firstScore + measure.index
        case .inclusion(let measure): Self.firstInclusion + measure.index
        case .absenceBand(let measure): Self.firstAbsenceBand + measure.index
        case .absenceReason(let reason): Self.firstAbsenceReason + reason.index
        }
    }

    /// Where each kind of KPI after the attainment ones starts in `allCases`.
    private static let firstScore = 4 + Subject.allCases.count * 2
    private static let firstInclusion = firstScore + ScoreMeasure.allCases.count
    private static let firstAbsenceBand = firstInclusion + InclusionMeasure.allCases.count
    private static let firstAbsenceReason = firstAbsenceBand + AbsenceBandMeasure.allCases.count

    public static func < (lhs: KPI, rhs: KPI) -> Bool { lhs.index < rhs.index }
}

/// The headline attainment figure shown for academies of one phase on the overview.
public struct Headline: Hashable, Sendable {
    /// The KPI, such as `rwm_expected`.
    public var kpi: KPI
    /// The year group, such as Year 6.
    public var yearGroup: YearGroup

    /// Makes a headline.
    public init(kpi: KPI, yearGroup: YearGroup) {
        self.kpi = kpi
        self.yearGroup = yearGroup
    }

    /// A short label for a column: "RWM", "A8", "E&M 4+".
    public var shortLabel: String {
        switch kpi {
        case .expected(.rwm): "RWM"
        case .expected(.englishMaths): "E&M"
        // The strong pass, grade 5 or above in English and maths: the DfE's headline.
        case .greaterDepth(.englishMaths): "E5+"
        case .score(.attainment8): "A8"
        case .score(.progress8): "P8"
        case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .expected,
            .greaterDepth,
            .score, .inclusion, .absenceBand, .absenceReason:
            kpi.label
        }
    }

    /// The built-in headline for a phase: Year 6 RWM for primary, Year 11 Attainment 8
    /// for secondary and all-through; none for special and alternative provision.
    public static func builtIn(for phase: Phase) -> Headline? {
        switch phase {
        case .primary: Headline(kpi: .expected(.rwm), yearGroup: .year(6))
        case .secondary, .allThrough: Headline(kpi: .score(.attainment8), yearGroup: .year(11))
        case .special, .alternativeProvision: nil
        }
    }
}

/// The names people read for each KPI, in the DfE's own words. Keys (`rwm_greater_depth`)
/// never change; only these do.
///
/// - GCSE grade 4 or above in English and maths is the *standard pass*, grade 5 or above
///   the *strong pass* (`english_maths_expected`, `english_maths_greater_depth`).
/// - The KS2 tests (reading, maths, grammar, punctuation and spelling, and so RWM) report
///   the *higher standard*, a scaled score of 110 or more, in Year 6. *Greater depth* is a
///   teacher-assessment judgement: KS2 writing, KS1, and other years' in-year judgements.
/// - The multiplication tables check has no expected standard: `mtc_expected` is the share
///   of pupils with full marks (25 out of 25), `mtc_average` the average score.
extension KPI {
    /// How the KPI is named on screen and in reports, for a figure of `yearGroup`:
    /// "Reading higher standard" in Year 6 but "Reading greater depth" in Year 2.
    public func label(in yearGroup: YearGroup) -> String {
        switch self {
        case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .inclusion,
            .absenceBand, .absenceReason:
            definition.label
        case .expected(.englishMaths): "Eng & maths standard pass"
        case .expected(.mtc): "MTC full marks"
        case .expected(let subject): "\(subject.label) expected"
        case .greaterDepth(.englishMaths): "Eng & maths strong pass"
        case .greaterDepth(let subject):
            Self.isHigherStandard(subject, yearGroup)
                ? "\(subject.label) higher standard" : "\(subject.label) greater depth"
        case .score(let measure): measure.label
        }
    }

    /// How the KPI is named without a year group: as the DfE names its measure, for the
    /// year group it is published for (Year 6 for KS2, Year 11 for GCSEs).
    public var label: String { label(in: .all) }

    /// A shorter name for narrow columns: "Reading higher", "E&M 4+", "MTC 25/25".
    public func shortLabel(in yearGroup: YearGroup) -> String {
        switch self {
        case .persistentAbsenceRate: "Pers. absence"
        case .severeAbsenceRate: "Severe abs."
        case .expected(.englishMaths): "E&M 4+"
        case .greaterDepth(.englishMaths): "E&M 5+"
        case .expected(.mtc): "MTC 25/25"
        case .expected(let subject): "\(subject.label) exp."
        case .greaterDepth(let subject):
            Self.isHigherStandard(subject, yearGroup) ? "\(subject.label) higher" : "\(subject.label) GD"
        case .score(let measure):
            // "Reading scaled score" → "Reading scaled".
            measure.label.hasSuffix(" score") ? String(measure.label.dropLast(6)) : measure.label
        case .attendanceRate, .absenceRate: label(in: yearGroup)
        case .inclusion, .absenceBand, .absenceReason: definition.shortLabel ?? definition.label
        }
    }

    /// What the pupils counted in a percentage of the cohort have reached, to follow
    /// "17 of 29 pupils": "at the expected standard or above", "with grade 4 or above in
    /// both English and maths (the standard pass)"; nil for attendance and scores.
    public func achievement(in yearGroup: YearGroup) -> String? {
        switch self {
        case .expected(.englishMaths): "with grade 4 or above in both English and maths (the standard pass)"
        case .greaterDepth(.englishMaths): "with grade 5 or above in both English and maths (the strong pass)"
        case .expected(.mtc): "with full marks (25 out of 25) in the multiplication tables check"
        case .expected: "at the expected standard or above"
        case .greaterDepth(let subject):
            Self.isHigherStandard(subject, yearGroup)
                ? "at the higher standard (a scaled score of 110 or more)" : "at greater depth"
        case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .score, .inclusion,
            .absenceBand, .absenceReason:
            nil
        }
    }

    /// True when `subject`'s greater-depth figure in `yearGroup` is the KS2 test's higher
    /// standard: a tested subject (reading, maths, GPS, or RWM) in Year 6, or with no year
    /// group given. Writing is teacher assessed, so it stays greater depth.
    static func isHigherStandard(_ subject: Subject, _ yearGroup: YearGroup) -> Bool {
        switch subject {
        case .reading, .maths, .gps, .rwm: yearGroup == .year(6) || yearGroup == .all
        case .writing, .science, .phonics, .gld, .mtc, .english, .englishMaths, .ebacc: false
        }
    }
}

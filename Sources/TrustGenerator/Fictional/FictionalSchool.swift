/// One school of the fictional England written beside the sample trust: its line of the
/// fictional school census, and what decides the figures its fictional performance tables
/// publish each year. Nothing here describes a real school.
struct FictionalSchool: Sendable {
    /// The six-digit URN: 920001 and up, or the sample academy's own.
    var urn: Int
    /// The establishment number, in the DfE's range for the phase.
    var establishment: Int
    /// The fictional local authority.
    var localAuthority: String
    /// The name the fictional KS4 file gives it (secondary and special schools only): "…
    /// (fictional)", or a sample academy's own name.
    var name: String?
    /// Primary, secondary or special.
    var phase: AcademyPhase
    /// Pupils on roll.
    var pupils: Int
    /// Percent disadvantaged, in tenths (`PNUMFSMEVER`); nil is written `NA`.
    var disadvantaged: Int?
    /// Percent with English as an additional language, in tenths (`PNUMEAL`); nil is `NA`.
    var eal: Int?
    /// Percent on SEN support, in tenths (`PSENELK`).
    var senSupport: Int
    /// Percent with an EHC plan, in tenths (`PSENELSE`).
    var ehcp: Int
    /// How much more than its intake predicts the school's pupils are absent, in standard
    /// deviations; the same every year, so a school is consistent from year to year.
    var absenceEffect: Double
    /// How much better than its intake predicts the school's GCSE results are, in standard
    /// deviations; the same every year.
    var quality: Double
    /// True for one of the sample trust's academies, whose figures come from its own drops
    /// and so are not written to the fictional performance tables.
    var isSampleAcademy: Bool

    /// The census's `SCHOOLTYPE` for the phase.
    var schoolType: String {
        switch phase {
        case .primary: "State-funded primary"
        case .special: "State-funded special school"
        case .secondary, .allThrough, .alternativeProvision: "State-funded secondary"
        }
    }
}

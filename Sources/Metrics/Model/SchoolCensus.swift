/// One school's line of the DfE's school census for one academic year: its type, the
/// phase that type names, and its intake (the characteristics by which schools are said
/// to be similar).
///
/// Read from the performance tables' census file (`england_census_2018-19.csv`, January
/// 2019, so academic year 2018/19). Kept for every school in England, not only the trust's:
/// the phase places every school's published figures in the national distributions of
/// its phase, and the intake is what similar schools are found by. A characteristic the
/// file gives as `NA` (independent schools and nurseries have several) is nil, never zero.
public struct SchoolCensus: Hashable, Sendable {
    /// The school.
    public var urn: URN
    /// The academic year the census is for: January 2019 is 2018/19.
    public var year: AcademicYear
    /// `SCHOOLTYPE` as the file writes it, such as "State-funded primary".
    public var schoolType: String
    /// The phase the type names; nil for a type of school outside the DfE's state-funded
    /// primary, secondary, special and alternative-provision figures (independent schools,
    /// nurseries, non-maintained special schools).
    public var phase: Phase?
    /// Pupils on roll (`NOR`).
    public var pupils: Int?
    /// Percent of pupils eligible for free school meals at any time in the last six years
    /// (`PNUMFSMEVER`), 0–100: the census's measure of disadvantage.
    public var disadvantagedPercent: Double?
    /// Percent of pupils whose first language is known or believed to be other than
    /// English (`PNUMEAL`), 0–100.
    public var ealPercent: Double?
    /// Percent of pupils on SEN support (`PSENELK`), 0–100.
    public var senSupportPercent: Double?
    /// Percent of pupils with an education, health and care plan or statement
    /// (`PSENELSE`), 0–100.
    public var ehcpPercent: Double?

    /// Makes a school's census line.
    public init(
        urn: URN, year: AcademicYear, schoolType: String, phase: Phase?, pupils: Int? = nil,
        disadvantagedPercent: Double? = nil, ealPercent: Double? = nil, senSupportPercent: Double? = nil,
        ehcpPercent: Double? = nil
    ) {
        self.urn = urn
        self.year = year
        self.schoolType = schoolType
        self.phase = phase
        self.pupils = pupils
        self.disadvantagedPercent = disadvantagedPercent
        self.ealPercent = ealPercent
        self.senSupportPercent = senSupportPercent
        self.ehcpPercent = ehcpPercent
    }

    /// The phase of a census `SCHOOLTYPE`: state-funded primary, secondary and special
    /// schools, and pupil referral units (alternative provision). Every other type has
    /// none: independent schools and nurseries are in no national figure of trustboard's,
    /// and non-maintained special schools, charities rather than state-funded schools,
    /// are not in the DfE's state-funded special-school figures either. An all-through
    /// school is "State-funded secondary" in the census, so it counts as secondary.
    public static func phase(ofSchoolType type: String) -> Phase? {
        switch type.lowercased().trimmingSpaces {
        case "state-funded primary": .primary
        case "state-funded secondary": .secondary
        case "state-funded special school": .special
        case "pupil referral unit", "state-funded ap school": .alternativeProvision
        default: nil
        }
    }
}

/// One national row of the DfE's school census for one academic year: the intake of every
/// school of one type in England taken together, the figure an academy's own intake is
/// set beside.
///
/// Read only from the census file's `NAT` rows (`england_census_2018-19.csv` has one each
/// for state-funded primary, secondary and special schools), never worked out from the
/// school rows. `pupils` is the total on roll in England, not a typical school's size, so
/// it is kept but never shown beside a school's pupils. A value the file gives as `NA` is
/// nil, never zero.
public struct NationalCensus: Hashable, Sendable {
    /// The academic year the census is for: January 2019 is 2018/19.
    public var year: AcademicYear
    /// `SCHOOLTYPE` as the file writes it on the national row, such as "State-funded
    /// secondary".
    public var schoolType: String
    /// The phase the type names; nil for a row of a type with no phase (a row for all
    /// schools, say), which is then shown as what its type says, never as a phase's.
    public var phase: Phase?
    /// Pupils on roll in all those schools together (`NOR`).
    public var pupils: Int?
    /// Percent of pupils disadvantaged (`PNUMFSMEVER`), 0–100.
    public var disadvantagedPercent: Double?
    /// Percent of pupils with English as an additional language (`PNUMEAL`), 0–100.
    public var ealPercent: Double?
    /// Percent of pupils on SEN support (`PSENELK`), 0–100.
    public var senSupportPercent: Double?
    /// Percent of pupils with an EHC plan or statement (`PSENELSE`), 0–100.
    public var ehcpPercent: Double?

    /// Makes a national row.
    public init(
        year: AcademicYear, schoolType: String, phase: Phase?, pupils: Int? = nil,
        disadvantagedPercent: Double? = nil, ealPercent: Double? = nil, senSupportPercent: Double? = nil,
        ehcpPercent: Double? = nil
    ) {
        self.year = year
        self.schoolType = schoolType
        self.phase = phase
        self.pupils = pupils
        self.disadvantagedPercent = disadvantagedPercent
        self.ealPercent = ealPercent
        self.senSupportPercent = senSupportPercent
        self.ehcpPercent = ehcpPercent
    }

    /// Who the row covers, in words for a screen: "state-funded secondary schools" for a
    /// phase's row, else the file's own `SCHOOLTYPE`, lower case ("all schools").
    public var coverage: String {
        let type = schoolType.lowercased()
        guard phase != nil else { return type.isEmpty ? "schools of no type given" : type }
        return type.hasSuffix("school") ? type + "s" : type + " schools"
    }

    /// Whom the row covers, briefly, for a line beside a school's own figures: the phase
    /// ("secondary") for a phase's row, else the file's own type, lower case ("all
    /// schools").
    public var brief: String {
        switch phase {
        case .primary: "primary"
        case .secondary: "secondary"
        case .allThrough: "all-through"
        case .special: "special"
        case .alternativeProvision: "alternative provision"
        case nil: coverage
        }
    }

    /// The national row to set beside a school of `phase` in `year`: the row of that phase
    /// when the file gives one, else a row with no phase (all schools together), else
    /// nil. All-through schools are counted as secondary by the census, so they take the
    /// secondary row, as they take secondary similar schools
    /// (`SimilarSchoolsFinder.candidatePhase`).
    public static func row(for phase: Phase, year: AcademicYear, in rows: [NationalCensus]) -> NationalCensus?
    {
        let ofYear = rows.filter { $0.year == year }
        let wanted = SimilarSchoolsFinder.candidatePhase(for: phase)
        return ofYear.first { $0.phase == wanted } ?? ofYear.first { $0.phase == nil }
    }
}

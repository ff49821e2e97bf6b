/// One academy's characteristics for one academic year, from the trust's own `context`
/// data-drop file: for an academy the DfE's school census does not have (one opened
/// since, or a year the census file does not cover).
///
/// The same characteristics as a census line (`SchoolCensus`), in the same units, so
/// that similar schools are found the same way from either. A value written `NA` or left
/// empty is nil, never zero.
public struct SchoolContext: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The academic year the characteristics describe.
    public var year: AcademicYear
    /// Pupils on roll, 0 or more.
    public var pupils: Int?
    /// Percent of pupils disadvantaged (free school meals in the last six years), 0–100.
    public var disadvantagedPercent: Double?
    /// Percent of pupils with English as an additional language, 0–100.
    public var ealPercent: Double?
    /// Percent of pupils on SEN support, 0–100.
    public var senSupportPercent: Double?
    /// Percent of pupils with an EHC plan, 0–100.
    public var ehcpPercent: Double?

    /// Makes an academy's context line.
    public init(
        urn: URN, year: AcademicYear, pupils: Int?, disadvantagedPercent: Double?, ealPercent: Double?,
        senSupportPercent: Double?, ehcpPercent: Double?
    ) {
        self.urn = urn
        self.year = year
        self.pupils = pupils
        self.disadvantagedPercent = disadvantagedPercent
        self.ealPercent = ealPercent
        self.senSupportPercent = senSupportPercent
        self.ehcpPercent = ehcpPercent
    }
}

/// What similar schools are found by, for one school in one academic year: its phase,
/// its size and its intake.
///
/// Made from a line of the DfE's school census (`SchoolCensus`), for every school in
/// England, or from a `context` data-drop line (`SchoolContext`), for a trust's academy
/// that the census does not have. A value the source does not give is nil, never zero.
public struct SchoolCharacteristics: Hashable, Sendable {
    /// Where the characteristics came from.
    public enum Source: String, Hashable, Sendable {
        /// The DfE's school census file.
        case census
        /// The trust's own `context` data-drop file.
        case context
    }

    /// The school.
    public var urn: URN
    /// The academic year the characteristics describe.
    public var year: AcademicYear
    /// The school's phase; nil for a school outside the state-funded phases (an
    /// independent school, a nursery), which is never a similar school.
    public var phase: Phase?
    /// Pupils on roll.
    public var pupils: Int?
    /// Percent of pupils disadvantaged (free school meals in the last six years), 0–100.
    public var disadvantagedPercent: Double?
    /// Percent of pupils with English as an additional language, 0–100.
    public var ealPercent: Double?
    /// Percent of pupils on SEN support, 0–100.
    public var senSupportPercent: Double?
    /// Percent of pupils with an EHC plan, 0–100.
    public var ehcpPercent: Double?
    /// Where the characteristics came from.
    public var source: Source

    /// Makes a school's characteristics.
    public init(
        urn: URN, year: AcademicYear, phase: Phase?, pupils: Int?, disadvantagedPercent: Double?,
        ealPercent: Double?, senSupportPercent: Double?, ehcpPercent: Double?, source: Source = .census
    ) {
        self.urn = urn
        self.year = year
        self.phase = phase
        self.pupils = pupils
        self.disadvantagedPercent = disadvantagedPercent
        self.ealPercent = ealPercent
        self.senSupportPercent = senSupportPercent
        self.ehcpPercent = ehcpPercent
        self.source = source
    }

    /// The characteristics of a school's census line, with the phase its `SCHOOLTYPE`
    /// names.
    public init(census: SchoolCensus) {
        self.init(
            urn: census.urn, year: census.year, phase: census.phase, pupils: census.pupils,
            disadvantagedPercent: census.disadvantagedPercent, ealPercent: census.ealPercent,
            senSupportPercent: census.senSupportPercent, ehcpPercent: census.ehcpPercent, source: .census)
    }

    /// The characteristics of an academy's `context` line; the file gives no phase, so
    /// it is the academy's own, from the academies file.
    public init(context: SchoolContext, phase: Phase?) {
        self.init(
            urn: context.urn, year: context.year, phase: phase, pupils: context.pupils,
            disadvantagedPercent: context.disadvantagedPercent, ealPercent: context.ealPercent,
            senSupportPercent: context.senSupportPercent, ehcpPercent: context.ehcpPercent, source: .context)
    }

    /// The characteristics the school has no value for (or, for size, no pupils on
    /// roll), in `SimilarityCharacteristic` order; empty when it can be compared.
    public var missing: [SimilarityCharacteristic] {
        SimilarityCharacteristic.allCases.filter { $0.value(of: self) == nil }
    }
}

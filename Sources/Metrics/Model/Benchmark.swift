/// A comparator for a KPI, such as the national figure for primary schools in 2023/24.
public struct Benchmark: Hashable, Sendable {
    /// Where a benchmark comes from: England as a whole, or one local authority.
    public enum Scope: Hashable, Sendable, CustomStringConvertible {
        case national
        case localAuthority(String)

        /// Reads `national` or `la:NAME`; nil for anything else.
        public init?(parsing text: String) {
            let lower = text.lowercased()
            if lower == "national" {
                self = .national
            } else if lower.hasPrefix("la:"), text.count > 3 {
                self = .localAuthority(String(text.dropFirst(3)).trimmingSpaces)
            } else {
                return nil
            }
        }

        /// Written as `national` or `la:NAME`.
        public var description: String {
            switch self {
            case .national: "national"
            case .localAuthority(let name): "la:\(name)"
            }
        }
    }

    /// The KPI compared.
    public var kpi: KPI
    /// The academic year of the figure.
    public var year: AcademicYear
    /// The term; whole-year figures are `summer`.
    public var term: Term
    /// The phase, or nil for all phases.
    public var phase: Phase?
    /// The pupil group.
    public var group: PupilGroup
    /// National or a local authority.
    public var scope: Scope
    /// The figure, in the KPI's unit.
    public var value: Double
    /// Where the figure comes from, shown to users.
    public var source: String?

    /// The drop the benchmark belongs to.
    public var drop: DataDrop { DataDrop(year: year, term: term) }

    /// Makes a benchmark.
    public init(
        kpi: KPI, year: AcademicYear, term: Term = .summer, phase: Phase? = nil, group: PupilGroup = .all,
        scope: Scope = .national, value: Double, source: String? = nil
    ) {
        self.kpi = kpi
        self.year = year
        self.term = term
        self.phase = phase
        self.group = group
        self.scope = scope
        self.value = value
        self.source = source
    }
}

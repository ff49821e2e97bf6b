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

    /// A benchmark value as written: two decimals, as the DfE publishes its figures, or
    /// the KPI's own decimals when the second is 0: "94.47", "92.6", "46.0".
    public static func text(_ value: Double, for kpi: KPI) -> String {
        let two = DisplayRounding.text(value, decimals: 2)
        return two.hasSuffix("0") ? DisplayRounding.text(value, decimals: max(kpi.decimals, 1)) : two
    }

    /// The period the figure covers, in words: "2023/24 autumn and spring" (see
    /// `period(of:kpi:)`).
    public var period: String { Self.period(of: drop, kpi: kpi) }

    /// The period a figure of `kpi` in `drop` covers, in words. Attendance figures are year
    /// to date, as the DfE publishes national absence: "2023/24 autumn", "2023/24 autumn and
    /// spring", "2023/24 full year". Attainment is the year of the results, "2023/24", or
    /// the year and term of an in-year assessment, "2024/25 autumn".
    public static func period(of drop: DataDrop, kpi: KPI) -> String {
        if kpi.isAttendance {
            switch drop.term {
            case .autumn: return "\(drop.year) autumn"
            case .spring: return "\(drop.year) autumn and spring"
            case .summer: return "\(drop.year) full year"
            }
        }
        return drop.term == .summer ? "\(drop.year)" : "\(drop.year) \(drop.term.rawValue)"
    }

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

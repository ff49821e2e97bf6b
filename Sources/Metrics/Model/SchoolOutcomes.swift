/// Every school's published values of one drop, looked up by KPI and school: what an
/// academy's similar schools achieved.
///
/// Loaded on demand for one drop rather than with the trust's data: a national year holds
/// about 22,000 schools × seven KPIs, which a dashboard that reloads every few seconds
/// need not carry when no one asks for similar schools.
public struct SchoolOutcomes: Sendable {
    /// The drop the values belong to.
    public let drop: DataDrop
    private var byKPI: [KPI: [URN: Double]] = [:]

    /// Makes the lookup of `outcomes`, keeping those of `drop`; a later value for the
    /// same school and KPI replaces an earlier one.
    public init(drop: DataDrop, _ outcomes: [SchoolOutcome] = []) {
        self.drop = drop
        for outcome in outcomes where outcome.drop == drop { add(outcome) }
    }

    /// Adds or replaces one school's value.
    public mutating func add(_ outcome: SchoolOutcome) {
        byKPI[outcome.kpi, default: [:]][outcome.urn] = outcome.value
    }

    /// The published value of `kpi` at `urn`, or nil when the DfE published none.
    public func value(_ kpi: KPI, at urn: URN) -> Double? {
        byKPI[kpi]?[urn]
    }

    /// Every school's value of `kpi`, by URN.
    public func values(of kpi: KPI) -> [URN: Double] {
        byKPI[kpi] ?? [:]
    }

    /// The KPIs with at least one school's value, in report order.
    public var kpis: [KPI] { byKPI.keys.sorted() }

    /// True when no school has a value.
    public var isEmpty: Bool { byKPI.values.allSatisfy(\.isEmpty) }
}

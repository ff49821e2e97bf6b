/// How a KPI is rated: against a benchmark with an amber margin, or against fixed lines.
public enum RatingRule: Hashable, Sendable {
    /// Green at or better than the benchmark; amber within `amberWithin` of it on the
    /// worse side; red beyond. No benchmark means no rating.
    case benchmark(amberWithin: Double)
    /// Green at or better than `green`; amber at or better than `amber`; red beyond.
    /// "Better" follows the KPI's direction.
    case absolute(green: Double, amber: Double)

    /// The trust-wide rules that apply when the config says nothing, by KPI.
    public static func builtIn(for kpi: KPI) -> RatingRule? { kpi.definition.rule }
}

/// How a KPI is rated: against a benchmark with an amber margin, against fixed lines, or
/// on its own change since the same term last year.
public enum RatingRule: Hashable, Sendable {
    /// Green at or better than the benchmark; amber within `amberWithin` of it on the
    /// worse side; red beyond. No benchmark means no rating.
    case benchmark(amberWithin: Double)
    /// Green at or better than `green`; amber at or better than `amber`; red beyond.
    /// "Better" follows the KPI's direction.
    case absolute(green: Double, amber: Double)
    /// Rated on the change since the same term last year, in the KPI's units (percentage
    /// points for a percentage), not on the level: green when the change is at or better
    /// than `green`, amber at or better than `amber`, red beyond, "better" following the
    /// KPI's direction (for a lower-is-better share, a change of +0.8 is better than one
    /// of +2.0). For a measure with no national figure to compare with, whose growth is
    /// the warning itself: the share of pupils at risk of persistent absence. No figure
    /// for the same term last year means no rating.
    case change(green: Double, amber: Double)

    /// The trust-wide rules that apply when the config says nothing, by KPI.
    public static func builtIn(for kpi: KPI) -> RatingRule? { kpi.definition.rule }
}

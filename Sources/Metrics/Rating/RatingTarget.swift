/// A per-academy target for one KPI, which overrides the trust's rule for that academy.
public struct RatingTarget: Hashable, Sendable {
    /// The value at or better than which the figure is green.
    public var green: Double
    /// The value at or better than which it is amber; nil means the trust rule's amber
    /// margin from `green` (or no amber band when the rule has none).
    public var amber: Double?

    /// Makes a target.
    public init(green: Double, amber: Double? = nil) {
        self.green = green
        self.amber = amber
    }
}

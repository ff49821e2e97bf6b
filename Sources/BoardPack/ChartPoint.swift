import Metrics

/// One drop on a chart: the figure as shown and its rating, and the national figure it
/// was compared with, each nil where there is none (a suppressed figure has no value).
struct ChartPoint: Equatable, Sendable {
    /// The drop.
    var drop: DataDrop
    /// The value as shown, or nil.
    var value: Double?
    /// Its rating, or nil when there is no value.
    var rating: RAGRating?
    /// The national benchmark as shown, or nil.
    var national: Double?
}

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

extension ChartPoint {
    /// The point of `drop` for a figure of `kpi`, rated (nil when the drop has none): its
    /// value as shown and rating, and its national benchmark as shown; a benchmark from
    /// similar schools is not national and is left off.
    init(drop: DataDrop, kpi: KPI, rated: RatedFigure?) {
        let value = rated?.shown
        let national = rated?.benchmark.flatMap { match -> Double? in
            match.similar == nil ? DisplayRounding.round(match.benchmark.value, decimals: kpi.decimals) : nil
        }
        self.init(drop: drop, value: value, rating: value == nil ? nil : rated?.rating, national: national)
    }
}

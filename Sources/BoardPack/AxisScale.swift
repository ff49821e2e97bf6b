/// The vertical axis of a chart: a range with round ticks that holds every value.
struct AxisScale: Equatable, Sendable {
    /// The bottom of the axis.
    let low: Double
    /// The top of the axis.
    let high: Double
    /// The distance between ticks.
    let step: Double

    /// Steps the axis may use, smallest first.
    private static let steps: [Double] = [0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50]

    /// The smallest step that puts at most five ticks over `low`…`high`, with the range
    /// widened to whole steps; a flat range is widened by a step each way.
    init(low: Double, high: Double) {
        let span = max(high - low, 0.0001)
        let step = Self.steps.first { span / $0 <= 4 } ?? 100
        var bottom = (low / step).rounded(.down) * step
        var top = (high / step).rounded(.up) * step
        if top - bottom < step / 2 {
            bottom -= step
            top += step
        }
        self.low = bottom
        self.high = top
        self.step = step
    }

    /// The ticks, bottom to top.
    var ticks: [Double] {
        let count = Int(((high - low) / step).rounded())
        return (0...count).map { low + Double($0) * step }
    }

    /// Decimals the ticks need: none for whole steps, one for tenths.
    var decimals: Int { step < 1 ? 1 : 0 }
}

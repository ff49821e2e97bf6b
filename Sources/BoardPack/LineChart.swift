import Metrics

/// A small line chart of one figure over every drop, with the national figure as a
/// dashed line, drawn as SVG text: a pure function of the figures, tested as golden files.
///
/// It prints in black and white: each point's rating is a shape (● green, ▲ amber,
/// ■ red, as on the dashboard) as well as a fill, the national line is dashed and
/// labelled, and the chart carries a title and a text alternative that reads every point.
struct LineChart: Sendable {
    /// The chart's title: "Attendance".
    var title: String
    /// The unit of the vertical axis: "% of sessions", "points".
    var unit: String
    /// Decimals the values are written with.
    var decimals: Int
    /// The drops, oldest first.
    var points: [ChartPoint]
    /// What the dashed line is: "National", "National (phase mix)".
    var nationalLabel: String = "National"

    static let width = 300.0
    static let height = 178.0
    private static let left = 40.0
    private static let right = 236.0
    private static let top = 36.0
    private static let bottom = 128.0

    /// The SVG element; `id` makes the title's and description's ids unique in the page.
    func svg(id: String) -> String {
        var svg = HTML()
        let values = points.flatMap { [$0.value, $0.national] }.compactMap { $0 }
        svg.open(
            "svg",
            [
                "xmlns": "http://www.w3.org/2000/svg",
                "viewBox": "0 0 \(Int(Self.width)) \(Int(Self.height))",
                "role": "img", "aria-labelledby": "\(id)-t \(id)-d", "class": "chart",
            ])
        svg.element("title", ["id": "\(id)-t"], text: title)
        svg.element("desc", ["id": "\(id)-d"], text: description)
        svg.element("text", ["x": "4", "y": "13", "class": "c-title"], text: title)
        svg.element("text", ["x": "4", "y": "25", "class": "c-unit"], text: unit)
        guard let low = values.min(), let high = values.max() else {
            svg.element(
                "text", ["x": "150", "y": "90", "text-anchor": "middle", "class": "c-unit"],
                text: "no figures yet")
            svg.close("svg")
            return svg.text
        }
        let scale = AxisScale(low: low, high: high)
        drawAxes(&svg, scale: scale)
        drawNational(&svg, scale: scale)
        drawValues(&svg, scale: scale)
        drawPandemicNote(&svg)
        drawLegend(&svg)
        svg.close("svg")
        return svg.text
    }

    /// The text alternative: every drop's value, rating and national figure.
    var description: String {
        let parts = points.map { point -> String in
            var text = "\(point.drop): "
            if let value = point.value {
                text += number(value)
                if let rating = point.rating { text += " (\(rating.word.lowercased()))" }
            } else {
                text += "no figure shown"
            }
            if let national = point.national { text += ", \(nationalLabel.lowercased()) \(number(national))" }
            return text
        }
        return "\(title), \(unit), by drop. " + parts.joined(separator: "; ") + "."
            + (breaksAtPandemic ? " " + Self.pandemicNote + ", whose figures were gathered differently." : "")
    }

    /// Under the axis where a line stops at the pandemic.
    static let pandemicNote = "No line joins a figure across the pandemic years 2019/20 and 2020/21"

    /// True when two figures next to each other on the chart are a pandemic apart
    /// (`RatingChange.Comparison.spansPandemic`), so that the line stops between them.
    var breaksAtPandemic: Bool {
        let shown = points.filter { $0.value != nil }.map(\.drop)
        return zip(shown, shown.dropFirst()).contains { RatingChange.Comparison.spansPandemic($0, $1) }
    }

    private func number(_ value: Double) -> String { DisplayRounding.text(value, decimals: decimals) }

    private func x(_ index: Int) -> Double {
        guard points.count > 1 else { return (Self.left + Self.right) / 2 }
        let step = (Self.right - Self.left - 16) / Double(points.count - 1)
        return Self.left + 8 + Double(index) * step
    }

    /// Room inside the plot above the top tick and below the bottom one, so that a point
    /// on either never sits on the axis or its labels.
    private static let inset = 4.0

    private func y(_ value: Double, _ scale: AxisScale) -> Double {
        let (low, high) = (Self.bottom - Self.inset, Self.top + Self.inset)
        return low - (value - scale.low) / (scale.high - scale.low) * (low - high)
    }

    private func drawAxes(_ svg: inout HTML, scale: AxisScale) {
        for tick in scale.ticks {
            let at = SVGNumber.text(y(tick, scale))
            svg.raw(
                "<line class=\"c-grid\" x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.right))\" y1=\"\(at)\" y2=\"\(at)\"/>"
            )
            svg.element(
                "text",
                [
                    "x": "\(Int(Self.left) - 3)", "y": SVGNumber.text(y(tick, scale) + 3), "class": "c-tick",
                    "text-anchor": "end",
                ],
                text: DisplayRounding.text(tick, decimals: scale.decimals))
        }
        svg.raw(
            "<line class=\"c-axis\" x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.left))\" y1=\"\(Int(Self.top))\" y2=\"\(Int(Self.bottom))\"/>"
        )
        svg.raw(
            "<line class=\"c-axis\" x1=\"\(Int(Self.left))\" x2=\"\(Int(Self.right))\" y1=\"\(Int(Self.bottom))\" y2=\"\(Int(Self.bottom))\"/>"
        )
        let years = Set(yearLabels)
        for (index, point) in points.enumerated() {
            let at = SVGNumber.text(x(index))
            if hasTermLabels {
                svg.element(
                    "text",
                    [
                        "x": at, "y": SVGNumber.text(Self.bottom + 10), "class": "c-tick",
                        "text-anchor": "middle",
                    ],
                    text: Self.termLabel(point.drop.term))
            }
            if years.contains(index) {
                svg.element(
                    "text",
                    [
                        "x": at, "y": SVGNumber.text(Self.bottom + 20), "class": "c-tick",
                        "text-anchor": "middle",
                    ],
                    text: point.drop.year.description)
            }
        }
    }

    /// The width a label needs, centre to centre, in the chart's units: a school year
    /// ("2013/14") at the ticks' 7.5 px is about 29 wide, a term ("Sum") about 14.
    private static let yearRoom = 32.0
    private static let termRoom = 16.0

    /// True when each drop's term fits under it: not on a chart of many drops (ten years
    /// of three drops are 6 apart), where the text alternative still reads every one.
    var hasTermLabels: Bool {
        points.count < 2 || x(1) - x(0) >= Self.termRoom
    }

    /// The points whose school year is written under the axis: the first drop of each year
    /// on the chart, and, where years are closer than a label is wide, only those with room
    /// beside the next one written, counting back from the latest, so that the latest year
    /// is always named and no two labels run together (every other year of eight summers).
    var yearLabels: [Int] {
        let firsts = points.indices.filter { $0 == 0 || points[$0 - 1].drop.year != points[$0].drop.year }
        var kept: [Int] = []
        for index in firsts.reversed() {
            if let next = kept.last, x(next) - x(index) < Self.yearRoom { continue }
            kept.append(index)
        }
        return kept.reversed()
    }

    /// "Aut", "Spr", "Sum".
    static func termLabel(_ term: Term) -> String {
        term.rawValue.prefix(1).uppercased() + term.rawValue.dropFirst().prefix(2)
    }

    /// Runs of consecutive points with a value, each drawn as one line, so that a drop
    /// with no figure leaves a gap rather than a line across it, and no line runs into,
    /// out of or across a pandemic year (the DfE's own time series break there too).
    private func runs(_ value: (ChartPoint) -> Double?) -> [[(Int, Double)]] {
        var runs: [[(Int, Double)]] = []
        var run: [(Int, Double)] = []
        for (index, point) in points.enumerated() {
            if let v = value(point) {
                if let last = run.last, RatingChange.Comparison.spansPandemic(points[last.0].drop, point.drop)
                {
                    runs.append(run)
                    run = []
                }
                run.append((index, v))
            } else if !run.isEmpty {
                runs.append(run)
                run = []
            }
        }
        if !run.isEmpty { runs.append(run) }
        return runs
    }

    private func polyline(_ run: [(Int, Double)], scale: AxisScale, kind: String) -> String {
        let coordinates = run.map { "\(SVGNumber.text(x($0.0))),\(SVGNumber.text(y($0.1, scale)))" }
        return "<polyline class=\"\(kind)\" points=\"\(coordinates.joined(separator: " "))\"/>"
    }

    private func drawNational(_ svg: inout HTML, scale: AxisScale) {
        let runs = runs(\.national)
        for run in runs where run.count > 1 { svg.raw(polyline(run, scale: scale, kind: "c-national")) }
        for run in runs where run.count == 1 {
            let (index, value) = run[0]
            let at = SVGNumber.text(y(value, scale))
            svg.raw(
                "<line class=\"c-national\" x1=\"\(SVGNumber.text(x(index) - 6))\" x2=\"\(SVGNumber.text(x(index) + 6))\" y1=\"\(at)\" y2=\"\(at)\"/>"
            )
        }
        // The label at the right of the last national figure, beyond the plot.
        guard let last = runs.last?.last else { return }
        svg.element(
            "text",
            [
                "x": SVGNumber.text(Self.right + 4), "y": SVGNumber.text(y(last.1, scale) + 3),
                "class": "c-label",
            ],
            text: "\(nationalLabel) \(number(last.1))")
    }

    private func drawValues(_ svg: inout HTML, scale: AxisScale) {
        let runs = runs(\.value)
        for run in runs where run.count > 1 { svg.raw(polyline(run, scale: scale, kind: "c-line")) }
        for (index, point) in points.enumerated() {
            guard let value = point.value else { continue }
            svg.raw(Self.marker(point.rating ?? .none, x: x(index), y: y(value, scale)))
        }
        guard let lastIndex = points.lastIndex(where: { $0.value != nil }),
            let value = points[lastIndex].value
        else {
            return
        }
        // To the left of the point, clear of the national line's label on the right: above
        // it, or below it where the line comes down into it from the left (and there is
        // room above the axis), so that the line does not run through the number.
        let at = y(value, scale)
        let before = runs.last.flatMap { $0.count > 1 ? $0[$0.count - 2] : nil }
        let fallsInto = before.map { y($0.1, scale) < at - 2 } ?? false
        let below = fallsInto && at + 12 <= Self.bottom - 1
        svg.element(
            "text",
            [
                "x": SVGNumber.text(x(lastIndex) - 4), "y": SVGNumber.text(below ? at + 11 : at - 6),
                "class": "c-value",
                "text-anchor": "end",
            ],
            text: number(value))
    }

    /// The shape of a rating at a point: the dashboard's ● ▲ ■ as a circle, triangle and
    /// square, each filled with its colour and outlined, so the shape alone tells it.
    static func marker(_ rating: RAGRating, x: Double, y: Double) -> String {
        let (cx, cy) = (SVGNumber.text(x), SVGNumber.text(y))
        switch rating {
        case .green: return "<circle class=\"m-green\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"3.6\"/>"
        case .amber:
            let points = [(x, y - 4.4), (x - 4.2, y + 3), (x + 4.2, y + 3)]
                .map { "\(SVGNumber.text($0.0)),\(SVGNumber.text($0.1))" }.joined(separator: " ")
            return "<polygon class=\"m-amber\" points=\"\(points)\"/>"
        case .red:
            return
                "<rect class=\"m-red\" x=\"\(SVGNumber.text(x - 3.4))\" y=\"\(SVGNumber.text(y - 3.4))\" width=\"6.8\" height=\"6.8\"/>"
        case .none, .suppressed: return "<circle class=\"m-none\" cx=\"\(cx)\" cy=\"\(cy)\" r=\"2.2\"/>"
        }
    }

    private func drawPandemicNote(_ svg: inout HTML) {
        guard breaksAtPandemic else { return }
        svg.element(
            "text", ["x": "4", "y": SVGNumber.text(Self.height - 18), "class": "c-label"],
            text: Self.pandemicNote + ".")
    }

    private func drawLegend(_ svg: inout HTML) {
        let y = Self.height - 6
        svg.raw(Self.marker(.green, x: 8, y: y - 3))
        svg.element("text", ["x": "14", "y": SVGNumber.text(y), "class": "c-tick"], text: "green")
        svg.raw(Self.marker(.amber, x: 48, y: y - 3))
        svg.element("text", ["x": "54", "y": SVGNumber.text(y), "class": "c-tick"], text: "amber")
        svg.raw(Self.marker(.red, x: 90, y: y - 3))
        svg.element("text", ["x": "96", "y": SVGNumber.text(y), "class": "c-tick"], text: "red")
        svg.raw(Self.marker(.none, x: 122, y: y - 3))
        svg.element("text", ["x": "128", "y": SVGNumber.text(y), "class": "c-tick"], text: "not rated")
        // Without a national figure at any drop there is no line to explain: say so instead.
        guard points.contains(where: { $0.national != nil }) else {
            svg.element(
                "text", ["x": "176", "y": SVGNumber.text(y), "class": "c-tick"], text: "no national figure")
            return
        }
        svg.raw(
            "<line class=\"c-national\" x1=\"176\" x2=\"194\" y1=\"\(SVGNumber.text(y - 3))\" y2=\"\(SVGNumber.text(y - 3))\"/>"
        )
        svg.element(
            "text", ["x": "198", "y": SVGNumber.text(y), "class": "c-tick"], text: nationalLabel.lowercased())
    }
}

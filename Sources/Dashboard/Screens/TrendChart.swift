import Metrics

/// A small chart of one figure over the drops, for a zoomed panel: each drop's mark at
/// its height, in its rating's shape and role, with its value written just right of it; the
/// drops named along the bottom; a scale up the side; and the benchmark of each drop as a
/// dotted line where there is one. A sparkline says which way a figure went; this says
/// by how much, and against what.
struct TrendChart {
    /// One drop on the chart.
    struct Point {
        var drop: DataDrop
        /// The value shown, nil when there is none or it is suppressed.
        var value: Double?
        /// The drop's rating, nil when there is no figure.
        var rating: RAGRating?
        /// The benchmark the drop's figure was rated against, if any.
        var benchmark: Double?
    }

    /// One character of the chart and the role it is drawn in.
    struct Mark: Equatable {
        var text: String
        var role: Role
    }

    /// The drops, oldest first; the last is the drop viewed.
    let points: [Point]
    /// The KPI charted, for its decimals.
    let kpi: KPI

    /// Rows the chart needs besides its plot: the axis and two rows of drop names.
    static let frameRows = 3
    /// The fewest rows of plot worth drawing.
    static let minimumPlotRows = 3

    /// The chart's rows, each `width` marks: the plot, the axis, the years and the terms.
    /// Empty when `height` leaves fewer than `minimumPlotRows` rows of plot. Only the
    /// latest drops that fit across `width` are drawn.
    func rows(width: Int, height: Int, ascii: Bool) -> [[Mark]] {
        let plotRows = height - Self.frameRows
        guard plotRows >= Self.minimumPlotRows, !points.isEmpty else { return [] }
        let numbers = points.flatMap { [$0.value, $0.benchmark] }.compactMap { $0 }
        guard var low = numbers.min(), var high = numbers.max() else { return [] }
        if high - low < 1 {
            // A flat line is drawn in the middle, with a scale a point either side.
            let middle = (high + low) / 2
            low = middle - 1
            high = middle + 1
        }
        func row(_ value: Double) -> Int {
            Int(((high - value) / (high - low) * Double(plotRows - 1)).rounded())
        }
        func scale(_ row: Int) -> Double { high - Double(row) / Double(plotRows - 1) * (high - low) }
        var ticks = [0, plotRows - 1]
        if plotRows >= 5 { ticks.insert((plotRows - 1) / 2, at: 1) }
        let labels = ticks.map { DisplayRounding.text(scale($0), for: kpi) }
        let labelWidth = labels.map(\.count).max() ?? 0
        let axis = labelWidth + 1
        // Each drop's column: its mark, a space and its value beside it, then a space.
        let widest =
            points.compactMap { $0.value.map { DisplayRounding.text($0, for: kpi).count } }.max() ?? 4
        let slot = max(7, widest + 3)
        let room = width - axis - 1
        let shown = Array(points.suffix(max(1, room / slot)))
        var grid = Array(
            repeating: Array(repeating: Mark(text: " ", role: .text), count: max(width, axis + 1)),
            count: height)
        func put(_ text: String, x: Int, y: Int, role: Role) {
            for (offset, character) in text.enumerated() where x + offset >= 0 && x + offset < width {
                grid[y][x + offset] = Mark(text: String(character), role: role)
            }
        }
        // The scale and the axis.
        for y in 0..<plotRows {
            let tick = ticks.firstIndex(of: y)
            if let tick { put(labels[tick], x: labelWidth - labels[tick].count, y: y, role: .muted) }
            put(tick == nil ? (ascii ? "|" : "│") : (ascii ? "+" : "┤"), x: axis, y: y, role: .border)
        }
        put(ascii ? "+" : "└", x: axis, y: plotRows, role: .border)
        let axisEnd = min(width, axis + 1 + slot * shown.count)
        put(
            String(repeating: ascii ? "-" : "─", count: max(0, axisEnd - axis - 1)), x: axis + 1, y: plotRows,
            role: .border)
        // Each drop's benchmark under everything, then its mark, value and name.
        for (index, point) in shown.enumerated() {
            guard let benchmark = point.benchmark else { continue }
            put(
                String(repeating: ascii ? "." : "┄", count: slot), x: axis + 1 + index * slot,
                y: row(benchmark), role: .muted)
        }
        for (index, point) in shown.enumerated() {
            let x = axis + 2 + index * slot
            let current = index == shown.count - 1
            put(ascii ? "+" : "┬", x: x, y: plotRows, role: .border)
            if let value = point.value, let rating = point.rating {
                let y = row(value)
                put(RatingMark.mark(rating, ascii: ascii), x: x, y: y, role: RatingMark.role(rating))
                put(
                    " " + DisplayRounding.text(value, for: kpi), x: x + 1, y: y,
                    role: current ? .heading : .text)
            } else {
                put(
                    point.rating == .suppressed ? "SUPP" : (ascii ? "-" : "—"), x: x, y: (plotRows - 1) / 2,
                    role: .muted)
            }
            let role: Role = current ? .heading : .muted
            put(Self.shortYear(point.drop.year), x: x, y: plotRows + 1, role: role)
            put(point.drop.term.rawValue, x: x, y: plotRows + 2, role: role)
        }
        return grid.map { Array($0.prefix(width)) }
    }

    /// "24/25" for 2024/25.
    static func shortYear(_ year: AcademicYear) -> String {
        String(year.description.dropFirst(2))
    }

}

import Metrics

extension AcademyScreen {
    /// The most rows the zoomed panel's chart takes.
    static let tallestChart = 14

    /// The zoomed panel: its lines (the attendance panel's with the reasons for absence
    /// under them), then a chart of the focused figure over the drops under them, when the
    /// page has rows for both.
    static func zoomedLines(_ panel: Panel, _ page: Context, width: Int, height: Int) -> [PanelLine] {
        // The chart takes half the rows, up to `tallestChart`, and any the panel leaves.
        let half = min(tallestChart, height / 2)
        let reasons = panel == .attendance ? reasonLines(page, width: width, priority: 1) : []
        let made = lines(panel, page, width: width, height: height - half - reasons.count) + reasons
        let chart = chartLines(
            page, width: width, height: max(half, min(tallestChart + 4, height - made.count)))
        let room = height - chart.count
        let shown = trim(
            made.count <= room
                ? made : lines(panel, page, width: width, height: room - reasons.count) + reasons,
            to: room,
            focus: page.focusRow(panel))
        return shown + chart
    }

    /// What the chart of the zoomed panel shows: the focused figure's KPI, pupil group and
    /// year group, or the panel's main figure where the focused row has no figure.
    static func chartedFigure(_ page: Context) -> (kpi: KPI, group: PupilGroup, yearGroup: YearGroup)? {
        let panel = page.focus.panel
        let figures = page.figures.focusable(panel)
        if figures.indices.contains(page.focus.panelRow), let rated = figures[page.focus.panelRow] {
            return (rated.figure.kpi, rated.figure.group, rated.figure.yearGroup)
        }
        switch panel {
        case .attainment:
            let rows = page.attainmentRows
            guard let yearGroup = page.yearGroup, rows.indices.contains(page.focus.panelRow) else {
                return nil
            }
            return (rows[page.focus.panelRow].kpi, page.group, yearGroup)
        case .attendance: return (.attendanceRate, page.group, .all)
        case .persistentAbsence: return (.persistentAbsenceRate, page.group, .all)
        case .inclusion: return (.inclusion(.suspensionRate), page.group, .all)
        }
    }

    /// A heading naming the figure and the benchmark line, then the chart of every drop
    /// up to the one viewed, from the academy's first figure on; nothing when `height`
    /// is too short for a chart.
    static func chartLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        guard let charted = chartedFigure(page), let viewed = page.drop else { return [] }
        let owner = Figure.Owner.academy(page.urn)
        var points = page.view.drops.filter { $0 <= viewed }.map { drop -> TrendChart.Point in
            let rated = page.view.rated(drop).figure(
                owner, charted.kpi, group: charted.group, yearGroup: charted.yearGroup)
            return TrendChart.Point(
                drop: drop, value: rated?.shown, rating: rated?.rating,
                benchmark: rated?.benchmark?.benchmark.value)
        }
        // Drops before the academy's first figure (before it joined) are left off the chart.
        while points.count > 1, points[0].rating == nil { points.removeFirst() }
        let chart = TrendChart(points: points, kpi: charted.kpi)
        var lines = [chartHeading(page, charted, points: points, width: width)]
        guard height >= TrendChart.frameRows + TrendChart.minimumPlotRows + 1 else { return [] }
        guard points.contains(where: { $0.value != nil }) else {
            // Nothing to plot: a suppressed figure, say. The heading and why, no empty axes.
            let why = points.last?.rating == .suppressed ? "suppressed" : "no figure"
            return lines + [mutedLine(page, "No value to chart: \(why) in every drop shown.", priority: 0)]
        }
        let rows = chart.rows(width: width, height: height - 1, ascii: page.ascii)
        for row in rows {
            var line = PanelLine(priority: 0, style: page.style)
            var run = ""
            var role = row.first?.role ?? .text
            var start = 0
            for (column, mark) in row.enumerated() {
                if mark.role != role {
                    line.add(run, role, emphasis: role == .heading, at: start)
                    run = ""
                    role = mark.role
                    start = column
                }
                run += mark.text
            }
            line.add(run, role, emphasis: role == .heading, at: start)
            lines.append(line)
        }
        return lines
    }

    /// "Attendance %, Year 9, all pupils, each drop  ┄┄ national, 91.1 for 2024/25 summer", as much of
    /// it as fits.
    private static func chartHeading(
        _ page: Context, _ charted: (kpi: KPI, group: PupilGroup, yearGroup: YearGroup),
        points: [TrendChart.Point], width: Int
    ) -> PanelLine {
        let unit = charted.kpi.isPercentage ? " %" : ""
        let year = charted.yearGroup == .all ? "" : ", \(charted.yearGroup)"
        let name = "\(charted.kpi.label(in: charted.yearGroup))\(unit)\(year), \(charted.group.label)"
        let rated = page.figure(charted.kpi, group: charted.group, yearGroup: charted.yearGroup)
        let scope =
            rated?.benchmark.map { scopeWord($0) }
            ?? scopeWord(page.view.config.benchmarkScope)
        let line = page.ascii ? "..." : "┄┄"
        let hasBenchmark = points.contains { $0.benchmark != nil }
        let latest = points.last?.benchmark.map { DisplayRounding.text($0, for: charted.kpi) }
        func variant(_ name: String, _ bench: String?) -> PanelLine {
            var heading = PanelLine(priority: 0, style: page.style)
            heading.add(name, .heading)
            // The dotted line stands for the benchmark; with none there is nothing to stand for.
            if let bench { heading.add("  " + (hasBenchmark ? "\(line) " : "") + bench, .muted) }
            return heading
        }
        let latestText = latest.map { "\(scope), \($0) for \(points.last?.drop.description ?? "")" }
        let benches: [String?] =
            hasBenchmark ? [latestText, scope].compactMap { $0 } : ["no \(scope) figure"]
        return PanelLine.fitting(
            benches.map { variant(name + ", each drop", $0) } + benches.map { variant(name, $0) }
                + [variant(name, nil)],
            width: width)
    }
}

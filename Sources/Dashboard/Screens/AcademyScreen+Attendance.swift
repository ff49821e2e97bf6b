import Metrics

extension AcademyScreen {
    /// The attendance panel: the rate with its benchmark and change, its trend over the
    /// drops, the disadvantaged gap and how it moved, one cell per other pupil group, and
    /// one per year group.
    static func attendanceLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        var lines = [
            figureLine(page, .attendanceRate, label: nil, width: width, focus: 0, priority: 0),
            trendLine(page, .attendanceRate, width: width, priority: 1),
        ]
        lines += gapLines(
            page, .attendanceRate, subject: "attendance", sides: .disadvantaged, width: width, priority: 1,
            always: false)
        lines += standingLines(page, [.attendanceRate], width: width, priority: 1)
        lines += similarLines(page, [.attendanceRate], width: width, priority: 1)
        lines += groupAndYearLines(
            page, .attendanceRate, panel: .attendance, firstFocus: 1, width: width,
            rows: height - lines.count,
            priority: 2)
        return lines
    }

    /// The persistent absence panel: the PA and severe absence rates, the PA trend; where
    /// the academy has absence bands, the share at risk (5–10%) with its trend and the bands
    /// as a bar; then PA for each other pupil group and each year group.
    static func absenceLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        var lines = [
            figureLine(page, .persistentAbsenceRate, label: "PA", width: width, focus: 0, priority: 0),
            figureLine(page, .severeAbsenceRate, label: "severe", width: width, focus: 1, priority: 1),
            trendLine(page, .persistentAbsenceRate, width: width, priority: 2),
        ]
        let bands = page.figures.hasBands
        if bands {
            let atRisk = AcademyFigures.atRisk
            lines.append(figureLine(page, atRisk, label: "at risk", width: width, focus: 2, priority: 1))
            lines.append(trendLine(page, atRisk, width: width, priority: 3))
            lines += bandLines(page, width: width, priority: 2, barPriority: 3)
        }
        lines += standingLines(page, [.persistentAbsenceRate], width: width, priority: 2)
        lines += similarLines(page, [.persistentAbsenceRate], width: width, priority: 2)
        lines += groupAndYearLines(
            page, .persistentAbsenceRate, panel: .persistentAbsence, firstFocus: bands ? 3 : 2, width: width,
            rows: height - lines.count, priority: 3)
        return lines
    }

    /// A cell for each other pupil group, focusable from `firstFocus`, then the year-group
    /// lines, focusable after them. While ↓ is on a year group, the year groups are the
    /// ones kept when rows are short, and the pupil groups give way.
    static func groupAndYearLines(
        _ page: Context, _ kpi: KPI, panel: Panel, firstFocus: Int, width: Int, rows: Int, priority: Int
    ) -> [PanelLine] {
        let groups = page.otherGroups(kpi)
        let yearFocus = firstFocus + groups.count
        let inYears = (page.focusRow(panel) ?? -1) >= yearFocus
        if inYears {
            let years = yearGroupLines(
                page, kpi, firstFocus: yearFocus, width: width, rows: rows, priority: priority, focused: true)
            let cells = groupLines(
                page, kpi, groups: groups, firstFocus: firstFocus, width: width, rows: rows - years.count,
                priority: priority + 20)
            return cells + years
        }
        let cells = groupLines(
            page, kpi, groups: groups, firstFocus: firstFocus, width: width, rows: rows, priority: priority)
        return cells
            + yearGroupLines(
                page, kpi, firstFocus: yearFocus, width: width, rows: rows - cells.count, priority: 20,
                focused: false)
    }

    /// The figure for each year group, when the drop has them: which year groups pull the
    /// academy's figure down. Each is focusable from `firstFocus`, so `e` explains it.
    /// Part of the list would read as the whole of it, so it is shown whole or not at all,
    /// unless ↓ has reached it (`focused`): then as much as fits, the focused year group
    /// always, under a heading that says some are left out and that `z` shows them all.
    static func yearGroupLines(
        _ page: Context, _ kpi: KPI, firstFocus: Int, width: Int, rows: Int, priority: Int, focused: Bool
    ) -> [PanelLine] {
        let years = page.yearGroupsWithFigures(kpi)
        guard !years.isEmpty else { return [] }
        let cells = years.map { year in
            CellFigure(
                label: year.description, short: year.description, rated: page.figure(kpi, yearGroup: year))
        }
        let lines = cellLines(
            page, cells, firstFocus: firstFocus, width: width, rows: rows - 1, priority: priority + 1)
        var heading = PanelLine(priority: priority, style: page.style)
        guard lines.count + 1 > rows else {
            heading.add("By year group", .heading)
            return [heading] + lines
        }
        guard focused else { return [] }
        heading.add("By year group", .heading)
        heading.add(" (some left out: z shows all)", .muted)
        return [heading] + lines
    }

    /// "■ PA 24.0 %  national 15.0 (2023/24)  ▲ 6.1 on last spring  target 20.0",
    /// dropping the least needed parts until it fits.
    static func figureLine(
        _ page: Context, _ kpi: KPI, label: String?, width: Int, focus: Int, priority: Int
    ) -> PanelLine {
        let rated = page.figure(kpi)
        let labelText = label.map { $0 + " " } ?? ""
        func variant(year: Bool, target: Bool, onLast: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            line.focusable(focus)
            guard let rated else {
                line.add(dash(page.ascii) + " " + labelText + "no figure for \(page.group.label)", .muted)
                return line
            }
            guard addMarkAndValue(rated, label: labelText, to: &line, ascii: page.ascii) else { return line }
            let byTarget = rated.origin == .academyTarget
            if byTarget, let goal = rated.greenLine {
                // The target rates this figure, so it comes first, where the benchmark would.
                line.add("  target ", .muted)
                line.add(DisplayRounding.text(goal, for: kpi))
            }
            if let match = rated.benchmark, !byTarget || target {
                line.add("  \(scopeWord(match)) ", .muted)
                line.add(benchmark(rated, ascii: page.ascii).text)
                if year, let note = match.periodNote { line.add(" (\(note))", .muted) }
            } else if !byTarget, case .change = rated.rule {
                // Rated on its change, not against a benchmark: the change after says how.
                line.add("  rated on change", .muted)
            } else if !byTarget {
                line.add("  no benchmark", .muted)
            }
            let moved = change(rated, ascii: page.ascii)
            if rated.change != nil {
                line.add("  ")
                line.add(moved.text, moved.role, emphasis: moved.role != .muted)
                if onLast { line.add(" " + lastTerm(page), .muted) }
            } else if onLast {
                line.add("  " + noChange(page), .muted)
            }
            if target, !byTarget, let goal = rated.target {
                line.add("  target \(DisplayRounding.text(goal.green, for: kpi))", .muted)
            }
            return line
        }
        return PanelLine.fitting(
            [
                variant(year: true, target: true, onLast: true),
                variant(year: false, target: true, onLast: true),
                variant(year: false, target: true, onLast: false),
                variant(year: false, target: false, onLast: false),
            ], width: width)
    }

    /// The figure's sparkline on the drops' time axis, up to the drop viewed (drawn in its
    /// rating's role), a gap in each drop with no figure; then which drops have marks and
    /// their range.
    static func trendLine(_ page: Context, _ kpi: KPI, width: Int, priority: Int) -> PanelLine {
        let timeline = Sparkline.Timeline(
            view: page.view, owner: .academy(page.urn), kpi: kpi, group: page.group, through: page.drop,
            columns: max(1, width / 2))
        guard timeline.marked > 0 else {
            return mutedLine(page, "No \(kpi.label.lowercased()) figures to chart.", priority: priority)
        }
        let marks = Array(timeline.marks(ascii: page.ascii))
        let role = page.figure(kpi).map { RatingMark.role($0.rating) } ?? .text
        func variant(caption: String, range: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            for (index, mark) in marks.enumerated() {
                let current = index == marks.count - 1
                line.add(String(mark), current ? role : .text, emphasis: current)
            }
            line.add("  " + caption, .muted)
            if range, let span = timeline.range, span.low != span.high {
                let low = DisplayRounding.text(span.low, for: kpi)
                let text = "low \(low), high \(DisplayRounding.text(span.high, for: kpi))"
                line.add(" · " + text, .muted)
            }
            return line
        }
        let captions = timeline.captions(ascii: page.ascii)
        return PanelLine.fitting(
            [variant(caption: captions[0], range: true)]
                + captions.map { variant(caption: $0, range: false) },
            width: width)
    }
}

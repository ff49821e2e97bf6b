import Metrics

extension AcademyScreen {
    /// The attendance panel: the rate with its benchmark and change, its trend over every
    /// drop, and one cell per other pupil group.
    static func attendanceLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        var lines = [
            figureLine(page, .attendanceRate, label: nil, width: width, focus: 0, priority: 0),
            trendLine(page, .attendanceRate, width: width, priority: 1),
        ]
        lines += standingLines(page, [.attendanceRate], width: width, priority: 1)
        lines += groupLines(
            page, .attendanceRate, groups: page.otherGroups(.attendanceRate), firstFocus: 1, width: width,
            rows: height - lines.count, priority: 2)
        lines += yearGroupLines(page, .attendanceRate, width: width, rows: height - lines.count)
        return lines
    }

    /// The figure for each year group, when the drop has them and all fit in `rows`: which
    /// year groups pull the academy's figure down.
    static func yearGroupLines(_ page: Context, _ kpi: KPI, width: Int, rows: Int) -> [PanelLine] {
        let years = YearGroup.allCases.filter { $0 != .all && page.figure(kpi, yearGroup: $0) != nil }
        guard !years.isEmpty else { return [] }
        var heading = PanelLine(priority: 20, style: page.style)
        heading.add("By year group", .heading)
        let cells = years.map { year in
            CellFigure(
                label: year.description, short: year.description, rated: page.figure(kpi, yearGroup: year))
        }
        let lines =
            [heading] + cellLines(page, cells, firstFocus: nil, width: width, rows: rows - 1, priority: 20)
        // Part of a list of year groups would read as the whole list, so it is all or nothing.
        return lines.count <= rows ? lines : []
    }

    /// The persistent absence panel: the PA and severe absence rates, the PA trend, and PA
    /// for each other pupil group.
    static func absenceLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        var lines = [
            figureLine(page, .persistentAbsenceRate, label: "PA", width: width, focus: 0, priority: 0),
            figureLine(page, .severeAbsenceRate, label: "severe", width: width, focus: 1, priority: 1),
            trendLine(page, .persistentAbsenceRate, width: width, priority: 2),
        ]
        lines += standingLines(page, [.persistentAbsenceRate], width: width, priority: 2)
        lines += groupLines(
            page, .persistentAbsenceRate, groups: page.otherGroups(.persistentAbsenceRate), firstFocus: 2,
            width: width, rows: height - lines.count, priority: 3)
        lines += yearGroupLines(page, .persistentAbsenceRate, width: width, rows: height - lines.count)
        return lines
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
            guard rated.rating != .suppressed else {
                line.add(RatingMark.mark(.suppressed, ascii: page.ascii) + " ", .suppressed)
                line.add(labelText)
                line.add("SUPP", .suppressed)
                line.add(
                    rated.isSuppressedByDfE
                        ? "  suppressed by the DfE" : "  fewer than \(Figure.smallestShownGroup) pupils",
                    .muted)
                return line
            }
            let role = RatingMark.role(rated.rating)
            line.add(RatingMark.mark(rated.rating, ascii: page.ascii) + " ", role, emphasis: true)
            line.add(labelText)
            line.add(value(rated, ascii: page.ascii).text + " %", role, emphasis: true)
            if let match = rated.benchmark {
                line.add("  \(scopeWord(match.benchmark.scope)) ", .muted)
                line.add(benchmark(rated, ascii: page.ascii).text)
                if year, match.period != .sameDrop { line.add(" (\(match.benchmark.year))", .muted) }
            } else {
                line.add("  no benchmark", .muted)
            }
            let moved = change(rated, ascii: page.ascii)
            if rated.change != nil {
                line.add("  ")
                line.add(moved.text, moved.role, emphasis: moved.role != .muted)
                if onLast { line.add(" " + lastTerm(page), .muted) }
            } else if onLast {
                line.add("  no figure last \(page.drop?.term.rawValue ?? "year")", .muted)
            }
            if target, let goal = rated.target {
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

    /// A sparkline of the figure over every drop, the drop shown in its rating's role and
    /// later drops muted, then how many drops it spans and its range.
    static func trendLine(_ page: Context, _ kpi: KPI, width: Int, priority: Int) -> PanelLine {
        let all = page.view.history(.academy(page.urn), kpi, group: page.group)
        let drops = page.drops
        let count = min(all.count, max(1, width / 2), drops.count)
        let values = Array(all.suffix(count))
        let shownDrops = Array(drops.suffix(count))
        guard let first = shownDrops.first, let last = shownDrops.last, values.contains(where: { $0 != nil })
        else {
            return mutedLine(page, "No \(kpi.label.lowercased()) figures to chart.", priority: priority)
        }
        let marks = Array(Sparkline.text(values, ascii: page.ascii))
        let current = page.drop.flatMap { shownDrops.firstIndex(of: $0) }
        let role = page.figure(kpi).map { RatingMark.role($0.rating) } ?? .text
        /// How much of the drops' span the caption names.
        enum Reach { case both, start, neither }
        func variant(span: Reach, range: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            for (index, mark) in marks.enumerated() {
                let markRole: Role =
                    index == current ? role : (current.map { index > $0 } ?? false) ? .muted : .text
                line.add(String(mark), markRole, emphasis: index == current)
            }
            let plural = count == 1 ? "drop" : "drops"
            line.add("  \(count) \(plural)", .muted)
            switch span {
            case .both: line.add(", \(first) → \(last)", .muted)
            case .start: line.add(" from \(first)", .muted)
            case .neither: break
            }
            let present = values.compactMap { $0 }
            if range, let low = present.min(), let high = present.max() {
                let text =
                    "low \(DisplayRounding.text(low, for: kpi)), high \(DisplayRounding.text(high, for: kpi))"
                line.add(" · " + text, .muted)
            }
            return line
        }
        return PanelLine.fitting(
            [
                variant(span: .both, range: true), variant(span: .both, range: false),
                variant(span: .start, range: false), variant(span: .neither, range: false),
            ],
            width: width)
    }
}

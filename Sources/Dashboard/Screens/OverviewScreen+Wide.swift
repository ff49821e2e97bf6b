import Metrics

extension OverviewScreen {
    /// One figure cell of a row: the figure as the row keeps it and, for a headline, its
    /// short label.
    struct ShownCell {
        var cell: OverviewCell?
        var label: String?
    }

    /// The figures a row shows, in the layout's cell order. With `phaseHeadlines`, the
    /// headline is split by phase: the primary column holds the primary headline (RWM),
    /// the secondary column the secondary one (Attainment 8, say), so the trust row shows
    /// both phases' headlines and an academy shows its own in its phase's column. Writing
    /// and suspensions per 100 pupils come last, when the layout has them.
    static func shownCells(_ row: OverviewRow, layout: Layout) -> [ShownCell] {
        let plain = [row.attendance, row.persistentAbsence, row.severeAbsence].map { ShownCell(cell: $0) }
        let writing =
            (layout.writing ? [ShownCell(cell: row.writing)] : [])
            + (layout.suspensions ? [ShownCell(cell: row.suspensions)] : [])
        guard layout.phaseHeadlines else {
            return plain + [ShownCell(cell: row.headline, label: row.headlineKind?.shortLabel)] + writing
        }
        return plain + row.phaseHeadlines.map { ShownCell(cell: $0.cell, label: $0.label) } + writing
    }

    /// True when some academy has Year 6 writing (at the primary headline's year group) in
    /// `drop`, so that a writing column would not be all dashes: the trust has the figure.
    static func hasWriting(_ view: TrustView, drop: DataDrop) -> Bool {
        let year = view.config.headline(for: .primary)?.yearGroup ?? .year(6)
        return view.rated(drop).figure(.trust, .expected(.writing), yearGroup: year) != nil
    }

    /// True when the trust has suspensions per 100 pupils in `drop`, so that a suspensions
    /// column would not be all dashes.
    static func hasSuspensions(_ view: TrustView, drop: DataDrop) -> Bool {
        view.rated(drop).figure(.trust, .inclusion(.suspensionRate)) != nil
    }

    /// True when the overview, as `state` draws it, has the suspensions column: what `s`
    /// asks before sorting by it.
    static func showsSuspensions(_ state: DashboardState, view: TrustView) -> Bool {
        guard let drop = state.drop(view) else { return false }
        return Layout(
            width: state.width, trendDrops: state.dropIndex + 1, hasWriting: hasWriting(view, drop: drop),
            hasSuspensions: hasSuspensions(view, drop: drop)
        ).suspensions
    }

    /// The disadvantaged attendance gap of `owner`: other pupils' attendance minus
    /// disadvantaged pupils', in points, from the shown values (so it can be checked by
    /// eye); nil when either figure is missing or hidden.
    public static func disadvantagedGap(_ owner: Figure.Owner, rated: LazyRatedDrop) -> Double? {
        guard let disadvantaged = rated.figure(owner, .attendanceRate, group: .disadvantaged)?.shown,
            let others = rated.figure(owner, .attendanceRate, group: .notDisadvantaged)?.shown
        else { return nil }
        return DisplayRounding.round(others - disadvantaged, decimals: KPI.attendanceRate.decimals)
    }

    /// The attendance marks of `owner` for the last `count` drops up to the one shown, on
    /// the drops' time axis: one mark a drop, a space where it had no figure.
    public static func attendanceTrend(
        _ owner: Figure.Owner, view: TrustView, dropIndex: Int, count: Int, ascii: Bool = false
    ) -> String {
        // Only the drops drawn are rated: rating every drop of a large store for one
        // column would slow the first wide frame.
        let drops = view.drops.prefix(dropIndex + 1).suffix(count)
        let values = drops.map { view.shownAttendance(owner, in: $0) }
        return Sparkline.text(values, ascii: ascii)
    }

    /// Draws the wide layout's benchmarks, gap and trend for one row.
    static func wideColumns(
        _ row: OverviewRow, cells: [ShownCell], y: Int, layout: Layout, state: DashboardState,
        view: TrustView,
        rated: LazyRatedDrop, into screen: inout Screen
    ) {
        let ascii = screen.style.ascii
        for (shown, place) in zip(cells, layout.benchmarks) {
            guard let cell = shown.cell else { continue }
            let text =
                cell.benchmark.map { DisplayRounding.text($0, for: cell.kpi) } ?? AcademyScreen.dash(ascii)
            screen.writeRight(text, right: place.x + place.width, y: y, role: .muted)
        }
        let owner = row.academy.map { Figure.Owner.academy($0.urn) } ?? .trust
        if let gap = layout.gap {
            let text = disadvantagedGap(owner, rated: rated).map {
                DisplayRounding.text($0, for: .attendanceRate)
            }
            screen.writeRight(
                text ?? (ascii ? "-" : "—"), right: gap.x + gap.width - 2, y: y,
                role: text == nil ? .muted : .text)
        }
        if let trend = layout.trend {
            let marks = Array(
                attendanceTrend(
                    owner, view: view, dropIndex: state.dropIndex, count: trend.width, ascii: ascii))
            let role = row.attendance.map { RatingMark.role($0.rating) } ?? .text
            for (index, mark) in marks.enumerated() {
                let last = index == marks.count - 1
                screen.write(
                    String(mark), x: trend.x + index, y: y, role: last ? role : .text, emphasis: last)
            }
        }
    }

    /// The wide layout's headings.
    static func wideHeadings(_ layout: Layout, scope: Benchmark.Scope, into screen: inout Screen) {
        let word = scope == .national ? "Nat." : "LA"
        for place in layout.benchmarks {
            screen.writeRight(word, right: place.x + place.width, y: 3, role: .heading)
        }
        if let gap = layout.gap {
            screen.write("Disadv. gap", x: gap.x, y: 3, role: .heading, maxWidth: gap.width)
        }
        if let trend = layout.trend {
            screen.write("Att. trend", x: trend.x, y: 3, role: .heading, maxWidth: max(trend.width, 10))
        }
    }
}

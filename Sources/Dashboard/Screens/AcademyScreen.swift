import Metrics

/// One academy's page: its attainment, attendance and persistent absence, each in a
/// rated panel, with the figure in focus ready to be explained.
///
/// Everything shown comes from `Metrics` through the `TrustView`; the page only lays the
/// figures out. The same lists of figures decide what is drawn, which rows ↑↓ move
/// between and which figure `e` explains, so the three never disagree.
public enum AcademyScreen {
    /// Draws the academy page between rows `top` and `bottom` (exclusive): a line that
    /// names the academy and the drop, then the three panels.
    ///
    /// - Parameters:
    ///   - state: what is focused, the pupil group and year group, zoom.
    ///   - view: the trust's rated figures.
    ///   - urn: the academy shown.
    ///   - screen: the frame drawn into; nothing is written outside `top..<bottom`.
    ///   - top: the first row of the page.
    ///   - bottom: the row after the last row of the page.
    public static func render(
        _ state: DashboardState, view: TrustView, urn: URN, into screen: inout Screen, top: Int, bottom: Int
    ) {
        guard bottom > top, screen.width > 4 else { return }
        let page = Context(state, view: view, urn: urn, ascii: screen.style.ascii)
        identityLine(page, y: top, into: &screen)
        let area = Rect(x: 0, y: top + 1, width: screen.width, height: bottom - top - 1)
        guard area.height >= 3 else { return }
        guard page.rated != nil else {
            let text =
                page.drop.map { "No figures for this academy in \($0); [ and ] step through the drops." }
                ?? "No drops yet."
            screen.write(text, x: 2, y: area.y, role: .muted, maxWidth: area.width - 4)
            return
        }
        for placed in layout(page, area: area) {
            drawPanel(placed.panel, page, lines: placed.lines, rect: placed.rect, into: &screen)
        }
    }

    /// How many figures of the focused panel ↑↓ move between; at least 1.
    public static func focusableRows(_ state: DashboardState, view: TrustView, urn: URN) -> Int {
        let page = Context(state, view: view, urn: urn, ascii: state.ascii)
        return max(1, page.focusable(page.focus.panel).count)
    }

    /// The figure `e` explains: the main figure of the focused row of the focused panel,
    /// or nil when that row has no figure.
    public static func focusedFigure(_ state: DashboardState, view: TrustView, urn: URN) -> RatedFigure? {
        let page = Context(state, view: view, urn: urn, ascii: state.ascii)
        let (figures, row) = (page.focusable(page.focus.panel), page.focus.panelRow)
        return figures.indices.contains(row) ? figures[row] : nil
    }

    /// The row `y` moves to on the attendance and absence panels: the next year-group line
    /// after the focused row (the first from anywhere above them, the first again after
    /// the last), or nil when the focused panel has no year-group lines.
    public static func nextYearGroupRow(_ state: DashboardState, view: TrustView, urn: URN) -> Int? {
        let page = Context(state, view: view, urn: urn, ascii: state.ascii)
        let (rows, row) = (page.yearGroupRows(page.focus.panel), page.focus.panelRow)
        guard !rows.isEmpty else { return nil }
        return rows.contains(row + 1) && rows.contains(row) ? row + 1 : rows.lowerBound
    }

    /// The year groups with attainment figures (or average scores) for the academy in
    /// `drop`, in school order.
    public static func yearGroups(view: TrustView, urn: URN, drop: DataDrop?) -> [YearGroup] {
        guard let drop else { return [] }
        let rated = view.rated(drop)
        guard rated.academiesWithData.contains(urn) else { return [] }
        let kpis = Subject.allCases.map { KPI.expected($0) } + ScoreMeasure.allCases.map { KPI.score($0) }
        return YearGroup.allCases.filter { year in
            kpis.contains { rated.figure(.academy(urn), $0, yearGroup: year) != nil }
        }
    }

    /// The year group the attainment panel opens on: Year 6 for a primary, Year 11 for a
    /// secondary, when the drop has figures for it; else the highest year group present.
    public static func defaultYearGroup(view: TrustView, urn: URN, drop: DataDrop?) -> YearGroup? {
        let years = yearGroups(view: view, urn: urn, drop: drop)
        let preferred: YearGroup? =
            switch view.academies[urn]?.phase {
            case .primary: .year(6)
            case .secondary: .year(11)
            default: nil
            }
        if let preferred, years.contains(preferred) { return preferred }
        return years.last { $0 != .all } ?? years.last
    }
}

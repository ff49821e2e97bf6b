import Metrics

/// One academy's page: its attainment, attendance and persistent absence, each in a
/// rated panel, with the figure in focus ready to be explained.
///
/// Everything shown comes from `Metrics` through the `TrustView`; the page only lays the
/// figures out. The same lists of figures decide what is drawn, which rows ↑↓ move
/// between and which figure `e` explains, so the three never disagree.
public enum AcademyScreen {
    /// The fewest rows left for the panels with which the context line is drawn.
    static let contextMinimumRows = 14

    /// Draws the academy page between rows `top` and `bottom` (exclusive): a line that
    /// names the academy and the drop, its intake when it has similar schools and there is
    /// room, then the three panels.
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
        // The academy's intake, under its name, only where the panels keep room to spare.
        let context = bottom - top - 2 >= contextMinimumRows && contextLine(page, y: top + 1, into: &screen)
        let first = top + (context ? 2 : 1)
        let area = Rect(x: 0, y: first, width: screen.width, height: bottom - first)
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

    /// How many figures of the focused panel ↑↓ move between on the page of `urn` as
    /// `state` shows it; at least 1.
    public static func focusableRows(_ state: DashboardState, view: TrustView, urn: URN) -> Int {
        let page = Context(state, view: view, urn: urn, ascii: state.ascii)
        return page.figures.focusableCount(page.focus.panel)
    }

    /// The figure `e` explains on the page of `urn` as `state` shows it: the main figure
    /// of the focused row of the focused panel, or nil when that row has no figure.
    public static func focusedFigure(_ state: DashboardState, view: TrustView, urn: URN) -> RatedFigure? {
        let page = Context(state, view: view, urn: urn, ascii: state.ascii)
        return page.figures.focused(page.focus)
    }
}

import Metrics

/// The trust's page: how the trust compares with national. The academy page's three
/// panels (attainment, attendance, persistent absence) for the trust as a whole, each
/// figure with its benchmark (the national figures of its academies' phases, weighted by
/// the trust's counts: `PhaseMix`), its rating, its change, and how many academies it
/// covers; both phases' headlines; every figure explainable.
///
/// The figures are the rater's trust-wide figures as it gave them, suppressed where it
/// suppressed them; the page computes none itself.
public enum TrustScreen {
    typealias PanelLine = AcademyScreen.PanelLine
    typealias Rect = AcademyScreen.Rect

    /// Draws the trust's page between rows `top` and `bottom` (exclusive): a line that
    /// names the trust, its academies and the drop, then the three panels.
    public static func render(
        _ state: DashboardState, view: TrustView, into screen: inout Screen, top: Int, bottom: Int
    ) {
        guard bottom > top, screen.width > 4 else { return }
        let page = Context(state, view: view, ascii: screen.style.ascii)
        identityLine(page, y: top, into: &screen)
        let area = Rect(x: 0, y: top + 1, width: screen.width, height: bottom - top - 1)
        guard area.height >= 3 else { return }
        guard page.rated?.academiesWithData.isEmpty == false else {
            let text =
                page.drop.map { "No figures for the trust in \($0); [ and ] step through the drops." }
                ?? "No drops yet."
            screen.write(text, x: 2, y: area.y, role: .muted, maxWidth: area.width - 4)
            return
        }
        for placed in layout(page, area: area) {
            drawPanel(placed.panel, page, lines: placed.lines, rect: placed.rect, into: &screen)
        }
    }

    /// The figure `e` explains: the focused figure of the focused panel, if any.
    public static func focusedFigure(_ state: DashboardState, view: TrustView) -> RatedFigure? {
        TrustFigures(state, view: view).focused(state.trustPage ?? TrustPage())
    }

    /// The coverage of a trust figure as the page shows it: "11 of 12 academies".
    public static func coverageText(_ rated: RatedFigure, state: DashboardState, view: TrustView) -> String {
        Context(state, view: view, ascii: state.ascii).coverage(rated).text
    }

    /// The page's first line: what it shows and the trust's academies by phase on the
    /// left, the drop and when it was ingested on the right.
    static func identityLine(_ page: Context, y: Int, into screen: inout Screen) {
        let academies = Array(page.view.academies.values)
        let byPhase = Phase.allCases.compactMap { phase -> String? in
            let count = academies.filter { $0.phase == phase }.count
            return count == 0 ? nil : "\(count) \(phase.rawValue)"
        }
        let total = "\(academies.count) academ\(academies.count == 1 ? "y" : "ies")"
        func left(_ extra: String?) -> PanelLine {
            var line = PanelLine(priority: 0, style: page.style)
            // The header above names the trust; this line says what the page is.
            line.add("The trust as a whole", .title, emphasis: true)
            line.add(" · ", .muted)
            line.add(total)
            if let extra { line.add(": " + extra, .muted) }
            return line
        }
        var right = PanelLine(priority: 0, style: page.style)
        if let drop = page.drop {
            right.add(drop.description, .heading)
            if let ingested = page.view.ingested(drop) { right.add(" · ingested \(ingested)", .muted) }
        }
        let width = screen.width - 2
        let lefts = [left(byPhase.joined(separator: ", ")), left(nil)]
        let chosen = lefts.first { $0.width + right.width + 3 <= width } ?? lefts[lefts.count - 1]
        let showRight = chosen.width + right.width + 3 <= width
        AcademyScreen.draw(chosen, x: 1, y: y, width: width, into: &screen)
        if showRight {
            AcademyScreen.draw(
                right, x: screen.width - 1 - right.width, y: y, width: right.width, into: &screen)
        }
    }
}

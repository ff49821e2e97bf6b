import Metrics

extension AcademyScreen {
    /// What a click at column `x` of line `y` lands on: the panel drawn there and, when
    /// the line holds figures that ↑↓ reach, the one under the click (its `panelRow`); nil
    /// off the panels.
    ///
    /// Worked out from the same layout and lines that `render` draws, for the page as
    /// `DashboardRenderer` places it: below the header line, above the footer.
    public static func clickTarget(
        x: Int, y: Int, _ state: DashboardState, view: TrustView, urn: URN
    ) -> (panel: Panel, row: Int?)? {
        guard state.width >= DashboardRenderer.minimumWidth, state.height >= DashboardRenderer.minimumHeight
        else { return nil }
        let (top, bottom) = (1, state.height - 1)
        let page = Context(state, view: view, urn: urn, ascii: state.ascii)
        let area = Rect(x: 0, y: top + 1, width: state.width, height: bottom - top - 1)
        guard area.height >= 3, page.rated != nil else { return nil }
        for placed in layout(page, area: area) {
            let rect = placed.rect
            guard (rect.x..<rect.x + rect.width).contains(x), (rect.y..<rect.y + rect.height).contains(y)
            else {
                continue
            }
            let lines = trim(placed.lines, to: rect.height - 2, focus: page.focusRow(placed.panel))
            let offset = y - rect.y - 1
            guard lines.indices.contains(offset) else { return (placed.panel, nil) }
            // Of several figures on one line ("disadv. ▲ 19.5   not disadv. ● 8.9"), the
            // last that starts at or before the click.
            let column = x - (rect.x + 2)
            let areas = lines[offset].focus
            let hit = areas.last { $0.column - 1 <= column } ?? areas.first
            return (placed.panel, hit?.index)
        }
        return nil
    }
}

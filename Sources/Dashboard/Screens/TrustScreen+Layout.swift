import Metrics

extension TrustScreen {
    /// A panel placed on the page with the lines it shows, as on the academy page.
    typealias Placed = AcademyScreen.Placed

    /// Where each panel goes in `area`, as on the academy page: the focused one alone when
    /// zoomed; attainment on the left and the others stacked on the right when wide
    /// enough; else all stacked, the focused panel given the rows it needs first.
    static func layout(_ page: Context, area: Rect) -> [Placed] {
        if page.focus.zoomed {
            let panel = page.focus.panel
            return [Placed(panel: panel, rect: area, lines: lines(panel, page, width: area.width - 4))]
        }
        let panels = page.figures.panels
        guard area.width >= AcademyScreen.twoColumnWidth else {
            return stack(panels, page, x: area.x, y: area.y, width: area.width, total: area.height)
        }
        return AcademyScreen.besideAttainment(
            area: area, attainment: { lines(.attainment, page, width: $0) },
            others: { x, width in
                stack(
                    panels.filter { $0 != .attainment }, page, x: x, y: area.y, width: width,
                    total: area.height)
            })
    }

    /// `panels` one under another in `total` rows: first each one's headline rows (the
    /// focused panel's first), then as many more as each can fill, the focused one first.
    /// A panel with no room for its headline rows is left out.
    static func stack(_ panels: [Panel], _ page: Context, x: Int, y: Int, width: Int, total: Int) -> [Placed]
    {
        let order = AcademyScreen.focusOrder(panels, focused: page.focus.panel)
        let shown = panels.map { lines($0, page, width: width - 4) }
        var heights = Array(repeating: 0, count: panels.count)
        var left = total
        for index in order {
            let least =
                min(shown[index].count, panels[index] == .attendance || panels[index] == .inclusion ? 1 : 2)
                + 2
            guard least <= left else { continue }
            heights[index] = least
            left -= least
        }
        for index in order where heights[index] > 0 {
            let more = min(left, shown[index].count + 2 - heights[index])
            heights[index] += more
            left -= more
        }
        return AcademyScreen.placeStacked(panels, heights: heights, lines: shown, x: x, y: y, width: width)
    }

    /// Draws a panel: its box, titled, heavy when focused, and as many of its lines as fit,
    /// the focused figure highlighted.
    static func drawPanel(
        _ panel: Panel, _ page: Context, lines: [PanelLine], rect: Rect, into screen: inout Screen
    ) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let focusRow = page.focusRow(panel)
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        screen.box(
            x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: title(panel),
            role: focusRow != nil ? .focus : .border, heavy: focusRow != nil)
        let left = rect.x + 2
        for (offset, line) in AcademyScreen.trim(lines, to: rect.height - 2, focus: focusRow).enumerated() {
            let y = rect.y + 1 + offset
            AcademyScreen.draw(line, x: left, y: y, width: rect.width - 4, into: &screen)
            if let focusRow, line.focus.contains(where: { $0.index == focusRow }) {
                screen.highlight(y: y, x: rect.x + 1, width: rect.width - 2, role: .selected)
            }
        }
    }

    /// A panel's title on the trust's page: "Trust attainment · all pupils".
    static func title(_ panel: Panel) -> String {
        "Trust \(panel.title.lowercased()) · all pupils"
    }
}

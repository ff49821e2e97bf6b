import Metrics

extension TrustScreen {
    /// A panel placed on the page with the lines it shows.
    struct Placed {
        var panel: Panel
        var rect: Rect
        var lines: [PanelLine]
    }

    /// Where each panel goes in `area`, as on the academy page: the focused one alone when
    /// zoomed; attainment on the left and the other two stacked on the right when wide
    /// enough; else all three stacked, the focused panel given the rows it needs first.
    static func layout(_ page: Context, area: Rect) -> [Placed] {
        if page.focus.zoomed {
            let panel = page.focus.panel
            return [Placed(panel: panel, rect: area, lines: lines(panel, page, width: area.width - 4))]
        }
        guard area.width >= AcademyScreen.twoColumnWidth else {
            return stack(Panel.allCases, page, x: area.x, y: area.y, width: area.width, total: area.height)
        }
        let leftWidth = area.width * 11 / 20
        let leftLines = lines(.attainment, page, width: leftWidth - 4)
        let left = Rect(x: area.x, y: area.y, width: leftWidth, height: min(area.height, leftLines.count + 2))
        return [Placed(panel: .attainment, rect: left, lines: leftLines)]
            + stack(
                [.attendance, .persistentAbsence], page, x: area.x + leftWidth, y: area.y,
                width: area.width - leftWidth, total: area.height)
    }

    /// `panels` one under another in `total` rows: first each one's headline rows (the
    /// focused panel's first), then as many more as each can fill, the focused one first.
    /// A panel with no room for its headline rows is left out.
    static func stack(_ panels: [Panel], _ page: Context, x: Int, y: Int, width: Int, total: Int) -> [Placed]
    {
        let focused = page.focus.panel
        let order = panels.indices.sorted { a, b in
            (panels[a] == focused ? 0 : 1, a) < (panels[b] == focused ? 0 : 1, b)
        }
        let shown = panels.map { lines($0, page, width: width - 4) }
        var heights = Array(repeating: 0, count: panels.count)
        var left = total
        for index in order {
            let least = min(shown[index].count, panels[index] == .attendance ? 1 : 2) + 2
            guard least <= left else { continue }
            heights[index] = least
            left -= least
        }
        for index in order where heights[index] > 0 {
            let more = min(left, shown[index].count + 2 - heights[index])
            heights[index] += more
            left -= more
        }
        var top = y
        var placed: [Placed] = []
        for index in panels.indices where heights[index] > 0 {
            placed.append(
                Placed(
                    panel: panels[index], rect: Rect(x: x, y: top, width: width, height: heights[index]),
                    lines: shown[index]))
            top += heights[index]
        }
        return placed
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

import Metrics

extension AcademyScreen {
    /// The narrowest screen with attainment beside attendance and absence; narrower
    /// screens stack the panels.
    static let twoColumnWidth = 100

    /// A panel's lines for a content area of `width` columns and about `height` rows.
    static func lines(_ panel: Panel, _ page: Context, width: Int, height: Int) -> [PanelLine] {
        switch panel {
        case .attainment: attainmentLines(page, width: width, height: height)
        case .attendance: attendanceLines(page, width: width, height: height)
        case .persistentAbsence: absenceLines(page, width: width, height: height)
        case .inclusion: inclusionLines(page, width: width, height: height)
        }
    }

    /// The fewest rows a panel is drawn in, border included: its headline figures (for
    /// inclusion, the suspension rate alone).
    static func minimumHeight(_ panel: Panel) -> Int {
        panel == .attendance || panel == .inclusion ? 3 : 4
    }

    /// The rows of the inclusion panel's three figures and trend, border included.
    static let inclusionHeadlineHeight = 6

    /// A panel placed on the page with the lines it shows.
    struct Placed {
        var panel: Panel
        var rect: Rect
        var lines: [PanelLine]
    }

    /// Where each panel goes in `area`, with its lines: the focused one alone when zoomed,
    /// with a chart of its focused figure;
    /// attainment on the left and the others stacked on the right when wide enough;
    /// else all stacked, the focused panel given the rows it needs first. Inclusion is
    /// among them only when the academy has inclusion figures.
    static func layout(_ page: Context, area: Rect) -> [Placed] {
        if page.focus.zoomed {
            let panel = page.focus.panel
            return [
                Placed(
                    panel: panel, rect: area,
                    lines: zoomedLines(panel, page, width: area.width - 4, height: area.height - 2))
            ]
        }
        let panels = page.figures.panels
        guard area.width >= twoColumnWidth else {
            return stack(panels, page, x: area.x, y: area.y, width: area.width, total: area.height)
        }
        return besideAttainment(
            area: area, attainment: { lines(.attainment, page, width: $0, height: area.height - 2) },
            others: { x, width in
                stack(
                    panels.filter { $0 != .attainment }, page, x: x, y: area.y, width: width,
                    total: area.height)
            })
    }

    /// The two-column page, shared with the trust page: attainment on the left, 11/20 of
    /// `area`'s width and as tall as its lines (`attainment` makes them for a content
    /// width), and the other panels in the rest (`others` places them from column `x` in
    /// `width` columns).
    static func besideAttainment(
        area: Rect, attainment: (Int) -> [PanelLine], others: (_ x: Int, _ width: Int) -> [Placed]
    ) -> [Placed] {
        let leftWidth = area.width * 11 / 20
        let leftLines = attainment(leftWidth - 4)
        let left = Rect(x: area.x, y: area.y, width: leftWidth, height: min(area.height, leftLines.count + 2))
        return [Placed(panel: .attainment, rect: left, lines: leftLines)]
            + others(area.x + leftWidth, area.width - leftWidth)
    }

    /// The indices of `panels` in the order they are given rows: the focused panel's
    /// first, then the others in page order.
    static func focusOrder(_ panels: [Panel], focused: Panel) -> [Int] {
        panels.indices.sorted { a, b in (panels[a] == focused ? 0 : 1, a) < (panels[b] == focused ? 0 : 1, b)
        }
    }

    /// `panels` one under another from row `y`, each `heights` rows tall with its `lines`;
    /// a panel given no rows is left out.
    static func placeStacked(
        _ panels: [Panel], heights: [Int], lines: [[PanelLine]], x: Int, y: Int, width: Int
    ) -> [Placed] {
        var top = y
        var placed: [Placed] = []
        for index in panels.indices where heights[index] > 0 {
            placed.append(
                Placed(
                    panel: panels[index], rect: Rect(x: x, y: top, width: width, height: heights[index]),
                    lines: lines[index]))
            top += heights[index]
        }
        return placed
    }

    /// `panels` one under another in `total` rows: first each one's minimum (the focused
    /// panel's first), then as many more rows as each can fill, the focused panel first;
    /// an inclusion panel gets rows for its headline figures before the others fill.
    /// A panel with no room for its minimum is left out.
    static func stack(_ panels: [Panel], _ page: Context, x: Int, y: Int, width: Int, total: Int) -> [Placed]
    {
        let order = focusOrder(panels, focused: page.focus.panel)
        var heights = Array(repeating: 0, count: panels.count)
        var shown: [[PanelLine]] = Array(repeating: [], count: panels.count)
        var left = total
        for index in order where minimumHeight(panels[index]) <= left {
            heights[index] = minimumHeight(panels[index])
            left -= heights[index]
        }
        var toppedUp = false
        for index in order where heights[index] > 0 {
            if !toppedUp, panels[index] != page.focus.panel {
                // Once the focused panel has its rows: an inclusion panel left at its
                // minimum gets its three headline figures and trend before the rest fill.
                toppedUp = true
                for other in panels.indices where panels[other] == .inclusion && heights[other] > 0 {
                    let more = min(left, inclusionHeadlineHeight - heights[other])
                    heights[other] += max(0, more)
                    left -= max(0, more)
                }
            }
            let room = heights[index] + left
            // Lines made for the whole room are the lines to draw: they either all fit in
            // the rows taken, or the room is all taken and drawing trims them.
            shown[index] = lines(panels[index], page, width: width - 4, height: room - 2)
            heights[index] = min(room, shown[index].count + 2)
            left = room - heights[index]
        }
        return placeStacked(panels, heights: heights, lines: shown, x: x, y: y, width: width)
    }
}

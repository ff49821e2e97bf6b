import Metrics

extension AcademyScreen {
    /// The narrowest screen with attainment beside attendance and absence; narrower
    /// screens stack the three panels.
    static let twoColumnWidth = 100

    /// A panel's lines for a content area of `width` columns and about `height` rows.
    static func lines(_ panel: Panel, _ page: Context, width: Int, height: Int) -> [PanelLine] {
        switch panel {
        case .attainment: attainmentLines(page, width: width, height: height)
        case .attendance: attendanceLines(page, width: width, height: height)
        case .persistentAbsence: absenceLines(page, width: width, height: height)
        }
    }

    /// The fewest rows a panel is drawn in, border included: its headline figures.
    static func minimumHeight(_ panel: Panel) -> Int {
        panel == .attendance ? 3 : 4
    }

    /// Where each panel goes in `area`: the focused one alone when zoomed; attainment on
    /// the left and the other two stacked on the right when wide enough; else all three
    /// stacked, the focused panel given the rows it needs first.
    static func layout(_ page: Context, area: Rect) -> [(Panel, Rect)] {
        if page.state.zoomed { return [(page.state.panel, area)] }
        guard area.width >= twoColumnWidth else {
            let panels = Panel.allCases
            let heights = allocate(panels, page, width: area.width - 4, total: area.height)
            return place(panels, heights: heights, x: area.x, y: area.y, width: area.width)
        }
        let leftWidth = area.width * 11 / 20
        let rightWidth = area.width - leftWidth
        let right: [Panel] = [.attendance, .persistentAbsence]
        let heights = allocate(right, page, width: rightWidth - 4, total: area.height)
        let leftLines = lines(.attainment, page, width: leftWidth - 4, height: area.height - 2).count
        let left = Rect(x: area.x, y: area.y, width: leftWidth, height: min(area.height, leftLines + 2))
        return [(.attainment, left)]
            + place(right, heights: heights, x: area.x + leftWidth, y: area.y, width: rightWidth)
    }

    /// Rows for each of `panels` out of `total`: first each one's minimum (the focused
    /// panel's first), then as many more as each can fill, the focused panel first.
    static func allocate(_ panels: [Panel], _ page: Context, width: Int, total: Int) -> [Int] {
        let focused = page.state.panel
        let order = panels.indices.sorted { a, b in
            (panels[a] == focused ? 0 : 1, a) < (panels[b] == focused ? 0 : 1, b)
        }
        var heights = Array(repeating: 0, count: panels.count)
        var left = total
        for index in order where minimumHeight(panels[index]) <= left {
            heights[index] = minimumHeight(panels[index])
            left -= heights[index]
        }
        for index in order where heights[index] > 0 {
            let room = heights[index] + left
            let wanted = lines(panels[index], page, width: width, height: room - 2).count + 2
            heights[index] = min(room, wanted)
            left = room - heights[index]
        }
        return heights
    }

    /// Panels one under another from row `y`, skipping those given no rows.
    private static func place(_ panels: [Panel], heights: [Int], x: Int, y: Int, width: Int) -> [(Panel, Rect)] {
        var top = y
        var placed: [(Panel, Rect)] = []
        for (panel, height) in zip(panels, heights) where height > 0 {
            placed.append((panel, Rect(x: x, y: top, width: width, height: height)))
            top += height
        }
        return placed
    }
}

import Metrics

extension AcademyScreen {
    /// How much a pupil-group cell shows.
    enum GroupCell: CaseIterable {
        /// Full label, figure, change and the number of pupils.
        case full
        /// Full label, figure and change.
        case wide
        /// Short label, figure and change.
        case medium
        /// Short label and figure.
        case narrow

        var labelWidth: Int { self == .full || self == .wide ? 17 : 11 }
        var hasChange: Bool { self != .narrow }

        /// Columns taken by one cell.
        var width: Int {
            switch self {
            case .full: 45
            case .wide: 33
            case .medium: 27
            case .narrow: 19
            }
        }
    }

    /// Columns between two cells on one line.
    static let cellGap = 3

    /// One figure in a cell: its labels (full and short) and the rated figure.
    struct CellFigure {
        var label: String
        var short: String
        var rated: RatedFigure?
    }

    /// A cell for each pupil group in `groups`: `kpi` for that group.
    static func groupLines(
        _ page: Context, _ kpi: KPI, yearGroup: YearGroup = .all, groups: [PupilGroup], firstFocus: Int?,
        width: Int, rows: Int, priority: Int
    ) -> [PanelLine] {
        let cells = groups.map { group in
            CellFigure(
                label: group.label, short: shortLabel(group),
                rated: page.figure(kpi, group: group, yearGroup: yearGroup))
        }
        return cellLines(page, cells, firstFocus: firstFocus, width: width, rows: rows, priority: priority)
    }

    /// One line per figure when `rows` allow, else two figures a line, each cell as full
    /// as the width allows. Cells are focusable from `firstFocus` on, when given.
    static func cellLines(
        _ page: Context, _ cells: [CellFigure], firstFocus: Int?, width: Int, rows: Int, priority: Int
    ) -> [PanelLine] {
        guard !cells.isEmpty else { return [] }
        var perLine = 1
        var style = GroupCell.allCases.first { $0.width <= width } ?? .narrow
        let pairs = GroupCell.allCases.dropFirst().first { 2 * $0.width + cellGap <= width }
        if rows < cells.count, let pairs {
            perLine = 2
            style = pairs
        }
        var lines: [PanelLine] = []
        for (index, figure) in cells.enumerated() {
            let slot = index % perLine
            if slot == 0 { lines.append(PanelLine(priority: priority + lines.count, style: page.style)) }
            var cell = cell(page, figure, style: style)
            if let firstFocus { cell.focusable(firstFocus + index, width: perLine == 1 ? nil : style.width) }
            lines[lines.count - 1].add(cell, at: slot * (style.width + cellGap))
        }
        return lines
    }

    /// "disadvantaged      ■  89.0   ▼ 1.2   60 pupils", as much of it as `style` shows.
    static func cell(_ page: Context, _ figure: CellFigure, style: GroupCell) -> PanelLine {
        var cell = PanelLine(priority: 0, style: page.style)
        cell.add(style.labelWidth >= 17 ? figure.label : figure.short)
        let shown = marked(figure.rated, ascii: page.ascii)
        cell.add(shown.text, shown.role, at: style.labelWidth + 1)
        guard style.hasChange, let rated = figure.rated else { return cell }
        let moved = change(rated, ascii: page.ascii)
        // A change of two decimals, such as suspensions' "↑ 37.65", drops its space to keep
        // to the column's six characters rather than run into the pupils.
        let text = moved.text.count > 6 ? moved.text.replacingOccurrences(of: " ", with: "") : moved.text
        cell.add(text, moved.role, right: style.labelWidth + 10, width: 6)
        if style == .full { cell.add(AcademyScreen.pupilCount(rated), .muted, right: 33, width: 12) }
        return cell
    }
}

import Metrics

/// What changed: every figure whose rating moved since the previous drop or the same
/// drop last year, under the headings "Turned red", "Red and worse", "Now amber" and
/// "Improved", worst news first.
///
/// Each line names the academy, the KPI, the pupil group (and year group when not all
/// years), the old and new values with their rating marks, the change with an arrow
/// coloured for better or worse, and which drop it is compared with. The list comes from
/// `Metrics.RatingChanges`, so it is the same as `trustboard report --changes`.
public enum ChangesScreen {
    /// One row of the list: a band's heading, a change, or the gap between bands.
    enum Line: Equatable {
        case heading(RatingChange.Band, count: Int)
        case change(RatingChange)
        case gap
    }

    /// Where each column starts and how wide it is, for a screen width.
    struct Layout {
        var name: (x: Int, width: Int)
        var kpi: (x: Int, width: Int)
        var group: (x: Int, width: Int)
        var values: (x: Int, width: Int)
        var change: (x: Int, width: Int)
        var against: (x: Int, width: Int)
        var longAgainst: Bool

        init(width: Int, ascii: Bool) {
            let gap = width >= 100 ? 2 : 1
            longAgainst = width >= 100
            // "100.0 ● → 100.0 ●": two values of up to 5 columns, marks and the arrow.
            let valuesWidth = ascii ? 18 : 17
            let changeWidth = 6
            let againstWidth = longAgainst ? 13 : 9
            let fixed = 2 + valuesWidth + changeWidth + againstWidth + 5 * gap + 1
            let room = max(12, width - fixed)
            // Names get the most room; longer columns than these are rare, and wider
            // screens keep the values near the names.
            let nameWidth = min(36, room * 3 / 8)
            let kpiWidth = min(24, (room - nameWidth) / 2)
            let groupWidth = min(26, room - nameWidth - kpiWidth)
            var x = 2
            func next(_ columns: Int) -> (x: Int, width: Int) {
                defer { x += columns + gap }
                return (x, columns)
            }
            name = next(nameWidth)
            kpi = next(kpiWidth)
            group = next(groupWidth)
            values = next(valuesWidth)
            change = next(changeWidth)
            against = next(againstWidth)
        }
    }

    /// The changes of the drop shown, or nil when the trust has no drops.
    public static func changes(_ state: DashboardState, view: TrustView) -> RatingChanges? {
        guard let drop = state.drop(view) else { return nil }
        return view.changes(drop)
    }

    /// Rows of the page that are not list rows: the title, the column headings, the rule
    /// below them and the rule at the bottom.
    public static let chromeRows = 4

    /// How many list rows there are for the drop shown (headings, changes and gaps):
    /// with `chromeRows`, what a caller needs to keep `scroll` in range.
    public static func lineCount(_ state: DashboardState, view: TrustView) -> Int {
        changes(state, view: view).map { lines($0).count } ?? 0
    }

    /// The largest useful `scroll` for a page drawn between `top` and `bottom`.
    public static func maximumScroll(_ state: DashboardState, view: TrustView, top: Int, bottom: Int) -> Int {
        max(0, lineCount(state, view: view) - max(1, bottom - top - chromeRows))
    }

    /// Draws the page between rows `top` and `bottom` (exclusive): a title, column
    /// headings, then the list from list row `scroll`, and a rule that says which rows
    /// are shown when they do not all fit.
    ///
    /// - Parameters:
    ///   - state: the drop shown and the text style.
    ///   - view: the trust's rated figures.
    ///   - screen: the frame drawn into; nothing is written outside `top..<bottom`.
    ///   - top: the first row of the page.
    ///   - bottom: the row after the last row of the page.
    ///   - scroll: the first list row shown, 0-based; kept within the list.
    public static func render(
        _ state: DashboardState, view: TrustView, into screen: inout Screen, top: Int, bottom: Int,
        scroll: Int
    ) {
        guard bottom > top, screen.width > 4 else { return }
        let ascii = screen.style.ascii
        guard let changes = changes(state, view: view) else {
            screen.write("No drops yet.", x: 2, y: top, role: .muted)
            return
        }
        titleLine(changes, y: top, into: &screen)
        guard bottom - top >= chromeRows + 1 else { return }
        let layout = Layout(width: screen.width, ascii: ascii)
        headings(layout, y: top + 1, into: &screen)
        screen.rule(y: top + 2)
        let last = bottom - 1
        screen.rule(y: last)
        let all = lines(changes)
        guard !all.isEmpty else {
            screen.write(changes.emptyMessage, x: 2, y: top + 3, role: .muted, maxWidth: screen.width - 4)
            return
        }
        let shown = last - (top + 3)
        let first = max(0, min(scroll, all.count - shown))
        for (offset, line) in all.dropFirst(first).prefix(shown).enumerated() {
            draw(line, layout: layout, y: top + 3 + offset, into: &screen)
        }
        if all.count > shown {
            let dash = ascii ? "-" : "–"
            let end = min(all.count, first + shown)
            screen.writeRight(
                " \(first + 1)\(dash)\(end) of \(all.count) ", right: screen.width - 2, y: last, role: .muted)
        }
    }

    /// The list's rows: each band with changes under its heading, a gap between bands.
    static func lines(_ changes: RatingChanges) -> [Line] {
        var lines: [Line] = []
        for band in RatingChange.Band.allCases {
            let inBand = changes.changes(in: band)
            guard !inBand.isEmpty else { continue }
            if !lines.isEmpty { lines.append(.gap) }
            lines.append(.heading(band, count: inBand.count))
            lines += inBand.map(Line.change)
        }
        return lines
    }

    private static func titleLine(_ changes: RatingChanges, y: Int, into screen: inout Screen) {
        let title = "What changed in \(changes.drop)"
        let x = screen.write(title, x: 1, y: y, role: .title, emphasis: true, maxWidth: screen.width - 2)
        let withinYear = RatingChange.Comparison.previousDrop.isLikeForLike(for: changes.drop)
        let detail =
            withinYear
            ? " · against \(changes.previousDrop) and \(changes.lastYearDrop)"
            : " · against \(changes.lastYearDrop) (\(changes.previousDrop) is another school year)"
        let short =
            withinYear
            ? " · vs \(changes.previousDrop), \(changes.lastYearDrop)" : " · vs \(changes.lastYearDrop)"
        let room = screen.width - 1 - x
        let text = [detail, short].first { DisplayWidth.of(screen.style.clean($0)) <= room }
        if let text { screen.write(text, x: x, y: y, role: .muted) }
    }

    private static func headings(_ layout: Layout, y: Int, into screen: inout Screen) {
        let titles = [
            (layout.name, "Academy"), (layout.kpi, "KPI"), (layout.group, "Group"),
            (layout.values, "Was " + (screen.style.ascii ? "->" : "→") + " now"), (layout.change, "Change"),
            (layout.against, "Against"),
        ]
        for (column, title) in titles {
            screen.write(title, x: column.x, y: y, role: .heading, maxWidth: column.width)
        }
    }

    private static func draw(_ line: Line, layout: Layout, y: Int, into screen: inout Screen) {
        let ascii = screen.style.ascii
        switch line {
        case .gap: return
        case .heading(let band, let count):
            let rating: RAGRating =
                switch band {
                case .turnedRed, .redAndWorse: .red
                case .nowAmber: .amber
                case .improved: .green
                }
            let role = RatingMark.role(rating)
            let x = screen.write(RatingMark.mark(rating, ascii: ascii), x: 1, y: y, role: role)
            screen.write(
                " \(band.title) (\(count))", x: x, y: y, role: .heading, emphasis: true,
                maxWidth: screen.width - x - 1)
        case .change(let change):
            if change.owner == .trust {
                screen.write("Trust", x: layout.name.x, y: y, role: .title, emphasis: true)
            } else {
                screen.write(change.name, x: layout.name.x, y: y, maxWidth: layout.name.width)
            }
            screen.write(
                fitting(kpiLabels(change.kpi, yearGroup: change.yearGroup), width: layout.kpi.width),
                x: layout.kpi.x, y: y,
                maxWidth: layout.kpi.width)
            screen.write(
                fitting(groupLabels(change), width: layout.group.width), x: layout.group.x, y: y,
                role: .muted,
                maxWidth: layout.group.width)
            values(change, x: layout.values.x, y: y, into: &screen)
            let role: Role = change.isBetter.map { $0 ? .better : .worse } ?? .muted
            let magnitude = DisplayRounding.text(abs(change.change), for: change.kpi)
            screen.write(
                RatingMark.arrow(change.change, ascii: ascii) + magnitude, x: layout.change.x, y: y,
                role: role,
                maxWidth: layout.change.width)
            let against =
                layout.longAgainst
                ? change.comparedWith.label
                : change.comparedWith == .previousDrop ? "prev drop" : "last year"
            screen.write(against, x: layout.against.x, y: y, role: .muted, maxWidth: layout.against.width)
        }
    }

    /// The first of `labels` that fits `width` columns, else the last (to be cut).
    private static func fitting(_ labels: [String], width: Int) -> String {
        labels.first { DisplayWidth.of($0) <= width } ?? labels.last ?? ""
    }

    /// A KPI's name for a figure of `yearGroup`, then shorter forms for narrow screens.
    static func kpiLabels(_ kpi: KPI, yearGroup: YearGroup = .all) -> [String] {
        let label = kpi.label(in: yearGroup)
        let short = kpi.shortLabel(in: yearGroup)
        let labels = kpi == .persistentAbsenceRate ? [label, short, "PA"] : [label, short]
        return labels[0] == labels[1] ? [label] : labels
    }

    /// A change's pupil group, with its year group when not all years, then shorter
    /// forms: "all pupils, Year 6", "all pupils Y6", "all Y6".
    static func groupLabels(_ change: RatingChange) -> [String] {
        let short =
            switch change.group {
            case .all: "all"
            case .disadvantaged: "disadv."
            case .notDisadvantaged: "not disadv."
            default: change.group.label
            }
        let year: String? =
            switch change.yearGroup {
            case .all: nil
            case .nursery: "N"
            case .reception: "R"
            case .year(let number): "Y\(number)"
            }
        guard let year else { return [change.group.label, short] }
        return [
            "\(change.group.label), \(change.yearGroup)", "\(change.group.label) \(year)", "\(short) \(year)",
        ]
    }

    /// "93.0 ▲ → 92.0 ■": each value right-aligned in 5 columns with its rating mark.
    private static func values(_ change: RatingChange, x: Int, y: Int, into screen: inout Screen) {
        let ascii = screen.style.ascii
        func value(_ number: Double, _ rating: RAGRating, at column: Int) -> Int {
            let text = DisplayWidth.pad(DisplayRounding.text(number, for: change.kpi), to: 5, right: true)
            let role = RatingMark.role(rating)
            let after = screen.write(text, x: column, y: y, role: role, emphasis: true)
            return screen.write(RatingMark.mark(rating, ascii: ascii), x: after + 1, y: y, role: role)
        }
        let column = value(change.oldValue, change.oldRating, at: x)
        let arrow = screen.write(ascii ? " -> " : " → ", x: column, y: y, role: .muted)
        _ = value(change.newValue, change.newRating, at: arrow)
    }
}

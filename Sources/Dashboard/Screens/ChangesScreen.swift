import Metrics

/// What changed: every figure whose rating moved since one earlier drop (the previous
/// drop, or the same term last year: `c` switches), under the headings "Turned red",
/// "Red and worse", "Now amber" and "Improved", worst news first.
///
/// It opens on exactly what the overview's header counted: the header's comparison and
/// the overview's filters, so its first heading says the header's number. Within a band
/// the changes larger than chance makes likely come first (`ChangeSignificance`), then
/// by size. Each line names the academy, the KPI, the pupil group (and year group when
/// not all years), the old and new values with their rating marks, the change with an
/// arrow coloured for better or worse, and "could be chance" (dim, with the line's words)
/// when a change that size is common for groups that size. An `absence_rate` line that
/// only mirrors its `attendance_rate` line is left out. The changes come from
/// `Metrics.RatingChanges`, the list `trustboard report --changes` writes.
public enum ChangesScreen {
    /// Where each column starts and how wide it is, for a screen width.
    struct Layout {
        var name: (x: Int, width: Int)
        var kpi: (x: Int, width: Int)
        var group: (x: Int, width: Int)
        var values: (x: Int, width: Int)
        var change: (x: Int, width: Int)
        var noise: (x: Int, width: Int)
        var longWords: Bool

        init(width: Int, ascii: Bool) {
            let gap = width >= 100 ? 2 : 1
            longWords = width >= 100
            // "100.0 ● → 100.0 ●": two values of up to 5 columns, marks and the arrow.
            let valuesWidth = ascii ? 18 : 17
            let changeWidth = 6
            // "could be chance" on wide screens, "chance?" on narrow ones.
            let noiseWidth = longWords ? 15 : 8
            let fixed = 2 + valuesWidth + changeWidth + noiseWidth + 5 * gap + 1
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
            noise = next(noiseWidth)
        }
    }

    /// Draws the page between rows `top` and `bottom` (exclusive): a title naming the
    /// comparison and every filter, column headings, then the list from list row
    /// `scroll` with the selected change marked, and a rule that counts the changes.
    ///
    /// - Parameters:
    ///   - state: the drop shown, the page's comparison, filters and selection, the
    ///     overview's filters, and the text style.
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
        guard let list = ChangesList(state, view: view) else {
            screen.write("No drops yet.", x: 2, y: top, role: .muted)
            return
        }
        titleLine(list, state: state, y: top, into: &screen)
        guard bottom - top >= ChangesLayout.chromeRows + 1 else { return }
        let layout = Layout(width: screen.width, ascii: ascii)
        headings(layout, y: top + 1, into: &screen)
        screen.rule(y: top + 2)
        let last = bottom - 1
        screen.rule(y: last)
        guard !list.lines.isEmpty else {
            // Why none could change (a pandemic year) takes two sentences: wrapped, not cut.
            let lines = DashboardRenderer.wrap(emptyMessage(list, state: state), width: screen.width - 4)
            for (offset, line) in lines.enumerated() where top + 3 + offset < last {
                screen.write(line, x: 2, y: top + 3 + offset, role: .muted, maxWidth: screen.width - 4)
            }
            return
        }
        let shown = last - (top + 3)
        let first = max(0, min(scroll, list.lines.count - shown))
        let selected = max(0, min(state.changesPage?.selected ?? 0, list.changes.count - 1))
        var visible: [Int] = []
        for (offset, line) in list.lines.dropFirst(first).prefix(shown).enumerated() {
            let y = top + 3 + offset
            draw(line, list: list, layout: layout, y: y, into: &screen)
            guard case .change(let index) = line else { continue }
            visible.append(index)
            if index == selected {
                screen.write(ascii ? ">" : "▶", x: 0, y: y, role: .focus)
                screen.highlight(y: y, x: 1, width: screen.width - 1)
            }
        }
        countOnRule(list, visible: visible, y: last, into: &screen)
    }

    /// On the bottom rule: "1–34 of 743 changes", or "21 changes" when all are shown.
    private static func countOnRule(_ list: ChangesList, visible: [Int], y: Int, into screen: inout Screen) {
        let total = list.changes.count
        let noun = total == 1 ? "change" : "changes"
        guard let low = visible.min(), let high = visible.max() else { return }
        let dash = screen.style.ascii ? "-" : "–"
        let text =
            low == 0 && high == total - 1
            ? " \(total) \(noun) " : " \(low + 1)\(dash)\(high + 1) of \(total) \(noun) "
        screen.writeRight(text, right: screen.width - 2, y: y, role: .muted)
    }

    /// Why the list is empty, in words that say what to do.
    static func emptyMessage(_ list: ChangesList, state: DashboardState) -> String {
        let drop = list.all.drop
        let earlier = list.earlierDrop
        if !list.comparison.isLikeForLike(for: drop) {
            return "\(earlier) is another school year: \(drop) is compared with \(drop.sameTermLastYear) (c)."
        }
        // Nothing at all to compare with: say which drops were looked for.
        if list.all.comparedDrops.isEmpty { return list.all.emptyMessage }
        if !list.all.comparedDrops.contains(earlier) { return "No data for \(earlier) to compare with." }
        if RatingChange.Comparison.crossesPandemic(earlier, drop) {
            let year = BenchmarkMatcher.isPandemic(earlier.year) ? earlier.year : drop.year
            return "\(year) is a pandemic year: its figures are compared with no other year."
        }
        // Nothing rated on one side (a pandemic year, no benchmark): no rating could change.
        if list.all.noneRated(since: earlier) { return list.all.nothingChanged(since: [earlier]) }
        let filtered = (state.changesPage?.hasFilters ?? false) || state.overview.hasFilters
        if filtered { return "No change since \(earlier) matches the filters. Esc clears this page's." }
        return "No rating changed since \(earlier)."
    }

    /// Row 0 of the page: what is compared with what, and every filter. The filters are
    /// never cut for the title: the title takes a shorter form first.
    private static func titleLine(
        _ list: ChangesList, state: DashboardState, y: Int, into screen: inout Screen
    ) {
        let drop = list.all.drop
        let earlier = list.earlierDrop
        let filters = filterText(state, view: list)
        let titles = [
            "What changed in \(drop) since \(earlier), \(list.comparison == .previousDrop ? "the previous drop" : "the same term last year")",
            "What changed in \(drop) since \(earlier)", "\(drop) since \(earlier)", "since \(earlier)",
            // The band headings say "since" too: with long filters, the filters alone.
            "",
        ]
        let filterWidth = filters.isEmpty ? 0 : DisplayWidth.of(screen.style.clean(filters)) + 3
        let room = screen.width - 2
        let title =
            titles.first { DisplayWidth.of(screen.style.clean($0)) + filterWidth <= room }
            ?? titles[titles.count - 1]
        var x = screen.write(title, x: 1, y: y, role: .title, emphasis: true, maxWidth: room)
        guard !filters.isEmpty, x + 3 < screen.width - 1 else { return }
        if !title.isEmpty { x = screen.write(" · ", x: x, y: y, role: .muted) }
        screen.write(filters, x: x, y: y, role: .notice, maxWidth: screen.width - 1 - x)
    }

    /// The filters in force, the page's and the overview's: "academy: Fellside School ·
    /// KPI: Attendance · group: disadvantaged · phase: primary · search: fell".
    static func filterText(_ state: DashboardState, view list: ChangesList) -> String {
        var parts: [String] = []
        let page = state.changesPage ?? ChangesPageState()
        if let owner = page.owner {
            let name = list.changes.first { $0.owner == owner }?.name ?? owner.urn?.description ?? "trust"
            parts.append(owner == .trust ? "trust only" : "academy: \(name)")
        }
        if let kpi = page.kpi { parts.append("KPI: \(kpi.label(in: .all))") }
        if let group = page.group { parts.append("group: \(group.label)") }
        if let phase = state.overview.phaseFilter { parts.append("phase: \(phase.rawValue)") }
        if let sil = state.overview.silFilter { parts.append("SIL: \(sil)") }
        if state.overview.searching {
            parts.append("/ \(state.overview.search)\(state.ascii ? "_" : "▏")")
        } else if !state.overview.search.isEmpty {
            parts.append("search: \(state.overview.search)")
        }
        return parts.joined(separator: " · ")
    }

    private static func headings(_ layout: Layout, y: Int, into screen: inout Screen) {
        let titles = [
            (layout.name, "Academy"), (layout.kpi, "KPI"), (layout.group, "Group"),
            (layout.values, "Was " + (screen.style.ascii ? "->" : "→") + " now"), (layout.change, "Change"),
            (layout.noise, layout.longWords ? "Noise test" : "Noise"),
        ]
        for (column, title) in titles {
            screen.write(title, x: column.x, y: y, role: .heading, maxWidth: column.width)
        }
    }

    private static func draw(
        _ line: ChangesList.Line, list: ChangesList, layout: Layout, y: Int, into screen: inout Screen
    ) {
        let ascii = screen.style.ascii
        switch line {
        case .gap: return
        case .heading(let band, let count, let beyond):
            let rating: RAGRating =
                switch band {
                case .turnedRed, .redAndWorse: .red
                case .nowAmber: .amber
                case .improved: .green
                }
            let role = RatingMark.role(rating)
            var x = screen.write(RatingMark.mark(rating, ascii: ascii), x: 1, y: y, role: role)
            x = screen.write(
                " \(band.title) since \(list.earlierDrop) (\(count))", x: x, y: y, role: .heading,
                emphasis: true,
                maxWidth: screen.width - x - 1)
            let note = beyond == count ? " · all beyond chance" : " · \(beyond) beyond chance"
            if beyond > 0, x + DisplayWidth.of(note) < screen.width - 1 {
                screen.write(note, x: x, y: y, role: .muted)
            }
        case .change(let index):
            let change = list.changes[index]
            let noise = change.significance.verdict == .couldBeChance
            if change.owner == .trust {
                screen.write("Trust", x: layout.name.x, y: y, role: noise ? .muted : .title, emphasis: !noise)
            } else {
                screen.write(
                    change.name, x: layout.name.x, y: y, role: noise ? .muted : .text,
                    maxWidth: layout.name.width)
            }
            screen.write(
                fitting(kpiLabels(change.kpi, yearGroup: change.yearGroup), width: layout.kpi.width),
                x: layout.kpi.x, y: y, role: noise ? .muted : .text,
                maxWidth: layout.kpi.width)
            screen.write(
                fitting(groupLabels(change), width: layout.group.width), x: layout.group.x, y: y,
                role: .muted,
                maxWidth: layout.group.width)
            values(change, x: layout.values.x, y: y, into: &screen)
            let role: Role = change.isBetter.map { $0 ? .better : .worse } ?? .muted
            let magnitude = DisplayRounding.text(abs(change.change), for: change.kpi)
            screen.write(
                ChangeArrow(change.change).glyph(ascii: ascii) + magnitude, x: layout.change.x, y: y,
                role: role,
                maxWidth: layout.change.width)
            let words: String =
                switch change.significance.verdict {
                case .beyondChance: ""
                case .couldBeChance: layout.longWords ? "could be chance" : "chance?"
                case .notTested: layout.longWords ? "not tested" : "untested"
                }
            screen.write(words, x: layout.noise.x, y: y, role: .muted, maxWidth: layout.noise.width)
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

import Metrics

/// The trust overview: one row per academy, worst news first, each figure rated with
/// its mark and the change on the same term last year.
public enum OverviewScreen {
    /// Rows that are not academy rows: header, counts, two rules, headings, the trust
    /// row, the bottom rule and the footer (`OverviewLayout`).
    public static let chromeRows = OverviewLayout.chromeLines

    /// Draws the overview below the header and above the footer.
    public static func render(_ state: DashboardState, view: TrustView, into screen: inout Screen) {
        let ascii = screen.style.ascii
        guard let drop = state.drop(view) else {
            screen.write("No data yet.", x: 2, y: 2, role: .muted)
            return
        }
        let layout = Layout(
            width: screen.width, trendDrops: state.dropIndex + 1, hasWriting: hasWriting(view, drop: drop),
            hasSuspensions: hasSuspensions(view, drop: drop))
        let rows = state.visibleRows(view)
        let lines = OverviewLayout(height: screen.height)
        countsLine(state, view: view, rows: rows, layout: layout, into: &screen)
        screen.rule(y: 2)
        headings(layout, into: &screen)
        wideHeadings(layout, scope: view.config.benchmarkScope, into: &screen)
        screen.rule(y: 4)
        let trust = view.trustRow(drop)
        let trustName = "Trust (\(trust.academiesCounted) of \(view.academies.count))"
        row(
            trust, name: trustName, y: lines.trustLine, layout: layout,
            selected: state.overview.trustSelected,
            ascii: ascii, frame: (state, view, drop), into: &screen)
        let shown = state.overviewRowsShown
        for (offset, academyRow) in rows.dropFirst(state.overview.scroll).prefix(shown).enumerated() {
            let y = lines.firstRowLine + offset
            let isSelected =
                !state.overview.trustSelected && academyRow.urn == state.overview.selected
            row(
                academyRow, name: academyRow.name, y: y, layout: layout, selected: isSelected, ascii: ascii,
                frame: (state, view, drop), into: &screen)
        }
        if rows.isEmpty {
            screen.write(
                "No academy matches the filters. Esc clears them.", x: 2, y: lines.firstRowLine, role: .muted)
        }
        let bottom = screen.height - 2
        screen.rule(y: bottom)
        leftOutNote(trust, view: view, drop: drop, y: bottom, into: &screen)
        if rows.count > shown {
            let first = state.overview.scroll + 1
            let last = min(rows.count, state.overview.scroll + shown)
            let dash = ascii ? "-" : "–"
            screen.writeRight(
                " \(first)\(dash)\(last) of \(rows.count) ", right: screen.width - 2, y: bottom, role: .muted)
        }
    }

    /// On the bottom rule, when the trust row leaves academies out of a figure because
    /// their figure was published without pupil numbers: how many, so that a blank or
    /// partial trust figure is not taken for the whole trust's. `report` names them.
    private static func leftOutNote(
        _ trust: OverviewRow, view: TrustView, drop: DataDrop, y: Int, into screen: inout Screen
    ) {
        let leftOut = view.trustLeftOut(drop)
        guard !leftOut.isEmpty else { return }
        let academies = Set(
            trust.cells.compactMap { $0 }.flatMap { leftOut[$0.smallKey] ?? [] })
        guard !academies.isEmpty else { return }
        let count = academies.count
        let some = "\(count) academ\(count == 1 ? "y" : "ies")"
        let forms = [
            " Trust row leaves out \(some): rates published without pupil numbers ",
            " Trust row leaves out \(some) ", " Trust: \(count) left out ",
        ]
        // The right of the rule may say which rows are shown ("1–20 of 90").
        let room = screen.width - 18
        if let text = forms.first(where: { DisplayWidth.of($0) <= room }) {
            screen.write(text, x: 2, y: y, role: .notice)
        }
    }

    /// The green, amber and red figures of `rows` and the trust row, with the wide
    /// columns `layout` shows.
    private static func tally(_ state: DashboardState, view: TrustView, rows: [OverviewRow], layout: Layout)
        -> (green: Int, amber: Int, red: Int)
    {
        var counts = (green: 0, amber: 0, red: 0)
        // Every rated figure on screen: the trust row's as well as the academies'.
        let trustRow = state.drop(view).map(view.trustRow)
        for row in rows + [trustRow].compactMap({ $0 }) {
            counts.green += row.greens
            counts.amber += row.ambers
            counts.red += row.reds
        }
        // The other phase's headline and writing, shown on wide screens, are counted as
        // the rows' own figures are (each row counted them once, when it was made).
        for row in [trustRow].compactMap({ $0 }) + rows {
            let wide = row.wideCounts(phaseHeadlines: layout.phaseHeadlines, writing: layout.writing)
            counts.green += wide.greens
            counts.amber += wide.ambers
            counts.red += wide.reds
            // Suspensions carry no rating unless the config gives them one.
            if layout.suspensions {
                switch row.suspensions?.rating {
                case .green: counts.green += 1
                case .amber: counts.amber += 1
                case .red: counts.red += 1
                case .some(.none), .some(.suppressed), nil: break
                }
            }
        }
        return counts
    }

    private static func countsLine(
        _ state: DashboardState, view: TrustView, rows: [OverviewRow], layout: Layout,
        into screen: inout Screen
    ) {
        let ascii = screen.style.ascii
        var x = 1
        if state.overview.searching {
            x = screen.write("/ ", x: x, y: 1, role: .key)
            x = screen.write(state.overview.search, x: x, y: 1, role: .text)
            screen.write(ascii ? "_" : "▏", x: x, y: 1, role: .key)
            return
        }
        // Counted once for each drop, filter and set of columns, and kept by the view: a
        // national store's header added up 22,000 rows on every key press.
        let key = TrustView.TallyKey(
            drop: state.drop(view), phaseFilter: state.overview.phaseFilter,
            silFilter: state.overview.silFilter,
            search: state.overview.search, phaseHeadlines: layout.phaseHeadlines, writing: layout.writing,
            suspensions: layout.suspensions)
        let counts = view.headerTally(key) { tally(state, view: view, rows: rows, layout: layout) }
        var redForms: [String] = []
        var red = 0
        if let drop = state.drop(view) {
            let since = view.headerComparisonDrop(drop)
            let compared = view.drops.contains(since)
            if compared, RatingChange.Comparison.crossesPandemic(since, drop) {
                // No figure of a pandemic year is set beside another year's: a count of
                // none turned red would read as good news.
                redForms = [
                    "turned red since \(since): not compared (pandemic years)",
                    "turned red: not compared (pandemic)",
                    "not compared (pandemic)",
                ]
            } else if counts.green + counts.amber + counts.red == 0 {
                // Nothing shown is rated: "● 0 ▲ 0 ■ 0" alone, or beside "0 figures turned
                // red", would read as good news, so say so.
                redForms = noneRated(drop, compared: compared)
            } else if compared, case let (_, since)? = view.turnedRedIfCounted(drop) {
                // With a filter, only the rows shown (and the trust's) count, as for the
                // ratings; the changes page opens on these same figures.
                red = ChangesList.turnedRedForHeader(state, view: view)
                redForms = [
                    "\(red) figure\(red == 1 ? "" : "s") turned red since \(since)",
                    "\(red) turned red since \(since)", "\(red) new red",
                ]
            } else if compared {
                // Still counted in the background (a large store): no number until it is known.
                redForms = [
                    "counting figures turned red since \(since)…", "counting turned red…", "counting…",
                ]
            }
        }
        // The filters in full ("phase: primary · SIL: J. Whitfield"), and their values alone.
        var filters: [(name: String, value: String)] = []
        if let phase = state.overview.phaseFilter { filters.append(("phase", phase.rawValue)) }
        if let sil = state.overview.silFilter { filters.append(("SIL", sil)) }
        if !state.overview.search.isEmpty { filters.append(("search", state.overview.search)) }
        let filterForms =
            filters.isEmpty
            ? [""]
            : [
                filters.map { "\($0.name): \($0.value)" }.joined(separator: " · "),
                filters.map(\.value).joined(separator: " · "),
            ]
        let sortForms = [
            "sorted: \(state.overview.sort.rawValue)\(state.overview.reversed ? " (reversed)" : "")",
            "\(state.overview.sort.rawValue)\(state.overview.reversed ? " (rev.)" : "")", "",
        ]
        // The filter label is never cut while anything else can give way: first the
        // turned-red count shortens, then the rating words go, then the sort label
        // shortens, then the turned-red count goes, then the sort label; only then does
        // the label lose its names ("primary · J. Whitfield"), and last it is cut.
        let ratings = [RAGRating.green, .amber, .red]
        func ratingsWidth(_ words: Bool) -> Int {
            ratings.reduce(0) { total, rating in
                let count = rating == .green ? counts.green : rating == .amber ? counts.amber : counts.red
                return total + 1
                    + DisplayWidth.of(" \(count)\(words ? " " + rating.word.lowercased() : "")   ")
            }
        }
        var plans: [(words: Bool, red: String?, sorted: String, filter: String)] = []
        for filter in filterForms {
            for sorted in sortForms.dropLast() {
                for words in screen.width >= 100 ? [true, false] : [false] {
                    let reds = redForms.isEmpty ? [String?.none] : redForms.map { Optional($0) }
                    plans += reds.map { (words, $0, sorted, filter) }
                }
            }
            plans.append((false, nil, sortForms[1], filter))
            plans.append((false, nil, "", filter))
        }
        let plan =
            plans.first { plan in
                let filterWidth =
                    plan.filter.isEmpty ? 0 : DisplayWidth.of(screen.style.clean(plan.filter)) + 2
                let gap = plan.filter.isEmpty ? 2 : 3
                let redWidth = plan.red.map { DisplayWidth.of(screen.style.clean($0)) + gap } ?? 0
                return x + ratingsWidth(plan.words) + redWidth + filterWidth + DisplayWidth.of(plan.sorted)
                    <= screen.width - 1
            } ?? plans[plans.count - 1]
        for rating in ratings {
            let count = rating == .green ? counts.green : rating == .amber ? counts.amber : counts.red
            x = screen.write(RatingMark.mark(rating, ascii: ascii), x: x, y: 1, role: RatingMark.role(rating))
            let word = plan.words ? " " + rating.word.lowercased() : ""
            x = screen.write(" \(count)\(word)   ", x: x, y: 1, role: .text)
        }
        if let text = plan.red {
            x = screen.write(text, x: x, y: 1, role: red > 0 ? .red : .muted) + 3
        }
        let right = screen.width - 1 - DisplayWidth.of(plan.sorted)
        screen.write(plan.sorted, x: right, y: 1, role: .muted)
        if !plan.filter.isEmpty {
            screen.write(plan.filter, x: x, y: 1, role: .notice, maxWidth: right - x - 2)
        }
    }

    /// The header's words, longest first, when nothing the overview shows of `drop` is
    /// rated: in a pandemic year because no figure meets a benchmark (none is used from or
    /// across those years), else because none was found to rate against; with `compared`
    /// (the drop has an earlier one to count figures turned red since), that none did.
    static func noneRated(_ drop: DataDrop, compared: Bool) -> [String] {
        guard BenchmarkMatcher.isPandemic(drop.year) else {
            return compared
                ? ["no figure rated, so none turned red", "none rated"] : ["no figure rated", "none rated"]
        }
        let why = "\(drop.year) is a pandemic year"
        return (compared ? ["none rated, so none turned red: \(why)"] : [])
            + ["none rated: \(why)", "none rated (pandemic)", "none rated"]
    }

    private static func headings(_ layout: Layout, into screen: inout Screen) {
        screen.write("Academy", x: layout.name.x, y: 3, role: .heading, maxWidth: layout.name.width)
        if let phase = layout.phase {
            screen.write("Phase", x: phase.x, y: 3, role: .heading, maxWidth: phase.width)
        }
        let titles =
            [
                "Attendance %", layout.cells[1].width >= 13 ? "Pers. abs. %" : "PA %",
                layout.cells[2].width >= 13 ? "Severe abs. %" : "Sev. %",
            ] + (layout.phaseHeadlines ? ["Primary", "Secondary"] : ["Headline %"])
            + (layout.writing ? ["Writing %"] : []) + (layout.suspensions ? ["Susp./100"] : [])
        for (cell, title) in zip(layout.cells, titles) {
            screen.write(title, x: cell.x, y: 3, role: .heading, maxWidth: cell.width)
        }
    }

    private static func row(
        _ row: OverviewRow, name: String, y: Int, layout: Layout, selected: Bool, ascii: Bool,
        frame: (state: DashboardState, view: TrustView, drop: DataDrop), into screen: inout Screen
    ) {
        guard y < screen.height - 2 else { return }
        let isTrust = row.academy == nil
        if selected { screen.write(ascii ? ">" : "▶", x: 0, y: y, role: .focus) }
        let rated = frame.view.rated(frame.drop)
        let cells = shownCells(row, layout: layout)
        // The trust's name leaves room for its expected figures from similar schools.
        let nameEnd = screen.write(
            name, x: layout.name.x, y: y, role: isTrust ? .title : .text, emphasis: isTrust,
            maxWidth: layout.name.width)
        if isTrust {
            let text = trustNameWithExpected(name, cells: cells, width: layout.name.width)
            let extra = String(text.dropFirst(name.count))
            if !extra.isEmpty {
                screen.write(
                    extra, x: nameEnd, y: y, role: .muted,
                    maxWidth: layout.name.width - (nameEnd - layout.name.x))
            }
        }
        if let phase = layout.phase {
            let text =
                row.academy.map { phase.width >= 10 ? $0.phase.rawValue : $0.phase.shortLabel } ?? "all"
            screen.write(text, x: phase.x, y: y, role: .muted, maxWidth: phase.width)
        }
        for (index, cell) in layout.cells.enumerated() where cells.indices.contains(index) {
            let withChange = index == 2 ? layout.severeChange : layout.changes
            ratedCell(
                cells[index].cell, label: cells[index].label, x: cell.x, y: y, width: cell.width,
                withChange: withChange, ascii: ascii, into: &screen)
        }
        wideColumns(
            row, cells: cells, y: y, layout: layout, state: frame.state, view: frame.view, rated: rated,
            into: &screen)
        if selected { screen.highlight(y: y, x: 1, width: screen.width - 1) }
    }

    /// One rated cell: mark, value, and the change on last year with its arrow.
    static func ratedCell(
        _ rated: OverviewCell?, label: String?, x: Int, y: Int, width: Int, withChange: Bool, ascii: Bool,
        into screen: inout Screen
    ) {
        guard let rated else {
            screen.write(ascii ? "-" : "—", x: x + 2, y: y, role: .muted)
            return
        }
        var column = screen.write(
            RatingMark.mark(rated.rating, ascii: ascii), x: x, y: y, role: RatingMark.role(rated.rating))
        column += 1
        if let label {
            column = screen.write(DisplayWidth.pad(label, to: 3), x: column, y: y, role: .muted) + 1
        }
        guard let shown = rated.shown else {
            let text = rated.rating == .suppressed ? "SUPP" : (ascii ? "-" : "—")
            screen.write(text, x: column, y: y, role: rated.rating == .suppressed ? .suppressed : .muted)
            return
        }
        // An approximate trust-wide figure is marked, in the padding where there is room
        // ("≈73.4"), else one column wider ("≈100.0").
        let approximate = rated.isApproximate ? RatingMark.approximate(ascii: ascii) : ""
        let text = approximate + DisplayRounding.text(shown, for: rated.kpi)
        let value = DisplayWidth.pad(text, to: max(5, DisplayWidth.of(text)), right: true)
        column = screen.write(value, x: column, y: y, role: RatingMark.role(rated.rating), emphasis: true)
        guard withChange, let change = rated.change else { return }
        let role: Role = rated.changeIsBetter.map { $0 ? .better : .worse } ?? .muted
        let magnitude = DisplayRounding.text(abs(change), for: rated.kpi)
        screen.write(
            ChangeArrow(change).glyph(ascii: ascii) + magnitude, x: column + 1, y: y, role: role,
            maxWidth: x + width - column - 1)
    }
}

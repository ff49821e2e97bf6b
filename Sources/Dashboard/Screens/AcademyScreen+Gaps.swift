import Metrics

extension AcademyScreen {
    /// The subject a gap line is about: RWM for a primary, English and maths for a
    /// secondary, when the year group has it; else the first subject shown.
    static func headlineSubject(_ page: Context, rows: [AttainmentRow]) -> Subject? {
        let subjects = rows.compactMap { row -> Subject? in
            if case .expected(let subject) = row.kpi { return subject }
            return nil
        }
        let preferred: [Subject] =
            page.academy?.phase == .secondary ? [.englishMaths, .rwm] : [.rwm, .englishMaths]
        return preferred.first(where: subjects.contains) ?? subjects.first
    }

    /// The two groups a gap line compares and the words for them.
    struct GapSides {
        /// The group usually behind, then the rest: disadvantaged and not disadvantaged.
        var groups: (PupilGroup, PupilGroup)
        /// Their names on the line: "disadvantaged", "others".
        var names: (String, String)
        /// Shorter names for narrow lines: "disadv.", "others".
        var short: (String, String)
        /// The line's label: "Disadvantaged gap", and its short form, "Gap".
        var title: (String, String)

        /// Disadvantaged pupils and the rest, in the DfE's words.
        static let disadvantaged = GapSides(
            groups: (.disadvantaged, .notDisadvantaged), names: ("disadvantaged", "others"),
            short: ("disadv.", "others"), title: ("Disadvantaged gap", "Gap"))
        /// Pupils with SEN support and those with no SEN.
        static let send = GapSides(
            groups: (.senSupport, .noSen), names: ("SEN support", "no SEN"), short: ("SEN supp.", "no SEN"),
            title: ("SEND gap", "SEND"))
    }

    /// The gap between two groups on `kpi`, naming its subject at every width:
    /// "Disadvantaged gap (RWM): 28.9 points, 37.8 a year ago (narrowed: disadvantaged rose
    /// 1.7, others fell 7.2)", where the gap is the second group's figure minus the first's
    /// and the words say which group moved it. Where one line cannot hold how it moved,
    /// a second line says it. When a group's figure is not shown (suppressed, or none)
    /// there is no gap, and the line says why; nothing at all when neither group has a
    /// figure and `always` is false.
    static func gapLines(
        _ page: Context, _ kpi: KPI, yearGroup: YearGroup = .all, subject: String, sides: GapSides,
        width: Int, priority: Int, always: Bool = true
    ) -> [PanelLine] {
        let first = page.figure(kpi, group: sides.groups.0, yearGroup: yearGroup)
        let second = page.figure(kpi, group: sides.groups.1, yearGroup: yearGroup)
        guard always || first != nil || second != nil else { return [] }
        guard let gap = GroupGap(first, second) else {
            return [
                missingGapLine(
                    page, first, second, subject: subject, sides: sides, width: width, priority: priority)
            ]
        }
        func head(_ long: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            line.add("\(long ? sides.title.0 : sides.title.1) (\(subject)):", .heading)
            line.add(" ")
            line.add(gapText(gap.behind, kpi: kpi, ahead: sides.names.0), gap.role, emphasis: true)
            return line
        }
        func withSides(_ line: PanelLine, _ names: (String, String)) -> PanelLine {
            var line = line
            let values = [first, second].map { plain($0, ascii: page.ascii).text }
            line.add(" (\(names.0) \(values[0]) vs \(names.1) \(values[1]))", .muted)
            return line
        }
        let lastYear = gap.previousBehind.map {
            gapText($0, kpi: kpi, ahead: sides.names.0, unit: false) + " a year ago"
        }
        func withTrend(_ line: PanelLine, _ names: (String, String), sizes: Bool) -> PanelLine {
            var line = line
            guard let lastYear else { return line }
            line.add(", " + lastYear, .muted)
            if let trend = gap.trend(names: names, sizes: sizes) { line.add(" (\(trend))", .muted) }
            return line
        }
        let gapLine = PanelLine.fitting(
            [
                withSides(head(true), sides.names), withSides(head(false), sides.names),
                withSides(head(false), sides.short), head(true), head(false),
            ], width: width)
        guard let lastYear else { return [gapLine] }
        let oneLine = [
            withTrend(withSides(head(true), sides.names), sides.names, sizes: true),
            withTrend(head(true), sides.names, sizes: true),
            withTrend(head(false), sides.names, sizes: true),
            withTrend(head(false), sides.short, sizes: true),
        ]
        if let fits = oneLine.first(where: { $0.width <= width }) { return [fits] }
        // Too long for one line: the gap and the groups' figures, then how it moved.
        let trends = [
            gap.trend(names: sides.names, sizes: true), gap.trend(names: sides.short, sizes: true),
            gap.trend(names: sides.short, sizes: false),
        ]
        let moved = (trends.compactMap { $0 }.map { "  \(lastYear), \($0)" } + ["  " + lastYear]).map {
            mutedLine(page, $0, priority: priority + 2)
        }
        return [gapLine, PanelLine.fitting(moved, width: width)]
    }

    /// A gap as words: "28.9 points" ("28.9" without `unit`); "2.0 points, disadvantaged
    /// ahead" when the first group is ahead; "none" when the two are level. The first
    /// group is ahead when its figure is the better one: higher attendance, fewer
    /// suspensions (a gap in suspensions per 100 pupils is "per 100", not points).
    static func gapText(_ behind: Double, kpi: KPI, ahead first: String, unit: Bool = true) -> String {
        let size = DisplayRounding.text(abs(behind), for: kpi)
        if behind == 0 { return "none" }
        let words = kpi.definition.unit == .perHundredPupils ? "per 100" : "points"
        if behind < 0 { return "\(size) \(words), \(first) ahead" }
        return unit ? "\(size) \(words)" : size
    }

    /// The gap line when a group's figure is not shown: "Disadvantaged gap (attendance): not
    /// shown, disadvantaged suppressed (fewer than 6 pupils)". A gap beside a hidden figure
    /// would give the figure away, so none is worked out.
    private static func missingGapLine(
        _ page: Context, _ first: RatedFigure?, _ second: RatedFigure?, subject: String, sides: GapSides,
        width: Int, priority: Int
    ) -> PanelLine {
        /// How much a reason says: the suppression note too, "suppressed", or "SUPP".
        enum Detail { case note, word, mark }
        func reasons(_ names: (String, String), _ detail: Detail) -> String {
            [(first, names.0), (second, names.1)].compactMap { rated, name -> String? in
                guard rated?.shown == nil else { return nil }
                guard let rated, rated.rating == .suppressed else {
                    return detail == .mark ? "\(name) none" : "no figure for \(name)"
                }
                switch detail {
                case .note:
                    return "\(name) suppressed" + (rated.figure.suppressionNote.map { " (\($0))" } ?? "")
                case .word: return "\(name) suppressed"
                case .mark: return "\(name) SUPP"
                }
            }.joined(separator: ", ")
        }
        if first == nil, second == nil {
            // Neither group has a figure: nothing is hidden, there is just no gap to show.
            let none = [
                "no figures for \(sides.names.0) or \(sides.names.1)",
                "no figures for \(sides.short.0) or \(sides.short.1)", "no figures",
            ]
            return PanelLine.fitting(
                none.map { text -> PanelLine in
                    var line = PanelLine(priority: priority, style: page.style)
                    line.add("\(sides.title.1) (\(subject)):", .heading)
                    line.add(" " + text, .muted)
                    return line
                }, width: width)
        }
        func variant(_ title: String, _ text: String) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            line.add("\(title) (\(subject)):", .heading)
            line.add(" not shown, " + text, .muted)
            return line
        }
        return PanelLine.fitting(
            [
                variant(sides.title.0, reasons(sides.names, .note)),
                variant(sides.title.1, reasons(sides.names, .note)),
                variant(sides.title.1, reasons(sides.short, .note)),
                variant(sides.title.1, reasons(sides.names, .word)),
                variant(sides.title.1, reasons(sides.short, .word)),
                variant(sides.title.1, reasons(sides.short, .mark)),
            ], width: width)
    }

    /// Where the benchmarks in the table come from: "national figures from 2024/25 summer".
    static func benchmarkNote(
        _ page: Context, rows: [AttainmentRow], yearGroup: YearGroup, width: Int
    ) -> PanelLine {
        var drops: [DataDrop] = []
        var scope = page.view.config.benchmarkScope
        for row in rows {
            guard let match = page.figure(row.kpi, yearGroup: yearGroup)?.benchmark else { continue }
            scope = match.benchmark.scope
            if !drops.contains(match.benchmark.drop) { drops.append(match.benchmark.drop) }
        }
        let word = scopeWord(scope)
        let targeted = rows.contains { page.figure($0.kpi, yearGroup: yearGroup)?.origin == .academyTarget }
        if targeted {
            // A target replaces the benchmark in the table, so the note says what "T" is.
            let listed = drops.sorted().map(\.description).joined(separator: ", ")
            let from = drops.isEmpty ? "" : "; \(word) figures from \(listed)"
            return PanelLine.fitting(
                [
                    mutedLine(page, "T: this academy's target, which rates the figure\(from).", priority: 8),
                    mutedLine(page, "T: this academy's target rates the figure.", priority: 8),
                    mutedLine(page, "T = target", priority: 8),
                ],
                width: width)
        }
        guard !drops.isEmpty else {
            return mutedLine(page, "No \(word) figures to compare with for \(yearGroup).", priority: 8)
        }
        let listed = drops.sorted().map(\.description).joined(separator: ", ")
        let capital = word.prefix(1).uppercased() + word.dropFirst()
        var long = "\(capital) figures from \(listed)"
        if let drop = page.drop, drops.contains(where: { $0 != drop }) {
            long += ", the latest before \(drop)"
        }
        return PanelLine.fitting(
            [
                mutedLine(page, long + ".", priority: 8),
                mutedLine(page, "\(capital) figures from \(listed).", priority: 8),
                mutedLine(page, "\(capital) figures: \(listed)", priority: 8),
            ],
            width: width)
    }

    /// A line of muted text.
    static func mutedLine(_ page: Context, _ text: String, priority: Int) -> PanelLine {
        var line = PanelLine(priority: priority, style: page.style)
        line.add(text, .muted)
        return line
    }

    /// One subject by pupil group, when all of it fits in `height` rows: the focused
    /// subject while the attainment panel has focus (if it has group figures), else the
    /// headline subject.
    static func breakdown(
        _ page: Context, rows: [AttainmentRow], headline: Subject?, yearGroup: YearGroup, width: Int,
        height: Int
    ) -> [PanelLine] {
        var candidates = headline.map { [KPI.expected($0)] } ?? []
        if let row = page.focusRow(.attainment), rows.indices.contains(row) {
            candidates.insert(rows[row].kpi, at: 0)
        }
        let found = candidates.lazy.map { ($0, page.otherGroups($0, yearGroup: yearGroup)) }.first {
            !$0.1.isEmpty
        }
        guard let (kpi, groups) = found else { return [] }
        let label = rows.first { $0.kpi == kpi }?.label ?? kpi.label
        var heading = PanelLine(priority: 9, style: page.style)
        heading.add("\(label) by pupil group", .heading)
        let lines =
            [heading]
            + groupLines(
                page, kpi, yearGroup: yearGroup, groups: groups, firstFocus: nil, width: width,
                rows: height - 1, priority: 9)
        // Part of the list would read as the whole of it, so it is all or nothing.
        return lines.count <= height ? lines : []
    }
}

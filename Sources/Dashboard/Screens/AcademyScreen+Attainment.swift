import Metrics

extension AcademyScreen {
    /// One row of the attainment table: a subject's expected standard, or an average score.
    struct AttainmentRow {
        var label: String
        /// The figure in the main column: `.expected(subject)` or `.score(measure)`.
        var kpi: KPI
        /// Greater depth, for a subject.
        var greaterDepth: KPI?
        var isScore: Bool { greaterDepth == nil }
    }

    /// The attainment table's columns for a content width: where each starts, and which of
    /// the optional ones (pupils, last year's value) fit.
    struct AttainmentColumns {
        var subject: Int
        var expected: Int
        var greaterDepth: Int
        var benchmark: Int
        var change: Int
        var pupils: Int?
        var last: Int?

        static let expectedWidth = 10
        static let greaterDepthWidth = 5
        static let benchmarkWidth = 8
        static let changeWidth = 6
        static let pupilsWidth = 6
        static let lastWidth = 11

        init(labelWidth: Int, width: Int) {
            let core = [Self.expectedWidth, Self.greaterDepthWidth, Self.benchmarkWidth, Self.changeWidth]
            let optional = [Self.pupilsWidth, Self.lastWidth]
            // More columns first, as long as they keep two spaces apart; then wider gaps.
            let choices = [(2, 3), (2, 2), (1, 3), (1, 2), (0, 3), (0, 2), (0, 1)]
            let (extra, gap) =
                choices.first { extra, gap in
                    let columns = core + optional.prefix(extra)
                    return labelWidth + columns.reduce(0, +) + gap * columns.count <= width
                } ?? (0, 1)
            var x = labelWidth
            func next(_ width: Int) -> Int {
                x += gap
                defer { x += width }
                return x
            }
            subject = 0
            expected = next(Self.expectedWidth)
            greaterDepth = next(Self.greaterDepthWidth)
            benchmark = next(Self.benchmarkWidth)
            change = next(Self.changeWidth)
            pupils = extra >= 1 ? next(Self.pupilsWidth) : nil
            last = extra >= 2 ? next(Self.lastWidth) : nil
        }
    }

    /// The subject a gap line is about: RWM for a primary, English and maths for a
    /// secondary, when the year group has it; else the first subject shown.
    static func headlineSubject(_ page: Context, rows: [AttainmentRow]) -> Subject? {
        let subjects = rows.compactMap { row -> Subject? in
            if case .expected(let subject) = row.kpi { return subject }
            return nil
        }
        let preferred: [Subject] = page.academy?.phase == .secondary ? [.englishMaths, .rwm] : [.rwm, .englishMaths]
        return preferred.first(where: subjects.contains) ?? subjects.first
    }

    /// The attainment panel's lines: the table, the gaps, where the benchmarks come from,
    /// and (when there is room) one subject broken down by pupil group.
    static func attainmentLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        let rows = page.attainmentRows
        guard let yearGroup = page.yearGroup, !rows.isEmpty else {
            var line = PanelLine(priority: 0)
            line.add("No attainment figures for this academy in \(page.drop?.description ?? "this drop").", .muted)
            return [line]
        }
        let labelWidth = min(13, rows.map { DisplayWidth.of($0.label) }.max() ?? 7)
        let columns = AttainmentColumns(labelWidth: max(7, labelWidth), width: width)
        let headline = headlineSubject(page, rows: rows)
        // The overview's headline figure for the phase (Attainment 8, say) is kept too.
        let overview = page.academy.flatMap { page.view.config.headline(for: $0.phase) }.flatMap {
            $0.yearGroup == yearGroup ? $0 : nil
        }
        var lines: [PanelLine] = []
        var scoresStarted = false
        for (index, row) in rows.enumerated() {
            if index == 0 || (row.isScore && !scoresStarted) {
                scoresStarted = row.isScore
                lines.append(attainmentHeadings(page, columns: columns, scores: row.isScore))
            }
            let isHeadline = row.kpi == headline.map { KPI.expected($0) } || row.kpi == overview?.kpi
            var line = attainmentRow(page, row, yearGroup: yearGroup, columns: columns)
            line.priority = isHeadline ? 1 : row.isScore ? 4 : 2
            line.focusable(index)
            lines.append(line)
        }
        if let headline {
            let kpi = KPI.expected(headline)
            lines.append(
                gapLine(
                    page, kpi, yearGroup: yearGroup, title: "Gap", sides: (.disadvantaged, .notDisadvantaged),
                    names: ("disadvantaged", "others"), short: ("disadv.", "others"), width: width, priority: 3))
            lines.append(
                gapLine(
                    page, kpi, yearGroup: yearGroup, title: "SEND", sides: (.senSupport, .noSen),
                    names: ("SEN support", "no SEN"), short: ("SEN supp.", "no SEN"), width: width, priority: 3))
        }
        lines.append(benchmarkNote(page, rows: rows, yearGroup: yearGroup, width: width))
        lines += breakdown(page, rows: rows, headline: headline, yearGroup: yearGroup, width: width, height: height - lines.count)
        return lines
    }

    private static func attainmentHeadings(_ page: Context, columns: AttainmentColumns, scores: Bool) -> PanelLine {
        var line = PanelLine(priority: scores ? 4 : 1)
        let scope = page.view.config.benchmarkScope
        let benchmark = scope == .national ? "National" : "LA"
        line.add(scores ? "Score" : "Subject", .heading, at: columns.subject)
        let main = scores ? "Average" : "Expected %"
        line.add(main, .heading, right: columns.expected, width: AttainmentColumns.expectedWidth)
        if !scores { line.add("GD %", .heading, right: columns.greaterDepth, width: AttainmentColumns.greaterDepthWidth) }
        line.add(benchmark, .heading, right: columns.benchmark, width: AttainmentColumns.benchmarkWidth)
        line.add("Change", .heading, right: columns.change, width: AttainmentColumns.changeWidth)
        if let pupils = columns.pupils { line.add("Pupils", .heading, right: pupils, width: AttainmentColumns.pupilsWidth) }
        if let last = columns.last {
            let term = "Last \(page.drop?.term.rawValue ?? "year")"
            line.add(term, .heading, right: last, width: AttainmentColumns.lastWidth)
        }
        return line
    }

    private static func attainmentRow(
        _ page: Context, _ row: AttainmentRow, yearGroup: YearGroup, columns: AttainmentColumns
    ) -> PanelLine {
        let ascii = page.ascii
        let rated = page.figure(row.kpi, yearGroup: yearGroup)
        var line = PanelLine(priority: 2)
        line.add(row.label, at: columns.subject)
        let main = marked(rated, ascii: ascii)
        line.add(main.text, main.role, emphasis: true, right: columns.expected, width: AttainmentColumns.expectedWidth)
        if let kpi = row.greaterDepth {
            let depth = rated == nil ? ("", Role.muted) : plain(page.figure(kpi, yearGroup: yearGroup), ascii: ascii)
            line.add(depth.0, depth.1, right: columns.greaterDepth, width: AttainmentColumns.greaterDepthWidth)
        }
        guard let rated else { return line }
        let bench = benchmark(rated, ascii: ascii)
        line.add(bench.text, bench.role, right: columns.benchmark, width: AttainmentColumns.benchmarkWidth)
        let moved = change(rated, ascii: ascii)
        line.add(moved.text, moved.role, right: columns.change, width: AttainmentColumns.changeWidth)
        if let pupils = columns.pupils {
            line.add(String(rated.figure.pupils), .muted, right: pupils, width: AttainmentColumns.pupilsWidth)
        }
        if let last = columns.last {
            let previous = rated.previousShown.map { DisplayRounding.text($0, for: row.kpi) } ?? dash(ascii)
            line.add(previous, .muted, right: last, width: AttainmentColumns.lastWidth)
        }
        return line
    }

    /// "Gap: disadvantaged 41.2 vs others 63.0 (21.8 points, was 18.0)", or what is
    /// missing when a side has no figure to show.
    private static func gapLine(
        _ page: Context, _ kpi: KPI, yearGroup: YearGroup, title: String, sides: (PupilGroup, PupilGroup),
        names: (String, String), short: (String, String), width: Int, priority: Int
    ) -> PanelLine {
        let first = page.figure(kpi, group: sides.0, yearGroup: yearGroup)
        let second = page.figure(kpi, group: sides.1, yearGroup: yearGroup)
        func variant(label: String, names: (String, String), long: Bool, reasons: Bool) -> PanelLine {
            var line = PanelLine(priority: priority)
            line.add(label + ":", .heading)
            for (index, (rated, name)) in [(first, names.0), (second, names.1)].enumerated() {
                line.add(index == 0 ? " \(name) " : " vs \(name) ")
                let shown = plain(rated, ascii: page.ascii)
                line.add(shown.text, shown.role)
            }
            line.add(" (")
            if let a = first?.shown, let b = second?.shown {
                let gap = DisplayRounding.round(b - a, decimals: kpi.decimals)
                var gapRole = Role.text
                var was: String?
                if let lastA = first?.previousShown, let lastB = second?.previousShown {
                    let previous = DisplayRounding.round(lastB - lastA, decimals: kpi.decimals)
                    was = DisplayRounding.text(previous, for: kpi)
                    if abs(gap) != abs(previous) { gapRole = abs(gap) < abs(previous) ? .better : .worse }
                }
                line.add(DisplayRounding.text(gap, for: kpi) + (long ? " points" : ""), gapRole, emphasis: true)
                if let was { line.add(", was \(was)", .muted) }
            } else {
                let missing = first?.shown == nil ? (sides.0, first) : (sides.1, second)
                let why = missing.1?.rating == .suppressed ? "suppressed" : "no figure"
                line.add(reasons ? "no gap: \(missing.0.label) \(why)" : why, .muted)
            }
            line.add(")")
            return line
        }
        let subject = kpi.label.replacingOccurrences(of: " expected", with: "")
        return PanelLine.fitting(
            [
                variant(label: "\(title) (\(subject))", names: names, long: true, reasons: true),
                variant(label: title, names: names, long: true, reasons: true),
                variant(label: title, names: names, long: false, reasons: false),
                variant(label: title, names: short, long: false, reasons: false),
            ], width: width, style: page.style)
    }

    /// Where the benchmarks in the table come from: "national figures from 2024/25 summer".
    private static func benchmarkNote(
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
        guard !drops.isEmpty else { return mutedLine("No \(word) figures to compare with for \(yearGroup).", priority: 8) }
        let listed = drops.sorted().map(\.description).joined(separator: ", ")
        let capital = word.prefix(1).uppercased() + word.dropFirst()
        var long = "\(capital) figures from \(listed)"
        if let drop = page.drop, drops.contains(where: { $0 != drop }) { long += ", the latest before \(drop)" }
        return PanelLine.fitting(
            [
                mutedLine(long + ".", priority: 8), mutedLine("\(capital) figures from \(listed).", priority: 8),
                mutedLine("\(capital) figures: \(listed)", priority: 8),
            ],
            width: width, style: page.style)
    }

    /// A line of muted text.
    static func mutedLine(_ text: String, priority: Int) -> PanelLine {
        var line = PanelLine(priority: priority)
        line.add(text, .muted)
        return line
    }

    /// One subject by pupil group, when there is room: the focused subject while the
    /// attainment panel has focus, else the headline subject.
    private static func breakdown(
        _ page: Context, rows: [AttainmentRow], headline: Subject?, yearGroup: YearGroup, width: Int, height: Int
    ) -> [PanelLine] {
        var candidates = headline.map { [KPI.expected($0)] } ?? []
        if let row = page.focusRow(.attainment), rows.indices.contains(row) { candidates.insert(rows[row].kpi, at: 0) }
        let found = candidates.lazy.map { ($0, page.otherGroups($0, yearGroup: yearGroup)) }.first { !$0.1.isEmpty }
        guard let (kpi, groups) = found else { return [] }
        let label = rows.first { $0.kpi == kpi }?.label ?? kpi.label
        var heading = PanelLine(priority: 9)
        heading.add("\(label) by pupil group", .heading)
        let cells = groupLines(
            page, kpi, yearGroup: yearGroup, groups: groups, firstFocus: nil, width: width,
            rows: height - 1, priority: 9)
        return [heading] + cells
    }
}

extension AcademyScreen.Context {
    /// The attainment table's rows for the year group: each subject, then each average
    /// score, that has a figure for all pupils or for the page's pupil group.
    var attainmentRows: [AcademyScreen.AttainmentRow] {
        guard let yearGroup, rated != nil else { return [] }
        func present(_ kpi: KPI) -> Bool {
            figure(kpi, group: .all, yearGroup: yearGroup) != nil || figure(kpi, yearGroup: yearGroup) != nil
        }
        let subjects = Subject.allCases.filter { present(.expected($0)) }.map {
            AcademyScreen.AttainmentRow(label: $0.label, kpi: .expected($0), greaterDepth: .greaterDepth($0))
        }
        let scores = ScoreMeasure.allCases.filter { present(.score($0)) }.map {
            AcademyScreen.AttainmentRow(label: AcademyScreen.scoreLabel($0), kpi: .score($0), greaterDepth: nil)
        }
        return subjects + scores
    }
}

extension AcademyScreen {
    /// A score's name short enough for the table's first column.
    static func scoreLabel(_ measure: ScoreMeasure) -> String {
        switch measure {
        case .attainment8: "Attainment 8"
        case .progress8: "Progress 8"
        case .readingScaled: "Reading score"
        case .mathsScaled: "Maths score"
        case .gpsScaled: "GPS score"
        case .mtcAverage: "MTC average"
        }
    }
}

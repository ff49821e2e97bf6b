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

    /// "Gap: disadvantaged 41.2 vs others 63.0 (21.8 points, was 18.0)", or what is
    /// missing when a side has no figure to show.
    static func gapLine(
        _ page: Context, _ kpi: KPI, yearGroup: YearGroup, title: String, sides: (PupilGroup, PupilGroup),
        names: (String, String), short: (String, String), width: Int, priority: Int
    ) -> PanelLine {
        let first = page.figure(kpi, group: sides.0, yearGroup: yearGroup)
        let second = page.figure(kpi, group: sides.1, yearGroup: yearGroup)
        func variant(label: String, names: (String, String), long: Bool, reasons: Bool, last: Bool = true)
            -> PanelLine
        {
            var line = PanelLine(priority: priority, style: page.style)
            line.add(label + ":", .heading)
            for (index, (rated, name)) in [(first, names.0), (second, names.1)].enumerated() {
                line.add(index == 0 ? " \(name) " : " vs \(name) ")
                let shown = plain(rated, ascii: page.ascii)
                line.add(shown.text, shown.role)
            }
            line.add(" (")
            if let gap = GroupGap(first, second) {
                line.add(gap.text + (long ? " points" : ""), gap.role, emphasis: true)
                if last, let was = gap.previousText { line.add(", was \(was)", .muted) }
            } else {
                let missing = first?.shown == nil ? (sides.0, first) : (sides.1, second)
                let why = missing.1?.rating == .suppressed ? "suppressed" : "has no figure"
                line.add(
                    reasons
                        ? "no gap: \(missing.0.label) \(why)"
                        : why.replacingOccurrences(of: "has ", with: ""), .muted)
            }
            line.add(")")
            return line
        }
        let subject = kpi.shortLabel(in: yearGroup).replacingOccurrences(of: " exp.", with: "")
        return PanelLine.fitting(
            [
                variant(label: "\(title) (\(subject))", names: names, long: true, reasons: true),
                variant(label: title, names: names, long: true, reasons: true),
                variant(label: title, names: names, long: false, reasons: false),
                variant(label: title, names: short, long: false, reasons: false),
                variant(label: title, names: short, long: false, reasons: false, last: false),
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

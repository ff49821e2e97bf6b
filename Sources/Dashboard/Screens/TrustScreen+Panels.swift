import Metrics

extension TrustScreen {
    /// A panel's lines for a content area of `width` columns.
    static func lines(_ panel: Panel, _ page: Context, width: Int) -> [PanelLine] {
        switch panel {
        case .attainment: attainmentLines(page, width: width)
        case .attendance: attendanceLines(page, width: width)
        case .persistentAbsence: absenceLines(page, width: width)
        case .inclusion: inclusionLines(page, width: width)
        }
    }

    /// The attainment panel: a table for each phase's headline year group (Year 6 for
    /// primary, Year 11 for secondary), each figure with its benchmark, change and the
    /// academies it covers; then where the benchmarks come from.
    static func attainmentLines(_ page: Context, width: Int) -> [PanelLine] {
        guard !page.sections.isEmpty else {
            return [
                muted(
                    page, "No attainment figures for the trust in \(page.drop?.description ?? "this drop").")
            ]
        }
        func longest(short: Bool) -> Int {
            let labels = page.sections.flatMap { section in
                section.kpis.map { DisplayWidth.of(label($0, yearGroup: section.yearGroup, short: short)) }
            }
            return labels.max() ?? 8
        }
        // Titles whole beside the headings where there is room, else cut to the names.
        let title = page.sections.compactMap { $0.titles.first.map(DisplayWidth.of) }.max() ?? 0
        let (columns, short) = Columns.choose(
            width: width,
            [
                (max(title, longest(short: false)), false), (longest(short: false), false),
                (longest(short: true), true),
            ])

        var lines: [PanelLine] = []
        var focus = 0
        for section in page.sections {
            lines.append(headings(page, titles: section.titles, columns: columns, priority: 0))
            for (index, kpi) in section.kpis.enumerated() {
                guard let rated = page.figure(kpi, yearGroup: section.yearGroup) else { continue }
                let name = label(kpi, yearGroup: section.yearGroup, short: short)
                // Each phase's headline is kept first when rows run short.
                lines.append(
                    row(
                        page, label: name, rated, columns: columns, priority: index == 0 ? 0 : 2, focus: focus
                    ))
                focus += 1
                if let expected = expectedLine(
                    page, rated, named: label(kpi, yearGroup: section.yearGroup, short: false),
                    short: label(kpi, yearGroup: section.yearGroup, short: true), width: width, priority: 3)
                {
                    lines.append(expected)
                }
            }
            if let kpi = section.kpis.first,
                let gap = gapLine(page, kpi, yearGroup: section.yearGroup, width: width, priority: 3)
            {
                lines.append(gap)
            }
        }
        lines.append(benchmarkNote(page, width: width, priority: 3))
        return lines
    }

    /// Where the trust's benchmarks come from, in one line.
    static func benchmarkNote(_ page: Context, width: Int, priority: Int) -> PanelLine {
        let scope = page.view.config.benchmarkScope == .national ? "National" : "Local authority"
        return PanelLine.fitting(
            [
                muted(
                    page,
                    "\(scope): the academies' phase figures, weighted by the trust's counts (e explains)",
                    priority: priority),
                muted(page, "\(scope): phase figures weighted by the trust's counts", priority: priority),
            ], width: width)
    }

    /// The attendance panel: the trust's rate with its benchmark, change and the
    /// academies it covers, its trend, and a table of pupil groups.
    static func attendanceLines(_ page: Context, width: Int) -> [PanelLine] {
        var lines = figureLines(page, .attendanceRate, label: nil, width: width, focus: 0, priority: 0)
        lines.append(trendLine(page, .attendanceRate, width: width, priority: 2))
        if let gap = gapLine(page, .attendanceRate, yearGroup: .all, width: width, priority: 3) {
            lines.append(gap)
        }
        lines += groupLines(page, .attendanceRate, firstFocus: 1, width: width, priority: 4)
        return lines
    }

    /// The persistent absence panel: the PA and severe absence rates, the PA trend, and PA
    /// for each pupil group.
    static func absenceLines(_ page: Context, width: Int) -> [PanelLine] {
        var lines = figureLines(
            page, .persistentAbsenceRate, label: "PA", width: width, focus: 0, priority: 0)
        lines += figureLines(page, .severeAbsenceRate, label: "severe", width: width, focus: 1, priority: 1)
        lines.append(trendLine(page, .persistentAbsenceRate, width: width, priority: 2))
        lines += groupLines(page, .persistentAbsenceRate, firstFocus: 2, width: width, priority: 4)
        return lines
    }

    /// The inclusion panel: suspensions per 100 pupils, the share of pupils suspended and
    /// permanent exclusions per 100 pupils, the suspension trend, the disadvantaged gap in
    /// suspensions and suspensions for each pupil group.
    static func inclusionLines(_ page: Context, width: Int) -> [PanelLine] {
        let suspensions = KPI.inclusion(.suspensionRate)
        var lines = figureLines(page, suspensions, label: "suspensions", width: width, focus: 0, priority: 0)
        // The three share one reason for having no rating: said once, under the first.
        lines += figureLines(
            page, .inclusion(.pupilsSuspendedRate), label: "pupils suspended", width: width, focus: 1,
            priority: 1, withNotes: false)
        lines += figureLines(
            page, .inclusion(.permanentExclusionRate), label: "perm. exclusions", width: width, focus: 2,
            priority: 1, withNotes: false)
        lines.append(trendLine(page, suspensions, width: width, priority: 2))
        if let gap = gapLine(page, suspensions, yearGroup: .all, width: width, priority: 3) {
            lines.append(gap)
        }
        lines += groupLines(
            page, suspensions, firstFocus: AcademyFigures.inclusionHeadlines.count, width: width, priority: 4)
        return lines
    }

    /// "▲ 91.7 %  national 92.9  ▼ 0.4 on last spring  5 of 5 academies", dropping the
    /// least needed parts until it fits; then a muted line for why there is no benchmark
    /// and for a change over fewer academies, when either applies and `withNotes`.
    static func figureLines(
        _ page: Context, _ kpi: KPI, label: String?, width: Int, focus: Int, priority: Int,
        withNotes: Bool = true
    ) -> [PanelLine] {
        let labelText = label.map { $0 + " " } ?? ""
        guard let rated = page.figure(kpi) else {
            var line = PanelLine(priority: priority, style: page.style)
            line.focusable(focus)
            line.add(AcademyScreen.dash(page.ascii) + " " + labelText + "no trust figure", .muted)
            return [line]
        }
        let coverage = page.coverage(rated)
        func variant(year: Bool, onLast: Bool, academies: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            line.focusable(focus)
            guard AcademyScreen.addMarkAndValue(rated, label: labelText, to: &line, ascii: page.ascii) else {
                return line
            }
            if let match = rated.benchmark {
                line.add("  \(AcademyScreen.scopeWord(match)) ", .muted)
                line.add(AcademyScreen.benchmark(rated, ascii: page.ascii).text)
                if year, let note = match.periodNote { line.add(" (\(note))", .muted) }
            } else {
                line.add("  no benchmark", .muted)
            }
            let moved = AcademyScreen.change(rated, ascii: page.ascii)
            if rated.change != nil {
                line.add("  ")
                line.add(moved.text, moved.role, emphasis: moved.role != .muted)
                if onLast { line.add(" on last \(page.drop?.term.rawValue ?? "year")", .muted) }
            } else if onLast {
                line.add(
                    "  " + (ChangeArrow.notCompared(lastYearOf: page.drop) ?? "no change to show"), .muted)
            }
            line.add(
                "  " + (academies ? coverage.text : coverage.short),
                coverage.covered < coverage.of ? .notice : .muted)
            return line
        }
        var lines = [
            PanelLine.fitting(
                [
                    variant(year: true, onLast: true, academies: true),
                    variant(year: false, onLast: true, academies: true),
                    variant(year: false, onLast: false, academies: true),
                    variant(year: false, onLast: false, academies: false),
                ], width: width)
        ]
        var notes = coverage.notes
        if rated.rating != .suppressed, rated.benchmark == nil, let miss = rated.benchmarkMiss {
            // The academies without a benchmark of their own come first: the rest of the
            // reason is in the explanation.
            let reason =
                miss.academiesWithout.isEmpty
                ? miss.text(notRated: false)
                : "no benchmark of its own for " + miss.academiesWithout.joined(separator: ", ")
            notes.insert("not rated: " + reason, at: 0)
        }
        if withNotes, !notes.isEmpty {
            lines.append(muted(page, "  " + notes.joined(separator: "; "), priority: priority + 3))
        }
        if let expected = expectedLine(
            page, rated, named: label, short: nil, width: width, priority: priority + 1)
        {
            lines.append(expected)
        }
        return lines
    }

    /// A table of the trust's figure for each pupil group, when it has any.
    static func groupLines(
        _ page: Context, _ kpi: KPI, firstFocus: Int, width: Int, priority: Int
    ) -> [PanelLine] {
        let groups = page.groups(kpi)
        guard !groups.isEmpty else { return [] }
        let full = groups.map { DisplayWidth.of($0.label) }.max() ?? 8
        let short = groups.map { DisplayWidth.of(AcademyScreen.shortLabel($0)) }.max() ?? 8
        let (columns, shortNames) = Columns.choose(
            width: width, [(max(14, full), false), (full, false), (short, true)])
        var lines = [
            headings(page, titles: ["By pupil group", "Group"], columns: columns, priority: priority)
        ]
        for (index, group) in groups.enumerated() {
            guard let rated = page.figure(kpi, group: group) else { continue }
            let name = shortNames ? AcademyScreen.shortLabel(group) : group.label
            lines.append(
                row(
                    page, label: name, rated, columns: columns, priority: priority + 1 + index,
                    focus: firstFocus + index))
        }
        return lines
    }

    /// The trust's figure over the drops up to the one shown, one mark per drop on the
    /// drops' time axis (a gap where the trust had no figure), the drop shown in its
    /// rating's role, then the span and range, and, where the marks cross the pandemic,
    /// which of its years they hold (`Sparkline.Timeline.pandemicWords`).
    static func trendLine(_ page: Context, _ kpi: KPI, width: Int, priority: Int) -> PanelLine {
        let shownIndex =
            page.drop.flatMap { page.view.drops.firstIndex(of: $0) } ?? (page.view.drops.count - 1)
        let history = Array(page.view.history(.trust, kpi).prefix(shownIndex + 1))
        let count = min(history.count, max(1, width / 2))
        let values = Array(history.suffix(count))
        let drops = Array(page.view.drops.prefix(shownIndex + 1).suffix(count))
        guard let first = drops.first, let last = drops.last, values.contains(where: { $0 != nil }) else {
            return muted(page, "No \(kpi.label.lowercased()) figures to chart.", priority: priority)
        }
        let marks = Array(Sparkline.text(values, ascii: page.ascii))
        let role = page.figure(kpi).map { RatingMark.role($0.rating) } ?? .text
        let pandemic = Sparkline.Timeline(drops: drops, history: values, through: nil, columns: drops.count)
            .pandemicWords
        func variant(range: Bool, span: Bool, pandemicNote: Bool = true) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            for (index, mark) in marks.enumerated() {
                let isLast = index == marks.count - 1
                line.add(String(mark), isLast ? role : .text, emphasis: isLast)
            }
            if span { line.add("  \(first) → \(last)", .muted) }
            let present = values.compactMap { $0 }
            if range, let low = present.min(), let high = present.max() {
                line.add(
                    " · low \(DisplayRounding.text(low, for: kpi)), high \(DisplayRounding.text(high, for: kpi))",
                    .muted)
            }
            if pandemicNote, let pandemic {
                line.add(span ? "; \(pandemic)" : "  across the pandemic", .muted)
            }
            return line
        }
        return PanelLine.fitting(
            [
                variant(range: true, span: true), variant(range: false, span: true),
                variant(range: false, span: false), variant(range: false, span: false, pandemicNote: false),
            ],
            width: width)
    }

    /// "RWM expected standard gap: disadvantaged 40.0, others 70.0: 30.0 points", from the
    /// two shown figures, so that it can be checked by eye, shortened to fit `width`; nil
    /// when either figure is missing or hidden.
    static func gapLine(_ page: Context, _ kpi: KPI, yearGroup: YearGroup, width: Int, priority: Int)
        -> PanelLine?
    {
        guard let disadvantaged = page.figure(kpi, group: .disadvantaged, yearGroup: yearGroup)?.shown,
            let others = page.figure(kpi, group: .notDisadvantaged, yearGroup: yearGroup)?.shown
        else { return nil }
        // How far disadvantaged pupils are behind: below others in attendance, above them
        // in suspensions.
        let behind = kpi.direction == .higherIsBetter ? others - disadvantaged : disadvantaged - others
        let gap = DisplayRounding.round(behind, decimals: kpi.decimals)
        let unit = kpi.definition.unit == .perHundredPupils ? " per 100" : " points"
        func variant(short: Bool, words: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            line.add("\(label(kpi, yearGroup: yearGroup, short: short)) gap: ", .heading)
            line.add(
                "\(words ? "disadvantaged" : "disadv.") \(DisplayRounding.text(disadvantaged, for: kpi)), "
                    + "others \(DisplayRounding.text(others, for: kpi)): ")
            line.add(DisplayRounding.text(gap, for: kpi) + (words ? unit : ""), .text, emphasis: true)
            return line
        }
        return PanelLine.fitting(
            [
                variant(short: false, words: true), variant(short: true, words: true),
                variant(short: true, words: false),
            ], width: width)
    }

    /// A line of muted text.
    static func muted(_ page: Context, _ text: String, priority: Int = 0) -> PanelLine {
        var line = PanelLine(priority: priority, style: page.style)
        line.add(text, .muted)
        return line
    }
}

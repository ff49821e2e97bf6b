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

    /// The attainment panel's lines: the table, the gaps, where the benchmarks come from,
    /// and (when there is room) one subject broken down by pupil group.
    static func attainmentLines(_ page: Context, width: Int, height: Int) -> [PanelLine] {
        let rows = page.attainmentRows
        guard let yearGroup = page.yearGroup, !rows.isEmpty else {
            var line = PanelLine(priority: 0, style: page.style)
            line.add(
                "No attainment figures for this academy in \(page.drop?.description ?? "this drop").", .muted)
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
            let subject = kpi.shortLabel(in: yearGroup).replacingOccurrences(of: " exp.", with: "")
            for sides in [GapSides.disadvantaged, .send] {
                lines += gapLines(
                    page, kpi, yearGroup: yearGroup, subject: subject, sides: sides, width: width, priority: 3
                )
            }
        }
        lines.append(benchmarkNote(page, rows: rows, yearGroup: yearGroup, width: width))
        let ranked = [headline.map { KPI.expected($0) }, overview?.kpi].compactMap { $0 } + rows.map(\.kpi)
        lines += standingLines(page, ranked, yearGroup: yearGroup, named: true, width: width, priority: 3)
        lines += similarLines(page, ranked, yearGroup: yearGroup, named: true, width: width, priority: 3)
        lines += breakdown(
            page, rows: rows, headline: headline, yearGroup: yearGroup, width: width,
            height: height - lines.count)
        return lines
    }

    private static func attainmentHeadings(_ page: Context, columns: AttainmentColumns, scores: Bool)
        -> PanelLine
    {
        var line = PanelLine(priority: scores ? 4 : 1, style: page.style)
        let scope = page.view.config.benchmarkScope
        // Under `benchmark_scope: similar` a line's benchmark is its similar schools' median,
        // or the national figure where it has none: "Bench." covers both, and each line's
        // explanation says which.
        let benchmark =
            page.view.config.ratesAgainstSimilarSchools ? "Bench." : scope == .national ? "National" : "LA"
        line.add(scores ? "Score" : "Subject", .heading, at: columns.subject)
        let names = standardNames(page.yearGroup ?? .all)
        line.add(
            scores ? "Average" : names.main, .heading, right: columns.expected,
            width: AttainmentColumns.expectedWidth)
        if !scores {
            line.add(
                names.higher, .heading, right: columns.greaterDepth,
                width: AttainmentColumns.greaterDepthWidth)
        }
        line.add(benchmark, .heading, right: columns.benchmark, width: AttainmentColumns.benchmarkWidth)
        line.add("Change", .heading, right: columns.change, width: AttainmentColumns.changeWidth)
        if let pupils = columns.pupils {
            line.add("Pupils", .heading, right: pupils, width: AttainmentColumns.pupilsWidth)
        }
        if let last = columns.last {
            let term = "Last \(page.drop?.term.rawValue ?? "year")"
            line.add(term, .heading, right: last, width: AttainmentColumns.lastWidth)
        }
        return line
    }

    /// The headings of the table's two percentage columns in the DfE's words for the year
    /// group: the standard and strong pass at GCSE, the expected and higher standard of
    /// the Year 6 tests (writing's greater depth is marked on its row), and otherwise
    /// teacher assessment's expected standard and greater depth.
    static func standardNames(_ yearGroup: YearGroup) -> (main: String, higher: String) {
        switch yearGroup {
        case .year(let year) where year >= 7: ("Standard %", "Strong %")
        case .year(6): ("Expected %", "Higher %")
        default: ("Expected %", "GD %")
        }
    }

    private static func attainmentRow(
        _ page: Context, _ row: AttainmentRow, yearGroup: YearGroup, columns: AttainmentColumns
    ) -> PanelLine {
        let ascii = page.ascii
        let rated = page.figure(row.kpi, yearGroup: yearGroup)
        var line = PanelLine(priority: 2, style: page.style)
        line.add(row.label, at: columns.subject)
        let main = marked(rated, ascii: ascii)
        line.add(
            main.text, main.role, emphasis: true, right: columns.expected,
            width: AttainmentColumns.expectedWidth)
        if let kpi = row.greaterDepth {
            let depth =
                rated == nil ? ("", Role.muted) : plain(page.figure(kpi, yearGroup: yearGroup), ascii: ascii)
            line.add(
                depth.0, depth.1, right: columns.greaterDepth, width: AttainmentColumns.greaterDepthWidth)
        }
        guard let rated else { return line }
        let bench = benchmark(rated, ascii: ascii, orTarget: true)
        line.add(bench.text, bench.role, right: columns.benchmark, width: AttainmentColumns.benchmarkWidth)
        let moved = change(rated, ascii: ascii)
        line.add(moved.text, moved.role, right: columns.change, width: AttainmentColumns.changeWidth)
        if let pupils = columns.pupils {
            line.add(
                AcademyScreen.pupilCount(rated, unit: false), .muted, right: pupils,
                width: AttainmentColumns.pupilsWidth)
        }
        if let last = columns.last {
            let previous = rated.previousShown.map { DisplayRounding.text($0, for: row.kpi) } ?? dash(ascii)
            line.add(previous, .muted, right: last, width: AttainmentColumns.lastWidth)
        }
        return line
    }
}

extension AcademyScreen.Context {
    /// The attainment table's rows for the year group: each subject, then each average
    /// score, that has a figure for all pupils or for the page's pupil group.
    var attainmentRows: [AcademyScreen.AttainmentRow] {
        guard let yearGroup else { return [] }
        return figures.attainmentKPIs.compactMap { kpi in
            switch kpi {
            case .expected(let subject):
                AcademyScreen.AttainmentRow(
                    label: AcademyScreen.subjectLabel(subject, yearGroup: yearGroup), kpi: kpi,
                    greaterDepth: .greaterDepth(subject))
            case .score(let measure):
                AcademyScreen.AttainmentRow(
                    label: AcademyScreen.scoreLabel(measure), kpi: kpi, greaterDepth: nil)
            case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .greaterDepth,
                .inclusion, .absenceBand, .absenceReason:
                nil
            }
        }
    }
}

extension AcademyScreen {
    /// A subject's name for the table's first column: its own, except where the columns'
    /// headings would misname it: "MTC 25/25" (the check has no expected standard, so its
    /// main figure is the share with full marks), and "Writing (GD)" in Year 6, where the
    /// second column is the tests' higher standard but writing's is greater depth.
    static func subjectLabel(_ subject: Subject, yearGroup: YearGroup) -> String {
        switch subject {
        case .mtc: return KPI.expected(.mtc).shortLabel(in: yearGroup)
        case .writing where yearGroup == .year(6): return "Writing (GD)"
        default: return subject.label
        }
    }

    /// A score's name short enough for the table's first column.
    static func scoreLabel(_ measure: ScoreMeasure) -> String {
        switch measure {
        case .attainment8: "Attainment 8"
        case .progress8: "Progress 8"
        case .readingScaled: "Reading score"
        case .mathsScaled: "Maths score"
        case .gpsScaled: "GPS score"
        case .mtcAverage: "MTC average"
        case .readingProgress: "Reading progress"
        case .writingProgress: "Writing progress"
        case .mathsProgress: "Maths progress"
        }
    }
}

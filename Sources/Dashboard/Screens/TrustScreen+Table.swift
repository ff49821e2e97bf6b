import Metrics

extension TrustScreen {
    /// Where the columns of a table of trust figures go: the attainment panel's sections
    /// and each panel's pupil groups. Every row has the figure with its mark, the
    /// benchmark, the change on last year and the academies it covers; last year's value
    /// when there is room.
    struct Columns {
        static let valueWidth = 7
        static let benchmarkWidth = 8
        static let changeWidth = 7
        static let coverageWidth = 9
        static let lastWidth = 11

        var labelWidth: Int
        /// Columns between two columns: 2, or 1 where that lets full names fit.
        var gap: Int
        var value: Int
        var benchmark: Int
        var change: Int
        var coverage: Int
        var last: Int?

        /// The columns for a panel `width` columns wide whose longest label is `longest`.
        init(width: Int, longest: Int, gap: Int = 2) {
            let fixed =
                Self.valueWidth + Self.benchmarkWidth + Self.changeWidth + Self.coverageWidth + 4 * gap
            let withLast = fixed + Self.lastWidth + gap
            // Full names first: last year's column only where they fit beside it.
            let hasLast = width - withLast >= longest
            self.gap = gap
            labelWidth = max(8, min(longest, width - (hasLast ? withLast : fixed)))
            value = labelWidth + gap
            benchmark = value + Self.valueWidth + gap
            change = benchmark + Self.benchmarkWidth + gap
            coverage = change + Self.changeWidth + gap
            last = hasLast ? coverage + Self.coverageWidth + gap : nil
        }

        /// The columns for the first of `candidates` (the longest label, and whether it
        /// is of the short names) that fits, trying each with the usual gaps and then with
        /// narrower ones; else the last candidate's, cut to fit.
        static func choose(width: Int, _ candidates: [(longest: Int, short: Bool)]) -> (
            columns: Columns, short: Bool
        ) {
            for candidate in candidates {
                for gap in [2, 1] {
                    let columns = Columns(width: width, longest: candidate.longest, gap: gap)
                    if columns.labelWidth >= candidate.longest { return (columns, candidate.short) }
                }
            }
            let last = candidates.last ?? (8, true)
            return (Columns(width: width, longest: last.longest), last.short)
        }
    }

    /// A table's headings: "Primary · Year 6 (KS2)  Trust  National  Change  Academies".
    static func headings(_ page: Context, titles: [String], columns: Columns, priority: Int) -> PanelLine {
        var line = PanelLine(priority: priority, style: page.style)
        // The longest form of the title that ends before the first heading.
        let room = columns.labelWidth + columns.gap
        let title = titles.first { DisplayWidth.of($0) <= room } ?? titles.last ?? ""
        line.add(DisplayWidth.truncate(title, to: room, ascii: page.ascii), .heading)
        let scope = page.view.config.benchmarkScope == .national ? "National" : "LA"
        line.add("Trust", .heading, right: columns.value, width: Columns.valueWidth)
        line.add(scope, .heading, right: columns.benchmark, width: Columns.benchmarkWidth)
        line.add("Change", .heading, right: columns.change, width: Columns.changeWidth)
        line.add("Academies", .heading, right: columns.coverage, width: Columns.coverageWidth)
        if let last = columns.last {
            line.add(
                "Last \(page.drop?.term.rawValue ?? "year")", .heading, right: last, width: Columns.lastWidth)
        }
        return line
    }

    /// One row of a table: "RWM expected standard  ▲  59.3     62.0   ▼ 4.5     2 of 2".
    static func row(
        _ page: Context, label: String, _ rated: RatedFigure, columns: Columns, priority: Int, focus: Int
    ) -> PanelLine {
        let ascii = page.ascii
        var line = PanelLine(priority: priority, style: page.style)
        line.focusable(focus)
        line.add(DisplayWidth.truncate(label, to: columns.labelWidth, ascii: ascii))
        let main = AcademyScreen.marked(rated, ascii: ascii)
        line.add(main.text, main.role, emphasis: true, right: columns.value, width: Columns.valueWidth)
        let bench = AcademyScreen.benchmark(rated, ascii: ascii)
        line.add(bench.text, bench.role, right: columns.benchmark, width: Columns.benchmarkWidth)
        let moved = AcademyScreen.change(rated, ascii: ascii)
        line.add(moved.text, moved.role, right: columns.change, width: Columns.changeWidth)
        let coverage = page.coverage(rated)
        // A figure summed over fewer academies than could have it is worth noticing.
        let role: Role = coverage.covered < coverage.of ? .notice : .muted
        line.add(coverage.short, role, right: columns.coverage, width: Columns.coverageWidth)
        if let last = columns.last {
            let previous =
                rated.previousShown.map { DisplayRounding.text($0, for: rated.figure.kpi) }
                ?? AcademyScreen.dash(ascii)
            line.add(previous, .muted, right: last, width: Columns.lastWidth)
        }
        return line
    }

    /// A figure's name in the DfE's words for its year group: "RWM expected standard",
    /// "RWM higher standard", "Eng & maths strong pass", "Attainment 8"; shorter names
    /// ("E&M 5+") when `short`.
    static func label(_ kpi: KPI, yearGroup: YearGroup, short: Bool) -> String {
        if short { return kpi.shortLabel(in: yearGroup) }
        switch kpi {
        case .expected(.englishMaths), .expected(.mtc): return kpi.label(in: yearGroup)
        case .expected(let subject): return "\(subject.label) expected standard"
        case .greaterDepth, .score, .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate,
            .inclusion, .absenceBand, .absenceReason:
            return kpi.label(in: yearGroup)
        }
    }
}

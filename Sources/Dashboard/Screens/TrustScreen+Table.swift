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
        static let gap = 2

        var labelWidth: Int
        var value: Int
        var benchmark: Int
        var change: Int
        var coverage: Int
        var last: Int?

        /// The columns for a panel `width` columns wide whose longest label is `longest`.
        init(width: Int, longest: Int) {
            let fixed =
                Self.valueWidth + Self.benchmarkWidth + Self.changeWidth + Self.coverageWidth + 4 * Self.gap
            let withLast = fixed + Self.lastWidth + Self.gap
            // Full names first: last year's column only where they fit beside it.
            let hasLast = width - withLast >= longest
            labelWidth = max(8, min(longest, width - (hasLast ? withLast : fixed)))
            value = labelWidth + Self.gap
            benchmark = value + Self.valueWidth + Self.gap
            change = benchmark + Self.benchmarkWidth + Self.gap
            coverage = change + Self.changeWidth + Self.gap
            last = hasLast ? coverage + Self.coverageWidth + Self.gap : nil
        }
    }

    /// A table's headings: "Primary · Year 6 (KS2)  Trust  National  Change  Academies".
    static func headings(_ page: Context, title: String, columns: Columns, priority: Int) -> PanelLine {
        var line = PanelLine(priority: priority, style: page.style)
        line.add(title, .heading)
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
        case .greaterDepth, .score, .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate:
            return kpi.label(in: yearGroup)
        }
    }
}

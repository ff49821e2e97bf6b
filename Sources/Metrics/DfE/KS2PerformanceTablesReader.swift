/// Reads the DfE's KS2 performance tables (`surrey_936_ks2final_2018-2019.csv` and the
/// like): one wide row per school, then the local authority and England.
///
/// The file does not say which year it holds, so the year comes from `--year` or from a
/// `YYYY-YYYY` in the file's name; without either, or when the two disagree, the file is
/// not read. Every figure is a summer, Year 6 statutory result.
///
/// - `RECTYPE` 1 (mainstream) and 2 (special) are schools. A row of one of the trust's
///   academies gives a `PublishedFigure` for each KPI it publishes, weighted by `TELIG`
///   (the disadvantaged split by `TFSM6CLA1A` and `TNotFSM6CLA1A`); `SUPP` is kept as
///   suppressed, any other missing-value code gives no figure and is counted in one
///   warning per code. Progress scores come only from `READPROG`, `WRITPROG` and
///   `MATPROG` with their `_LOWER` and `_UPPER` limits; the files also hold earlier
///   years' scores (`READPROG_17`…) and group splits (`READPROG_B`…), never read here.
///   Every school's values, the trust's or not, go to the national distributions, which
///   only a file spanning every local authority yields.
/// - `RECTYPE` 3 is the local authority, and gives its benchmarks. Benchmarks are for all
///   phases: only schools with a Year 6 have these figures, and a special school or an
///   all-through academy is compared with the same national figure as a primary.
/// - `RECTYPE` 4 and 5 are England. Both become national benchmarks, but where
///   both give a value for the same KPI and pupil group only the `RECTYPE` 5 one
///   (state-funded schools, the comparator used everywhere else) is kept, so there is
///   never more than one national benchmark for a KPI and group; a `RECTYPE` 4 value is
///   used only where the `RECTYPE` 5 row has none.
///
/// Schools without results have rows that stop before the results columns; they read as
/// missing values and are counted in one warning. Only the rows whose figures are kept
/// (the trust's academies, the local authority and England) report unreadable values
/// as errors; another school's unreadable value is left out of the distributions.
struct KS2PerformanceTablesReader: DfELayout, Sendable {
    /// The name of the layout, shown where a file's kind is shown.
    static let layoutName = "dfe-ks2"

    /// The columns that mark a header as this layout (lower case). The KS4 file has
    /// `rectype` and `urn` too, but `tpup` and `att8scr` in place of `telig`.
    static let requiredColumns = ["rectype", "urn", "telig", "ptrwm_exp"]

    /// The academies whose school rows are read; rows for other schools are counted.
    let academies: Set<URN>
    /// The year given with `--year`, if any.
    let year: AcademicYear?
    /// The file's path as given, which may name the year. (The memberwise initialiser,
    /// `init(academies:year:fileName:)`, is the one `DfELayout` asks for.)
    let fileName: String

    /// A percentage column and the KPI and pupil group it gives.
    private struct Percentage {
        let column: String
        let kpi: KPI
        let group: PupilGroup
        /// The column holding the pupils the figure is over.
        let pupils: String
    }

    /// The percentages read, in the order their figures are added.
    private static let percentages: [Percentage] = {
        let subjects: [(String, Subject)] = [
            ("ptrwm", .rwm), ("ptread", .reading), ("ptwritta", .writing), ("ptmat", .maths), ("ptgps", .gps),
        ]
        var list: [Percentage] = []
        for (prefix, subject) in subjects {
            list.append(
                Percentage(column: prefix + "_exp", kpi: .expected(subject), group: .all, pupils: "telig"))
            list.append(
                Percentage(
                    column: prefix + "_high", kpi: .greaterDepth(subject), group: .all, pupils: "telig"))
        }
        list.append(
            Percentage(
                column: "ptrwm_exp_fsm6cla1a", kpi: .expected(.rwm), group: .disadvantaged,
                pupils: "tfsm6cla1a"))
        list.append(
            Percentage(
                column: "ptrwm_exp_notfsm6cla1a", kpi: .expected(.rwm), group: .notDisadvantaged,
                pupils: "tnotfsm6cla1a"))
        return list
    }()

    /// A progress score's column (its limits add `_lower` and `_upper`), its measure, and
    /// the column of its coverage: the share of `TELIG` pupils with KS1 results, whom the
    /// score is over.
    private static let progressScores: [(column: String, measure: ScoreMeasure, coverage: String)] = [
        ("readprog", .readingProgress, "readcov"), ("writprog", .writingProgress, "writcov"),
        ("matprog", .mathsProgress, "matcov"),
    ]

    /// Every column that holds a result, for telling a school row without results.
    private static let resultColumns =
        percentages.map(\.column)
        + progressScores.flatMap { [$0.column, $0.column + "_lower", $0.column + "_upper"] }

    /// Counts of what was left out, for the warnings at the end.
    private struct Skipped {
        var noResults = 0
        var academiesWithoutResults = 0
        var otherSchools = 0
        var otherTypes = 0
        /// Figures of the trust's academies not published, by the code written.
        var codes: [String: Int] = [:]
    }

    /// A national benchmark waiting for the end of the file, where `RECTYPE` 5 wins.
    private struct NationalCandidate {
        var benchmark: Benchmark
        var line: Int
        var recordType: Int
    }

    /// Everything a read gathers as it goes.
    private struct State {
        var skipped = Skipped()
        var builder = DistributionBuilder()
        var national: [String: NationalCandidate] = [:]
        var nationalOrder: [String] = []
        var academyLines: [URN: Int] = [:]
        /// Every school's published values and names, with their lines, for similar schools.
        var outcomes: [(outcome: SchoolOutcome, line: Int)] = []
        var names: [(name: SchoolName, line: Int)] = []
    }

    /// Reads the rows after the header, already read by `scanner`, into `batch`.
    func read(
        _ bytes: UnsafeBufferPointer<UInt8>, header: [String], scanner: inout CSVScanner,
        summary: inout DropFileSummary, log: inout IssueLog, fileIndex: Int, into batch: inout DropBatch
    ) {
        summary.kind = .attainment
        summary.layout = Self.layoutName
        guard let fileYear = DfEFileYear.resolve(given: year, fileName: fileName, log: &log) else { return }
        let drop = DataDrop(year: fileYear, term: .summer)
        let source = "DfE KS2 performance tables \(fileYear)"
        let table = DfERows(header: header)
        let firstResult = Self.resultColumns.compactMap { table.columns[$0] }.min() ?? header.count
        var state = State()
        let rows = table.forEach(bytes, scanner: &scanner, log: &log) { row, line, log in
            let typeText = row.raw("rectype") ?? ""
            let recordType = Int(typeText)
            switch recordType {
            case 1, 2:
                let school = School(
                    row: row, line: line, phase: recordType == 2 ? .special : .primary,
                    hasResults: row.fields.count > firstResult)
                readSchool(school, drop: drop, source: source, state: &state, log: &log) {
                    summary.academies.insert($0.urn)
                    batch.published.append(Sourced($0, file: fileIndex, line: line))
                }
            case 3:
                // The DfE's name, neutralised rather than refused (see `NameRules`).
                row.warnAboutNames(["schname"], line: line, log: &log)
                let name = row.name("schname") ?? row.name("lea") ?? ""
                guard !name.isEmpty else {
                    log.error(
                        line: line, column: "schname", "the local-authority row names no local authority",
                        fix: "give its name in SCHNAME or its code in LEA")
                    return
                }
                benchmarks(
                    of: row, line: line, scope: .localAuthority(name), drop: drop, source: source, log: &log
                ) {
                    batch.benchmarks.append(Sourced($0, file: fileIndex, line: line))
                }
            case 4, 5:
                let national = recordType ?? 4
                benchmarks(of: row, line: line, scope: .national, drop: drop, source: source, log: &log) {
                    keepNational($0, line: line, recordType: national, state: &state)
                }
            case .some:
                state.skipped.otherTypes += 1
            case nil:
                log.error(
                    line: line, column: "rectype", value: typeText, "is not a record type",
                    fix: "RECTYPE is 1 or 2 for a school, 3 for the local authority, 4 or 5 for England")
            }
        }
        for key in state.nationalOrder {
            guard let candidate = state.national[key] else { continue }
            batch.benchmarks.append(Sourced(candidate.benchmark, file: fileIndex, line: candidate.line))
        }
        for distribution in state.builder.distributions(drop: drop, source: source) {
            batch.distributions.append(Sourced(distribution, file: fileIndex, line: 1))
        }
        batch.outcomes += state.outcomes.map { Sourced($0.outcome, file: fileIndex, line: $0.line) }
        batch.schoolNames += state.names.map { Sourced($0.name, file: fileIndex, line: $0.line) }
        if !summary.academies.isEmpty || !state.national.isEmpty
            || batch.benchmarks.contains(where: { $0.file == fileIndex })
        {
            summary.drops.insert(drop)
        }
        summary.rows = rows
        summary.otherSchools = state.skipped.otherSchools
        warn(about: state.skipped, log: &log)
    }

    /// A school row being read.
    private struct School {
        let row: DfERow
        let line: Int
        let phase: Phase
        /// False for a row that stops before the results columns.
        let hasResults: Bool
    }

    /// Reads a school row: every school's values go to the distributions; a row of one of
    /// the trust's academies also gives its figures.
    private func readSchool(
        _ school: School, drop: DataDrop, source: String, state: inout State, log: inout IssueLog,
        add: (PublishedFigure) -> Void
    ) {
        let row = school.row
        if let authority = row.text("lea") { state.builder.saw(authority: authority) }
        let urnText = row.raw("urn") ?? ""
        guard let urn = URN(urnText) else {
            log.error(
                line: school.line, column: "urn", value: urnText, "is not a URN",
                fix: "a school row's URN is six digits, 100000–999999")
            return
        }
        let isAcademy = academies.contains(urn)
        if !isAcademy { state.skipped.otherSchools += 1 }
        let name = SchoolName(urn: urn, name: row.name("schname"), localAuthority: row.text("lea"))
        if name.name != nil || name.localAuthority != nil { state.names.append((name, school.line)) }
        guard school.hasResults else {
            state.skipped.noResults += 1
            if isAcademy { state.skipped.academiesWithoutResults += 1 }
            return
        }
        for percentage in Self.percentages where percentage.group == .all {
            if case .value(let value) = row.number(percentage.column) {
                state.builder.add(percentage.kpi, phase: school.phase, value: value)
                let outcome = SchoolOutcome(urn: urn, drop: drop, kpi: percentage.kpi, value: value)
                state.outcomes.append((outcome, school.line))
            }
        }
        for score in Self.progressScores {
            if case .value(let value) = row.number(score.column) {
                state.builder.add(.score(score.measure), phase: school.phase, value: value)
                let outcome = SchoolOutcome(urn: urn, drop: drop, kpi: .score(score.measure), value: value)
                state.outcomes.append((outcome, school.line))
            }
        }
        guard isAcademy else { return }
        if let first = state.academyLines[urn] {
            log.error(
                line: school.line, column: "urn", value: urnText,
                "this academy already has a row in this file, on line \(first)",
                fix: "keep one row for each school, as the DfE publishes it")
            return
        }
        state.academyLines[urn] = school.line
        readFigures(of: school, urn: urn, drop: drop, source: source, state: &state, log: &log, add: add)
    }

    /// Turns an academy's row into its published figures.
    private func readFigures(
        of school: School, urn: URN, drop: DataDrop, source: String, state: inout State, log: inout IssueLog,
        add: (PublishedFigure) -> Void
    ) {
        let row = school.row
        let line = school.line
        func figure(_ kpi: KPI, _ group: PupilGroup, _ value: Double?, pupils: String) -> PublishedFigure {
            PublishedFigure(
                urn: urn, drop: drop, kpi: kpi, group: group, yearGroup: .year(6), value: value,
                pupils: weight(row, pupils, line: line, log: &log), source: source)
        }
        for percentage in Self.percentages {
            switch row.number(percentage.column) {
            case .value(let value):
                guard (0...100).contains(value) else {
                    log.error(
                        line: line, column: percentage.column, value: row.raw(percentage.column),
                        "is not a percentage from 0 to 100", fix: "write a percentage such as 78%, or SUPP")
                    continue
                }
                add(figure(percentage.kpi, percentage.group, value, pupils: percentage.pupils))
            case .suppressed:
                add(figure(percentage.kpi, percentage.group, nil, pupils: percentage.pupils))
            case .missing:
                state.skipped.codes[Self.code(row.raw(percentage.column)), default: 0] += 1
            case .unreadable(let text):
                unreadable(line: line, column: percentage.column, text: text, log: &log)
            }
        }
        for score in Self.progressScores {
            let kpi = KPI.score(score.measure)
            switch row.number(score.column) {
            case .value(let value):
                var published = figure(kpi, .all, value, pupils: "telig")
                // Weighted by the pupils the score is over: TELIG × coverage, when given.
                if let eligible = published.pupils, case .value(let coverage) = row.number(score.coverage),
                    (0...100).contains(coverage)
                {
                    published.pupils = Int((Double(eligible) * coverage / 100).rounded())
                }
                switch interval(of: row, score.column, line: line, log: &log) {
                case .range(let range): published.interval = range
                case .none: break
                case .invalid: continue
                }
                add(published)
            case .suppressed:
                add(figure(kpi, .all, nil, pupils: "telig"))
            case .missing:
                state.skipped.codes[Self.code(row.raw(score.column)), default: 0] += 1
            case .unreadable(let text):
                unreadable(line: line, column: score.column, text: text, log: &log)
            }
        }
    }

    /// The pupils a figure is over, from `column`; nil when it is not a count.
    private func weight(_ row: DfERow, _ column: String, line: Int, log: inout IssueLog) -> Int? {
        switch row.count(column) {
        case .value(let count): return count
        case .missing: return nil
        case .unreadable(let text):
            log.error(
                line: line, column: column, value: text,
                "is neither a count of pupils nor a DfE missing-value code",
                fix: "write a whole number, or a code such as SUPP or NE")
            return nil
        }
    }

    /// The confidence interval of a progress score, as read.
    private enum Interval {
        /// Both limits are numbers, lower first.
        case range(ClosedRange<Double>)
        /// A limit is missing or suppressed: the score has no interval.
        case none
        /// A limit cannot be read, or the lower is above the upper (logged).
        case invalid
    }

    /// The confidence interval of the progress score in `column`, from its `_lower` and
    /// `_upper` columns.
    private func interval(of row: DfERow, _ column: String, line: Int, log: inout IssueLog) -> Interval {
        let lowerColumn = column + "_lower"
        let upperColumn = column + "_upper"
        var limits: [Double] = []
        for limitColumn in [lowerColumn, upperColumn] {
            switch row.number(limitColumn) {
            case .value(let value): limits.append(value)
            case .suppressed, .missing: break
            case .unreadable(let text):
                unreadable(line: line, column: limitColumn, text: text, log: &log)
                return .invalid
            }
        }
        guard limits.count == 2 else { return .none }
        guard limits[0] <= limits[1] else {
            log.error(
                line: line, column: lowerColumn,
                value: "\(row.raw(lowerColumn) ?? "") > \(row.raw(upperColumn) ?? "")",
                "the lower limit of the confidence interval is above the upper limit",
                fix: "check \(lowerColumn.uppercased()) and \(upperColumn.uppercased()) are not swapped")
            return .invalid
        }
        return .range(limits[0]...limits[1])
    }

    /// Turns a local-authority or national row into benchmarks for all phases,
    /// one for each KPI and group it gives a number for.
    private func benchmarks(
        of row: DfERow, line: Int, scope: Benchmark.Scope, drop: DataDrop, source: String,
        log: inout IssueLog,
        add: (Benchmark) -> Void
    ) {
        let measures =
            Self.percentages.map { ($0.column, $0.kpi, $0.group) }
            + Self.progressScores.map { ($0.column, KPI.score($0.measure), PupilGroup.all) }
        for (column, kpi, group) in measures {
            switch row.number(column) {
            case .value(let value):
                add(
                    Benchmark(
                        kpi: kpi, year: drop.year, term: drop.term, phase: nil, group: group,
                        scope: scope,
                        value: value, source: source))
            case .suppressed, .missing: continue
            case .unreadable(let text):
                unreadable(line: line, column: column, text: text, log: &log)
            }
        }
    }

    /// Keeps a national benchmark unless one from a `RECTYPE` 5 row is already kept for
    /// its KPI and group; one from `RECTYPE` 5 replaces one from `RECTYPE` 4.
    private func keepNational(_ benchmark: Benchmark, line: Int, recordType: Int, state: inout State) {
        let key = "\(benchmark.kpi.key)|\(benchmark.group.rawValue)"
        if let kept = state.national[key] {
            guard recordType == 5, kept.recordType != 5 else { return }
        } else {
            state.nationalOrder.append(key)
        }
        state.national[key] = NationalCandidate(benchmark: benchmark, line: line, recordType: recordType)
    }

    /// Logs a value that is neither a number nor a missing-value code.
    private func unreadable(line: Int, column: String, text: String, log: inout IssueLog) {
        log.error(
            line: line, column: column, value: text, "is neither a number nor a DfE missing-value code",
            fix: "write a number or a percentage such as 78%, or a code such as SUPP, NE or LOWCOV")
    }

    /// How a missing value is named in the warnings.
    private static func code(_ raw: String?) -> String {
        guard let raw else { return "absent (the row stops before it)" }
        return raw.isEmpty ? "empty" : raw.uppercased()
    }

    /// One warning for each kind of row or value left out.
    private func warn(about skipped: Skipped, log: inout IssueLog) {
        func rows(_ count: Int) -> String { "\(count) school row\(count == 1 ? "" : "s")" }
        if skipped.noResults > 0 {
            var note = ""
            if skipped.academiesWithoutResults > 0 {
                note = " (\(skipped.academiesWithoutResults) of them for the trust's academies)"
            }
            log.warning(
                "\(rows(skipped.noResults)) with no results\(note): the DfE ends them before the results "
                    + "columns, so they give no figures",
                fix: "nothing to do: the DfE published no KS2 results for these schools this year")
        }
        for (code, count) in skipped.codes.sorted(by: { $0.key < $1.key }) {
            let figures = "\(count) figure\(count == 1 ? "" : "s")"
            let shown = code.hasPrefix("absent") || code == "empty" ? code : "written \(code)"
            log.warning(
                "\(figures) of the trust's academies \(count == 1 ? "was" : "were") \(shown) and not read: "
                    + "the DfE published no value there",
                fix: "nothing to do: a missing value is left out, never taken as zero")
        }
        if skipped.otherTypes > 0 {
            log.warning(
                "\(skipped.otherTypes) row\(skipped.otherTypes == 1 ? "" : "s") of other record types "
                    + "(RECTYPE not 1–5) \(skipped.otherTypes == 1 ? "was" : "were") skipped")
        }
    }
}

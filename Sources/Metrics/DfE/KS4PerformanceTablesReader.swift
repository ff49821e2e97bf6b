/// Reads the DfE's KS4 performance tables (`england_ks4provisional_2018-19.csv`): one
/// row for every school in England, then a row for each local authority and two for
/// England.
///
/// `RECTYPE` says what a row is: 1 a mainstream school, 2 a special school, 4 a local
/// authority (a code, no name), 5 England including independent schools and 7 England's
/// state-funded schools. The file does not say which year it holds, so the year comes
/// from `--year` or from the file's name (`…_2018-19.csv`). Every figure is a summer
/// figure for Year 11 and all pupils.
///
/// School rows of the trust's academies become published figures weighted by `TPUP`;
/// every state-funded school's values feed the national distributions; the RECTYPE 7
/// row gives the national benchmarks. `SUPP` is kept as a suppressed figure;
/// every other missing-value code gives no figure and is counted in one warning per code.
struct KS4PerformanceTablesReader: DfELayout, Sendable {
    /// The name of the layout, shown where a file's kind is shown.
    static let layoutName = "dfe-ks4"

    /// The columns that mark a header as this layout (lower case).
    static let requiredColumns = ["rectype", "urn", "tpup", "att8scr"]

    /// The columns read as KPIs, in the order figures are made.
    static let measures: [(column: String, kpi: KPI)] = [
        ("att8scr", .score(.attainment8)),
        ("p8mea", .score(.progress8)),
        ("ptl2basics_94", .expected(.englishMaths)),
        ("ptl2basics_95", .greaterDepth(.englishMaths)),
    ]

    // The memberwise initialiser, `init(academies:year:fileName:)`, is the one
    // `DfELayout` asks for.

    /// The academies whose school rows are read; rows for other schools are counted.
    let academies: Set<URN>
    /// The year given with `--year`, if any.
    let year: AcademicYear?
    /// The file's path as given, for the year in its name.
    let fileName: String

    /// Counts of what was left out, for the warnings at the end.
    private struct Skipped {
        var allSchools = 0
        var authorities = 0
        var otherTypes = 0
        var otherSchools = 0
        /// Cells of other schools that are neither a number nor a code, left out of the
        /// distributions: another school's cell never stops the trust's ingest.
        var unreadableElsewhere = 0
        /// Cells of the trust's academies with a missing-value code other than `SUPP`,
        /// by code (upper case; "" for a blank cell).
        var codes: [String: Int] = [:]
    }

    /// What is built up while the rows are read.
    private struct Context {
        var drop: DataDrop
        var source: String
        var line = 0
        var fileIndex: Int
        var skipped = Skipped()
        var builder = DistributionBuilder()
        /// The trust's academies that got figures.
        var academies: Set<URN> = []
        /// Figures, benchmarks and distributions in the batch before this file.
        var recordsBefore: Int
    }

    /// Reads the rows after the header, already read by `scanner`, into `batch`.
    func read(
        _ bytes: UnsafeBufferPointer<UInt8>, header: [String], scanner: inout CSVScanner,
        summary: inout DropFileSummary, log: inout IssueLog, fileIndex: Int, into batch: inout DropBatch
    ) {
        summary.kind = .attainment
        summary.layout = Self.layoutName
        guard let year = DfEFileYear.resolve(given: year, fileName: fileName, log: &log) else { return }
        let baseName = DfEFileYear.lastComponent(of: fileName)
        let provisional = baseName.lowercased().contains("provisional") ? " (provisional)" : ""
        var context = Context(
            drop: DataDrop(year: year, term: .summer),
            source: "DfE KS4 performance tables \(year)\(provisional)", fileIndex: fileIndex,
            recordsBefore: batch.published.count + batch.benchmarks.count + batch.distributions.count)
        let rows = DfERows(header: header).forEach(bytes, scanner: &scanner, log: &log) { row, line, log in
            context.line = line
            switch row.raw("rectype") ?? "" {
            case "1": readSchool(row, phase: .secondary, context: &context, log: &log, into: &batch)
            case "2": readSchool(row, phase: .special, context: &context, log: &log, into: &batch)
            case "7": readNational(row, context: context, log: &log, into: &batch)
            case "5": context.skipped.allSchools += 1
            case "4": context.skipped.authorities += 1
            default: context.skipped.otherTypes += 1
            }
        }
        for distribution in context.builder.distributions(drop: context.drop, source: context.source) {
            batch.distributions.append(Sourced(distribution, file: fileIndex, line: 1))
        }
        summary.rows = rows
        summary.otherSchools = context.skipped.otherSchools
        summary.academies.formUnion(context.academies)
        if batch.published.count + batch.benchmarks.count + batch.distributions.count > context.recordsBefore
        {
            summary.drops.insert(context.drop)
        }
        warn(about: context.skipped, log: &log)
    }

    // MARK: - Rows

    /// The published numbers of a row's KPIs. For a row of the trust's (`line` given), nil
    /// after logging any that cannot be read; for another school's, unreadable ones are
    /// returned as they are, and left out of the distributions by the caller.
    private func numbers(of row: DfERow, line: Int?, log: inout IssueLog) -> [DfERow.Number]? {
        var numbers: [DfERow.Number] = []
        numbers.reserveCapacity(Self.measures.count)
        var readable = true
        for (column, _) in Self.measures {
            let number = row.number(column)
            if case .unreadable(let text) = number, let line {
                unreadable(column: column, text: text, line: line, log: &log)
                readable = false
            }
            numbers.append(number)
        }
        return readable ? numbers : nil
    }

    /// Logs a cell that is neither a number nor a missing-value code.
    private func unreadable(column: String, text: String, line: Int, log: inout IssueLog) {
        log.error(
            line: line, column: column, value: text, "is neither a number nor a DfE missing-value code",
            fix: "write a number such as 46.5, -0.12 or \"70.8%\", or a code such as SUPP, NE or NA")
    }

    /// Reads a school row: its values feed the distributions, and for one of the trust's
    /// academies they become published figures.
    private func readSchool(
        _ row: DfERow, phase: Phase, context: inout Context, log: inout IssueLog, into batch: inout DropBatch
    ) {
        let line = context.line
        if let authority = row.text("lea") { context.builder.saw(authority: authority) }
        let urnText = row.raw("urn") ?? ""
        guard let urn = URN(urnText) else {
            log.error(
                line: line, column: "urn", value: urnText, "is not a URN",
                fix: "a URN is six digits, 100000–999999")
            return
        }
        let isTrusts = academies.contains(urn)
        guard let numbers = numbers(of: row, line: isTrusts ? line : nil, log: &log) else { return }
        if !isTrusts {
            context.skipped.unreadableElsewhere +=
                numbers.filter {
                    if case .unreadable = $0 { true } else { false }
                }.count
        }
        // Independent schools are marked by NFTYPE IND (mainstream) and INDSPEC (special).
        // They are not state-funded, and publish NA throughout, so they stay out of the
        // distributions, which compare state-funded schools.
        let independent = row.raw("nftype")?.uppercased().hasPrefix("IND") ?? false
        if !independent {
            for (index, number) in numbers.enumerated() {
                if case .value(let value) = number {
                    context.builder.add(Self.measures[index].kpi, phase: phase, value: value)
                }
            }
        }
        // Every school's published values, as published, for similar schools.
        for (index, number) in numbers.enumerated() {
            guard case .value(let value) = number else { continue }
            let outcome = SchoolOutcome(
                urn: urn, drop: context.drop, kpi: Self.measures[index].kpi, value: value)
            batch.outcomes.append(Sourced(outcome, file: context.fileIndex, line: line))
        }
        let name = SchoolName(urn: urn, name: row.name("schname"), localAuthority: row.text("lea"))
        if name.name != nil || name.localAuthority != nil {
            batch.schoolNames.append(Sourced(name, file: context.fileIndex, line: line))
        }
        guard academies.contains(urn) else {
            context.skipped.otherSchools += 1
            return
        }
        var pupils: Int?
        switch row.count("tpup") {
        case .value(let count): pupils = count
        case .missing: pupils = nil
        case .unreadable(let text):
            log.error(
                line: line, column: "tpup", value: text,
                "is neither a pupil count nor a DfE missing-value code",
                fix: "write a whole number of pupils, or a code such as SUPP, NE or NA")
            return
        }
        var figures: [PublishedFigure] = []
        for (index, number) in numbers.enumerated() {
            let (column, kpi) = Self.measures[index]
            let value: Double?
            switch number {
            case .value(let published): value = published
            case .suppressed: value = nil
            case .missing, .unreadable:
                context.skipped.codes[(row.raw(column) ?? "").uppercased(), default: 0] += 1
                continue
            }
            var interval: ClosedRange<Double>?
            if kpi == .score(.progress8), value != nil {
                switch progressInterval(of: row, line: line, log: &log) {
                case .interval(let range): interval = range
                case .missing: interval = nil
                case .wrong: return
                }
            }
            // Progress 8 is over the pupils with KS2 results (`P8PUP`), fewer than `TPUP`.
            var weight = pupils
            if kpi == .score(.progress8), case .value(let progressPupils) = row.count("p8pup") {
                weight = progressPupils
            }
            figures.append(
                PublishedFigure(
                    urn: urn, drop: context.drop, kpi: kpi, group: .all, yearGroup: .year(11), value: value,
                    pupils: weight, interval: interval, source: context.source))
        }
        for figure in figures {
            batch.published.append(Sourced(figure, file: context.fileIndex, line: line))
        }
        if !figures.isEmpty { context.academies.insert(urn) }
    }

    /// What a row's Progress 8 confidence limits give.
    private enum Limits {
        /// Both limits, lower first.
        case interval(ClosedRange<Double>)
        /// A limit is missing or suppressed: no interval.
        case missing
        /// A limit cannot be read, or the lower is above the upper (logged).
        case wrong
    }

    /// The Progress 8 confidence interval `P8CILOW...P8CIUPP`.
    private func progressInterval(of row: DfERow, line: Int, log: inout IssueLog) -> Limits {
        var limits: [Double] = []
        var complete = true
        for column in ["p8cilow", "p8ciupp"] {
            switch row.number(column) {
            case .value(let limit): limits.append(limit)
            case .suppressed, .missing: complete = false
            case .unreadable(let text):
                unreadable(column: column, text: text, line: line, log: &log)
                return .wrong
            }
        }
        guard complete, limits.count == 2 else { return .missing }
        guard limits[0] <= limits[1] else {
            log.error(
                line: line, column: "p8cilow", value: row.raw("p8cilow"),
                "the lower limit of the Progress 8 confidence interval is above the upper limit, "
                    + "P8CIUPP \(row.raw("p8ciupp") ?? "")",
                fix: "check that P8CILOW and P8CIUPP are not swapped or mistyped")
            return .wrong
        }
        return .interval(limits[0]...limits[1])
    }

    /// Turns the state-funded national row (RECTYPE 7) into national benchmarks for all
    /// phases: only schools with a Year 11 have these figures, so a special school or an
    /// all-through academy is compared with the same national figure as a secondary.
    private func readNational(
        _ row: DfERow, context: Context, log: inout IssueLog, into batch: inout DropBatch
    ) {
        guard let numbers = numbers(of: row, line: context.line, log: &log) else { return }
        for (index, number) in numbers.enumerated() {
            guard case .value(let value) = number else { continue }
            let benchmark = Benchmark(
                kpi: Self.measures[index].kpi, year: context.drop.year, term: context.drop.term,
                phase: nil, group: .all, scope: .national, value: value, source: context.source)
            batch.benchmarks.append(Sourced(benchmark, file: context.fileIndex, line: context.line))
        }
    }

    // MARK: - Warnings

    /// One warning for each kind of row or cell left out.
    private func warn(about skipped: Skipped, log: inout IssueLog) {
        func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }
        func were(_ count: Int) -> String { count == 1 ? "was" : "were" }
        log.warnUnreadableElsewhere(skipped.unreadableElsewhere)
        if skipped.allSchools > 0 {
            log.warning(
                "\(rows(skipped.allSchools)) for all schools in England (RECTYPE 5) \(were(skipped.allSchools)) "
                    + "skipped: \(skipped.allSchools == 1 ? "it includes" : "they include") independent schools",
                fix: "the state-funded row (RECTYPE 7) gives the national benchmarks, as elsewhere in the app"
            )
        }
        if skipped.authorities > 0 {
            log.warning(
                "\(rows(skipped.authorities)) for local authorities (RECTYPE 4) \(were(skipped.authorities)) "
                    + "skipped: they give an LA code but no name, and local-authority benchmarks are "
                    + "matched by name",
                fix: "give local-authority benchmarks in a benchmarks file, with the authority's name")
        }
        if skipped.otherTypes > 0 {
            log.warning(
                "\(rows(skipped.otherTypes)) with a RECTYPE other than 1, 2, 4, 5 or 7 "
                    + "\(were(skipped.otherTypes)) skipped")
        }
        for code in skipped.codes.keys.sorted() {
            let count = skipped.codes[code] ?? 0
            let written = code.isEmpty ? "blank or absent" : "coded \(code)"
            log.warning(
                "\(count) KS4 figure\(count == 1 ? "" : "s") of the trust's academies \(count == 1 ? "is" : "are") "
                    + "\(written), so no figure was made for \(count == 1 ? "it" : "them")",
                fix: "nothing to fix: the DfE published no value there")
        }
    }
}

/// Reads the DfE's Explore Education Statistics "Pupil absence in schools in England"
/// file in its long, school-level layout into the same records as the trust's own files.
///
/// School rows become `all`-pupil attendance records worked out from their counts;
/// national and local-authority rows become benchmarks. `time_identifier` gives the
/// term: "Autumn term" is autumn, "Autumn and spring term" spring and "Academic year"
/// summer; a spring or summer term on its own is not year to date, so such rows are
/// skipped with one warning that counts them. Missing-value codes are never a zero: a
/// row without the counts it needs is skipped and counted. Rows may be ragged. When the
/// file holds every school in England (a national file), every school's figures, worked
/// out from its counts, become the national distributions of each drop.
public struct ExploreEducationAbsenceReader: DfELayout, Sendable {
    /// The name of the layout, shown where a file's kind is shown.
    public static let layoutName = "dfe-absence"

    /// The columns that mark a header as this layout (lower case).
    public static let requiredColumns = [
        "time_period", "time_identifier", "geographic_level", "school_urn", "enrolments", "sess_possible",
        "sess_overall", "enrolments_pa_10_exact",
    ]

    /// True when a header (names trimmed and lower-cased) is this layout's.
    public static func recognises(header: [String]) -> Bool {
        Set(requiredColumns).isSubset(of: header)
    }

    /// The academies whose school rows are read; rows for other schools are counted.
    public var academies: Set<URN>

    /// Makes a reader that keeps the school rows of `academies`.
    public init(academies: Set<URN>) {
        self.academies = academies
    }

    /// Makes a reader that keeps the school rows of `academies`; the file gives its own
    /// years, so `year` and the file's name are not needed.
    init(academies: Set<URN>, year: AcademicYear?, fileName: String) {
        self.init(academies: academies)
    }

    /// What a year-to-date row of the file stands for.
    private enum Period {
        case drop(DataDrop)
        case singleTerm
    }

    /// Counts of the rows left out, for the warnings at the end.
    private struct Skipped {
        var singleTerm = 0
        var missingCounts = 0
        var regional = 0
        var otherLevels = 0
        var otherTypes = 0
        var otherSchools = 0
        var reasonsOverTotal = 0
    }

    /// Reads the rows after the header, already read by `scanner`, into `batch`.
    func read(
        _ bytes: UnsafeBufferPointer<UInt8>, header: [String], scanner: inout CSVScanner,
        summary: inout DropFileSummary, log: inout IssueLog, fileIndex: Int, into batch: inout DropBatch
    ) {
        summary.kind = .attendance
        summary.layout = Self.layoutName
        var skipped = Skipped()
        // Every school's figures by drop, for national percentiles when the file is national.
        var builders: [DataDrop: DistributionBuilder] = [:]
        let rows = DfERows(header: header).forEach(bytes, scanner: &scanner, log: &log) { row, line, log in
            guard let period = period(of: row, line: line, log: &log) else { return }
            guard case .drop(let drop) = period else {
                skipped.singleTerm += 1
                return
            }
            switch row.text("geographic_level")?.lowercased() {
            case "school":
                builders[drop, default: DistributionBuilder()].add(row)
                readSchool(row, drop: drop, line: line, skipped: &skipped, log: &log) {
                    summary.drops.insert(drop)
                    summary.academies.insert($0.urn)
                    batch.attendance.append(Sourced($0, file: fileIndex, line: line))
                } suppressed: {
                    summary.drops.insert(drop)
                    summary.academies.insert($0.urn)
                    batch.published.append(Sourced($0, file: fileIndex, line: line))
                }
            case "national":
                readBenchmarks(row, scope: .national, drop: drop, line: line, skipped: &skipped, log: &log) {
                    batch.benchmarks.append(Sourced($0, file: fileIndex, line: line))
                }
            case "local authority":
                guard row.text("la_name") != nil else {
                    log.error(
                        line: line, column: "la_name", "a local-authority row has no la_name",
                        fix: "give the local authority's name")
                    return
                }
                row.warnAboutNames(["la_name"], line: line, log: &log)
                // A name with nothing visible left is as if not given: the row's figures
                // could be shown under no name, so they are left out (and warned about).
                guard let name = row.name("la_name") else { return }
                readBenchmarks(
                    row, scope: .localAuthority(name), drop: drop, line: line, skipped: &skipped, log: &log
                ) {
                    batch.benchmarks.append(Sourced($0, file: fileIndex, line: line))
                }
            case "regional":
                skipped.regional += 1
            default:
                skipped.otherLevels += 1
            }
        }
        summary.rows = rows
        summary.otherSchools = skipped.otherSchools
        for (drop, builder) in builders.sorted(by: { $0.key < $1.key }) {
            let source = "DfE Pupil absence in schools in England \(drop.year) (EES)"
            for distribution in builder.distributions(drop: drop, source: source) {
                batch.distributions.append(Sourced(distribution, file: fileIndex, line: 1))
            }
        }
        warn(about: skipped, log: &log)
    }

    /// The drop of a row, `.singleTerm` for a term on its own, or nil after logging why
    /// the period cannot be read.
    private func period(of row: DfERow, line: Int, log: inout IssueLog) -> Period? {
        let periodText = row.raw("time_period") ?? ""
        guard let year = AcademicYear(parsing: periodText) else {
            log.error(
                line: line, column: "time_period", value: periodText, "is not an academic year",
                fix: "write it as the DfE does, such as 202122 for 2021/22")
            return nil
        }
        let identifier = row.raw("time_identifier") ?? ""
        switch identifier.lowercased().trimmingSpaces {
        case "autumn term": return .drop(DataDrop(year: year, term: .autumn))
        case "autumn and spring term": return .drop(DataDrop(year: year, term: .spring))
        case "academic year": return .drop(DataDrop(year: year, term: .summer))
        case "spring term", "summer term": return .singleTerm
        default:
            log.error(
                line: line, column: "time_identifier", value: identifier, "is not a period this reader knows",
                fix: "use \"Autumn term\", \"Autumn and spring term\" or \"Academic year\"")
            return nil
        }
    }

    /// Reads a school row into an attendance record for one of the trust's academies. A
    /// row whose pupils or sessions the DfE published as `SUPP` gives its three figures as
    /// suppressed instead, so the academy shows `SUPP` rather than nothing.
    private func readSchool(
        _ row: DfERow, drop: DataDrop, line: Int, skipped: inout Skipped, log: inout IssueLog,
        add: (AttendanceRecord) -> Void, suppressed: (PublishedFigure) -> Void
    ) {
        let urnText = row.raw("school_urn") ?? ""
        guard let urn = URN(urnText) else {
            log.error(
                line: line, column: "school_urn", value: urnText, "is not a URN",
                fix: "a URN is six digits, 100000–999999")
            return
        }
        guard academies.contains(urn) else {
            skipped.otherSchools += 1
            return
        }
        // Only the names that are kept are looked at: the trust's academies' and the
        // local authorities'.
        row.warnAboutNames(["school_name", "trust", "la_name"], line: line, log: &log)
        let errors = log.errors
        guard let counts = counts(of: row, line: line, log: &log) else {
            guard log.errors == errors else { return }
            if ["enrolments", "sess_possible", "sess_overall", "enrolments_pa_10_exact"].contains(where: {
                row.number($0) == .suppressed
            }) {
                let source = "DfE Pupil absence in schools in England \(drop.year) (EES), published as SUPP"
                for kpi in [KPI.attendanceRate, .absenceRate, .persistentAbsenceRate] {
                    suppressed(PublishedFigure(urn: urn, drop: drop, kpi: kpi, value: nil, source: source))
                }
            } else {
                skipped.missingCounts += 1
            }
            return
        }
        var authorised: Int?
        var unauthorised: Int?
        if case .value(let a) = row.count("sess_authorised"),
            case .value(let u) = row.count("sess_unauthorised")
        {
            authorised = a
            unauthorised = u
        }
        guard
            let reasons = reasons(
                of: row, line: line, absent: counts.absent, authorised: authorised,
                unauthorised: unauthorised,
                skipped: &skipped, log: &log)
        else { return }
        add(
            AttendanceRecord(
                urn: urn, drop: drop, pupils: counts.pupils, possibleSessions: counts.possible,
                absentSessions: counts.absent, persistentAbsentees: counts.persistent,
                severeAbsentees: counts.severe, authorisedAbsentSessions: authorised,
                unauthorisedAbsentSessions: unauthorised, reasons: reasons))
    }

    /// The reasons a row gives, by each reason's DfE column (`AbsenceReason.dfeColumn`);
    /// a column absent or with a missing-value code is a reason not given. Nil after
    /// logging an error for a value that is neither a count nor a code. The DfE's reasons
    /// on one side add up to a little more than its authorised (or unauthorised) total in
    /// a few rows (13,410 unauthorised reasons for 13,404 sessions, say): that side's
    /// reasons are then left out, and counted for a warning, since they cannot all be
    /// right.
    private func reasons(
        of row: DfERow, line: Int, absent: Int, authorised: Int?, unauthorised: Int?, skipped: inout Skipped,
        log: inout IssueLog
    ) -> AttendanceReasons? {
        var reasons = AttendanceReasons()
        for reason in AbsenceReason.allCases {
            guard let column = reason.dfeColumn else { continue }
            switch row.count(column) {
            case .value(let value): reasons[reason] = value
            case .missing: break
            case .unreadable(let text):
                log.error(
                    line: line, column: column, value: text,
                    "is neither a count nor a DfE missing-value code",
                    fix: "write a whole number, or a code such as z, x, c or SUPP")
                return nil
            }
        }
        for isAuthorised in [true, false] {
            guard let given = reasons.given(authorised: isAuthorised),
                given > ((isAuthorised ? authorised : unauthorised) ?? absent)
            else { continue }
            for reason in AbsenceReason.allCases where reason.isAuthorised == isAuthorised {
                reasons[reason] = nil
            }
            skipped.reasonsOverTotal += 1
        }
        return reasons
    }

    /// The counts every row needs, or nil when one is missing or cannot be read (an
    /// unreadable one is logged as an error).
    private func counts(
        of row: DfERow, line: Int, log: inout IssueLog
    ) -> (pupils: Int, possible: Int, absent: Int, persistent: Int, severe: Int?)? {
        var values: [Int] = []
        var missing = false
        for column in ["enrolments", "sess_possible", "sess_overall", "enrolments_pa_10_exact"] {
            switch row.count(column) {
            case .value(let value): values.append(value)
            case .missing: missing = true
            case .unreadable(let text):
                log.error(
                    line: line, column: column, value: text,
                    "is neither a count nor a DfE missing-value code",
                    fix: "write a whole number, or a code such as z, x, c or SUPP")
                return nil
            }
        }
        guard !missing, values.count == 4, values[1] > 0 else { return nil }
        var severe: Int?
        if case .value(let value) = row.count("enrolments_pa_50_exact") { severe = value }
        return (values[0], values[1], values[2], values[3], severe)
    }

    /// Turns a national or local-authority row into benchmarks for its phase.
    private func readBenchmarks(
        _ row: DfERow, scope: Benchmark.Scope, drop: DataDrop, line: Int, skipped: inout Skipped,
        log: inout IssueLog, add: (Benchmark) -> Void
    ) {
        var phase: Phase?
        if let type = row.text("school_type") ?? row.text("education_phase"),
            !DfERow.isTotal(type)
        {
            guard let known = DfERow.phase(ofType: type) else {
                skipped.otherTypes += 1
                return
            }
            phase = known
        }
        let errors = log.errors
        guard let counts = counts(of: row, line: line, log: &log), counts.pupils > 0 else {
            if log.errors == errors { skipped.missingCounts += 1 }
            return
        }
        let source = "DfE Pupil absence in schools in England \(drop.year) (EES)"
        let possible = Double(counts.possible)
        let absent = Double(counts.absent)
        let pupils = Double(counts.pupils)
        var figures: [(KPI, Double)] = [
            (.attendanceRate, 100 * (possible - absent) / possible),
            (.absenceRate, 100 * absent / possible),
            (.persistentAbsenceRate, 100 * Double(counts.persistent) / pupils),
        ]
        if let severe = counts.severe { figures.append((.severeAbsenceRate, 100 * Double(severe) / pupils)) }
        for reason in AbsenceReason.allCases {
            guard let column = reason.dfeColumn, case .value(let sessions) = row.count(column) else {
                continue
            }
            figures.append((.absenceReason(reason), 100 * Double(sessions) / possible))
        }
        for (kpi, value) in figures {
            add(
                Benchmark(
                    kpi: kpi, year: drop.year, term: drop.term, phase: phase, scope: scope, value: value,
                    source: source))
        }
    }

    /// One warning for each kind of row left out.
    private func warn(about skipped: Skipped, log: inout IssueLog) {
        func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }
        func were(_ count: Int) -> String { count == 1 ? "was" : "were" }
        if skipped.singleTerm > 0 {
            log.warning(
                "\(rows(skipped.singleTerm)) for a spring or summer term on its own \(were(skipped.singleTerm)) skipped: "
                    + "they are not year to date",
                fix: "use the \"Autumn and spring term\" and \"Academic year\" rows, which are")
        }
        if skipped.missingCounts > 0 {
            log.warning(
                "\(rows(skipped.missingCounts)) without the counts needed (suppressed or not published) "
                    + "\(were(skipped.missingCounts)) skipped")
        }
        if skipped.reasonsOverTotal > 0 {
            let count = skipped.reasonsOverTotal
            log.warning(
                "\(count) time\(count == 1 ? "" : "s") a school row's reasons for absence added up to more than "
                    + "its authorised or unauthorised sessions: those reasons were left out, since they cannot "
                    + "all be right")
        }
        if skipped.regional > 0 {
            log.warning(
                "\(rows(skipped.regional)) for regions \(were(skipped.regional)) skipped: there are no regional benchmarks"
            )
        }
        if skipped.otherLevels > 0 {
            log.warning(
                "\(rows(skipped.otherLevels)) at other geographic levels \(were(skipped.otherLevels)) skipped"
            )
        }
        if skipped.otherTypes > 0 {
            log.warning(
                "\(rows(skipped.otherTypes)) for school types with no phase of their own \(were(skipped.otherTypes)) skipped"
            )
        }
    }
}

extension DistributionBuilder {
    /// Adds a school row's attendance, absence, persistent and severe absence, worked out
    /// from its counts and rounded as shown, to its phase's distributions. A row without
    /// a phase or readable counts is left out; it is never an error here, since the
    /// figures of the trust's own academies are checked where they are read.
    fileprivate mutating func add(_ row: DfERow) {
        if let authority = row.text("la_name") ?? row.text("new_la_code") ?? row.text("old_la_code") {
            saw(authority: authority)
        }
        guard let type = row.text("school_type") ?? row.text("education_phase"),
            let phase = DfERow.phase(ofType: type),
            case .value(let pupils) = row.count("enrolments"), pupils > 0,
            case .value(let possible) = row.count("sess_possible"), possible > 0,
            case .value(let absent) = row.count("sess_overall"), absent <= possible,
            case .value(let persistent) = row.count("enrolments_pa_10_exact"), persistent <= pupils
        else { return }
        func shown(_ kpi: KPI, _ numerator: Int, _ denominator: Int) -> Double {
            DisplayRounding.shown(numerator: Double(numerator), denominator: Double(denominator), kpi: kpi)
        }
        add(.attendanceRate, phase: phase, value: shown(.attendanceRate, possible - absent, possible))
        add(.absenceRate, phase: phase, value: shown(.absenceRate, absent, possible))
        add(.persistentAbsenceRate, phase: phase, value: shown(.persistentAbsenceRate, persistent, pupils))
        if case .value(let severe) = row.count("enrolments_pa_50_exact"), severe <= pupils {
            add(.severeAbsenceRate, phase: phase, value: shown(.severeAbsenceRate, severe, pupils))
        }
    }
}

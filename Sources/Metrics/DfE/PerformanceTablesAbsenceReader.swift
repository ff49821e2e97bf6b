/// Reads the DfE performance-tables absence file (`england_abs_2018-19.csv`: columns
/// `LA,ESTAB,URN,PERCTOT,PPERSABS10`), which gives each school's overall absence and
/// persistent-absence rates as percentages, with no pupil or session counts.
///
/// The file does not say which year it holds, so the year given with `--year` is
/// required; without it the file is an error and nothing is read. Every figure is for the
/// whole year, so it belongs to the summer drop.
///
/// A school row of one of the trust's academies gives three published figures: absence
/// (`PERCTOT`), attendance (100 − `PERCTOT`, the same figure seen from the other side) and
/// persistent absence (`PPERSABS10`). `SUPP` is kept as a suppressed figure; any other
/// missing-value code gives no figure and is counted in one warning. The national rows at
/// the end (`NAT,PRI`, `NAT,SEC`, `NAT,SPE`, with an empty URN) become national benchmarks
/// by phase. Every school's values, the trust's and all others, go into the national
/// distributions of its phase. The file has no phase column, so each school's phase comes
/// from the DfE's school census of the same year (see `PendingDistributions`), and only
/// failing that from its establishment number.
///
/// Older years have `PPERSABS15` instead: the share of pupils who missed 15% or more of
/// their sessions, the persistent-absence threshold before 2015/16. It is a different
/// measure from today's 10% rate, so it is never read as persistent absence.
struct PerformanceTablesAbsenceReader: DfELayout, Sendable {
    /// The name of the layout, shown where a file's kind is shown.
    static let layoutName = "dfe-pt-absence"

    /// The columns every such file has; the persistent-absence column varies by year.
    static let requiredColumns = ["urn", "perctot"]

    /// True when a header (names trimmed and lower-cased) has `URN`, `PERCTOT` and either
    /// `PPERSABS10` or `PPERSABS15`, and no `RECTYPE` (which the KS2 and KS4 tables have).
    static func recognises(header: [String]) -> Bool {
        let names = Set(header)
        return Set(requiredColumns).isSubset(of: names)
            && (names.contains("ppersabs10") || names.contains("ppersabs15")) && !names.contains("rectype")
    }

    /// The academies whose school rows become published figures; rows for other schools
    /// are counted.
    let academies: Set<URN>
    /// The year given with `--year`: the file holds no year of its own.
    let year: AcademicYear?
    /// The file's path as given.
    let fileName: String

    /// The phase a school's DfE establishment number (`ESTAB`) suggests, used only for a
    /// school the school census does not hold, as the file has no phase column:
    ///
    /// - 2000–3999 and 5000–5299: primary;
    /// - 4000–4999 and 5400–5999: secondary;
    /// - 7000–7999: special;
    /// - 1100–1199: alternative provision (pupil referral units);
    /// - anything else (such as the 6000s, independent schools, city technology colleges and
    ///   some early academies): no phase, so the school is in no national distribution.
    static func phase(ofEstablishment number: Int) -> Phase? {
        switch number {
        case 2000...3999, 5000...5299: .primary
        case 4000...4999, 5400...5999: .secondary
        case 7000...7999: .special
        case 1100...1199: .alternativeProvision
        default: nil
        }
    }

    /// The phase a national row's `ESTAB` names (`PRI`, `SEC`, `SPE`), or nil.
    static func phase(ofNational code: String) -> Phase? {
        switch code.uppercased() {
        case "PRI": .primary
        case "SEC": .secondary
        case "SPE": .special
        default: nil
        }
    }

    /// `100 − absence`, cleared of binary rounding noise (100 − 4.3 is 95.7, not
    /// 95.699999…) so that equal published figures stay equal in a distribution.
    static func attendance(fromAbsence absence: Double) -> Double {
        ((100 - absence) * 1_000_000).rounded() / 1_000_000
    }

    /// Counts of what was left out, for the warnings at the end.
    private struct Skipped {
        var missingFigures = 0
        var otherNational = 0
        var missingNational = 0
        var noURN = 0
        var otherSchools = 0
        /// Cells of other schools that are neither a number nor a code, left out of the
        /// distributions: another school's cell never stops the trust's ingest.
        var unreadableElsewhere = 0
    }

    /// The columns the reader reads, as the DfE writes them and as the header gives them.
    private enum Column {
        static let urn = (name: "URN", key: "urn")
        static let absence = (name: "PERCTOT", key: "perctot")
        static let persistent = (name: "PPERSABS10", key: "ppersabs10")
        static let la = "la"
        static let estab = "estab"
    }

    /// Reads the rows after the header, already read by `scanner`, into `batch`.
    func read(
        _ bytes: UnsafeBufferPointer<UInt8>, header: [String], scanner: inout CSVScanner,
        summary: inout DropFileSummary, log: inout IssueLog, fileIndex: Int, into batch: inout DropBatch
    ) {
        summary.kind = .attendance
        summary.layout = Self.layoutName
        guard let year else {
            log.error(
                line: 1,
                "holds no academic year: the performance-tables absence file does not say which year it is",
                fix: "give it with --year, such as --year 2018/19")
            return
        }
        let table = DfERows(header: header)
        let columns = table.columns
        let readsPersistent = columns[Column.persistent.key] != nil
        if !readsPersistent, columns["ppersabs15"] != nil {
            log.warning(
                line: 1, column: "PPERSABS15",
                "PPERSABS15 is the share of pupils missing 15% or more of sessions, the persistent-absence "
                    + "measure before 2015/16, not the 10% persistent-absence rate, so persistent absence "
                    + "was not read from this file",
                fix: "overall absence (PERCTOT) was read; use a file with PPERSABS10 for persistent absence")
        }
        let drop = DataDrop(year: year, term: .summer)
        let source = "DfE performance tables absence \(year)"
        var distributions = DistributionBuilder()
        var skipped = Skipped()
        let rows = table.forEach(bytes, scanner: &scanner, log: &log) { row, line, log in
            let urnText = row.raw(Column.urn.key) ?? ""
            if urnText.isEmpty {
                let la = row.raw(Column.la) ?? ""
                guard la.uppercased() == "NAT" else {
                    skipped.noURN += 1
                    return
                }
                readNational(
                    row, drop: drop, source: source, persistent: readsPersistent, line: line,
                    skipped: &skipped, log: &log
                ) {
                    batch.benchmarks.append(Sourced($0, file: fileIndex, line: line))
                }
                return
            }
            guard let urn = URN(urnText) else {
                log.error(
                    line: line, column: Column.urn.name, value: urnText, "is not a URN",
                    fix: "a URN is six digits, 100000–999999; national rows leave it empty")
                return
            }
            if let la = row.raw(Column.la), !la.isEmpty { distributions.saw(authority: la) }
            let isTrusts = academies.contains(urn)
            guard
                let numbers = values(
                    of: row, persistent: readsPersistent, line: isTrusts ? line : nil, log: &log)
            else { return }
            if !isTrusts {
                for case .unreadable in [numbers.absence, numbers.persistent] {
                    skipped.unreadableElsewhere += 1
                }
            }
            addToDistributions(numbers, urn: urn, row: row, into: &distributions)
            for outcome in outcomes(numbers, urn: urn, drop: drop) {
                batch.outcomes.append(Sourced(outcome, file: fileIndex, line: line))
            }
            if let la = row.text(Column.la) {
                batch.schoolNames.append(
                    Sourced(SchoolName(urn: urn, name: nil, localAuthority: la), file: fileIndex, line: line))
            }
            guard academies.contains(urn) else {
                skipped.otherSchools += 1
                return
            }
            var figures: [(KPI, DfERow.Number)] = [
                (.absenceRate, numbers.absence), (.attendanceRate, numbers.absence),
            ]
            if let persistent = numbers.persistent { figures.append((.persistentAbsenceRate, persistent)) }
            for (kpi, number) in figures {
                let value: Double?
                switch number {
                case .value(let published):
                    value = kpi == .attendanceRate ? Self.attendance(fromAbsence: published) : published
                case .suppressed:
                    value = nil
                case .missing, .unreadable:
                    // An attendance figure comes from the same cell as absence: count it once.
                    if kpi != .attendanceRate { skipped.missingFigures += 1 }
                    continue
                }
                summary.drops.insert(drop)
                summary.academies.insert(urn)
                batch.published.append(
                    Sourced(
                        PublishedFigure(urn: urn, drop: drop, kpi: kpi, value: value, source: source),
                        file: fileIndex, line: line))
            }
        }
        summary.rows = rows
        summary.otherSchools = skipped.otherSchools
        // Placed by phase once the whole batch is read, when any census in it is known.
        if let pending = distributions.pending(drop: drop, source: source, file: fileIndex) {
            batch.pendingDistributions.append(pending)
        }
        warn(about: skipped, log: &log)
    }

    /// The published numbers of a row: `PERCTOT`, and `PPERSABS10` when the file has it
    /// (nil when it does not). For a row of the trust's (`line` given), nil after logging
    /// an error when a cell is neither a number nor a missing-value code; for another
    /// school's, such a cell is returned as it is and left out of the distributions.
    private func values(
        of row: DfERow, persistent: Bool, line: Int?, log: inout IssueLog
    ) -> (absence: DfERow.Number, persistent: DfERow.Number?)? {
        let absence = row.number(Column.absence.key)
        let persistentNumber = persistent ? row.number(Column.persistent.key) : nil
        var readable = true
        for (column, number) in [(Column.absence.name, absence), (Column.persistent.name, persistentNumber)] {
            guard case .unreadable(let text) = number, let line else { continue }
            log.error(
                line: line, column: column, value: text,
                "is neither a percentage nor a DfE missing-value code",
                fix: "write a number such as 4.3 (or 4.3%), or a code such as SUPP, NE or NA")
            readable = false
        }
        return readable ? (absence, persistentNumber) : nil
    }

    /// Adds a school's readable values to the distributions, with the phase its
    /// establishment number suggests, for the census to confirm or replace.
    private func addToDistributions(
        _ values: (absence: DfERow.Number, persistent: DfERow.Number?), urn: URN, row: DfERow,
        into distributions: inout DistributionBuilder
    ) {
        let estimate = row.raw(Column.estab).flatMap { Int($0) }.flatMap(Self.phase(ofEstablishment:))
        distributions.noteSchool(urn, estimatedPhase: estimate)
        if case .value(let absence) = values.absence {
            distributions.add(.absenceRate, urn: urn, value: absence)
            distributions.add(.attendanceRate, urn: urn, value: Self.attendance(fromAbsence: absence))
        }
        if case .value(let persistent) = values.persistent {
            distributions.add(.persistentAbsenceRate, urn: urn, value: persistent)
        }
    }

    /// A school's published values, for similar schools: absence and attendance from
    /// `PERCTOT`, persistent absence from `PPERSABS10`; a suppressed or unpublished value
    /// gives none.
    private func outcomes(
        _ values: (absence: DfERow.Number, persistent: DfERow.Number?), urn: URN, drop: DataDrop
    ) -> [SchoolOutcome] {
        var outcomes: [SchoolOutcome] = []
        if case .value(let absence) = values.absence {
            outcomes.append(SchoolOutcome(urn: urn, drop: drop, kpi: .absenceRate, value: absence))
            outcomes.append(
                SchoolOutcome(
                    urn: urn, drop: drop, kpi: .attendanceRate, value: Self.attendance(fromAbsence: absence)))
        }
        if case .value(let persistent) = values.persistent {
            outcomes.append(
                SchoolOutcome(urn: urn, drop: drop, kpi: .persistentAbsenceRate, value: persistent))
        }
        return outcomes
    }

    /// Turns a national row (`NAT,PRI`, `NAT,SEC`, `NAT,SPE`) into benchmarks for its phase.
    private func readNational(
        _ row: DfERow, drop: DataDrop, source: String, persistent: Bool, line: Int, skipped: inout Skipped,
        log: inout IssueLog, add: (Benchmark) -> Void
    ) {
        guard let phase = Self.phase(ofNational: row.raw(Column.estab) ?? "") else {
            skipped.otherNational += 1
            return
        }
        guard let numbers = values(of: row, persistent: persistent, line: line, log: &log) else { return }
        var figures: [(KPI, Double)] = []
        if case .value(let absence) = numbers.absence {
            figures.append((.absenceRate, absence))
            figures.append((.attendanceRate, Self.attendance(fromAbsence: absence)))
        } else {
            skipped.missingNational += 1
        }
        if let number = numbers.persistent {
            if case .value(let rate) = number {
                figures.append((.persistentAbsenceRate, rate))
            } else {
                skipped.missingNational += 1
            }
        }
        for (kpi, value) in figures {
            add(
                Benchmark(
                    kpi: kpi, year: drop.year, term: drop.term, phase: phase, scope: .national, value: value,
                    source: source))
        }
    }

    /// One warning for each kind of row or figure left out.
    private func warn(about skipped: Skipped, log: inout IssueLog) {
        func rows(_ count: Int) -> String { "\(count) row\(count == 1 ? "" : "s")" }
        func were(_ count: Int) -> String { count == 1 ? "was" : "were" }
        log.warnUnreadableElsewhere(skipped.unreadableElsewhere)
        if skipped.missingFigures > 0 {
            let count = skipped.missingFigures
            log.warning(
                "\(count) figure\(count == 1 ? "" : "s") of the trust's academies \(were(count)) not published "
                    + "(a DfE code such as NE, NA or x, or an empty cell) and \(count == 1 ? "is" : "are") left out",
                fix: "nothing to fix: the DfE did not publish them")
        }
        if skipped.otherNational > 0 {
            log.warning(
                "\(rows(skipped.otherNational)) of national figures for a phase other than PRI, SEC or SPE "
                    + "\(were(skipped.otherNational)) skipped",
                fix: "only primary, secondary and special national rows become benchmarks")
        }
        if skipped.missingNational > 0 {
            log.warning(
                "\(skipped.missingNational) national figure\(skipped.missingNational == 1 ? "" : "s") "
                    + "\(were(skipped.missingNational)) not published and gave no benchmark")
        }
        if skipped.noURN > 0 {
            log.warning(
                "\(rows(skipped.noURN)) with no URN that \(skipped.noURN == 1 ? "is" : "are") not a national (NAT) "
                    + "row \(were(skipped.noURN)) skipped",
                fix: "give each school row its URN")
        }
    }
}

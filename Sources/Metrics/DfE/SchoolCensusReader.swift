/// Reads the DfE's school census file of the performance tables
/// (`england_census_2018-19.csv`: `URN,LA,ESTAB,SCHOOLTYPE,NOR,…,PNUMFSMEVER`): one row for
/// every school in England in January, then national rows.
///
/// Every school's row becomes a `SchoolCensus` line, the trust's or not: its `SCHOOLTYPE`
/// gives the phase the national distributions place it by, and its intake (`NOR`,
/// `PNUMFSMEVER`, `PNUMEAL`, `PSENELK`, `PSENELSE`) is what similar schools are found by.
/// The file does not say its year: January 2019 is academic year 2018/19, taken from
/// `--year` or the `2018-19` in the file's name. National rows (`URN` = `NAT`, one per
/// school type) become `NationalCensus` lines, the figures an academy's intake is set
/// beside. `NA` (and every other missing-value code) gives no value, never a zero; a
/// value that is neither a number nor a code is an error in a national row or a row of one
/// of the trust's academies (both are shown) and, in another school's row, left out and
/// counted in one warning.
struct SchoolCensusReader: DfELayout, Sendable {
    /// The name of the layout, shown where a file's kind is shown.
    static let layoutName = "dfe-census"

    /// The columns that mark a header as this layout (lower case).
    static let requiredColumns = ["urn", "schooltype", "nor"]

    /// The school types that have no phase, as the 2018/19 file writes them (lower case),
    /// counted without a warning; any other type without a phase is named in one.
    static let typesWithoutPhase: Set<String> = [
        "independent school", "state-funded nursery", "non-maintained special school",
    ]

    /// The percentage columns read, in `SchoolCensus` order.
    private static let percentages = ["pnumfsmever", "pnumeal", "psenelk", "psenelse"]

    // The memberwise initialiser, `init(academies:year:fileName:)`, is the one
    // `DfELayout` asks for.

    /// The trust's academies: their rows are checked strictly.
    let academies: Set<URN>
    /// The year given with `--year`, if any.
    let year: AcademicYear?
    /// The file's path as given, for the year in its name.
    let fileName: String

    /// Counts of what was left out, for the warnings at the end.
    private struct Skipped {
        var noURN = 0
        var unreadableElsewhere = 0
        var otherTypes: [String: Int] = [:]
    }

    /// Reads the rows after the header, already read by `scanner`, into `batch`.
    func read(
        _ bytes: UnsafeBufferPointer<UInt8>, header: [String], scanner: inout CSVScanner,
        summary: inout DropFileSummary, log: inout IssueLog, fileIndex: Int, into batch: inout DropBatch
    ) {
        summary.layout = Self.layoutName
        guard let year = DfEFileYear.resolve(given: year, fileName: fileName, log: &log) else { return }
        var counts = CensusSummary(year: year)
        var skipped = Skipped()
        let rows = DfERows(header: header).forEach(bytes, scanner: &scanner, log: &log) { row, line, log in
            let urnText = row.raw("urn") ?? ""
            if urnText.uppercased() == "NAT" {
                counts.nationalRows += 1
                if let national = national(of: row, year: year, line: line, log: &log) {
                    batch.nationalCensus.append(Sourced(national, file: fileIndex, line: line))
                }
                return
            }
            if urnText.isEmpty {
                skipped.noURN += 1
                return
            }
            guard let urn = URN(urnText) else {
                log.error(
                    line: line, column: "URN", value: urnText, "is not a URN",
                    fix: "a URN is six digits, 100000–999999; national rows have NAT")
                return
            }
            let isTrusts = academies.contains(urn)
            guard
                let (school, unreadable) = census(
                    of: row, urn: urn, year: year, line: isTrusts ? line : nil, log: &log)
            else { return }
            if !isTrusts { skipped.unreadableElsewhere += unreadable }
            if let phase = school.phase {
                counts.schoolsByPhase[phase, default: 0] += 1
            } else {
                counts.schoolsWithoutPhase[school.schoolType, default: 0] += 1
                if !Self.typesWithoutPhase.contains(school.schoolType.lowercased()) {
                    skipped.otherTypes[school.schoolType, default: 0] += 1
                }
            }
            if isTrusts { summary.academies.insert(urn) }
            batch.census.append(Sourced(school, file: fileIndex, line: line))
        }
        summary.rows = rows
        summary.census = counts
        warn(about: skipped, log: &log)
    }

    /// A school's census line and how many of its cells could not be read; nil after
    /// logging an error, for a row of the trust's (`line` given), when a cell is neither a
    /// number nor a missing-value code.
    private func census(
        of row: DfERow, urn: URN, year: AcademicYear, line: Int?, log: inout IssueLog
    ) -> (school: SchoolCensus, unreadable: Int)? {
        let type = row.text("schooltype") ?? ""
        let intake = Self.intake(of: row, line: line, log: &log)
        guard intake.readable else { return nil }
        let census = SchoolCensus(
            urn: urn, year: year, schoolType: type, phase: SchoolCensus.phase(ofSchoolType: type),
            pupils: intake.pupils,
            disadvantagedPercent: intake.percentages[0], ealPercent: intake.percentages[1],
            senSupportPercent: intake.percentages[2],
            ehcpPercent: intake.percentages[3])
        return (census, intake.unreadable)
    }

    /// A national row's figures; nil after logging an error when a cell is neither a
    /// number nor a missing-value code: the national figures are shown beside the
    /// academies', so they are read as strictly as the academies' own rows.
    private func national(of row: DfERow, year: AcademicYear, line: Int, log: inout IssueLog)
        -> NationalCensus?
    {
        let type = row.text("schooltype") ?? ""
        let intake = Self.intake(of: row, line: line, log: &log)
        guard intake.readable else { return nil }
        return NationalCensus(
            year: year, schoolType: type, phase: SchoolCensus.phase(ofSchoolType: type),
            pupils: intake.pupils,
            disadvantagedPercent: intake.percentages[0], ealPercent: intake.percentages[1],
            senSupportPercent: intake.percentages[2], ehcpPercent: intake.percentages[3])
    }

    /// The pupils and percentages of a row (nil where missing or unreadable), how many
    /// cells could not be read, and whether the row may be kept: false only when `line` is
    /// given (a row read strictly) and a cell could not be read, each such cell logged as
    /// an error.
    private static func intake(of row: DfERow, line: Int?, log: inout IssueLog) -> (
        pupils: Int?, percentages: [Double?], unreadable: Int, readable: Bool
    ) {
        var unreadable = 0
        var readable = true
        var pupils: Int?
        switch row.count("nor") {
        case .value(let count): pupils = count
        case .missing: pupils = nil
        case .unreadable(let text):
            unreadable += 1
            if let line {
                log.error(
                    line: line, column: "NOR", value: text,
                    "is neither a number of pupils nor a DfE missing-value code",
                    fix: "write a whole number of pupils, or a code such as NA")
                readable = false
            }
        }
        var percentages: [Double?] = []
        for column in Self.percentages {
            switch row.number(column) {
            case .value(let percent) where (0...100).contains(percent):
                percentages.append(percent)
            case .suppressed, .missing:
                percentages.append(nil)
            case .value, .unreadable:
                percentages.append(nil)
                unreadable += 1
                if let line {
                    log.error(
                        line: line, column: column.uppercased(), value: row.raw(column),
                        "is neither a percentage from 0 to 100 nor a DfE missing-value code",
                        fix: "write a percentage such as 16.2, or a code such as NA")
                    readable = false
                }
            }
        }
        return (pupils, percentages, unreadable, readable)
    }

    /// One warning for each kind of row or cell left out.
    private func warn(about skipped: Skipped, log: inout IssueLog) {
        if skipped.unreadableElsewhere > 0 {
            let count = skipped.unreadableElsewhere
            log.warning(
                "\(count) cell\(count == 1 ? "" : "s") of schools outside the trust \(count == 1 ? "is" : "are") "
                    + "neither a number nor a DfE missing-value code, so \(count == 1 ? "it was" : "they were") "
                    + "left out of those schools' characteristics",
                fix:
                    "nothing to fix for the trust's figures; check the file is the DfE's own if there are many"
            )
        }
        if skipped.noURN > 0 {
            let count = skipped.noURN
            log.warning(
                "\(count) row\(count == 1 ? "" : "s") with no URN that \(count == 1 ? "is" : "are") not a national "
                    + "(NAT) row \(count == 1 ? "was" : "were") skipped",
                fix: "give each school row its URN")
        }
        if !skipped.otherTypes.isEmpty {
            let count = skipped.otherTypes.values.reduce(0, +)
            let types = skipped.otherTypes.map {
                "\($0.key.isEmpty ? "no type given" : $0.key) (\($0.value))"
            }
            .sorted()
            log.warning(
                "\(count) school\(count == 1 ? "" : "s") of a type that names no phase (\(types.joined(separator: ", "))) "
                    + "\(count == 1 ? "is" : "are") in no national distribution",
                fix:
                    "phases come from SCHOOLTYPE: State-funded primary, State-funded secondary, State-funded "
                    + "special school, Pupil referral unit")
        }
    }
}

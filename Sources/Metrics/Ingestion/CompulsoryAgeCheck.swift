/// Finds attendance rows for all year groups that visibly hold pupils outside Years 1–11.
///
/// The DfE's absence statistics count pupils of compulsory school age (5 to 15 at the start
/// of the year: Years 1–11), so an academy's `all` row, rated against them, must cover the
/// same pupils; nursery, Reception and Years 12–13 have their own lines. Files made before
/// that rule often add Reception in. A row is flagged only when it is certain: its pupils,
/// possible sessions and absent sessions each equal the sum of the batch's Years 1–11 lines
/// for the same academy and drop plus the lines of one or more of nursery, Reception, Year
/// 12 and Year 13 (with pupils). Such rows are still stored as they are: one warning per
/// file counts them.
enum CompulsoryAgeCheck {
    /// The counts compared: three at once make a chance match all but impossible.
    private struct Counts: Equatable {
        var pupils = 0
        var possible = 0
        var absent = 0

        init() {}

        static func += (lhs: inout Counts, rhs: Counts) {
            lhs.pupils += rhs.pupils
            lhs.possible += rhs.possible
            lhs.absent += rhs.absent
        }
    }

    /// The rows of one academy and drop, for all pupils.
    private struct School {
        var all: (counts: Counts, file: Int, line: Int, urn: URN, drop: DataDrop)?
        var compulsory = Counts()
        var outside: [(yearGroup: YearGroup, counts: Counts)] = []

        /// Adds the rows of a later run of the same school: its `all` row, when it has one,
        /// replaces this one's, as a later row did when each row was added in turn.
        mutating func add(_ later: School) {
            if let laterAll = later.all { all = laterAll }
            compulsory += later.compulsory
            outside += later.outside
        }
    }

    /// Adds one warning to each file with such rows, naming the first.
    static func warn(_ batch: inout DropBatch) {
        var schools: [UInt64: School] = [:]
        // A file gives an academy's rows for a drop together, so they are gathered run by
        // run and each run added to `schools` once, rather than every row looked up there
        // (168,080 rows of a national drop, on the main thread while the key checks ran).
        // A school whose rows come in more than one run is gathered as if row by row.
        var run: (key: UInt64, school: School)?
        // Each row is looked at in place, by index: `for row in … where` copied every row,
        // retains and all, before looking at its group.
        batch.attendance.withUnsafeBufferPointer { rows in
            for index in rows.indices where rows[index].record.group == .all {
                let (urn, drop, yearGroup) = (
                    rows[index].record.urn, rows[index].record.drop, rows[index].record.yearGroup
                )
                var counts = Counts()
                counts.pupils = rows[index].record.pupils
                counts.possible = rows[index].record.possibleSessions
                counts.absent = rows[index].record.absentSessions
                let key = BatchChecker.key(0, urn, drop, .all, .all, 0)
                if run?.key != key {
                    if let run { schools[run.key, default: School()].add(run.school) }
                    run = (key, School())
                }
                switch yearGroup {
                case .all:
                    run?.school.all = (counts, rows[index].file, rows[index].line, urn, drop)
                case .nursery, .reception:
                    run?.school.outside.append((yearGroup, counts))
                case .year(let year):
                    if (1...11).contains(year) {
                        run?.school.compulsory += counts
                    } else {
                        run?.school.outside.append((yearGroup, counts))
                    }
                }
            }
        }
        if let run { schools[run.key, default: School()].add(run.school) }
        var flagged: [Int: (count: Int, line: Int, example: String)] = [:]
        for school in schools.values {
            guard let all = school.all, let included = included(in: school) else { continue }
            var found = flagged[all.file] ?? (0, Int.max, "")
            found.count += 1
            if all.line < found.line {
                found.line = all.line
                found.example =
                    "the first at line \(all.line): \(all.urn), \(all.drop), with "
                    + included.map(\.description).joined(separator: ", ")
            }
            flagged[all.file] = found
        }
        for (file, found) in flagged.sorted(by: { $0.key < $1.key }) {
            var log = IssueLog(file: batch.files[file].name)
            let count = found.count
            log.warning(
                line: found.line,
                "\(count) attendance row\(count == 1 ? "" : "s") for all year groups \(count == 1 ? "holds" : "hold") "
                    + "pupils outside Years 1–11 (\(found.example)): \(count == 1 ? "its" : "each one's") pupils, "
                    + "possible and absent sessions equal the Years 1–11 lines plus those year groups' own "
                    + "lines. A row for all year groups covers Years 1–11, the pupils of compulsory school age "
                    + "that the DfE's absence figures count, so these figures are compared with national "
                    + "figures for other pupils",
                fix:
                    "give Years 1–11 alone in the rows for all year groups, and nursery, Reception and Years "
                    + "12–13 on their own lines; the rows were read as they are")
            batch.files[file].warnings += log.warnings
            batch.issues += log.report
        }
    }

    /// The year groups outside Years 1–11 that the school's `all` row visibly holds: the
    /// first set of its outside lines (with pupils) whose sum with Years 1–11 it equals.
    private static func included(in school: School) -> [YearGroup]? {
        guard let all = school.all?.counts else { return nil }
        let lines = school.outside.filter { $0.counts.pupils > 0 }
        guard !lines.isEmpty, lines.count < 8 else { return nil }
        for subset in 1..<(1 << lines.count) {
            var sum = school.compulsory
            var groups: [YearGroup] = []
            for (index, line) in lines.enumerated() where subset & (1 << index) != 0 {
                sum += line.counts
                groups.append(line.yearGroup)
            }
            if sum == all { return groups.sorted() }
        }
        return nil
    }
}

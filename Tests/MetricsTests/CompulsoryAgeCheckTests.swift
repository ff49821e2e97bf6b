import Testing

@testable import Metrics

/// Rows for all year groups cover Years 1–11; an older file's row that visibly adds in
/// Reception or the sixth form is read as it is, with one warning per file.
@Suite("Attendance for all year groups that holds more than Years 1–11")
struct CompulsoryAgeCheckTests {
    static let header =
        "urn,academic_year,term,pupil_group,year_group,pupils,possible_sessions,absent_sessions,"
        + "persistent_absentees"

    /// Hollybank Primary (900101), 2024/25 spring: Reception 30 pupils, 7,000 sessions, 400
    /// missed; Year 1 31, 7,200, 350; Year 2 29, 6,800, 300. Years 1–2 alone: 60 pupils,
    /// 14,000 sessions, 650 missed; with Reception: 90, 21,000, 1,050.
    static func primary(all: String) -> String {
        [
            header,
            "900101,2024/25,spring,all,R,30,7000,400,3",
            "900101,2024/25,spring,all,1,31,7200,350,2",
            "900101,2024/25,spring,all,2,29,6800,300,2",
            "900101,2024/25,spring,all,all,\(all)",
        ].joined(separator: "\n") + "\n"
    }

    static func warnings(_ batch: DropBatch) -> [DropIssue] {
        batch.warnings.filter { $0.problem.contains("outside Years 1–11") }
    }

    @Test func anAllRowOfYearsOneToElevenIsQuiet() {
        let batch = Fixtures.readWithAcademies("attendance.csv", Self.primary(all: "60,14000,650,4"))
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(Self.warnings(batch).isEmpty)
    }

    @Test func anAllRowThatAddsInReceptionIsReadWithAWarningOnItsLine() throws {
        let batch = Fixtures.readWithAcademies("attendance.csv", Self.primary(all: "90,21000,1050,7"))
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        // The row is kept as given: no error, nothing changed.
        let all = try #require(batch.attendance.map(\.record).first { $0.yearGroup == .all })
        #expect(all.pupils == 90 && all.possibleSessions == 21_000 && all.absentSessions == 1_050)
        let warning = try #require(Self.warnings(batch).first)
        #expect(Self.warnings(batch).count == 1)
        #expect(warning.file == "attendance.csv")
        // The all row is line 5 of the file.
        #expect(warning.line == 5)
        #expect(
            warning.problem.hasPrefix("1 attendance row for all year groups holds pupils outside Years 1–11"))
        #expect(warning.problem.contains("line 5: 900101, 2024/25 spring, with Reception"))
        #expect(warning.fix?.contains("Reception and Years 12–13 on their own lines") == true)
        #expect(batch.files[1].warnings == 1)
    }

    @Test(
        "Equal pupils alone, or sessions that differ by one, are not proof",
        arguments: ["90,21000,1049,7", "90,20999,1050,7", "89,21000,1050,7"])
    func aNearMatchIsQuiet(all: String) {
        let batch = Fixtures.readWithAcademies("attendance.csv", Self.primary(all: all))
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(Self.warnings(batch).isEmpty)
    }

    /// Castle Rise Academy (900102), a secondary, 2024/25 spring: Year 7 100 pupils, 25,000
    /// sessions, 1,000 missed; Year 11 90, 22,000, 1,500; Year 12 50, 12,000, 900; Year 13
    /// 40, 9,500, 800. In the summer drop its all row adds Years 12 and 13: 100 + 90 + 50 + 40
    /// = 280, 25,000 + 22,000 + 12,000 + 9,500 = 68,500, 1,000 + 1,500 + 900 + 800 = 4,200. In
    /// the spring drop it adds Year 12 alone: 240, 59,000, 3,400.
    @Test func aSixthFormAddedInIsNamedAndCountedOncePerFile() throws {
        var lines = [Self.header]
        for term in ["spring", "summer"] {
            lines += [
                "900102,2024/25,\(term),all,7,100,25000,1000,10",
                "900102,2024/25,\(term),all,11,90,22000,1500,12",
                "900102,2024/25,\(term),all,12,50,12000,900,8",
                "900102,2024/25,\(term),all,13,40,9500,800,7",
            ]
        }
        lines.append("900102,2024/25,summer,all,all,280,68500,4200,37")
        lines.append("900102,2024/25,spring,all,all,240,59000,3400,30")
        let batch = Fixtures.readWithAcademies("attendance.csv", lines.joined(separator: "\n") + "\n")
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        let warnings = Self.warnings(batch)
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        // Two rows; the first of them in the file is the summer one, on line 10.
        #expect(warning.line == 10)
        #expect(
            warning.problem.hasPrefix("2 attendance rows for all year groups hold pupils outside Years 1–11"))
        #expect(
            warning.problem.contains("the first at line 10: 900102, 2024/25 summer, with Year 12, Year 13"))
    }

    @Test func pupilGroupRowsAndRowsWithoutYearGroupLinesAreNotJudged() {
        // No year-group lines at all: nothing to compare with.
        let text =
            Self.header + "\n900101,2024/25,spring,all,all,90,21000,1050,7\n"
            + "900101,2024/25,spring,disadvantaged,all,30,7000,400,3\n"
        let batch = Fixtures.readWithAcademies("attendance.csv", text)
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(Self.warnings(batch).isEmpty)
    }

    /// A school's rows gathered run by run give what they give when each school's rows
    /// come in one run: generated schools (some with Reception or the sixth form added
    /// into their all row, some with two all rows, the later counting) whose rows are cut
    /// into runs and shuffled across two files are judged as when each school's rows,
    /// lines and files kept, are put together.
    @Test func rowsInManyRunsAreJudgedAsInOne() {
        var random = SplitMix(state: 1_111)
        var roundsWarned = 0
        for round in 0..<40 {
            var runs: [[Sourced<AttendanceRecord>]] = []
            var line = 2
            for school in 0..<random.int(1...60) {
                let urn = Fixtures.urn(900_000 + school % 30)
                let drop = DataDrop(year: AcademicYear(2023 + school / 30), term: .spring)
                var rows: [AttendanceRecord] = []
                var compulsory = (pupils: 0, possible: 0, absent: 0)
                var outside = (pupils: 0, possible: 0, absent: 0)
                for yearGroup in [YearGroup.nursery, .reception] + (1...13).map(YearGroup.year)
                where random.chance(50) {
                    let pupils = random.int(0...3)
                    let possible = pupils * random.int(1...3)
                    let absent = random.int(0...possible)
                    rows.append(
                        AttendanceRecord(
                            urn: urn, drop: drop, yearGroup: yearGroup, pupils: pupils,
                            possibleSessions: possible,
                            absentSessions: absent, persistentAbsentees: 0))
                    if case .year(let year) = yearGroup, (1...11).contains(year) {
                        compulsory = (compulsory.0 + pupils, compulsory.1 + possible, compulsory.2 + absent)
                    } else if random.chance(60) {
                        outside = (outside.0 + pupils, outside.1 + possible, outside.2 + absent)
                    }
                }
                for _ in 0..<random.int(1...2) {
                    let total =
                        random.chance(50)
                        ? compulsory
                        : (
                            compulsory.0 + outside.0, compulsory.1 + outside.1, compulsory.2 + outside.2
                        )
                    rows.insert(
                        AttendanceRecord(
                            urn: urn, drop: drop, yearGroup: .all, pupils: total.0, possibleSessions: total.1,
                            absentSessions: total.2, persistentAbsentees: 0),
                        at: random.int(0...rows.count))
                }
                var run: [Sourced<AttendanceRecord>] = []
                for row in rows {
                    run.append(Sourced(row, file: random.int(0...1), line: line))
                    line += 1
                    if random.chance(20) {
                        runs.append(run)
                        run = []
                    }
                }
                runs.append(run)
            }
            // Runs shuffled, each school's in its own order.
            var shuffled: [[Sourced<AttendanceRecord>]] = []
            for run in runs { shuffled.insert(run, at: random.int(0...shuffled.count)) }
            var bySchool: [UInt64: Int] = [:]
            var schools: [[Sourced<AttendanceRecord>]] = []
            for row in shuffled.joined() {
                let key = BatchChecker.key(0, row.record.urn, row.record.drop, .all, .all, 0)
                if let index = bySchool[key] {
                    schools[index].append(row)
                } else {
                    bySchool[key] = schools.count
                    schools.append([row])
                }
            }
            func judged(_ rows: [Sourced<AttendanceRecord>]) -> [String] {
                var batch = DropBatch()
                batch.files = ["a.csv", "b.csv"].map { DropFileSummary(name: $0, sha256: "") }
                batch.attendance = rows
                CompulsoryAgeCheck.warn(&batch)
                return batch.issues.map(\.description) + batch.files.map { "\($0.warnings)" }
            }
            let inRuns = judged(Array(shuffled.joined()))
            #expect(inRuns == judged(Array(schools.joined())), "round \(round)")
            // Beyond the two files' warning counts, a warning.
            if inRuns.count > 2 { roundsWarned += 1 }
        }
        #expect(roundsWarned >= 10)
    }
}

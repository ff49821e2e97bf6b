import Testing

@testable import Metrics

@Suite("Reading and checking data-drop files")
struct DropReaderTests {
    let attendanceHeader =
        "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees"

    @Test func recognisesEachKindFromItsHeaderWhateverTheFileIsCalled() {
        let files = [
            ("x1.csv", Fixtures.academiesCSV),
            ("x2.csv", "\(attendanceHeader)\n900101,2024/25,spring,300,75000,3600,40\n"),
            ("x3.csv", "urn,academic_year,term,subject,cohort,expected\n900101,2024/25,spring,rwm,30,18\n"),
            (
                "x4.csv",
                "urn,academic_year,term,measure,cohort,average\n900102,2024/25,summer,attainment8,150,46.2\n"
            ),
            ("x5.csv", "academic_year,measure,value\n2023/24,attendance_rate,92.9\n"),
        ]
        let batch = Fixtures.read(files)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.map(\.kind) == [.academies, .attendance, .attainment, .scores, .benchmarks])
        #expect(batch.academies.count == 2)
        #expect(batch.attendance.count == 1)
        #expect(batch.attainment.count == 1)
        #expect(batch.scores.count == 1)
        #expect(batch.benchmarks.count == 1)
    }

    @Test func headerNamesAnyCaseTrimmedAnyOrder() {
        let text =
            " TERM ,Persistent_Absentees,urn, Academic_Year,PUPILS,absent_sessions,possible_sessions\n"
            + "SPRING,40,900101,2024-25,300,3600,75000\n"
        let batch = Fixtures.readWithAcademies("a.csv", text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let record = batch.attendance.first?.record
        #expect(record?.drop == Fixtures.spring2425)
        #expect(record?.pupils == 300)
        #expect(record?.possibleSessions == 75000)
        #expect(record?.absentSessions == 3600)
        #expect(record?.persistentAbsentees == 40)
        #expect(record?.group == .all)
        #expect(record?.yearGroup == .all)
    }

    @Test func academicYearForms() {
        let text =
            "\(attendanceHeader)\n"
            + "900101,2024/25,autumn,1,1,0,0\n900101,2024-25,spring,1,1,0,0\n900101,202425,summer,1,1,0,0\n"
            + "900101,2024/26,summer,1,1,0,0\n"
        let batch = Fixtures.readWithAcademies("a.csv", text)
        #expect(batch.attendance.map(\.record.drop.year.start) == [2024, 2024, 2024])
        #expect(
            Fixtures.errors(batch) == [
                "a.csv:5: column 'academic_year', value '2024/26': is not an academic year; "
                    + "write it as 2024/25 (2024-25 and 202425 are accepted too)"
            ])
    }

    /// The last year read is remembered as its packed bytes: a year that shares its first
    /// bytes, one a byte shorter, and a year at the very end of the text (read byte by byte)
    /// are each read for themselves.
    @Test func theLastYearReadIsNotTakenForAnother() {
        let text =
            "urn,term,pupils,possible_sessions,absent_sessions,persistent_absentees,academic_year\n"
            + "900101,autumn,1,1,0,0,2024/25\n900101,spring,1,1,0,0,2024/2\n900101,summer,1,1,0,0,2024/25\n"
            + "900102,autumn,1,1,0,0,2025/26\n900102,spring,1,1,0,0,2024-25\n900102,summer,1,1,0,0,2024/2"
        let batch = Fixtures.readWithAcademies("a.csv", text)
        #expect(batch.attendance.map(\.record.drop.year.start) == [2024, 2024, 2025, 2024])
        #expect(
            Fixtures.errors(batch) == [
                "a.csv:3: column 'academic_year', value '2024/2': is not an academic year; "
                    + "write it as 2024/25 (2024-25 and 202425 are accepted too)",
                "a.csv:7: column 'academic_year', value '2024/2': is not an academic year; "
                    + "write it as 2024/25 (2024-25 and 202425 are accepted too)",
            ])
    }

    @Test func missingRequiredColumnListsWhatWasFound() {
        let batch = Fixtures.readWithAcademies(
            "att.csv", "urn,academic_year,term,pupils,possible_sessions,absent_sessions\n")
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:1: this attendance file lacks the required column persistent_absentees; add it; the "
                    + "columns found were: urn, academic_year, term, pupils, possible_sessions, absent_sessions"
            ])
    }

    @Test func unknownColumnIsAWarningNotAnError() {
        let batch = Fixtures.readWithAcademies(
            "att.csv", "\(attendanceHeader),notes\n900101,2024/25,spring,30,6000,300,4,hi\n")
        #expect(batch.isValid)
        #expect(batch.warnings.count == 1)
        #expect(
            batch.warnings.first?.description.hasPrefix("att.csv:1: warning: column 'notes': is not a column")
                == true)
        #expect(batch.attendance.count == 1)
    }

    @Test func tabAndSemicolonHeadersAreNamed() {
        let tab = Fixtures.read([("t.csv", "urn\tname\tphase\n1\t2\t3\n")])
        #expect(tab.errors.first?.description.contains("the header looks tab-separated") == true)
        let semicolon = Fixtures.read([("s.csv", "urn;name;phase\n")])
        #expect(semicolon.errors.first?.description.contains("the header looks semicolon-separated") == true)
    }

    @Test func unrecognisedHeader() {
        let batch = Fixtures.read([("odd.csv", "foo,bar\n1,2\n")])
        #expect(batch.errors.count == 1)
        #expect(
            batch.errors.first?.description.hasPrefix("odd.csv:1: value 'foo,bar': is not the header of any")
                == true)
    }

    @Test func countsMustBePlainWholeNumbers() {
        let text =
            "\(attendanceHeader)\n900101,2024/25,spring,-3,6000,300,4\n900101,2024/25,autumn,30,\"6,000\",300,4\n"
            + "900101,2023/24,spring,30,6000,3.5,4\n900101,2023/24,autumn,,6000,300,4\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: column 'pupils', value '-3': is not a count; write a whole number of 0 or more in plain digits, such as 312 (no commas, signs or decimals)",
                "att.csv:3: column 'possible_sessions', value '6,000': is not a count; write a whole number of 0 or more in plain digits, such as 312 (no commas, signs or decimals)",
                "att.csv:4: column 'absent_sessions', value '3.5': is not a count; write a whole number of 0 or more in plain digits, such as 312 (no commas, signs or decimals)",
                "att.csv:5: column 'pupils': is empty; write a count in plain digits, such as 312",
            ])
        #expect(batch.attendance.isEmpty)
    }

    @Test func unknownWordsListTheAllowedValues() {
        let text =
            "\(attendanceHeader),pupil_group,year_group\n900101,2024/25,Spring,30,6000,300,4,pp,6\n"
            + "900101,2024/25,winter,30,6000,300,4,all,14\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: column 'pupil_group', value 'pp': is not a pupil group; write one of: all, disadvantaged, not_disadvantaged, sen_support, ehcp, no_sen, eal, boys, girls",
                "att.csv:3: column 'term', value 'winter': is not a term; write one of: autumn, spring, summer",
                "att.csv:3: column 'year_group', value '14': is not a year group; write one of: all, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, r, n",
            ])
    }

    @Test func yearGroupsAndGroupsAreRead() {
        let text =
            "\(attendanceHeader),pupil_group,year_group\n900101,2024/25,spring,30,6000,300,4,EHCP,r\n"
            + "900101,2024/25,spring,30,6000,300,4,,6\n900101,2024/25,spring,30,6000,300,4,girls,\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.attendance.map(\.record.group) == [.ehcp, .all, .girls])
        #expect(batch.attendance.map(\.record.yearGroup) == [.reception, .year(6), .all])
    }

    @Test func attendanceCrossChecks() {
        let header =
            attendanceHeader + ",severe_absentees,authorised_absent_sessions,unauthorised_absent_sessions"
        let text =
            "\(header)\n"
            + "900101,2024/25,autumn,30,600,601,4,,,\n"  // absent > possible
            + "900101,2024/25,spring,30,6000,300,31,,,\n"  // persistent > pupils
            + "900101,2024/25,summer,30,6000,300,4,5,,\n"  // severe > persistent
            + "900101,2023/24,autumn,30,6000,300,4,1,200,99\n"  // parts do not add up
            + "900101,2023/24,spring,30,0,0,0,,,\n"  // pupils but no sessions
            + "900101,2023/24,summer,0,0,0,0,0,0,0\n"  // no pupils, no sessions: fine
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: column 'absent_sessions', value '601': is more than possible_sessions (600); absent sessions are part of possible sessions, so cannot exceed them; check the export",
                "att.csv:3: column 'persistent_absentees', value '31': is more than pupils (30); persistent absentees are pupils, so cannot outnumber them; check the export",
                "att.csv:4: column 'severe_absentees', value '5': is more than persistent_absentees (4); every severe absentee (50%+) is also a persistent absentee (10%+); check the export",
                "att.csv:5: column 'absent_sessions', value '300': is not authorised_absent_sessions + unauthorised_absent_sessions (200 + 99 = 299); make absent_sessions the sum of the two, or leave both parts empty",
                "att.csv:6: column 'possible_sessions', value '0': is 0 although pupils is 30; give the sessions those pupils could have attended, or 0 pupils",
            ])
        #expect(batch.attendance.count == 1)
    }

    @Test func attainmentChecksAndBasis() {
        let text =
            "urn,academic_year,term,subject,cohort,expected,greater_depth,basis\n"
            + "900101,2024/25,summer,reading,30,31,,statutory\n"
            + "900101,2024/25,summer,writing,30,20,21,\n"
            + "900101,2024/25,summer,maths,30,20,5,statutory\n"
            + "900101,2024/25,summer,rwm,30,18,,\n"
            + "900101,2024/25,summer,art,30,18,,\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: column 'expected', value '31': is more than cohort (30); pupils at the expected standard are part of the cohort; check the export",
                "att.csv:3: column 'greater_depth', value '21': is more than expected (20); pupils at greater depth also count as at the expected standard, so expected ≥ greater_depth",
                "att.csv:6: column 'subject', value 'art': is not a subject; write one of: reading, writing, maths, rwm, gps, science, phonics, gld, mtc, english, english_maths, ebacc",
            ])
        #expect(batch.attainment.map(\.record.basis) == [.statutory, .teacherAssessment])
        #expect(batch.attainment.map(\.record.greaterDepth) == [5, nil])
    }

    @Test func negativeAverageOnlyForProgress8() {
        let text =
            "urn,academic_year,term,measure,cohort,average\n"
            + "900102,2024/25,summer,progress8,150,-0.35\n900102,2024/25,summer,attainment8,150,-4\n"
            + "900102,2024/25,spring,attainment8,150,4.2.1\n"
        let batch = Fixtures.readWithAcademies("s.csv", text)
        #expect(batch.scores.map(\.record.average) == [-0.35])
        #expect(
            Fixtures.errors(batch) == [
                "s.csv:3: column 'average', value '-4': is not an average score; write a decimal number of 0 or more with a point, such as 46.2",
                "s.csv:4: column 'average', value '4.2.1': is not an average score; write a decimal number of 0 or more with a point, such as 46.2",
            ])
    }

    @Test func benchmarkDefaultsAndChecks() {
        let text =
            "academic_year,measure,value,term,phase,pupil_group,scope,source\n"
            + "2023/24,persistent_absence_rate,14.56,,primary,,,DfE\n"
            + "2023/24,attendance_rate,93.1,spring,,,la:Northshire,LA\n"
            + "2023/24,attendance_rate,193.1,,,,,\n"
            + "2023/24,attendance,93.1,,,,,\n"
            + "2023/24,rwm_expected,61,,,,region,\n"
        let batch = Fixtures.read([("b.csv", text)])
        #expect(batch.benchmarks.count == 2)
        let first = batch.benchmarks[0].record
        #expect(
            first.term == .summer && first.phase == .primary && first.group == .all
                && first.scope == .national)
        #expect(first.source == "DfE")
        let second = batch.benchmarks[1].record
        #expect(
            second.term == .spring && second.phase == nil && second.scope == .localAuthority("Northshire"))
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 3)
        #expect(errors[0].hasPrefix("b.csv:4: column 'value', value '193.1': is over 100 for a percentage"))
        #expect(
            errors[1].hasPrefix(
                "b.csv:5: column 'measure', value 'attendance': is not a KPI key; write one of: attendance_rate,"
            ))
        #expect(errors[2].hasPrefix("b.csv:6: column 'scope', value 'region': is not a scope"))
    }

    @Test func academyChecks() {
        let text =
            "urn,name,phase,joined,ofsted\n"
            + "900101,\"Castle Rise Academy, Northbrook\",secondary,2021-09-01,good\n"
            + "12345,Short URN,primary,,\n"
            + "900103,,primary,,\n"
            + "900104,Bad Date,primary,2023-02-30,\n"
            + "900105,Bad Phase,infant,,\n"
            + "900106,Bad Ofsted,primary,,great\n"
        let batch = Fixtures.read([("ac.csv", text)])
        #expect(batch.academies.map(\.record.name) == ["Castle Rise Academy, Northbrook"])
        #expect(batch.academies.first?.record.ofsted == .good)
        let errors = Fixtures.errors(batch)
        #expect(errors.count == 5)
        #expect(
            errors[0]
                == "ac.csv:3: column 'urn', value '12345': is not a URN; write the academy's six-digit DfE URN, 100000–999999"
        )
        #expect(errors[1] == "ac.csv:4: column 'name': is empty; every row needs a value in 'name'")
        #expect(errors[2].hasPrefix("ac.csv:5: column 'joined', value '2023-02-30': is not a date"))
        #expect(
            errors[3].hasPrefix(
                "ac.csv:6: column 'phase', value 'infant': is not a phase; write one of: primary, secondary, all-through"
            ))
        #expect(errors[4].hasPrefix("ac.csv:7: column 'ofsted', value 'great': is not an Ofsted judgement"))
    }

    @Test func controlCharacterInAValueIsAnError() {
        let text =
            "urn,name,phase\n900101,\"Evil\u{1B}]0;pwned\u{7}\",primary\n900102,\"Two\nLines\",primary\n"
        let batch = Fixtures.read([("ac.csv", text)])
        #expect(
            Fixtures.errors(batch) == [
                "ac.csv:2: column 'name', value 'Evil\\u{1B}]0;pwned\\u{7}': holds a control character, which could change the terminal it is shown on; remove it (look for tabs, escape codes or invisible characters pasted into the cell)"
            ])
        #expect(batch.academies.map(\.record.name) == ["Two\nLines"])
    }

    @Test func wrongNumberOfFields() {
        let batch = Fixtures.readWithAcademies(
            "att.csv", "\(attendanceHeader)\n900101,2024/25,spring,30,6000,300\n")
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: has 6 values but the header has 7 columns; give every row one value per column; quote any value that holds a comma"
            ])
    }

    @Test func unknownURNIsReportedOncePerFileWithACount() {
        let text =
            "\(attendanceHeader)\n900199,2024/25,spring,30,6000,300,4\n900199,2024/25,autumn,30,6000,300,4\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: column 'urn', value '900199': is not an academy of the trust (1 more rows in this file name it too); add it to an academies file in this batch, or ingest that file first"
            ])
        let known = Fixtures.read([("att.csv", text)], known: [Fixtures.urn(900199)])
        #expect(known.isValid)
    }

    @Test func anUnknownURNIsReportedEvenOnARowWithOtherErrors() {
        let text = "\(attendanceHeader)\n900199,2024/25,spring,30,6000,7000,4\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:2: column 'absent_sessions', value '7000': is more than possible_sessions (6000); absent sessions are part of possible sessions, so cannot exceed them; check the export",
                "att.csv:2: column 'urn', value '900199': is not an academy of the trust; add it to an academies file in this batch, or ingest that file first",
            ])
    }

    @Test func aKeyGivenThreeTimesNamesItsFirstRowEachTimeAndOtherKeysAreLeftAlone() {
        // 900101 spring is given on lines 2, 4 and 5; 900102 once, on line 3; the autumn
        // row of 900101 is another key.
        let text =
            "\(attendanceHeader)\n900101,2024/25,spring,30,6000,300,4\n900102,2024/25,spring,30,6000,300,4\n"
            + "900101,2024/25,spring,31,6000,300,4\n900101,2024/25,spring,32,6000,300,4\n"
            + "900101,2024/25,autumn,30,6000,300,4\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(
            Fixtures.errors(batch) == [
                "att.csv:4: gives attendance for 900101, 2024/25 spring, all pupils, all years again; it was first given at att.csv:2; keep one of the two rows (a later batch may correct a value)",
                "att.csv:5: gives attendance for 900101, 2024/25 spring, all pupils, all years again; it was first given at att.csv:2; keep one of the two rows (a later batch may correct a value)",
            ])
    }

    @Test func sameKeyTwiceInOneBatchIsAnError() {
        let first = "\(attendanceHeader)\n900101,2024/25,spring,30,6000,300,4\n"
        let second =
            "\(attendanceHeader)\n900102,2024/25,spring,30,6000,300,4\n900101,2024-25,SPRING,31,6000,300,4\n"
        let batch = Fixtures.read([
            ("academies.csv", Fixtures.academiesCSV), ("one.csv", first), ("two.csv", second),
        ])
        #expect(
            Fixtures.errors(batch) == [
                "two.csv:3: gives attendance for 900101, 2024/25 spring, all pupils, all years again; it was first given at one.csv:2; keep one of the two rows (a later batch may correct a value)"
            ])
    }

    @Test func everyErrorInEveryFileIsReported() {
        let batch = Fixtures.read([
            ("academies.csv", Fixtures.academiesCSV),
            (
                "one.csv",
                "\(attendanceHeader)\n900101,2024/25,spring,x,6000,300,4\n900101,2024/25,autumn,30,y,300,4\n"
            ),
            ("two.csv", "urn,academic_year,term,subject,cohort,expected\n900101,2024/25,spring,rwm,30,z\n"),
        ])
        #expect(batch.errors.map { "\($0.file):\($0.line ?? 0)" } == ["one.csv:2", "one.csv:3", "two.csv:2"])
        #expect(batch.files.map(\.errors) == [0, 2, 1])
        #expect(!batch.isValid)
    }

    @Test func emptyBinaryAndMissingFiles() {
        let batch = DropReader().read(files: [
            ("empty.csv", []), ("pic.csv", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01]),
        ])
        #expect(
            Fixtures.errors(batch) == [
                "empty.csv: is empty; export the sheet again with its header row and data",
                "pic.csv: is not a CSV text file (binary data at byte 4); export the sheet as \"CSV UTF-8 (comma delimited)\"",
            ])
        let missing = DropReader().read(paths: ["/nonexistent/trustboard/drop.csv"])
        #expect(
            Fixtures.errors(missing) == [
                "/nonexistent/trustboard/drop.csv: no such file; check the path and the file's name"
            ])
    }

    @Test func windows1252FileIsReadWithAWarningNamingIt() {
        let bytes: [UInt8] = Array("urn,name,phase\n900101,St Mary".utf8) + [0x92] + Array("s,primary\n".utf8)
        let batch = DropReader().read(files: [("excel.csv", bytes)])
        #expect(batch.isValid)
        #expect(batch.academies.first?.record.name == "St Mary’s")
        #expect(
            batch.warnings.map(\.description).first?.hasPrefix("excel.csv: warning: is not valid UTF-8")
                == true)
    }

    @Test func blankLinesAndTrailingCommasRowsAreSkipped() {
        let text = "\(attendanceHeader)\n\n900101,2024/25,spring,30,6000,300,4\n,,,,,,\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        #expect(batch.isValid)
        #expect(batch.attendance.map(\.line) == [3])
        #expect(batch.files[1].rows == 1)
    }

    @Test func summaryCountsDropsAndAcademies() {
        let text =
            "\(attendanceHeader)\n900101,2024/25,spring,30,6000,300,4\n900102,2024/25,autumn,30,6000,300,4\n"
        let batch = Fixtures.readWithAcademies("att.csv", text)
        let summary = batch.files[1]
        #expect(summary.rows == 2)
        #expect(summary.drops == [Fixtures.spring2425, DataDrop(year: AcademicYear(2024), term: .autumn)])
        #expect(summary.academies == [Fixtures.urn(900101), Fixtures.urn(900102)])
        #expect(summary.sha256 == SHA256.hex(Array(text.utf8)))
    }
}

import Testing

@testable import Metrics

/// A key given twice is found the same way whether the rows come in runs of one academy
/// and drop (looked up run by run, `KeyRuns`) or not (every key in one set): within a run,
/// across runs, after a run comes back, and across two files. Each expected message is
/// worked out from the rows written here: the line of the row given again, and the line of
/// its first.
@Suite("Keys given twice, rows in runs or not")
struct KeyRunsTests {
    static let header =
        "urn,academic_year,term,pupil_group,pupils,possible_sessions,absent_sessions,persistent_absentees"
    static let known: Set<URN> = [Fixtures.urn(900_101), Fixtures.urn(900_102), Fixtures.urn(900_103)]

    static func read(_ files: [(String, String)]) -> DropBatch {
        Fixtures.read(files.map { ($0.0, header + "\n" + $0.1) }, known: known)
    }

    static func again(_ place: String, _ what: String, first: String) -> String {
        "\(place): gives attendance for \(what) again; it was first given at \(first); "
            + "keep one of the two rows (a later batch may correct a value)"
    }

    @Test func aKeyGivenTwiceWithinItsRun() {
        // Lines 2–4 are one run (900101 spring); line 4 repeats line 2's all pupils.
        let batch = Self.read([
            (
                "a.csv",
                """
                900101,2024/25,spring,all,30,6000,300,4
                900101,2024/25,spring,boys,15,3000,150,2
                900101,2024/25,spring,all,31,6000,300,4
                900102,2024/25,spring,all,30,6000,300,4
                """
            )
        ])
        #expect(
            Fixtures.errors(batch) == [
                Self.again("a.csv:4", "900101, 2024/25 spring, all pupils, all years", first: "a.csv:2")
            ])
    }

    @Test func theSameGroupsInTheNextRunsAreNoRepeat() {
        // Each academy gives all pupils and boys: the same low part of the key in every
        // run, so a run's marks must be cleared when the next starts. The autumn rows of
        // 900101 are a run of their own.
        let batch = Self.read([
            (
                "a.csv",
                """
                900101,2024/25,spring,all,30,6000,300,4
                900101,2024/25,spring,boys,15,3000,150,2
                900102,2024/25,spring,all,30,6000,300,4
                900102,2024/25,spring,boys,15,3000,150,2
                900101,2024/25,autumn,all,30,6000,300,4
                900101,2024/25,autumn,boys,15,3000,150,2
                """
            )
        ])
        #expect(Fixtures.errors(batch).isEmpty)
        #expect(batch.attendance.map(\.line) == [2, 3, 4, 5, 6, 7])
    }

    @Test func aRunThatComesBackWithoutARepeatIsNoError() {
        // 900101 spring comes back on line 5 after 900102's run, with a group it had not given.
        let batch = Self.read([
            (
                "a.csv",
                """
                900101,2024/25,spring,all,30,6000,300,4
                900102,2024/25,spring,all,30,6000,300,4
                900102,2024/25,spring,girls,15,3000,150,2
                900101,2024/25,spring,boys,15,3000,150,2
                """
            )
        ])
        #expect(Fixtures.errors(batch).isEmpty)
    }

    @Test func aRunThatComesBackWithARepeatNamesBothLines() {
        // Line 5 repeats line 3 (900101 spring, girls) after 900102's run; line 6 repeats
        // line 4 (900102 spring, all pupils) after 900101's second run.
        let batch = Self.read([
            (
                "a.csv",
                """
                900101,2024/25,spring,all,30,6000,300,4
                900101,2024/25,spring,girls,15,3000,150,2
                900102,2024/25,spring,all,30,6000,300,4
                900101,2024/25,spring,girls,16,3000,150,2
                900102,2024/25,spring,all,30,6000,300,4
                """
            )
        ])
        #expect(
            Fixtures.errors(batch) == [
                Self.again("a.csv:5", "900101, 2024/25 spring, girls, all years", first: "a.csv:3"),
                Self.again("a.csv:6", "900102, 2024/25 spring, all pupils, all years", first: "a.csv:4"),
            ])
    }

    @Test func aRunCarriedOnInTheNextFile() {
        // one.csv ends with 900101's run and two.csv starts with it: one run across the two
        // files, in which two.csv:2 repeats one.csv:3.
        let batch = Self.read([
            (
                "one.csv",
                """
                900102,2024/25,spring,all,30,6000,300,4
                900101,2024/25,spring,all,30,6000,300,4
                """
            ),
            (
                "two.csv",
                """
                900101,2024/25,spring,all,31,6000,300,4
                900101,2024/25,spring,boys,15,3000,150,2
                """
            ),
        ])
        #expect(
            Fixtures.errors(batch) == [
                Self.again("two.csv:2", "900101, 2024/25 spring, all pupils, all years", first: "one.csv:3")
            ])
    }

    /// The finder itself, on packed keys: the lowest and highest low parts of a run (the
    /// first and last words of its marks), a repeat in a run, and a run's top part coming back.
    @Test func findsRepeatsInRunsAndSaysWhenRowsAreNotInRuns() {
        let run: UInt64 = 5 << 14
        let next: UInt64 = 6 << 14
        var runs = KeyRuns()
        #expect(runs.insert(run | 0) == .new)
        #expect(runs.insert(run | 16_383) == .new)
        #expect(runs.insert(run | 16_383) == .again)
        #expect(runs.insert(run | 0) == .again)
        #expect(runs.insert(next | 0) == .new)
        #expect(runs.insert(next | 16_383) == .new)
        #expect(runs.insert(next | 64) == .new)
        #expect(runs.insert(run | 1) == .notInRuns)
    }
}

/// The source check skips rows of the academy, drop and file of the row before: an
/// aggregate file whose academies come in runs, one of them twice, is still named at each
/// academy's first aggregate line.
@Suite("An export beside aggregate rows in runs")
struct AggregateRunsTests {
    @Test func eachAcademyIsNamedAtItsFirstAggregateLine() {
        // 900102's run is lines 2–3 and comes back on line 6; 900101's is lines 4–5. The
        // export gives 900101 on its lines 2–10 and 900102 on line 11 (see `PupilExportTests`).
        let attendance = """
            urn,academic_year,term,pupil_group,pupils,possible_sessions,absent_sessions,persistent_absentees
            900102,2024/25,spring,all,1,100,0,0
            900102,2024/25,spring,girls,1,100,0,0
            900101,2024/25,spring,all,7,850,112,4
            900101,2024/25,spring,boys,3,350,40,2
            900102,2024/25,spring,boys,0,0,0,0
            """
        let batch = Fixtures.read([
            ("academies.csv", Fixtures.academiesCSV),
            ("export.csv", PupilExportTests.header + "\n" + PupilExportTests.rows),
            ("attendance.csv", attendance),
        ])
        let rule =
            "; an academy's drop comes either from its pupil-level export or from aggregate files, never both; "
            + "leave this academy's rows for the drop out of one of the two files: send the export alone, or the "
            + "aggregate files alone"
        #expect(
            Fixtures.errors(batch) == [
                "attendance.csv:2: column 'urn', value '900102': 900102, 2024/25 spring is also given by the "
                    + "pupil-level export export.csv:11" + rule,
                "attendance.csv:4: column 'urn', value '900101': 900101, 2024/25 spring is also given by the "
                    + "pupil-level export export.csv:2" + rule,
            ])
    }
}

import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Version 11 keeps what the overview's attendance trend shows of each drop in
/// `attendance_trend`, so that the dashboard's first frame need not read the attendance
/// records of the drops it shows only the trend of. It must always be what those records
/// give, small groups hidden as a view of the whole drop hides them.
@Suite("What the trend shows of each drop, kept (version 11)")
struct AttendanceTrendTableTests {
    /// The table's rows as "year term urn shown", in key order.
    private func rows(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            try Row.fetchAll(db, sql: "SELECT academic_year, term, urn, shown FROM attendance_trend").map {
                let shown: Double? = $0[3]
                return
                    "\($0[0] as Int) \($0[1] as String) \($0[2] as Int) \(shown.map { String($0) } ?? "hidden")"
            }
        }
    }

    /// A version 10 store at `path` holding what `sql` inserts, brought up to date by
    /// opening it, as the first trustboard of version 11 to open it does.
    private func openVersion10Store(at path: String, holding sql: String) throws -> TrustStore {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.bringUpToDate(queue, path: path, upTo: "v10")
        try queue.write { try $0.execute(sql: "INSERT INTO ingests (id, time) VALUES (9, 0);" + sql) }
        return try TrustStore(path: path)
    }

    /// A version 10 store: in 2024/25 autumn Oak has 200 pupils (1,000 of 20,000 sessions
    /// missed: 95.0%), Elm 300 (900 of 30,000: 97.0%) and Ash 5 (50 of 500: 90.0%), too few
    /// to show; so Oak, the smallest academy still shown, is hidden too, or Ash's figure
    /// could be worked out from the trust's. The trust is 100 × (50,500 − 1,950) / 50,500 =
    /// 96.14, shown 96.1. 2024/25 spring has attainment alone: the trust's row, hidden.
    @Test func aVersion10StoreIsWorkedOutOnOpening() throws {
        try withScratchFolder { folder in
            let path = folder + "/v10.sqlite"
            _ = try openVersion10Store(
                at: path,
                holding: """
                    INSERT INTO files (id, ingest_id, name, sha256, kind, rows, bytes, time) VALUES
                        (10, 9, 'attendance-autumn.csv', 'a', 'attendance', 3, 100, 0),
                        (11, 9, 'attainment-spring.csv', 'b', 'attainment', 1, 100, 0);
                    INSERT INTO academies (urn, name, phase, file_id, line) VALUES
                        (100001, 'Oak', 'primary', 10, 2), (100002, 'Elm', 'secondary', 10, 3),
                        (100003, 'Ash', 'primary', 10, 4);
                    INSERT INTO drop_counts VALUES
                        ('attendance', 2024, 'autumn', 100001, 'all', 'all', '', '[200,20000,1000,24]', 10, 2),
                        ('attendance', 2024, 'autumn', 100002, 'all', 'all', '', '[300,30000,900,20]', 10, 3),
                        ('attendance', 2024, 'autumn', 100003, 'all', 'all', '', '[5,500,50,1]', 10, 4),
                        ('attainment', 2024, 'spring', 100002, 'all', '11', 'maths', '[40,22,12,"forecast"]', 11, 2);
                    """)
            #expect(
                try rows(path) == [
                    "2024 autumn 0 96.1", "2024 autumn 100002 97.0", "2024 spring 0 hidden",
                ])
        }
    }

    /// A drop whose stored records cannot be read is left without rows (the dashboard then
    /// reads its records, and reports the value), and the store still opens.
    @Test func aDropThatCannotBeReadIsLeftOut() throws {
        try withScratchFolder { folder in
            let path = folder + "/v10.sqlite"
            let store = try openVersion10Store(
                at: path,
                holding: """
                    INSERT INTO files (id, ingest_id, name, sha256, kind, rows, bytes, time) VALUES
                        (10, 9, 'attendance.csv', 'a', 'attendance', 2, 100, 0);
                    INSERT INTO academies (urn, name, phase, file_id, line) VALUES
                        (100001, 'Oak', 'primary', 10, 2);
                    INSERT INTO drop_counts VALUES
                        ('attendance', 2024, 'autumn', 100001, 'all', 'all', '', '[200,20000,1000,24]', 10, 2),
                        ('attendance', 2024, 'spring', 100001, 'all', 'all', '', 'not a list', 10, 3);
                    """)
            #expect(try rows(path) == ["2024 autumn 0 95.0", "2024 autumn 100001 95.0"])
            let spring = DataDrop(year: AcademicYear(2024), term: .spring)
            #expect(throws: StoreError.self) { try store.load(drops: [], attendanceOf: [spring]) }
        }
    }

    /// Each ingest works out again the drops it stores attendance of, from all their
    /// stored records, and any drop without rows: Oak's autumn (95.0%) and Elm's (97.0%)
    /// give the trust 100 × (50,000 − 1,900) / 50,000 = 96.2; a correction of Oak to 2,000
    /// missed (90.0%) gives 100 × (50,000 − 2,900) / 50,000 = 94.2. Spring, new with
    /// attainment alone, has the trust's row, hidden.
    @Test func anIngestWorksOutTheDropsItChanges() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let academies = builder.file("academies.csv", .academies, rows: 2)
            builder.add(sample.oakAcademy, file: academies, line: 2)
            builder.add(sample.elmAcademy, file: academies, line: 3)
            let attendance = builder.file("attendance.csv", .attendance, rows: 2)
            builder.add(sample.oakAttendance(), file: attendance, line: 2)
            builder.add(
                AttendanceRecord(
                    urn: sample.elm, drop: sample.autumn, pupils: 300, possibleSessions: 30_000,
                    absentSessions: 900,
                    persistentAbsentees: 20),
                file: attendance, line: 3)
            _ = try store.ingest(builder.batch)
            #expect(
                try rows(store.path) == [
                    "2024 autumn 0 96.2", "2024 autumn 100001 95.0", "2024 autumn 100002 97.0",
                ])

            var correction = BatchBuilder()
            let fix = correction.file("attendance-fix.csv", .attendance, rows: 1)
            correction.add(sample.oakAttendance(absent: 2_000), file: fix, line: 2)
            let results = correction.file("attainment-spring.csv", .attainment, rows: 1)
            correction.add(sample.elmAttainment(sample.spring), file: results, line: 2)
            _ = try store.ingest(correction.batch)
            #expect(
                try rows(store.path) == [
                    "2024 autumn 0 94.2", "2024 autumn 100001 90.0", "2024 autumn 100002 97.0",
                    "2024 spring 0 hidden",
                ])

            // The first frame's load reads the kept figures, not the records.
            let loaded = try store.load(drops: [sample.spring], attendanceOf: [sample.autumn])
            #expect(loaded.attendance.isEmpty)
            #expect(
                loaded.shownAttendance[sample.autumn]
                    == ShownAttendance(
                        drop: sample.autumn, trust: 94.2, academies: [sample.oak: 90.0, sample.elm: 97.0]))
            // A drop without kept figures is read as records.
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { try $0.execute(sql: "DELETE FROM attendance_trend") }
            let read = try store.load(drops: [sample.spring], attendanceOf: [sample.autumn])
            #expect(read.shownAttendance.isEmpty)
            #expect(read.attendance.map(\.urn) == [sample.oak, sample.elm])
        }
    }
}

import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A load reads each row's key on one thread and its values on another
/// (`RecordPipeline`); a value put there by hand must still be reported as reading the
/// rows one by one finds it: the first bad row in key order, whichever thread reads it.
@Suite struct LoadErrorTests {
    /// A store holding Oak's attendance in the autumn and spring drops, with `edit` run on
    /// it afterwards.
    func withOakInTwoDrops(_ edit: String..., body: (TrustStore) throws -> Void) throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("attendance.csv", .attendance, rows: 2)
            builder.add(sample.oakAttendance(sample.autumn), file: file, line: 2)
            builder.add(sample.oakAttendance(sample.spring), file: file, line: 3)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { db in
                for sql in edit { try db.execute(sql: sql) }
            }
            try body(store)
        }
    }

    /// Expects loading `store` to fail on the attendance `column` holding `value`.
    func expectUnreadable(
        _ store: TrustStore, column: String, value: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(
            throws: StoreError.unreadableValue(
                path: store.path, table: "attendance", column: column, value: value),
            sourceLocation: sourceLocation
        ) {
            try store.load()
        }
    }

    /// An academic year no four-digit year names (a record holds it in two bytes) is
    /// reported with its column and value, not trapped on, in a store whose checks were
    /// turned off by whatever wrote it.
    @Test func aYearBeyondFourDigitsIsReported() throws {
        for year in ["40000", "0", "-32769"] {
            try withOakInTwoDrops(
                "PRAGMA ignore_check_constraints = ON",
                "UPDATE drop_counts SET academic_year = \(year) WHERE kind = 'attendance' AND term = 'spring'"
            ) { store in
                expectUnreadable(store, column: "academic_year", value: year)
            }
        }
    }

    /// Values that are no list at all are reported with the values column and the text.
    @Test func valuesThatAreNoListAreReported() throws {
        try withOakInTwoDrops(
            "UPDATE drop_counts SET counts = 'not a list' WHERE kind = 'attendance' AND term = 'spring'"
        ) { store in
            expectUnreadable(store, column: "counts", value: "not a list")
        }
    }

    /// The autumn row's values (read on the second thread) come before the spring row's
    /// pupil group (read on the first) in key order, so the autumn row's error is the one
    /// reported, as it was when one thread read both.
    @Test func theEarlierRowsErrorIsReportedWhicheverThreadFindsIt() throws {
        try withOakInTwoDrops(
            "UPDATE drop_counts SET counts = '[1,' WHERE kind = 'attendance' AND term = 'autumn'",
            "UPDATE drop_counts SET pupil_group = 'martians' WHERE kind = 'attendance' AND term = 'spring'"
        ) { store in
            expectUnreadable(store, column: "counts", value: "[1,")
        }
    }

    /// The other way round, the autumn row's pupil group is reported.
    @Test func anEarlierKeyErrorIsReportedBeforeLaterValues() throws {
        try withOakInTwoDrops(
            "UPDATE drop_counts SET pupil_group = 'martians' WHERE kind = 'attendance' AND term = 'autumn'",
            "UPDATE drop_counts SET counts = '[1,' WHERE kind = 'attendance' AND term = 'spring'"
        ) { store in
            expectUnreadable(store, column: "pupil_group", value: "martians")
        }
    }

    /// Within one row, the key's columns are checked in their order: a pupil group no one
    /// knows comes before a year group stored as a blob, and the blob before the row's
    /// values. Loading reads rows on two threads (`RecordPipeline`); any split of these
    /// checks between them must keep this order. (The history trigger is dropped first, as
    /// it cannot copy a blob into JSON.)
    @Test func aRowsKeyIsCheckedColumnByColumnWhicheverThreadChecksIt() throws {
        try withOakInTwoDrops(
            "DROP TRIGGER drop_counts_replaced",
            "UPDATE drop_counts SET pupil_group = 'martians', year_group = X'6D' "
                + "WHERE kind = 'attendance' AND term = 'autumn'"
        ) { store in
            expectUnreadable(store, column: "pupil_group", value: "martians")
        }
        try withOakInTwoDrops(
            "DROP TRIGGER drop_counts_replaced",
            "UPDATE drop_counts SET year_group = X'6D', counts = '[1,' WHERE kind = 'attendance' AND term = 'autumn'"
        ) { store in
            // SQLite gives the blob's one byte, "m", as its text.
            expectUnreadable(store, column: "year_group", value: "m")
        }
    }

    /// Thirty drops of 2000/01 autumn on, each with Oak's attendance for every pupil group
    /// and year group: 30 × 144 = 4,320 rows, more than one of the pipeline's batches
    /// (`RecordPipeline.batchRows`, 4,096).
    static let drops: [DataDrop] = (0..<30).map { index in
        DataDrop(year: AcademicYear(2000 + index / 3), term: [.autumn, .spring, .summer][index % 3])
    }

    /// The 4,320 rows, each with its own number of absent sessions (its index + 100).
    func manyRows(_ sample: Sample) -> [AttendanceRecord] {
        let keys = PupilGroup.allCases.count * YearGroup.allCases.count
        return (0..<(Self.drops.count * keys)).map { index in
            var record = sample.oakAttendance(Self.drops[index / keys], absent: index + 100)
            record.group = PupilGroup.allCases[(index % keys) / YearGroup.allCases.count]
            record.yearGroup = YearGroup.allCases[index % YearGroup.allCases.count]
            return record
        }
    }

    /// A store holding `manyRows`, with `edit` run on it afterwards.
    func withManyRows(_ edit: String..., body: (TrustStore, [AttendanceRecord]) throws -> Void) throws {
        try withNewStore { store in
            let sample = try Sample()
            let rows = manyRows(sample)
            var builder = BatchBuilder()
            let file = builder.file("attendance.csv", .attendance, rows: rows.count)
            for (index, row) in rows.enumerated() { builder.add(row, file: file, line: index + 2) }
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { db in
                for sql in edit { try db.execute(sql: sql) }
            }
            try body(store, rows)
        }
    }

    /// SQL setting `assignment` on the attendance row at `position` (from 0) in key order,
    /// the order a load reads them in.
    static func update(_ assignment: String, atPosition position: Int) -> String {
        let key = "academic_year, term, urn, pupil_group, year_group, item"
        return """
            UPDATE drop_counts SET \(assignment) WHERE kind = 'attendance' AND (\(key)) = (
                SELECT \(key) FROM drop_counts WHERE kind = 'attendance'
                ORDER BY \(key) LIMIT 1 OFFSET \(position))
            """
    }

    /// Every row comes back once, with its own values, across the batch boundary.
    @Test func everyRowOfManyBatchesIsLoadedWithItsOwnValues() throws {
        try withManyRows { store, rows in
            #expect(rows.count == 4_320)
            let loaded = try store.load().attendance
            #expect(loaded.count == rows.count)
            var expected: [String: Int] = [:]
            for row in rows { expected["\(row.drop) \(row.group) \(row.yearGroup)"] = row.absentSessions }
            var seen = Set<String>()
            for record in loaded {
                let key = "\(record.drop) \(record.group) \(record.yearGroup)"
                #expect(record.absentSessions == expected[key])
                seen.insert(key)
            }
            #expect(seen.count == rows.count)
        }
    }

    /// A bad value in the second batch (row 4,101 in key order) is reported before a bad
    /// pupil group further on in that batch.
    @Test func anErrorInTheSecondBatchIsReportedAtItsOwnRow() throws {
        try withManyRows(
            Self.update("counts = '[2,'", atPosition: 4_100),
            Self.update("pupil_group = 'martians'", atPosition: 4_200)
        ) { store, _ in
            expectUnreadable(store, column: "counts", value: "[2,")
        }
    }

    /// A bad value in the first batch (row 4,000) is reported before a bad pupil group in
    /// the second (row 4,200), which the first thread reads while the second is still on
    /// the first batch.
    @Test func anErrorInTheFirstBatchBeatsAKeyErrorInTheSecond() throws {
        try withManyRows(
            Self.update("counts = '[3,'", atPosition: 4_000),
            Self.update("pupil_group = 'martians'", atPosition: 4_200)
        ) { store, _ in
            expectUnreadable(store, column: "counts", value: "[3,")
        }
    }
}

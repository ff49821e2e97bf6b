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

    /// Values that are no list at all are reported with the values column and the text.
    @Test func valuesThatAreNoListAreReported() throws {
        try withOakInTwoDrops(
            "UPDATE drop_counts SET counts = 'not a list' WHERE kind = 'attendance' AND term = 'spring'"
        ) { store in
            #expect(
                throws: StoreError.unreadableValue(
                    path: store.path, table: "attendance", column: "counts", value: "not a list")
            ) {
                try store.load()
            }
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
            #expect(
                throws: StoreError.unreadableValue(
                    path: store.path, table: "attendance", column: "counts", value: "[1,")
            ) {
                try store.load()
            }
        }
    }

    /// The other way round, the autumn row's pupil group is reported.
    @Test func anEarlierKeyErrorIsReportedBeforeLaterValues() throws {
        try withOakInTwoDrops(
            "UPDATE drop_counts SET pupil_group = 'martians' WHERE kind = 'attendance' AND term = 'autumn'",
            "UPDATE drop_counts SET counts = '[1,' WHERE kind = 'attendance' AND term = 'spring'"
        ) { store in
            #expect(
                throws: StoreError.unreadableValue(
                    path: store.path, table: "attendance", column: "pupil_group", value: "martians")
            ) {
                try store.load()
            }
        }
    }
}

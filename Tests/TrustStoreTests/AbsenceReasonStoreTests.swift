import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// The reasons for absence are counts at the end of the attendance record's list: stored
/// and read with no schema step, a reason not given stays not given, and rows stored
/// before the reasons existed read them as not given.
@Suite("Storing reasons for absence")
struct AbsenceReasonStoreTests {
    private func batch(_ name: String, _ records: [AttendanceRecord]) -> DropBatch {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(
                name: name, sha256: Sample.sha(name), kind: .attendance, rows: records.count, bytes: 100)
        ]
        batch.attendance = records.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        return batch
    }

    @Test func reasonsRoundTripAndNotGivenIsNotZero() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var record = sample.oakAttendance()
            record.reasons[.illness] = 600
            record.reasons[.late] = 0
            _ = try store.ingest(batch("a.csv", [record]))
            let loaded = try #require(try store.load().attendance.first)
            #expect(loaded == record)
            #expect(loaded.reasons[.illness] == 600)
            #expect(loaded.reasons[.late] == 0)
            #expect(loaded.reasons[.medical] == nil)

            // Giving a reason that was not given is a correction, with history.
            var corrected = record
            corrected.reasons[.medical] = 40
            let outcome = try store.ingest(batch("b.csv", [corrected]))
            #expect(outcome.files.first?.replaced == 1)
            #expect(try store.history().map(\.replaced) == [.attendance(record)])
        }
    }

    /// A row written with the seven values the attendance record had before the reasons
    /// reads with no reasons, and the same record ingested again changes nothing.
    @Test func aRowStoredBeforeTheReasonsReadsThemAsNotGiven() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let record = sample.oakAttendance()
            _ = try store.ingest(batch("a.csv", [record]))
            try store.pool.write { db in
                try db.execute(sql: "UPDATE drop_counts SET counts = '[200,20000,1000,24,null,null,null]'")
            }
            #expect(try store.load().attendance == [record])
            // (The store's trigger may have kept the rewrite above as a correction.)
            let history = try store.history().count
            let again = try store.ingest(batch("b.csv", [record]))
            #expect(again.files.first?.unchanged == 1)
            #expect(again.files.first?.replaced == 0)
            #expect(try store.history().count == history)
            let stored = try store.pool.read { db in
                try String.fetchOne(db, sql: "SELECT counts FROM drop_counts WHERE kind = 'attendance'")
            }
            #expect(stored == "[200,20000,1000,24,null,null,null]")
        }
    }
}

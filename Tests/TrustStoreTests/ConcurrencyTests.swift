import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A dashboard reads while an ingest writes.
@Suite struct ConcurrencyTests {
    @Test func theStoreIsInWALMode() throws {
        try withNewStore { store in
            let queue = try DatabaseQueue(path: store.path)
            #expect(try queue.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
        }
    }

    /// Loads taken while a large batch is being stored see none of it or all of it.
    @Test func aLoadDuringAnIngestSeesTheWholeBatchOrNone() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("truststore-tests-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let sample = try Sample()
        let store = try TrustStore(path: folder + "/trust.sqlite")
        _ = try store.ingest(sample.academiesBatch())

        // 200 pupil counts × 9 groups × 16 year groups: 28,800 rows over 101 spring drops.
        var builder = BatchBuilder()
        let file = builder.file("attendance.csv", .attendance, rows: 28_800)
        var line = 1
        for pupils in 1...200 {
            for group in PupilGroup.allCases {
                for yearGroup in YearGroup.allCases {
                    line += 1
                    let urn = pupils.isMultiple(of: 2) ? sample.oak : sample.elm
                    let drop = DataDrop(year: AcademicYear(2000 + pupils / 2), term: .spring)
                    let record = AttendanceRecord(
                        urn: urn, drop: drop, group: group, yearGroup: yearGroup, pupils: pupils,
                        possibleSessions: 100 * pupils, absentSessions: pupils, persistentAbsentees: 0)
                    builder.add(record, file: file, line: line)
                }
            }
        }
        let batch = builder.batch
        let total = batch.attendance.count
        #expect(total == 28_800)

        let ingest = Task.detached { try store.ingest(batch) }
        var seen = Set<Int>()
        for _ in 0..<200 {
            let rows = try store.load().attendance.count
            seen.insert(rows)
            if rows == total { break }
        }
        let outcome = try await ingest.value
        #expect(outcome.inserted == total)
        #expect(seen.isSubset(of: [0, total]))
        #expect(try store.load().attendance.count == total)
    }

    /// A value no version writes, put there by hand, is reported with its table and column.
    @Test func aHandEditedValueIsReportedWhenLoading() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("attendance.csv", .attendance, rows: 1)
            builder.add(sample.oakAttendance(), file: file, line: 2)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let queue = try DatabaseQueue(path: store.path)
            try queue.write { db in
                try db.execute(
                    sql: "UPDATE drop_counts SET pupil_group = 'martians' WHERE kind = 'attendance'")
            }
            #expect(
                throws: StoreError.unreadableValue(
                    path: store.path, table: "attendance", column: "pupil_group", value: "martians")
            ) {
                try store.load()
            }
            // The other tables still read, and the drop listing does not need the group.
            #expect(try store.knownURNs().count == 2)
            #expect(try store.dropListing().map(\.attendanceRows) == [1])
        }
    }
}

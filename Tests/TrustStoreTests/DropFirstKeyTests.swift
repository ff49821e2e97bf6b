import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Version 10 keys `drop_counts` by drop first, so that a new drop's rows land at the end
/// of the table; a store made before is rebuilt losing nothing, and every query of the
/// table still reads one range of its key.
@Suite("Termly records keyed by drop first (version 10)")
struct DropFirstKeyTests {
    /// Three drops (2023/24 summer, 2024/25 autumn and spring) with four kinds of record,
    /// then a second file correcting Oak's autumn attendance and Elm's autumn attainment,
    /// so that history has an entry of each, attendance first, as it was written.
    private func batches(_ sample: Sample) -> [DropBatch] {
        let summer = DataDrop(year: AcademicYear(2023), term: .summer)
        var first = BatchBuilder()
        let attendance = first.file("attendance.csv", .attendance, rows: 2)
        first.add(sample.oakAttendance(), file: attendance, line: 2)
        first.add(sample.oakAttendance(sample.spring, absent: 2_000), file: attendance, line: 3)
        let attainment = first.file("attainment.csv", .attainment, rows: 2)
        first.add(sample.elmAttainment(summer), file: attainment, line: 2)
        first.add(sample.elmAttainment(), file: attainment, line: 3)
        let scores = first.file("scores.csv", .scores, rows: 1)
        first.add(
            ScoreRecord(
                urn: sample.elm, drop: sample.spring, measure: .attainment8, cohort: 150, average: 48.5),
            file: scores, line: 2)
        var batch = first.batch
        let inclusion = batch.files.count
        batch.files.append(
            DropFileSummary(
                name: "inclusion.csv", sha256: Sample.sha("inclusion.csv"), kind: .inclusion, rows: 1,
                bytes: 100))
        batch.inclusion = [
            Sourced(
                InclusionRecord(
                    urn: sample.elm, drop: sample.spring, group: .all, pupils: 1_200, suspensions: 150,
                    pupilsSuspended: 61, permanentExclusions: 2),
                file: inclusion, line: 2)
        ]

        var second = BatchBuilder()
        let fixes = second.file("fixes.csv", .attendance, rows: 2)
        second.add(sample.oakAttendance(absent: 1_200), file: fixes, line: 2)
        second.add(sample.elmAttainment(expected: 20), file: fixes, line: 3)
        return [sample.academiesBatch(), batch, second.batch]
    }

    /// What a store says of its termly records: every record, history, drops, listing and
    /// sources, each as the store gives it.
    private struct Said: Equatable {
        let attendance: [AttendanceRecord]
        let attainment: [AttainmentRecord]
        let scores: [ScoreRecord]
        let published: [PublishedFigure]
        let inclusion: [InclusionRecord]
        let history: [HistoryEntry]
        let oakHistory: [HistoryEntry]
        let drops: [DataDrop]
        let listing: [DropListing]
        let sources: [AcademyDrop: DropSource]

        init(_ store: TrustStore, _ sample: Sample) throws {
            let data = try store.load()
            attendance = data.attendance
            attainment = data.attainment
            scores = data.scores
            published = data.published
            inclusion = data.inclusion
            history = try store.history()
            oakHistory = try store.history(urn: sample.oak)
            drops = try store.storedDrops()
            listing = try store.dropListing()
            sources = try store.dropSources()
        }
    }

    /// The columns of `drop_counts`' primary key, in key order.
    private func keyColumns(_ path: String) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        return try DatabaseQueue(path: path, configuration: configuration).read { db in
            try String.fetchAll(
                db, sql: "SELECT name FROM pragma_table_info('drop_counts') WHERE pk > 0 ORDER BY pk")
        }
    }

    @Test func aVersion9StoreIsRebuiltLosingNothing() throws {
        try withScratchFolder { folder in
            let sample = try Sample()
            let dates = [Times.december, Times.january, Times.march]
            let oldPath = folder + "/v9.sqlite"
            let queue = try DatabaseQueue(path: oldPath)
            try StoreSchema.bringUpToDate(queue, path: oldPath, upTo: "v9")
            try queue.write { db in
                for (batch, date) in zip(batches(sample), dates) {
                    _ = try TrustStore.write(batch, to: db, at: date)
                }
            }
            try queue.close()
            #expect(
                try keyColumns(oldPath) == [
                    "kind", "academic_year", "term", "urn", "pupil_group", "year_group", "item",
                ])

            let newStore = try TrustStore(path: folder + "/new.sqlite")
            for (batch, date) in zip(batches(sample), dates) { _ = try newStore.ingest(batch, at: date) }
            let migrated = try TrustStore(path: oldPath)
            #expect(
                try keyColumns(oldPath) == [
                    "academic_year", "term", "kind", "urn", "pupil_group", "year_group", "item",
                ])

            let said = try Said(migrated, sample)
            #expect(said == (try Said(newStore, sample)))
            #expect(said.attendance.count == 2)
            #expect(said.attainment.count == 2)
            #expect(said.scores.count == 1)
            #expect(said.inclusion.count == 1)
            #expect(
                said.history.map(\.replaced) == [
                    .attendance(sample.oakAttendance()), .attainment(sample.elmAttainment()),
                ])
            #expect(said.drops.count == 3)
            // A correction made after the rebuild still goes to history.
            var third = BatchBuilder()
            let file = third.file("again.csv", .attendance, rows: 1)
            third.add(sample.oakAttendance(absent: 1_300), file: file, line: 2)
            #expect(try migrated.ingest(third.batch).files.first?.replaced == 1)
            #expect(try migrated.history().last?.replaced == .attendance(sample.oakAttendance(absent: 1_200)))
        }
    }

    /// The rebuild writes the whole table to the store's log; once the store is up to
    /// date the log is copied in and emptied, so no log as large as the store is left
    /// beside it.
    @Test func theRebuildLeavesNoLog() throws {
        try withScratchFolder { folder in
            let sample = try Sample()
            let path = folder + "/v9.sqlite"
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.bringUpToDate(queue, path: path, upTo: "v9")
            try queue.write { db in
                for batch in batches(sample) { _ = try TrustStore.write(batch, to: db, at: Times.march) }
            }
            try queue.close()
            let store = try TrustStore(path: path)
            let log = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int
            #expect(log == 0)
            #expect(try store.load().attendance.count == 2)
        }
    }

    /// A batch with new rows of a new drop and corrections of a stored one, in several
    /// kinds: the new rows may be written first, in key order, but the corrections take
    /// their places in history in the order kinds were always written, attendance first.
    @Test func correctionsKeepTheirOrderBesideNewRows() throws {
        try withNewStore { store in
            let sample = try Sample()
            let all = batches(sample)
            _ = try store.ingest(all[0])
            _ = try store.ingest(all[1])
            var builder = BatchBuilder()
            let file = builder.file("mixed.csv", .attendance, rows: 4)
            builder.add(sample.oakAttendance(absent: 1_200), file: file, line: 2)
            let summer = DataDrop(year: AcademicYear(2024), term: .summer)
            builder.add(sample.oakAttendance(summer), file: file, line: 3)
            builder.add(sample.elmAttainment(expected: 20), file: file, line: 4)
            builder.add(sample.elmAttainment(summer), file: file, line: 5)
            let outcome = try store.ingest(builder.batch)
            #expect(outcome.files.first?.replaced == 2)
            #expect(outcome.files.first?.inserted == 2)
            #expect(
                try store.history().map(\.replaced) == [
                    .attendance(sample.oakAttendance()), .attainment(sample.elmAttainment()),
                ])
            #expect(try store.load(drops: [summer]).attendance == [sample.oakAttendance(summer)])
            #expect(try store.load(drops: [summer]).attainment == [sample.elmAttainment(summer)])
        }
    }

    /// Every query of `drop_counts` seeks its key rather than reading the table or sorting
    /// it. (The sources' files of one academy's drop, a few rows, are made distinct apart,
    /// as before: `file_id` is not in the key.)
    @Test(arguments: [
        (
            DropCountsTable.selectSQL,
            "SEARCH drop_counts USING PRIMARY KEY (academic_year=? AND term=? AND kind=?)"
        ),
        (
            "SELECT count(*) FROM drop_counts WHERE kind = ? AND academic_year = ? AND term = ?",
            "SEARCH drop_counts USING PRIMARY KEY (academic_year=? AND term=? AND kind=?)"
        ),
        (
            "SELECT EXISTS (SELECT 1 FROM drop_counts WHERE kind = ? AND academic_year = ? AND term = ?)",
            "SEARCH drop_counts USING PRIMARY KEY (academic_year=? AND term=? AND kind=?)"
        ),
        (
            """
            SELECT DISTINCT kind, academic_year, term, urn, file_id FROM drop_counts
            WHERE kind = ? AND academic_year = ? AND term = ? AND urn = ?
            """,
            "SEARCH drop_counts USING PRIMARY KEY (academic_year=? AND term=? AND kind=? AND urn=?)"
        ),
        (StoredDropKey.firstSQL, "SCAN drop_counts"),
        (StoredDropKey.sameYearSQL, "SEARCH drop_counts USING PRIMARY KEY (academic_year=? AND term>?)"),
        (StoredDropKey.laterYearSQL, "SEARCH drop_counts USING PRIMARY KEY (academic_year>?)"),
    ])
    func everyQuerySeeksTheKey(sql: String, plan: String) throws {
        try withNewStore { store in
            // A value for each parameter: the plan does not depend on them.
            let arguments = StatementArguments(Array(repeating: 0, count: sql.filter { $0 == "?" }.count))
            let details = try store.reading { db in
                try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: arguments).map {
                    $0["detail"] as String
                }
            }
            #expect(details.contains(plan))
            #expect(
                !details.contains {
                    $0.contains("TEMP B-TREE FOR ORDER BY") || $0 == "SCAN drop_counts" && plan != $0
                })
        }
    }
}

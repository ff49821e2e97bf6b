import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// The census's national rows (schema v6): stored by year and school type, replaced
/// without history, and added to a store made by version 5 without touching the rest.
@Suite struct NationalCensusStoreTests {
    let year = AcademicYear(2018)

    private func secondary(disadvantaged: Double? = 27.7) -> NationalCensus {
        NationalCensus(
            year: year, schoolType: "State-funded secondary", phase: .secondary, pupils: 3_327_970,
            disadvantagedPercent: disadvantaged, ealPercent: 16.9, senSupportPercent: 10.8, ehcpPercent: 1.7)
    }

    private var allSchools: NationalCensus {
        NationalCensus(year: year, schoolType: "All schools", phase: nil, disadvantagedPercent: 24.5)
    }

    private func batch(_ name: String, _ rows: [NationalCensus]) -> DropBatch {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(name: name, sha256: Sample.sha(name + "\(rows)"), kind: nil, rows: rows.count)
        ]
        batch.nationalCensus = rows.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        return batch
    }

    @Test func nationalRowsAreStoredByYearAndType() throws {
        try withNewStore { store in
            let outcome = try store.ingest(batch("census.csv", [secondary(), allSchools]))
            #expect(outcome.files.first?.inserted == 2)
            // By year, then type: "All schools" sorts before "State-funded secondary".
            #expect(try store.nationalCensus() == [allSchools, secondary()])
            #expect(try store.nationalCensus(year: year) == [allSchools, secondary()])
            #expect(try store.nationalCensus(year: AcademicYear(2019)).isEmpty)
            #expect(try store.load().drops.isEmpty)
        }
    }

    @Test func theSameFileAgainChangesNothingAndALaterOneReplacesWithoutHistory() throws {
        try withNewStore { store in
            _ = try store.ingest(batch("census-a.csv", [secondary()]))
            #expect(try store.ingest(batch("census-a.csv", [secondary()])).changedNothing)
            let outcome = try store.ingest(batch("census-b.csv", [secondary(disadvantaged: 28)]))
            #expect(outcome.files.first?.replaced == 1)
            #expect(try store.nationalCensus() == [secondary(disadvantaged: 28)])
            #expect(try store.history().isEmpty)
        }
    }

    /// A store made by version 5, with a correction in its history, gains the table; every
    /// file, row and history entry is kept, and it then takes national rows.
    @Test func aVersion5StoreGainsTheTableAndKeepsItsFilesAndHistory() throws {
        try withScratchFolder { folder in
            let path = folder + "/v5.sqlite"
            let sample = try Sample()
            let filesBefore: [Row]
            do {
                let queue = try DatabaseQueue(path: path)
                try StoreSchema.bringUpToDate(queue, path: path, upTo: "v5")
                var first = sample.academiesBatch()
                first.attendance = [Sourced(sample.oakAttendance(absent: 1_000), file: 0, line: 2)]
                var correction = BatchBuilder()
                let file = correction.file("attendance-b.csv", .attendance, rows: 1)
                correction.add(sample.oakAttendance(absent: 1_200), file: file, line: 2)
                try queue.write { db in
                    // Written as version 5 wrote it: a table per kind of termly record.
                    try writeBeforeV7(first, to: db, at: Times.december)
                    try writeBeforeV7(correction.batch, to: db, at: Times.january)
                }
                filesBefore = try queue.read { db in
                    try Row.fetchAll(db, sql: "SELECT * FROM files ORDER BY id")
                }
                let tables = try queue.read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                #expect(!tables.contains("census_national"))
            }
            let store = try TrustStore(path: path)
            let filesAfter = try store.reading { db in
                try Row.fetchAll(db, sql: "SELECT * FROM files ORDER BY id")
            }
            #expect(filesAfter == filesBefore)
            let history = try store.history()
            #expect(history.count == 1)
            #expect(history.first?.replaced == .attendance(sample.oakAttendance(absent: 1_000)))
            #expect(try store.load().attendance == [sample.oakAttendance(absent: 1_200)])
            #expect(try store.nationalCensus().isEmpty)
            let outcome = try store.ingest(batch("census.csv", [secondary()]))
            #expect(outcome.files.first?.inserted == 1)
            #expect(try store.nationalCensus() == [secondary()])
            #expect(try store.history().count == 1)
            let broken = try store.reading { db in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") }
            #expect(broken.isEmpty)
        }
    }
}

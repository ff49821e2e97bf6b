import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// The trust's own `context` files (schema v5): stored, replaced without history, and
/// used for an academy's similar schools when the census lacks it.
@Suite struct ContextStoreTests {
    let year = AcademicYear(2018)

    private func urn(_ value: Int) throws -> URN { try #require(URN(value)) }

    /// The academy's own line: 200 pupils, 20% disadvantaged, EAL 10%, SEN support 12%,
    /// EHCP 2%.
    private func line(disadvantaged: Double? = 20) throws -> SchoolContext {
        SchoolContext(
            urn: try urn(300_001), year: year, pupils: 200, disadvantagedPercent: disadvantaged,
            ealPercent: 10,
            senSupportPercent: 12, ehcpPercent: 2)
    }

    private func batch(_ name: String, _ lines: [SchoolContext]) -> DropBatch {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(
                name: name, sha256: Sample.sha(name + "\(lines)"), kind: .context, rows: lines.count)
        ]
        batch.context = lines.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        return batch
    }

    @Test func contextLinesAreStoredAsContextFiles() throws {
        try withNewStore { store in
            let outcome = try store.ingest(batch("context.csv", [try line(disadvantaged: nil)]))
            #expect(outcome.files.first?.inserted == 1)
            #expect(try store.academyContexts() == [try line(disadvantaged: nil)])
            #expect(try store.academyContexts(year: year) == [try line(disadvantaged: nil)])
            #expect(try store.academyContexts(year: AcademicYear(2019)).isEmpty)
            let kind = try store.reading { db in
                try String.fetchOne(db, sql: "SELECT kind FROM files WHERE name = 'context.csv'")
            }
            #expect(kind == "context")
            // Context lines are no drop's figures.
            #expect(try store.load().drops.isEmpty)
        }
    }

    @Test func theSameFileAgainChangesNothingAndALaterOneReplacesWithoutHistory() throws {
        try withNewStore { store in
            _ = try store.ingest(batch("context-a.csv", [try line()]))
            #expect(try store.ingest(batch("context-a.csv", [try line()])).changedNothing)
            let outcome = try store.ingest(batch("context-b.csv", [try line(disadvantaged: 25)]))
            #expect(outcome.files.first?.replaced == 1)
            #expect(try store.academyContexts() == [try line(disadvantaged: 25)])
            #expect(try store.history().isEmpty)
        }
    }

    /// A small census of 2018/19: three primary schools that differ only in their
    /// disadvantaged percent (20, 30, 60), and a secondary school just like the academy.
    /// The academy (URN 300001, primary) is not in it.
    private func census() throws -> [SchoolCensus] {
        func school(_ value: Int, _ type: String, _ phase: Phase, disadvantaged: Double) throws
            -> SchoolCensus
        {
            SchoolCensus(
                urn: try urn(value), year: year, schoolType: type, phase: phase, pupils: 200,
                disadvantagedPercent: disadvantaged, ealPercent: 10, senSupportPercent: 12, ehcpPercent: 2)
        }
        return [
            try school(200_001, "State-funded primary", .primary, disadvantaged: 20),
            try school(200_002, "State-funded primary", .primary, disadvantaged: 30),
            try school(200_003, "State-funded primary", .primary, disadvantaged: 60),
            try school(200_004, "State-funded secondary", .secondary, disadvantaged: 20),
        ]
    }

    private func nationalBatch() throws -> DropBatch {
        let summer = DataDrop(year: year, term: .summer)
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(name: "census.csv", sha256: Sample.sha("census"), rows: 4),
            DropFileSummary(name: "abs.csv", sha256: Sample.sha("abs"), rows: 4),
        ]
        batch.census = try census().enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        let absence = [(200_001, 4.0), (200_002, 5.0), (200_003, 6.0), (200_004, 4.5)]
        batch.outcomes = try absence.enumerated().map { index, school in
            Sourced(
                SchoolOutcome(urn: try urn(school.0), drop: summer, kpi: .absenceRate, value: school.1),
                file: 1,
                line: index + 2)
        }
        return batch
    }

    @Test func anAcademyAbsentFromTheCensusGetsItsGroupFromItsContextLine() throws {
        try withNewStore { store in
            let academy = Academy(urn: try urn(300_001), name: "Rowan Primary", phase: .primary)
            let summer = DataDrop(year: year, term: .summer)
            _ = try store.ingest(try nationalBatch())
            // Without a context line the academy, absent from the census, has no group.
            #expect(try store.similarComparisons(for: summer, academies: [academy], count: 2) == nil)

            _ = try store.ingest(batch("context.csv", [try line()]))
            let comparisons = try #require(
                try store.similarComparisons(for: summer, academies: [academy], count: 2))
            let found = try #require(
                comparisons.schools(
                    urn: academy.urn, kpi: .absenceRate, group: .all, yearGroup: .all, drop: summer))
            // Only the disadvantaged percent varies among the primaries: 20, 30, 60, mean
            // 110/3, population standard deviation √(((20−110/3)² + (30−110/3)² +
            // (60−110/3)²)/3). The academy's 20 is 0 from 200001, 10 standard units'
            // worth from 200002 and 40 from 200003; the secondary 200004 is no candidate.
            // The nearest two are 200001 and 200002.
            let mean = 110.0 / 3
            let spread = (([20.0, 30, 60].map { ($0 - mean) * ($0 - mean) }.reduce(0, +)) / 3).squareRoot()
            #expect(found.schools.urns == [try urn(200_001), try urn(200_002)])
            #expect(found.schools.candidates == 3)
            let distance = try #require(found.schools.member(try urn(200_002))?.distance)
            #expect(abs(distance - 10 / spread) < 1e-9)
            #expect(found.schools.academy.pupils == 200)
            // Absence 4.0 and 5.0: the median is 4.5; the academy's 4.2 is beaten by 4.0
            // only (lower is better), so 2nd best of 3.
            let comparison = try #require(
                comparisons.comparison(
                    urn: academy.urn, kpi: .absenceRate, group: .all, yearGroup: .all, drop: summer,
                    value: 4.2))
            #expect(comparison.median == 4.5)
            #expect(comparison.rank == 2)
            #expect(comparison.outOf == 3)
        }
    }

    /// A store made by version 4, with a correction in its history, gains the table and
    /// may hold context files; every file, row and history entry is kept, ids included.
    @Test func aVersion4StoreGainsTheTableAndKeepsItsFilesAndHistory() throws {
        try withScratchFolder { folder in
            let path = folder + "/v4.sqlite"
            let sample = try Sample()
            let filesBefore: [Row]
            do {
                let queue = try DatabaseQueue(path: path)
                try StoreSchema.bringUpToDate(queue, path: path, upTo: "v4")
                var first = sample.academiesBatch()
                first.attendance = [Sourced(sample.oakAttendance(absent: 1_000), file: 0, line: 2)]
                var correction = BatchBuilder()
                let file = correction.file("attendance-b.csv", .attendance, rows: 1)
                correction.add(sample.oakAttendance(absent: 1_200), file: file, line: 2)
                try queue.write { db in
                    try writeBeforeV7(first, to: db, at: Times.december)
                    try writeBeforeV7(correction.batch, to: db, at: Times.january)
                }
                filesBefore = try queue.read { db in
                    try Row.fetchAll(db, sql: "SELECT * FROM files ORDER BY id")
                }
                // The built-in figures, the academies file and the correction.
                #expect(filesBefore.count == 3)
                // Version 4 refuses a context file's kind.
                #expect(throws: DatabaseError.self) {
                    try queue.write { db in
                        _ = try TrustStore.write(batch("context.csv", [try line()]), to: db, at: Times.march)
                    }
                }
                let tables = try queue.read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                #expect(!tables.contains("academy_context"))
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
            #expect(try store.knownURNs() == [sample.oak, sample.elm])
            try store.reading { db in
                // The rebuilt table keeps its index, and the tables that refer to it still
                // name it, with every reference whole.
                let indexes = try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list('files')")
                #expect(indexes == ["files_by_sha256"])
                let parents = try String.fetchAll(
                    db, sql: "SELECT \"table\" FROM pragma_foreign_key_list('drop_counts') ORDER BY 1")
                #expect(parents == ["academies", "files"])
                #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
                #expect(try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") == true)
            }
            let outcome = try store.ingest(batch("context.csv", [try line()]))
            #expect(outcome.files.first?.inserted == 1)
            #expect(try store.academyContexts() == [try line()])
            #expect(try store.history().count == 1)
            // Foreign keys are enforced again once the store is up to date: a figure for
            // an academy the store does not know is refused.
            var orphan = BatchBuilder()
            let file = orphan.file("attendance-c.csv", .attendance, rows: 1)
            orphan.add(
                AttendanceRecord(
                    urn: try urn(999_999), drop: sample.spring, pupils: 10, possibleSessions: 100,
                    absentSessions: 5, persistentAbsentees: 0), file: file, line: 2)
            #expect {
                try store.ingest(orphan.batch)
            } throws: { error in
                guard case .rowRefused(_, _, let reason) = error as? StoreError else { return false }
                return reason.contains("FOREIGN KEY")
            }
        }
    }
}

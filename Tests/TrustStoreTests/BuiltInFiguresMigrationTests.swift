import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Version 8 brings the built-in national figures to stores made before them: figures a
/// store lacks are added, a built-in figure given otherwise now is corrected with history,
/// and a figure the user ingested is kept.
@Suite("Built-in figures reach older stores (version 8)")
struct BuiltInFiguresMigrationTests {
    private static let reasonKeys = [
        AbsenceReason.illness, .medical, .unauthorisedOther, .unauthorisedHoliday,
    ]
    .map { KPI.absenceReason($0).key }

    /// Writes a version 6 store at `path` as a version made before the reasons were built
    /// in left it: no built-in reason figure, Attainment 8 for 2024/25 at an older value,
    /// and the user's own illness rate for 2023/24. Returns how many built-in reason
    /// figures were taken out.
    private func makeOldStore(_ path: String) throws -> Int {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.bringUpToDate(queue, path: path, upTo: "v6")
        return try queue.write { db in
            let keys = Self.reasonKeys.map { "'\($0)'" }.joined(separator: ", ")
            try db.execute(sql: "DELETE FROM benchmarks WHERE measure IN (\(keys))")
            let removed = db.changesCount
            try db.execute(
                sql: """
                    UPDATE benchmarks SET value = 45.9, source = 'older figure'
                    WHERE measure = 'attainment8' AND academic_year = 2024 AND phase = ''
                    """)
            #expect(db.changesCount == 1)
            // The edit stands in for an older version's seeding, not a correction.
            try db.execute(sql: "DELETE FROM history")
            var builder = BatchBuilder()
            let file = builder.file("national.csv", .benchmarks, rows: 1)
            builder.add(
                Benchmark(
                    kpi: .absenceReason(.illness), year: AcademicYear(2023), value: 3.6,
                    source: "our own figure"),
                file: file, line: 2)
            try writeBeforeV7(builder.batch, to: db, at: Times.december)
            return removed
        }
    }

    private func benchmark(_ store: TrustStore, _ key: String, _ year: Int, _ term: Term = .summer) throws
        -> Benchmark?
    {
        try store.load().benchmarks.first {
            $0.kpi.key == key && $0.year.start == year && $0.term == term && $0.phase == nil
        }
    }

    @Test func aStoreMadeBeforeTheReasonsGetsThemAndKeepsTheUsersFigure() throws {
        try withScratchFolder { folder in
            let path = folder + "/old.sqlite"
            let removed = try makeOldStore(path)
            // 9 autumn 2018/19 figures by phase, unauthorised holiday autumn 2018/19, illness
            // autumn 2022/23 and 2023/24, illness, unauthorised holiday full year 2022/23 and
            // 2023/24, other unauthorised full year 2023/24: at least these 17.
            #expect(removed >= 17)
            let store = try TrustStore(path: path)
            // The release's "remained the same as the previous year at 0.5%".
            let holiday = try benchmark(store, AbsenceReason.unauthorisedHoliday.rawValue, 2022)
            #expect(holiday?.value == 0.5)
            #expect(holiday?.source == "DfE Pupil absence in schools in England 2023/24 release")
            let illnessAutumn = try benchmark(store, AbsenceReason.illness.rawValue, 2022, .autumn)
            #expect(illnessAutumn?.value == 4.5)
            // The user's figure is not overwritten.
            let illness = try benchmark(store, AbsenceReason.illness.rawValue, 2023)
            #expect(illness?.value == 3.6)
            #expect(illness?.source == "our own figure")
            // The older built-in Attainment 8 is corrected, and the old value kept in history.
            let attainment8 = try benchmark(store, "attainment8", 2024)
            #expect(attainment8?.value == 46.0)
            #expect(attainment8?.source == "DfE KS4 performance tables 2024/25 (provisional)")
            let history = try store.reading { db in
                try String.fetchAll(db, sql: "SELECT json_extract(old, '$.value') FROM history")
            }
            #expect(history == ["45.9"])
            // One ingest of the built-in pseudo-file: the removed figures but the user's, and
            // the corrected one.
            let files = try store.reading { db in
                try Row.fetchAll(db, sql: "SELECT name, rows FROM files WHERE sha256 = '' ORDER BY id")
            }
            #expect(files.count == 2)
            #expect(files.last?["name"] == TrustStore.builtInFileName)
            #expect(files.last?["rows"] == removed - 1 + 1)
            // Every built-in key is held, once.
            let keys = Set(
                try store.load().benchmarks.map { "\($0.kpi.key) \($0.drop) \(String(describing: $0.phase))" }
            )
            for builtIn in BuiltInBenchmarks.all {
                #expect(
                    keys.contains("\(builtIn.kpi.key) \(builtIn.drop) \(String(describing: builtIn.phase))"))
            }
        }
    }

    @Test func openingAgainAddsNothing() throws {
        try withScratchFolder { folder in
            let path = folder + "/old.sqlite"
            _ = try makeOldStore(path)
            let first = try TrustStore(path: path)
            let ingests = try count("ingests", in: first)
            let again = try TrustStore(path: path)
            #expect(try count("ingests", in: again) == ingests)
            _ = try TrustStore(readingAt: path)
            #expect(try count("ingests", in: again) == ingests)
            #expect(try again.reading { try StoreSchema.state(of: $0, path: path) } == .current)
        }
    }

    /// A figure built in after a store was brought to version 8 reaches it on the next
    /// opening: a store whose fingerprint is not this version's is behind on figures only.
    @Test func aStoreWithOlderFiguresIsBroughtUpToDateOnOpening() throws {
        try withScratchFolder { folder in
            let path = folder + "/trust.sqlite"
            let store = try TrustStore(path: path)
            try store.pool.write { db in
                try db.execute(
                    sql:
                        "DELETE FROM benchmarks WHERE measure = ? AND academic_year = 2023 AND term = 'summer'",
                    arguments: [AbsenceReason.unauthorisedOther.rawValue])
                try db.execute(sql: "UPDATE built_in_figures SET fingerprint = 'older'")
            }
            #expect(try store.reading { try StoreSchema.state(of: $0, path: path) } == .figuresBehind)
            #expect(try benchmark(store, AbsenceReason.unauthorisedOther.rawValue, 2023) == nil)
            let reader = try TrustStore(readingAt: path)
            // "unauthorised other … 1.7%", the full-year release for 2023/24.
            #expect(try benchmark(reader, AbsenceReason.unauthorisedOther.rawValue, 2023)?.value == 1.7)
            #expect(try reader.reading { try StoreSchema.state(of: $0, path: path) } == .current)
        }
    }
}

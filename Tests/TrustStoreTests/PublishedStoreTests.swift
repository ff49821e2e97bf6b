import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Published figures and national distributions (schema v2): stored, loaded, corrected
/// with history, and added to a store made by version 1 without losing its history.
@Suite struct PublishedStoreTests {
    let summer = DataDrop(year: AcademicYear(2018), term: .summer)

    private func figures(_ sample: Sample, rwm: Double?) -> [PublishedFigure] {
        [
            PublishedFigure(
                urn: sample.oak, drop: summer, kpi: .expected(.rwm), yearGroup: .year(6), value: rwm,
                pupils: 27,
                source: "DfE KS2 performance tables 2018/19"),
            PublishedFigure(
                urn: sample.oak, drop: summer, kpi: .absenceRate, value: 4.3, source: "DfE absence 2018/19"),
            PublishedFigure(
                urn: sample.oak, drop: summer, kpi: .score(.readingProgress), yearGroup: .year(6),
                value: -1.25,
                pupils: 27, interval: -3.5...1.0, source: "DfE KS2 performance tables 2018/19"),
            PublishedFigure(
                urn: sample.oak, drop: summer, kpi: .expected(.rwm), group: .disadvantaged,
                yearGroup: .year(6),
                value: nil, pupils: 3, source: "DfE KS2 performance tables 2018/19"),
        ]
    }

    private func batch(_ sample: Sample, name: String, rwm: Double?, values: [Double]) -> DropBatch {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(
                name: name, sha256: Sample.sha(name), kind: .attainment, rows: 4)
        ]
        batch.files[0].layout = "dfe-ks2"
        batch.published = figures(sample, rwm: rwm).enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        batch.distributions = [
            Sourced(
                NationalDistribution(
                    kpi: .expected(.rwm), drop: summer, phase: .primary, values: values,
                    source: "DfE KS2 2018/19"),
                file: 0, line: 1)
        ]
        return batch
    }

    @Test func publishedFiguresAndDistributionsRoundTrip() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let outcome = try store.ingest(
                batch(sample, name: "ks2.csv", rwm: 78, values: [61.5, 40, 78, 78]))
            #expect(outcome.files.first?.inserted == 5)
            let data = try store.load()
            #expect(Set(data.published) == Set(figures(sample, rwm: 78)))
            #expect(data.distributions.count == 1)
            #expect(data.distributions.first?.values == [40, 61.5, 78, 78])
            #expect(data.distributions.first?.source == "DfE KS2 2018/19")
            #expect(data.drops == [summer])
            let listing = try store.dropListing()
            #expect(listing.first?.publishedRows == 4)
            #expect(listing.first?.description.contains("4 published figures") == true)
            let layout = try store.reading { db in
                try String.fetchOne(db, sql: "SELECT layout FROM files WHERE name = 'ks2.csv'")
            }
            #expect(layout == "dfe-ks2")
        }
    }

    @Test func aCorrectedPublishedFigureKeepsTheOldOneInHistory() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(batch(sample, name: "provisional.csv", rwm: 78, values: [78]))
            let again = try store.ingest(batch(sample, name: "provisional.csv", rwm: 78, values: [78]))
            #expect(again.changedNothing)
            let outcome = try store.ingest(batch(sample, name: "final.csv", rwm: 79, values: [79]))
            #expect(outcome.files.first?.replaced == 2)
            let history = try store.history(urn: sample.oak)
            #expect(history.map(\.replaced) == [.published(figures(sample, rwm: 78)[0])])
            #expect(history.first?.source.name == "provisional.csv")
            #expect(history.first?.replacedBy.name == "final.csv")
        }
    }

    @Test func aVersion1StoreIsMigratedKeepingItsHistory() throws {
        try withScratchFolder { folder in
            let path = folder + "/v1.sqlite"
            let sample = try Sample()
            // A store as version 1 made it, with one correction in its history.
            do {
                let queue = try DatabaseQueue(path: path)
                try StoreSchema.bringUpToDate(queue, path: path, upTo: "v1")
                try queue.inTransaction { db in
                    _ = try TrustStore.write(sample.academiesBatch(), to: db, at: Times.december)
                    for (name, absent) in [("a.csv", 1_000), ("b.csv", 1_200)] {
                        var builder = BatchBuilder()
                        let file = builder.file(name, .attendance, rows: 1)
                        builder.add(sample.oakAttendance(absent: absent), file: file, line: 2)
                        try writeBeforeV7(builder.batch, to: db, at: Times.january)
                    }
                    return .commit
                }
                let columns = try queue.read { db in try db.columns(in: "files").map(\.name) }
                #expect(!columns.contains("layout"))
            }
            let store = try TrustStore(path: path)
            let history = try store.history()
            #expect(history.map(\.replaced) == [.attendance(sample.oakAttendance(absent: 1_000))])
            // The migrated store takes published figures, with history for them too.
            _ = try store.ingest(batch(sample, name: "provisional.csv", rwm: 78, values: [78]))
            _ = try store.ingest(batch(sample, name: "final.csv", rwm: 79, values: [79]))
            // The attendance correction, then the RWM figure and the distribution replaced.
            let replaced = try store.history().map(\.replaced)
            #expect(replaced.count == 3)
            #expect(replaced.dropFirst().first == .published(figures(sample, rwm: 78)[0]))
            #expect(
                replaced.last
                    == .distribution(
                        NationalDistribution(
                            kpi: .expected(.rwm), drop: summer, phase: .primary, values: [78],
                            source: "DfE KS2 2018/19")))
            #expect(try store.load().attendance == [sample.oakAttendance(absent: 1_200)])
        }
    }
}

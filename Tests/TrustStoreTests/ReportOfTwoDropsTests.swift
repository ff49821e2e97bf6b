import Foundation
import Metrics
import Testing

@testable import TrustStore

/// `report` reads from a store only its drop and the same term last year (issue 14: a
/// store of thirty drops reported as slowly as it loaded all thirty), and lists the drops
/// without reading their rows. Its report must be exactly the whole store's.
@Suite("A drop's report from its two drops is the whole store's")
struct ReportOfTwoDropsTests {
    static let sampleFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("sample-data")

    private func sampleStore(_ body: (TrustStore) throws -> Void) throws {
        try withNewStore { store in
            let batch = DropReader().read(paths: [Self.sampleFolder.path])
            #expect(batch.errors.isEmpty, "\(batch.errors.prefix(3))")
            _ = try store.ingest(batch, at: Times.december)
            try body(store)
        }
    }

    @Test("the store lists its drops, oldest first")
    func storedDrops() throws {
        try sampleStore { store in
            // The sample's files are named for the three terms of 2022/23, 2023/24, 2024/25.
            var expected: [DataDrop] = []
            for year in 2022...2024 {
                for term in [Term.autumn, .spring, .summer] {
                    expected.append(DataDrop(year: AcademicYear(year), term: term))
                }
            }
            let drops = try store.storedDrops()
            #expect(drops == expected)
        }
    }

    @Test("an empty store lists no drops")
    func noDrops() throws {
        try withNewStore { store in
            let drops = try store.storedDrops()
            #expect(drops.isEmpty)
        }
    }

    @Test("every drop of the sample trust: CSV, JSON and text byte for byte the same")
    func sameReport() throws {
        try sampleStore { store in
            let whole = try store.load()
            let config = RatingConfig()
            var withPrevious = 0
            for drop in try store.storedDrops() {
                let part = try store.load(drops: [drop, drop.sameTermLastYear])
                let before = TrustReport(
                    DropRater(data: whole, drop: drop, config: config), trustName: "Trust")
                let after = TrustReport(DropRater(data: part, drop: drop, config: config), trustName: "Trust")
                for format in [ReportFormat.csv, .json, .text] {
                    #expect(after.write(format) == before.write(format), "\(drop) \(format)")
                }
                if after.rows.contains(where: { $0.previous != nil }) { withPrevious += 1 }
            }
            // The two later years' six drops have a same term last year to compare with.
            #expect(withPrevious == 6)
        }
    }
}

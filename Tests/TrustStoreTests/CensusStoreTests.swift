import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// The school census (schema v3): every school's line stored, whether or not it is the
/// trust's, read back by year and as phases, replaced by a later file, and added to a
/// store made by version 2.
@Suite struct CensusStoreTests {
    let year = AcademicYear(2018)

    private func urn(_ value: Int) throws -> URN { try #require(URN(value)) }

    /// A primary school with every figure; an independent school with `NA` intake figures.
    private func lines(primaryPupils: Int = 285) throws -> [SchoolCensus] {
        [
            SchoolCensus(
                urn: try urn(100_000), year: year, schoolType: "State-funded primary", phase: .primary,
                pupils: primaryPupils, disadvantagedPercent: 16.2, ealPercent: 49.5, senSupportPercent: 17.5,
                ehcpPercent: 1.8),
            SchoolCensus(
                urn: try urn(100_001), year: year, schoolType: "Independent school", phase: nil, pupils: 752,
                senSupportPercent: 7.7, ehcpPercent: 0),
        ]
    }

    private func batch(_ name: String, _ lines: [SchoolCensus]) -> DropBatch {
        var batch = DropBatch()
        batch.files = [DropFileSummary(name: name, sha256: Sample.sha(name + "\(lines)"), rows: lines.count)]
        batch.files[0].layout = "dfe-census"
        batch.census = lines.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        return batch
    }

    @Test func censusLinesOfAnySchoolRoundTripAndGivePhases() throws {
        try withNewStore { store in
            // Neither school is an academy of the store: the census holds every school.
            let outcome = try store.ingest(batch("england_census_2018-19.csv", try lines()))
            #expect(outcome.files.first?.inserted == 2)
            #expect(try store.schoolCensus() == (try lines()))
            #expect(try store.schoolCensus(year: year) == (try lines()))
            #expect(try store.schoolCensus(year: AcademicYear(2019)).isEmpty)
            let phases = try store.censusPhases()
            #expect(phases.lookup(try urn(100_000), in: year) == .phase(.primary))
            #expect(phases.lookup(try urn(100_001), in: year) == .noPhase)
            #expect(phases.lookup(try urn(100_002), in: year) == .notInCensus)
            let kind = try store.reading { db in
                try Row.fetchOne(
                    db, sql: "SELECT kind, layout FROM files WHERE name = 'england_census_2018-19.csv'")
            }
            #expect(kind?["kind"] as String? == nil)
            #expect(kind?["layout"] as String? == "dfe-census")
            // The census is no drop's.
            #expect(try store.load().drops.isEmpty)
        }
    }

    @Test func theSameFileAgainChangesNothingAndALaterOneReplacesWithoutHistory() throws {
        try withNewStore { store in
            _ = try store.ingest(batch("census-a.csv", try lines()))
            #expect(try store.ingest(batch("census-a.csv", try lines())).changedNothing)
            let outcome = try store.ingest(batch("census-b.csv", try lines(primaryPupils: 290)))
            #expect(outcome.files.first?.replaced == 1)
            #expect(outcome.files.first?.unchanged == 1)
            #expect(try store.schoolCensus().first?.pupils == 290)
            #expect(try store.history().isEmpty)
        }
    }

    @Test func aVersion2StoreGainsTheCensusTable() throws {
        try withScratchFolder { folder in
            let path = folder + "/v2.sqlite"
            do {
                let queue = try DatabaseQueue(path: path)
                try StoreSchema.bringUpToDate(queue, path: path, upTo: "v2")
                let tables = try queue.read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                #expect(!tables.contains("school_census"))
            }
            let store = try TrustStore(path: path)
            _ = try store.ingest(batch("census.csv", try lines()))
            #expect(try store.schoolCensus().count == 2)
        }
    }
}

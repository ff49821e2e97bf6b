import Foundation
import Metrics
import Testing

@testable import TrustStore

/// `trustboard drops` counts a drop's inclusion rows beside its other rows.
@Suite("Listing inclusion rows")
struct InclusionListingTests {
    @Test func theDropListingCountsInclusionRows() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            // Three rows for Elm in spring: all pupils, boys, girls.
            let records = [PupilGroup.all, .boys, .girls].map { group in
                InclusionRecord(
                    urn: sample.elm, drop: sample.spring, group: group, pupils: 600, suspensions: 40,
                    pupilsSuspended: 20, permanentExclusions: 1)
            }
            var batch = DropBatch()
            batch.files = [
                DropFileSummary(
                    name: "inclusion.csv", sha256: Sample.sha("inclusion.csv"), kind: .inclusion,
                    rows: records.count, bytes: 100)
            ]
            batch.inclusion = records.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
            _ = try store.ingest(batch)
            let listing = try #require(try store.dropListing().first { $0.drop == sample.spring })
            #expect(listing.inclusionRows == 3)
            #expect(listing.academies == 1)
            #expect(listing.rows == 3)
            #expect(
                listing.description.contains(
                    "1 academy, 0 attendance, 0 attainment, 0 score rows, 3 inclusion rows;"))
        }
    }
}

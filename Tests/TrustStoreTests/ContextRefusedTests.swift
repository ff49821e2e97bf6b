import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A `context` file is read and checked, but this version of the store has no table for
/// it: the ingest is refused by name, and nothing of the batch is stored.
@Suite struct ContextRefusedTests {
    @Test func contextFileIsRefusedAndNothingStored() throws {
        try withNewStore { store in
            var batch = DropBatch()
            batch.files = [
                DropFileSummary(name: "context.csv", sha256: Sample.sha("context"), kind: .context, rows: 1)
            ]
            let urn = try #require(URN(900_101))
            let line = SchoolContext(
                urn: urn, year: AcademicYear(2024), pupils: 412, disadvantagedPercent: 23, ealPercent: 12,
                senSupportPercent: 14, ehcpPercent: 2)
            batch.context = [Sourced(line, file: 0, line: 2)]
            let error = try #require(throws: StoreError.self) { try store.ingest(batch) }
            #expect(
                error.description.hasPrefix(
                    "context.csv:2: the store refused this row (context files are read"))
            let files = try store.reading { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM files") }
            // The built-in national figures are the only file.
            #expect(files == 1)
        }
    }
}

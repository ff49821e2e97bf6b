import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// An ingest leaves the store's file whole, even while readers have it open.
@Suite struct IngestCheckpointTests {
    /// Readers open the store read-only, so they never copy the write-ahead log into the
    /// file when they close. Before, an ingest made while a dashboard was open stayed in the
    /// -wal file alone, and a copy of the store's file lacked it.
    @Test func theFileHoldsAnIngestMadeWhileAReaderHasItOpen() throws {
        try withScratchFolder { folder in
            let path = folder + "/trust.sqlite"
            _ = try TrustStore(path: path)
            let reader = try TrustStore(readingAt: path)
            #expect(try reader.knownURNs().isEmpty)
            do {
                _ = try TrustStore(path: path).ingest(try Sample().academiesBatch())
            }
            // The file alone, as a backup that copies only it would have it.
            let copy = folder + "/copy.sqlite"
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            var configuration = Configuration()
            configuration.readonly = true
            let names = try DatabaseQueue(path: copy, configuration: configuration).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM academies ORDER BY urn")
            }
            #expect(names == ["Oak Primary Academy", "Elm Secondary"])
            #expect(try reader.knownURNs().count == 2)
        }
    }
}

import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

@Suite struct StoreCreationTests {
    /// Permission bits of the file or folder at `path`, or nil when there is none.
    private func mode(_ path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }

    @Test func newStoreAndItsFoldersAreOwnerOnly() throws {
        try withScratchFolder { folder in
            let path = folder + "/trust/data/store.sqlite"
            #expect(!TrustStore.exists(at: path))
            let store = try TrustStore(path: path)
            #expect(TrustStore.exists(at: path))
            #expect(mode(folder + "/trust") == 0o700)
            #expect(mode(folder + "/trust/data") == 0o700)
            #expect(mode(path) == 0o600)

            // The write-ahead log and shared memory exist while the store is open after a write.
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            #expect(mode(path + "-wal") == 0o600)
            #expect(mode(path + "-shm") == 0o600)
        }
    }

    @Test func existingFolderKeepsItsMode() throws {
        try withScratchFolder { folder in
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder)
            _ = try TrustStore(path: folder + "/store.sqlite")
            #expect(mode(folder) == 0o755)
            #expect(mode(folder + "/store.sqlite") == 0o600)
        }
    }

    @Test func aFolderIsNotAStoreFile() throws {
        try withScratchFolder { folder in
            #expect(!TrustStore.exists(at: folder))
            #expect {
                try TrustStore(path: folder)
            } throws: { error in
                guard case .cannotCreateFile(let failed, _) = error as? StoreError else { return false }
                return failed == folder
            }
        }
    }

    @Test func newStoreHoldsTheBuiltInBenchmarks() throws {
        try withNewStore { store in
            let data = try store.load()
            #expect(data.benchmarks.count == BuiltInBenchmarks.all.count)
            #expect(Set(data.benchmarks) == Set(BuiltInBenchmarks.all))
            // KS2 RWM expected, 2023/24, all pupils: 61% (domain notes, national figures table).
            let rwm = data.benchmarks.first {
                $0.kpi == .expected(.rwm) && $0.year.start == 2023 && $0.group == .all
            }
            #expect(rwm?.value == 61)
            #expect(rwm?.phase == nil)
            #expect(rwm?.scope == .national)
            #expect(data.academies.isEmpty)
            #expect(data.attendance.isEmpty)
            #expect(try count("files", in: store) == 1)
            #expect(try count("ingests", in: store) == 1)
            #expect(try count("history", in: store) == 0)
            #expect(try store.dropListing().isEmpty)
        }
    }

    @Test func reopeningKeepsEverythingAndSeedsOnce() throws {
        try withScratchFolder { folder in
            let path = folder + "/store.sqlite"
            let sample = try Sample()
            var before = ""
            do {
                let store = try TrustStore(path: path)
                _ = try store.ingest(sample.academiesBatch())
                before = try dump(store)
            }
            let reopened = try TrustStore(path: path)
            #expect(try dump(reopened) == before)
            #expect(try reopened.knownURNs() == [sample.oak, sample.elm])
            #expect(try count("files", in: reopened) == 2)
        }
    }

    @Test func anotherSQLiteDatabaseIsRefused() throws {
        try withScratchFolder { folder in
            let path = folder + "/other.sqlite"
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in try db.execute(sql: "CREATE TABLE notes (text TEXT)") }
            }
            #expect(throws: StoreError.notAStore(path: path)) { try TrustStore(path: path) }
            // Refusing it added nothing to it.
            let tables = try DatabaseQueue(path: path).read { db in
                try String.fetchAll(db, sql: "SELECT name FROM sqlite_master ORDER BY name")
            }
            #expect(tables == ["notes"])
        }
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        try withScratchFolder { folder in
            let path = folder + "/notes.txt"
            let text = String(repeating: "urn,name,phase\n100001,Oak,primary\n", count: 100)
            try Data(text.utf8).write(to: URL(fileURLWithPath: path))
            #expect(throws: StoreError.notAStore(path: path)) { try TrustStore(path: path) }
        }
    }

    @Test func aStoreFromANewerVersionIsRefused() throws {
        try withScratchFolder { folder in
            let path = folder + "/store.sqlite"
            do {
                _ = try TrustStore(path: path)
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in
                    try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99')")
                }
            }
            #expect(throws: StoreError.newerStore(path: path)) { try TrustStore(path: path) }
        }
    }

    @Test func aStoreInAFolderThatCannotBeMadeIsReported() throws {
        try withScratchFolder { folder in
            // A plain file where a folder should be.
            try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/taken"))
            let path = folder + "/taken/store.sqlite"
            #expect {
                try TrustStore(path: path)
            } throws: { error in
                guard case .cannotCreateFolder(let failed, _) = error as? StoreError else { return false }
                return failed == folder + "/taken"
            }
        }
    }
}

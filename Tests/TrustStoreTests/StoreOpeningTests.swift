import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Opening a store: for reading without the write lock, making one whole or not at all, and
/// errors that say what to do.
@Suite struct StoreOpeningTests {
    /// Permission bits of the file at `path`, or nil when there is none.
    private func mode(_ path: String) -> Int? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        return (attributes?[.posixPermissions] as? NSNumber)?.intValue
    }

    /// A store holding Oak and Elm, at `folder/trust.sqlite`, closed again.
    private func madeStore(in folder: String) throws -> String {
        let path = folder + "/trust.sqlite"
        _ = try TrustStore(path: path).ingest(try Sample().academiesBatch())
        return path
    }

    /// Runs `body` while another connection holds the store's write lock, as an ingest does
    /// while storing (with a row written and not committed).
    private func whileAnIngestHoldsTheStore(_ path: String, _ body: () throws -> Void) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            try db.execute(sql: "INSERT INTO ingests (time) VALUES (0)")
            defer { try? db.execute(sql: "ROLLBACK") }
            try body()
        }
    }

    /// Before, opening took the write lock to run the migrator, so this waited 10 s and
    /// failed with "database is locked".
    @Test func openingForReadingDoesNotWaitForAnIngest() throws {
        try withScratchFolder { folder in
            let path = try madeStore(in: folder)
            let sample = try Sample()
            try whileAnIngestHoldsTheStore(path) {
                // The ingest never commits: a reader that waited for its lock would throw
                // "database is locked" after the busy timeout, so reading at all is the proof.
                let store = try TrustStore(readingAt: path)
                #expect(try store.knownURNs() == [sample.oak, sample.elm])
                #expect(try store.load().academies.count == 2)
            }
        }
    }

    /// An ingest that finds the store held for longer than it waits says so, names the
    /// store, and says to try again. Before: "database is locked (SQLite error 5)".
    @Test func aStoreHeldByAnotherIngestSaysSoAndToTryAgain() throws {
        try withScratchFolder { folder in
            let path = try madeStore(in: folder)
            let store = try TrustStore(path: path, waitingUpTo: 0.2)
            var builder = BatchBuilder()
            let file = builder.file("attendance.csv", .attendance, rows: 1)
            builder.add(try Sample().oakAttendance(), file: file, line: 2)
            try whileAnIngestHoldsTheStore(path) {
                #expect(throws: StoreError.busy(path: path)) { try store.ingest(builder.batch) }
            }
            let message = StoreError.busy(path: path).description
            #expect(message.contains(path))
            #expect(message.contains("another ingest is writing to the trust store"))
            #expect(message.contains("try again once that ingest has finished"))
        }
    }

    /// A file that an earlier trustboard began to make and was stopped (killed between
    /// creating its table of steps and the first step) is made into a store. Before, it was
    /// "not a trustboard store" for good.
    @Test func aStoreLeftHalfMadeIsTakenOver() throws {
        try withScratchFolder { folder in
            let path = folder + "/trust.sqlite"
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in
                    try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                }
            }
            let store = try TrustStore(path: path)
            #expect(try store.load().benchmarks.count == BuiltInBenchmarks.all.count)
            #expect(try store.ingest(try Sample().academiesBatch()).inserted == 2)
            // Read again, it is an ordinary store.
            #expect(try TrustStore(readingAt: path).knownURNs().count == 2)
        }
    }

    /// Another program's database that holds GRDB's table of steps, with steps of its own,
    /// is not taken for a half-made store.
    @Test func anotherGRDBDatabaseIsStillRefused() throws {
        try withScratchFolder { folder in
            let path = folder + "/other.sqlite"
            do {
                let queue = try DatabaseQueue(path: path)
                try queue.write { db in
                    try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
                    try db.execute(sql: "INSERT INTO grdb_migrations VALUES ('createNotes')")
                }
            }
            #expect(throws: StoreError.notAStore(path: path)) { try TrustStore(path: path) }
            #expect(throws: StoreError.notAStore(path: path)) { try TrustStore(readingAt: path) }
        }
    }

    /// A store is made in one transaction, so that a process stopped at any moment leaves
    /// it whole or not made at all. Before, GRDB's migrator committed four times: its table
    /// of steps, then each step.
    @Test func aStoreIsMadeInOneTransaction() throws {
        try withScratchFolder { folder in
            let path = folder + "/trust.sqlite"
            let queue = try DatabaseQueue(path: path)
            let commits = CommitCounter()
            queue.add(transactionObserver: commits)
            try StoreSchema.bringUpToDate(queue, path: path)
            #expect(commits.count == 1)
            #expect(try queue.read { db in try StoreSchema.state(of: db, path: path) } == .current)
        }
    }

    /// A store made by an earlier version is brought up to date when first read, and read.
    @Test func anOlderStoreIsBroughtUpToDateWhenFirstRead() throws {
        try withScratchFolder { folder in
            let path = folder + "/v2.sqlite"
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.bringUpToDate(queue, path: path, upTo: "v2")
            try queue.write { db in
                _ = try TrustStore.write(try Sample().academiesBatch(), to: db, at: Times.march)
            }
            let store = try TrustStore(readingAt: path)
            #expect(try store.knownURNs().count == 2)
            #expect(try store.schoolCensus().isEmpty)
            #expect(try queue.read { db in try StoreSchema.state(of: db, path: path) } == .current)
        }
    }

    /// An empty file someone made with mode 0666 is made private when a store is made in it,
    /// and so are its `-wal` and `-shm` files. Before, all three stayed 0666.
    @Test func anEmptyFileMadeForTheStoreIsMadePrivate() throws {
        try withScratchFolder { folder in
            let path = folder + "/trust.sqlite"
            #expect(FileManager.default.createFile(atPath: path, contents: nil))
            #expect(chmod(path, 0o666) == 0)
            #expect(mode(path) == 0o666)
            let store = try TrustStore(path: path)
            _ = try store.ingest(try Sample().academiesBatch())
            #expect(mode(path) == 0o600)
            #expect(mode(path + "-wal") == 0o600)
            #expect(mode(path + "-shm") == 0o600)
        }
    }

    /// A store someone shares on purpose (0640) keeps its mode: only a store being made is
    /// made private.
    @Test func anExistingStoreKeepsItsMode() throws {
        try withScratchFolder { folder in
            let path = try madeStore(in: folder)
            #expect(chmod(path, 0o640) == 0)
            _ = try TrustStore(path: path).ingest(try Sample().academiesBatch())
            #expect(mode(path) == 0o640)
        }
    }

    /// Reading a store writes nothing to it.
    @Test func openingForReadingLeavesTheFileAsItWas() throws {
        try withScratchFolder { folder in
            let path = try madeStore(in: folder)
            let before = FileManager.default.contents(atPath: path)
            do {
                let store = try TrustStore(readingAt: path)
                _ = try store.load()
                _ = try store.dropListing()
            }
            #expect(FileManager.default.contents(atPath: path) == before)
        }
    }

    /// Opening a path with no file for reading is an error naming it, and makes nothing.
    @Test func openingAMissingStoreForReadingMakesNothing() throws {
        try withScratchFolder { folder in
            let path = folder + "/none.sqlite"
            #expect(throws: StoreError.cannotOpen(path: path, reason: "there is no such file")) {
                try TrustStore(readingAt: path)
            }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    /// A damaged file says how to recover, naming the store. Before: "database disk image is
    /// malformed (SQLite error 11)" and nothing else.
    @Test func aDamagedStoreSaysHowToRecover() throws {
        try withScratchFolder { folder in
            let path = try madeStore(in: folder)
            // Every page after the first (which holds the schema) overwritten with 0xFF.
            let bytes = try #require(FileManager.default.contents(atPath: path))
            let page = 4_096
            #expect(bytes.count > 4 * page)
            let damaged = bytes.prefix(page) + Data(repeating: 0xFF, count: bytes.count - page)
            try damaged.write(to: URL(fileURLWithPath: path))
            #expect {
                try TrustStore(readingAt: path).load()
            } throws: { error in
                guard case .damaged(let failed, _) = error as? StoreError else { return false }
                return failed == path
            }
            let message = StoreError.damaged(path: path, message: "database disk image is malformed")
                .description
            #expect(
                message
                    == "the trust store \(path) is damaged (database disk image is malformed); restore it from "
                    + "a copy, or move it aside and ingest the data-drop files again into a new store "
                    + "(`trustboard drops` lists the files a store was made from, while it can still be read)"
            )
        }
    }

    /// SQLite's failures a user can act on become errors that say what to do, each naming
    /// the store.
    @Test func sqliteFailuresSayWhatToDo() {
        let path = "/data/trust.sqlite"
        func wrapped(_ code: ResultCode) -> StoreError {
            StoreError.wrapping(DatabaseError(resultCode: code, message: "m"), path: path)
        }
        #expect(wrapped(.SQLITE_BUSY) == .busy(path: path))
        #expect(wrapped(.SQLITE_CORRUPT) == .damaged(path: path, message: "m"))
        #expect(wrapped(.SQLITE_READONLY) == .readOnly(path: path))
        #expect(wrapped(.SQLITE_FULL) == .diskFull(path: path))
        #expect(wrapped(.SQLITE_NOTADB) == .notAStore(path: path))
        #expect(wrapped(.SQLITE_CANTOPEN) == .cannotOpen(path: path, reason: "m"))
        #expect(
            StoreError.readOnly(path: path).description
                == "the trust store /data/trust.sqlite is read-only here (a read-only disk, or a file or "
                + "folder you may not write), so nothing was stored; ingest into a store you may write, "
                + "or ask its owner to")
        for error in [
            StoreError.diskFull(path: path), .outdatedAndReadOnly(path: path), .unmadeAndReadOnly(path: path),
            .cannotOpen(path: path, reason: "m"), .cannotMakePrivate(path: path, reason: "m"),
        ] {
            #expect(error.description.contains(path))
        }
    }
}

/// Counts the transactions committed on a connection.
private final class CommitCounter: TransactionObserver, @unchecked Sendable {
    private(set) var count = 0

    func observes(eventsOfKind eventKind: DatabaseEventKind) -> Bool { false }
    func databaseDidChange(with event: DatabaseEvent) {}
    func databaseDidCommit(_ db: Database) { count += 1 }
    func databaseDidRollback(_ db: Database) {}
}

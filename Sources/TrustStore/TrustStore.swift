import Foundation
import GRDB
import Metrics

/// The trust store: every ingested drop, where each figure came from, and what it replaced,
/// in one SQLite file.
///
/// The file is opened in WAL mode through a GRDB `DatabasePool`, so a dashboard can keep
/// reading while an ingest writes: each read sees the store before or after a whole batch,
/// never half of one. One store may be shared by threads; its methods block.
public final class TrustStore: Sendable {
    /// The path the store was opened at.
    public let path: String
    let pool: DatabasePool

    /// True when a file exists at `path` (it may still turn out not to be a store).
    public static func exists(at path: String) -> Bool {
        StoreFile.exists(at: path)
    }

    /// Opens the store at `path`, creating it when there is no file there.
    ///
    /// A new store is created readable and writable by its owner alone, in folders made
    /// for it with mode 0700, and holds the built-in national benchmarks.
    ///
    /// - Throws: `StoreError` when the file cannot be created, is not a trust store, was
    ///   written by a newer trustboard, or cannot be opened.
    public init(path: String) throws {
        self.path = path
        try StoreFile.createPrivately(at: path)

        var configuration = Configuration()
        configuration.label = "TrustStore"
        // Another process may be ingesting: wait for it rather than fail at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            // In WAL mode NORMAL stays consistent after a crash and only risks the last
            // commits on power loss, which an ingest can redo from its files.
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            pool = try DatabasePool(path: path, configuration: configuration)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
        try migrate()
    }

    /// Checks that the file is a store this version can use, then brings its schema up to date.
    private func migrate() throws {
        let migrator = Self.migrator
        do {
            let (applicationID, objects, superseded) = try pool.read { db in
                (
                    try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0,
                    try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0,
                    try migrator.hasBeenSuperseded(db)
                )
            }
            // An empty file is a store yet to be made; anything else must carry our mark.
            if objects > 0, applicationID != Self.applicationID { throw StoreError.notAStore(path: path) }
            if superseded { throw StoreError.newerStore(path: path) }
            try migrator.migrate(pool)
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            throw StoreError.notAStore(path: path)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Runs `body` in one read transaction, turning SQLite errors into `StoreError`s.
    func reading<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try pool.read(body)
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }
}

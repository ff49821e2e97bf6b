import Foundation
import GRDB
import Metrics

/// The trust store: every ingested drop, where each figure came from, and what it replaced,
/// in one SQLite file.
///
/// The file is opened in WAL mode through a GRDB `DatabasePool`, so a dashboard can keep
/// reading while an ingest writes: each read sees the store before or after a whole batch,
/// never half of one. A store opened for reading (`init(readingAt:)`) never takes the write
/// lock, so it never waits for an ingest, and it can be read where it cannot be written.
/// One store may be shared by threads; its methods block.
public final class TrustStore: Sendable {
    /// The path the store was opened at.
    public let path: String
    let pool: DatabasePool

    /// How long, in seconds, opening a store for writing or an ingest waits for another
    /// ingest that holds the store's write lock. A national ingest stores in a few seconds;
    /// a minute leaves room for a slow disk.
    static let writeWait: TimeInterval = 60

    /// True when a file exists at `path` (it may still turn out not to be a store).
    public static func exists(at path: String) -> Bool {
        StoreFile.exists(at: path)
    }

    /// Opens the store at `path` for reading and writing (for an ingest), creating it when
    /// there is no file there.
    ///
    /// A new store is created readable and writable by its owner alone, in folders made
    /// for it with mode 0700, and holds the built-in national benchmarks. It is made in one
    /// transaction, so an ingest stopped at any moment leaves it whole or not made at all,
    /// and the next ingest makes it. An empty file at `path` is made into a store (and
    /// made private). A store made by an older trustboard is brought up to date, which takes
    /// the write lock; a store that is up to date is opened without it.
    ///
    /// - Throws: `StoreError` when the file cannot be created, is not a trust store, was
    ///   written by a newer trustboard, cannot be written, or cannot be opened.
    public convenience init(path: String) throws {
        try self.init(path: path, waitingUpTo: Self.writeWait)
    }

    /// Opens the store at `path` for writing; `wait` is how long to wait for another writer.
    init(path: String, waitingUpTo wait: TimeInterval) throws {
        self.path = path
        try StoreFile.createPrivately(at: path)
        do {
            pool = try Self.openPool(at: path, readOnly: false, wait: wait)
            // Most opens find the store up to date, and need no write lock for that.
            if try pool.read({ try StoreSchema.state(of: $0, path: path) }) != .current {
                try StoreSchema.bringUpToDate(pool, path: path)
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// Opens the store at `path` for reading only: for `report`, `drops` and the dashboard.
    ///
    /// It never takes the write lock, so it does not wait for an ingest, and it reads a
    /// store on a read-only disk or one the user may not write. Only a store that was made
    /// by an older trustboard, or never finished, needs writing first: it is brought up to
    /// date once, as `init(path:)` does, and where it cannot be written that is an error
    /// saying so.
    ///
    /// - Throws: `StoreError` when there is no file at `path`, or it is not a trust store,
    ///   was written by a newer trustboard, needs bringing up to date and cannot be
    ///   written, or cannot be opened.
    public init(readingAt path: String) throws {
        self.path = path
        guard StoreFile.exists(at: path) else {
            throw StoreError.cannotOpen(path: path, reason: "there is no such file")
        }
        do {
            var (pool, state) = try Self.openForReading(at: path)
            if state != .current {
                do {
                    _ = try TrustStore(path: path)
                    (pool, state) = try Self.openForReading(at: path)
                } catch StoreError.readOnly, StoreError.cannotOpen {
                    // Lacking only newer built-in figures, a store still reads right: it is
                    // read as it is, without them.
                    if state == .unmade { throw StoreError.unmadeAndReadOnly(path: path) }
                    if state != .figuresBehind { throw StoreError.outdatedAndReadOnly(path: path) }
                }
            }
            self.pool = pool
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// A read-only pool on the store, and what the store holds.
    ///
    /// SQLite reads a WAL-mode file through its `-wal` and `-shm` files, making them when
    /// they are not there. Where they cannot be made (a read-only disk gives "unable to open
    /// database file", a folder the user may not write "attempt to write a readonly
    /// database") and there is no write-ahead log to read, the file is opened as immutable:
    /// read as it is, without them. That is safe on a read-only disk. Where the owner may
    /// still write the store, an ingest of theirs made meanwhile is not seen, and a read
    /// that overlaps its end could fail or see a mix; the user sees an error or runs the
    /// command again, and the store itself is never touched.
    private static func openForReading(at path: String) throws -> (DatabasePool, StoreSchema.State) {
        do {
            let pool = try openPool(at: path, readOnly: true, wait: 10)
            return (pool, try pool.read { try StoreSchema.state(of: $0, path: path) })
        } catch let error as DatabaseError
            where [.SQLITE_CANTOPEN, .SQLITE_READONLY].contains(error.resultCode) && hasNoLog(path)
        {
            let pool = try openPool(at: immutableURI(path), readOnly: true, wait: 10)
            return (pool, try pool.read { try StoreSchema.state(of: $0, path: path) })
        }
    }

    private static func openPool(at path: String, readOnly: Bool, wait: TimeInterval) throws -> DatabasePool {
        var configuration = Configuration()
        configuration.label = "TrustStore"
        configuration.readonly = readOnly
        // Another process may be ingesting: wait for it rather than fail at once.
        configuration.busyMode = .timeout(wait)
        if !readOnly {
            configuration.prepareDatabase { db in
                // In WAL mode NORMAL stays consistent after a crash and only risks the last
                // commits on power loss, which an ingest can redo from its files.
                try db.execute(sql: "PRAGMA synchronous = NORMAL")
            }
        }
        if readOnly { return try DatabasePool(path: path, configuration: configuration) }
        // Opening for writing puts a new file in WAL mode, and SQLite refuses that at once,
        // without waiting, while another process has the file open to do the same: two
        // ingests making one store. So that is tried again until `wait` is over.
        let deadline = Date(timeIntervalSinceNow: wait)
        while true {
            do {
                return try DatabasePool(path: path, configuration: configuration)
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                usleep(useconds_t.random(in: 5_000...20_000))
            }
        }
    }

    /// True when the store has no write-ahead log holding changes not yet in the file.
    private static func hasNoLog(_ path: String) -> Bool {
        let size = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? NSNumber
        return (size?.intValue ?? 0) == 0
    }

    /// `path` as an SQLite URI that opens the file as immutable: every byte but letters,
    /// digits, `-._~` and `/` percent-encoded.
    private static func immutableURI(_ path: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/".utf8)
        let encoded = path.utf8.map {
            plain.contains($0) ? String(UnicodeScalar($0)) : String(format: "%%%02X", $0)
        }
        return "file:" + encoded.joined() + "?immutable=1"
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

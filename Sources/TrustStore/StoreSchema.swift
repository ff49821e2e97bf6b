import Foundation
import GRDB

/// One version's change to the schema, recorded by its identifier once applied.
struct SchemaStep: Sendable {
    /// "v1", "v2"…: the name recorded in the store.
    let identifier: String
    /// Changes the schema, inside the caller's transaction.
    let apply: @Sendable (Database) throws -> Void

    init(_ identifier: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.identifier = identifier
        self.apply = apply
    }
}

/// Tells what a file holds, and brings a store's schema up to date in one transaction.
///
/// Earlier versions used GRDB's migrator, which creates its table of applied steps in a
/// transaction of its own and then runs each step in another. An ingest killed between
/// the two left a file holding only that table, refused for good as "not a trustboard
/// store"; two ingests creating one store at once could both run the first step. Here the
/// check and every missing step run in one transaction that holds the write lock from its
/// start, so a store exists whole or not at all, and the second of two ingests waits, then
/// finds the store made.
enum StoreSchema {
    /// What a file holds, as far as opening it as a store goes.
    enum State: Equatable {
        /// No store yet: an empty file, or the table of steps alone, empty, as an earlier
        /// version left it when stopped while making a store.
        case unmade
        /// A store made by an earlier version, lacking later steps.
        case behind
        /// A store with every step, lacking built-in figures this version has (or holding
        /// built-in figures it gives otherwise): it may be read as it is, and is brought up
        /// to date where it can be written.
        case figuresBehind
        /// A store this version uses as it is.
        case current
    }

    /// The table of applied steps, named and shaped as GRDB's migrator made it, so that
    /// stores made by earlier versions read the same.
    private static let stepsTable = "grdb_migrations"

    /// What `db` holds.
    ///
    /// - Throws: `StoreError.notAStore` for another SQLite database, `.newerStore` for a
    ///   store with a step this version does not know.
    static func state(of db: Database, path: String) throws -> State {
        let applicationID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
        let owners = try String.fetchAll(db, sql: "SELECT tbl_name FROM sqlite_master")
        if owners.isEmpty { return .unmade }
        let steps = owners.contains(stepsTable) ? try appliedSteps(db) : []
        if applicationID != TrustStore.applicationID {
            // The first step sets the application id, so a file without it may only be a
            // store never made: the table of steps alone (with its index), empty.
            if owners.allSatisfy({ $0 == stepsTable }), steps.isEmpty { return .unmade }
            throw StoreError.notAStore(path: path)
        }
        let known = Set(TrustStore.schemaSteps.map(\.identifier))
        if !steps.isSubset(of: known) { throw StoreError.newerStore(path: path) }
        if steps != known { return .behind }
        let fingerprint = try TrustStore.storedBuiltInFingerprint(db)
        return fingerprint == TrustStore.builtInFingerprint ? .current : .figuresBehind
    }

    /// Makes the store, or brings it up to date, in one transaction that takes the write
    /// lock first (waiting for another writer as the connection's busy mode says) and
    /// looks at the file again once it holds it.
    ///
    /// A file that held no store is made readable and writable by its owner alone before
    /// anything is written to it, with its `-wal` and `-shm` files: it may have been made
    /// by someone else with a wider mode.
    ///
    /// - Parameters:
    ///   - writer: The store's pool, or a queue on its file.
    ///   - path: The store's path, for messages and modes.
    ///   - last: The last step to apply; nil for all. Tests make the stores of earlier
    ///     versions with it.
    /// - Throws: `StoreError.notAStore` or `.newerStore` as `state(of:path:)` does,
    ///   `.cannotMakePrivate`, or an SQLite error; nothing is changed then.
    static func bringUpToDate(_ writer: any DatabaseWriter, path: String, upTo last: String? = nil) throws {
        try writer.writeWithoutTransaction { db in
            // A step may rebuild a table other tables refer to (v5 rebuilds `files`), the
            // way SQLite documents: a new table, the rows copied, the old one dropped and
            // the new one renamed. With foreign keys enforced, dropping the old table fails
            // on the rows that refer to it; and SQLite ignores turning them off inside a
            // transaction. So, as GRDB's migrator does by default, they are off while the
            // steps run and every reference is checked before the transaction commits.
            let enforced = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
            if enforced { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
            let steps = Result { try applySteps(db, path: path, upTo: last) }
            // Turned on again whatever the steps did, and a failure to is not swallowed:
            // the pool's writer would otherwise go on without them.
            if enforced { try db.execute(sql: "PRAGMA foreign_keys = ON") }
            // A step that rebuilt a table (v10 copies every record) wrote the whole table to
            // the log; it is copied into the store now and the log emptied, rather than a
            // log as large as the store being left beside it. Best effort: a reader that
            // holds the log open only delays this to SQLite's own checkpoints.
            if try steps.get() { try? db.execute(sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }

    /// Applies the steps `db` lacks, up to `last`, in one transaction that takes the write
    /// lock first, and checks every reference before it commits. Returns true when a
    /// store made by an earlier version was brought up to date.
    private static func applySteps(_ db: Database, path: String, upTo last: String?) throws -> Bool {
        var updated = false
        try db.inTransaction(.immediate) {
            let state = try state(of: db, path: path)
            if state == .current, last == nil { return .commit }
            updated = state == .behind
            if state == .unmade { try StoreFile.makePrivate(path) }
            try db.execute(
                sql: "CREATE TABLE IF NOT EXISTS \(stepsTable) (identifier TEXT NOT NULL PRIMARY KEY)")
            let applied = try appliedSteps(db)
            for step in TrustStore.schemaSteps {
                if !applied.contains(step.identifier) {
                    try step.apply(db)
                    try db.execute(
                        sql: "INSERT INTO \(stepsTable) (identifier) VALUES (?)",
                        arguments: [step.identifier])
                }
                if step.identifier == last { break }
            }
            // After the steps, so that the figures are written in the newest layout; not
            // for a store of an earlier version made by a test, which the figures' write
            // may not fit.
            if last == nil, try TrustStore.storedBuiltInFingerprint(db) != TrustStore.builtInFingerprint {
                try TrustStore.addBuiltInBenchmarks(db, at: Date())
            }
            try checkReferences(db)
            return .commit
        }
        return updated
    }

    /// Throws when any row refers to a row that is not there, so that a step that broke a
    /// reference is rolled back rather than committed.
    private static func checkReferences(_ db: Database) throws {
        if let broken = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check") {
            let table: String = broken["table"]
            let parent: String = broken["parent"]
            throw DatabaseError(
                resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                message: "a row of \(table) refers to a row of \(parent) that is not there")
        }
    }

    private static func appliedSteps(_ db: Database) throws -> Set<String> {
        Set(try String.fetchAll(db, sql: "SELECT identifier FROM \(stepsTable)"))
    }
}

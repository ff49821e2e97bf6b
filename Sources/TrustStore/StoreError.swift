import GRDB
import Metrics

/// Why the trust store could not do what was asked. Each message names the store or the file
/// and line concerned, and what the user can do about it.
public enum StoreError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The batch has errors, so nothing of it was stored.
    case invalidBatch(errors: Int)
    /// A folder on the way to the store could not be made.
    case cannotCreateFolder(path: String, reason: String)
    /// The store's file could not be made.
    case cannotCreateFile(path: String, reason: String)
    /// The file is not a trust store (another SQLite database, or not SQLite at all).
    case notAStore(path: String)
    /// The store was written by a newer trustboard, whose schema this one does not know.
    case newerStore(path: String)
    /// A record of the batch names a file the batch does not list: a bug in the caller.
    case recordWithoutFile(table: String, line: Int, fileIndex: Int)
    /// SQLite refused a row of the batch, so nothing of the batch was stored.
    case rowRefused(file: String, line: Int, reason: String)
    /// A stored value is not one this version can read.
    case unreadableValue(path: String, table: String, column: String, value: String)
    /// SQLite failed while reading or writing the store.
    case database(path: String, code: Int32, message: String)
    /// A new store's file could not be made readable by its owner alone.
    case cannotMakePrivate(path: String, reason: String)
    /// The store could not be opened at all (SQLite's message, such as "unable to open
    /// database file").
    case cannotOpen(path: String, reason: String)
    /// Another ingest (or another program) held the store's write lock for longer than an
    /// ingest waits.
    case busy(path: String)
    /// SQLite found the file damaged.
    case damaged(path: String, message: String)
    /// The store cannot be written here: a read-only disk, or a file or folder the user may
    /// not write.
    case readOnly(path: String)
    /// The store was made by an older trustboard and must be brought up to date, which
    /// needs to write, but it cannot be written here.
    case outdatedAndReadOnly(path: String)
    /// The file holds no store yet, and it cannot be written here to make one.
    case unmadeAndReadOnly(path: String)
    /// The disk holding the store is full.
    case diskFull(path: String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .invalidBatch(let errors):
            "the batch has \(errors) error\(errors == 1 ? "" : "s"), so nothing was stored; "
                + "put them right and ingest all the files again"
        case .cannotCreateFolder(let path, let reason):
            "cannot create the folder \(path) for the trust store: \(reason); "
                + "choose a store path in a folder you can write to"
        case .cannotCreateFile(let path, let reason):
            "cannot create the trust store \(path): \(reason); "
                + "choose a store path in a folder you can write to"
        case .notAStore(let path):
            "\(path) is not a trustboard store; give the path of a store, or a new path to create one"
        case .newerStore(let path):
            "the trust store \(path) was written by a newer version of trustboard; "
                + "upgrade trustboard to use it"
        case .recordWithoutFile(let table, let line, let fileIndex):
            "internal error: a \(table) record from line \(line) names file \(fileIndex + 1), "
                + "which is not in the batch; nothing was stored"
        case .rowRefused(let file, let line, let reason):
            "\(file):\(line): the store refused this row (\(reason)), so nothing of the batch was stored; "
                + "check the row and ingest all the files again"
        case .unreadableValue(let path, let table, let column, let value):
            "the trust store \(path) holds '\(value)' in column \(column) of table \(table), "
                + "which this version of trustboard cannot read; upgrade trustboard"
        case .database(let path, let code, let message):
            "the trust store \(path) could not be read or written: \(message) (SQLite error \(code))"
        case .cannotMakePrivate(let path, let reason):
            "cannot make \(path) readable by its owner alone (\(reason)), so no store was made in it; "
                + "a store holds figures for small groups of pupils: give a store path of your own"
        case .cannotOpen(let path, let reason):
            "cannot open the trust store \(path): \(reason); "
                + "check that it exists and that you may read it and the folders above it"
        case .busy(let path):
            "another ingest is writing to the trust store \(path) and held it for longer than this "
                + "command waits; nothing was changed: try again once that ingest has finished"
        case .damaged(let path, let message):
            "the trust store \(path) is damaged (\(message)); restore it from a copy, or move it aside "
                + "and ingest the data-drop files again into a new store (`trustboard drops` lists "
                + "the files a store was made from, while it can still be read)"
        case .readOnly(let path):
            "the trust store \(path) is read-only here (a read-only disk, or a file or folder you may not "
                + "write), so nothing was stored; ingest into a store you may write, or ask its owner to"
        case .outdatedAndReadOnly(let path):
            "the trust store \(path) was made by an older trustboard and must be brought up to date "
                + "once before this one can read it, but it is read-only here; run any trustboard command "
                + "on it once as a user who may write it (such as `trustboard drops`)"
        case .unmadeAndReadOnly(let path):
            "\(path) holds no trust store yet, and it is read-only here, so none can be made in it; "
                + "give the path of a store, or ingest into a path you may write"
        case .diskFull(let path):
            "the disk that holds the trust store \(path) is full, so nothing was stored; "
                + "free some space and ingest again"
        }
    }

    /// `error` as a store error: a `DatabaseError` becomes `.database`, a store error stays as it is.
    ///
    /// The failures a user can act on get messages that say what to do: the store locked by
    /// another ingest, damaged, read-only, its disk full, or not a database at all.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            let message = error.message ?? "SQLite error"
            switch error.resultCode {
            case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
            case .SQLITE_CORRUPT: return .damaged(path: path, message: message)
            case .SQLITE_NOTADB: return .notAStore(path: path)
            case .SQLITE_READONLY: return .readOnly(path: path)
            case .SQLITE_FULL: return .diskFull(path: path)
            case .SQLITE_CANTOPEN: return .cannotOpen(path: path, reason: message)
            default: return .database(path: path, code: error.extendedResultCode.rawValue, message: message)
            }
        }
        return .database(path: path, code: -1, message: String(describing: error))
    }
}

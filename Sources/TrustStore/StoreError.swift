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
        }
    }

    /// `error` as a store error: a `DatabaseError` becomes `.database`, a store error stays as it is.
    static func wrapping(_ error: any Error, path: String) -> StoreError {
        if let error = error as? StoreError { return error }
        if let error = error as? DatabaseError {
            return .database(
                path: path, code: error.extendedResultCode.rawValue,
                message: error.message ?? "SQLite error")
        }
        return .database(path: path, code: -1, message: String(describing: error))
    }
}

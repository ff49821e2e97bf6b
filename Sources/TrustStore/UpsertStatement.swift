import GRDB
import GRDBSQLite
import Metrics

/// A prepared upsert, bound and run through SQLite's C API.
///
/// An ingest runs one of these per row, 1.5 million times for a large trust's drop. Going
/// through `StatementArguments` would build an array of boxed values for every row; binding
/// each column straight into the `sqlite3_stmt` GRDB prepared costs no allocation at all.
/// It is used only inside a GRDB write transaction, on GRDB's writer connection.
final class UpsertStatement {
    /// GRDB's statement, kept to keep the `sqlite3_stmt` alive; GRDB finalizes it.
    private let statement: Statement
    private let handle: SQLiteStatement
    private let connection: SQLiteConnection
    private var column: Int32 = 0
    /// The first failure to bind since the last run, reported by `run()`.
    private var bindFailure: Int32 = SQLITE_OK
    /// One buffer per parameter that text is copied into and bound from, kept from row to
    /// row: SQLite reads a bound text only while the statement runs, so the next row's
    /// text may overwrite it. Binding a copy SQLite makes itself costs an allocation and a
    /// free per text per row, a tenth of a large ingest.
    private var buffers: [UnsafeMutableRawBufferPointer]

    /// Prepares `sql` on `db`.
    init(_ db: Database, sql: String) throws {
        statement = try db.makeStatement(sql: sql)
        handle = statement.sqliteStatement
        guard let connection = db.sqliteConnection else { throw DatabaseError(resultCode: .SQLITE_MISUSE) }
        self.connection = connection
        buffers = (0..<max(0, Int(sqlite3_bind_parameter_count(handle)))).map { _ in
            UnsafeMutableRawBufferPointer.allocate(byteCount: 32, alignment: 1)
        }
    }

    deinit {
        // Nothing may point into the buffers once they are freed.
        sqlite3_clear_bindings(handle)
        for buffer in buffers { buffer.deallocate() }
    }

    /// The buffer of the current parameter, holding at least `count` bytes; nil past the last
    /// parameter.
    private func buffer(holding count: Int) -> UnsafeMutableRawBufferPointer? {
        let index = Int(column) - 1
        guard buffers.indices.contains(index) else { return nil }
        if buffers[index].count < count {
            buffers[index].deallocate()
            buffers[index] = UnsafeMutableRawBufferPointer.allocate(
                byteCount: max(count, 2 * buffers[index].count), alignment: 1)
        }
        return buffers[index]
    }

    /// Tells SQLite to copy a bound string, which lives only during the call.
    private var transient: sqlite3_destructor_type { unsafeBitCast(-1, to: sqlite3_destructor_type.self) }

    /// Binds the next parameter.
    func bind(_ value: Int) {
        column += 1
        check(sqlite3_bind_int64(handle, column, Int64(value)))
    }

    /// Binds the next parameter, NULL for nil.
    func bind(_ value: Int?) {
        if let value { bind(value) } else { bindNull() }
    }

    /// Binds the next parameter.
    func bind(_ value: Double) {
        column += 1
        check(sqlite3_bind_double(handle, column, value))
    }

    /// Binds the next parameter, NULL for nil.
    func bind(_ value: Double?) {
        if let value { bind(value) } else { bindNull() }
    }

    /// Binds the next parameter. Enum raw values are literals or small strings, so
    /// `withUTF8` finds their bytes without allocating, and they are copied into the
    /// parameter's own buffer, which SQLite reads in place.
    func bind(_ value: String) {
        var value = value
        value.withUTF8 { bindText(UnsafeRawBufferPointer($0)) }
    }

    /// Binds the next parameter to the text whose UTF-8 bytes are `bytes`.
    func bind(utf8 bytes: [UInt8]) {
        bytes.withUnsafeBytes { bindText($0) }
    }

    /// Binds the next parameter to the text `bytes` where they are, without copying them:
    /// they must stay where they are, unchanged, until the statement has run.
    func bind(inPlace bytes: UnsafeRawBufferPointer) {
        // A null pointer would bind NULL rather than the empty string.
        guard let start = bytes.baseAddress else { return bindText(bytes) }
        column += 1
        // No destructor (SQLITE_STATIC): SQLite reads the bytes where they are.
        check(
            sqlite3_bind_text64(
                handle, column, start.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil,
                UInt8(SQLITE_UTF8)))
    }

    /// Binds the next parameter to the text `bytes`, copied into the parameter's buffer.
    private func bindText(_ bytes: UnsafeRawBufferPointer) {
        column += 1
        guard let buffer = buffer(holding: bytes.count), let start = buffer.baseAddress else {
            // Past the last parameter: SQLite reports it as it reports any bad index.
            check(sqlite3_bind_text(handle, column, "", 0, transient))
            return
        }
        // Never a null pointer, which would bind NULL rather than the empty string.
        buffer.copyMemory(from: bytes)
        // No destructor (SQLITE_STATIC): SQLite reads the buffer where it is.
        check(
            sqlite3_bind_text64(
                handle, column, start.assumingMemoryBound(to: CChar.self), UInt64(bytes.count), nil,
                UInt8(SQLITE_UTF8)))
    }

    /// Binds the next parameter, NULL for nil.
    func bind(_ value: String?) {
        if let value { bind(value) } else { bindNull() }
    }

    private func bindNull() {
        column += 1
        check(sqlite3_bind_null(handle, column))
    }

    /// Remembers the first failed bind (a value too big, say), so that `run()` reports it
    /// instead of storing a row with a parameter left unbound.
    private func check(_ code: Int32) {
        if code != SQLITE_OK, bindFailure == SQLITE_OK { bindFailure = code }
    }

    /// Starts binding again from the first parameter, and throws the first failed bind
    /// since the last run, if any.
    private func startRun() throws {
        column = 0
        if bindFailure != SQLITE_OK {
            let code = bindFailure
            bindFailure = SQLITE_OK
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errstr(code)),
                sql: statement.sql)
        }
    }

    /// Runs the statement with the values bound since the last run.
    ///
    /// - Returns: rows changed, triggers included: 0 when the stored record was the same,
    ///   1 when it was new, 2 when it replaced a different one (the update and its history row).
    func run() throws -> Int {
        try startRun()
        let before = sqlite3_total_changes64(connection)
        let code = sqlite3_step(handle)
        if code != SQLITE_DONE {
            let message = String(cString: sqlite3_errmsg(connection))
            sqlite3_reset(handle)
            throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: statement.sql)
        }
        sqlite3_reset(handle)
        return Int(sqlite3_total_changes64(connection) - before)
    }
}

extension UpsertStatement {
    /// Runs a query of one row and one number, such as `SELECT EXISTS (…)`, with the values
    /// bound since the last run: true when the number is not 0.
    func holds() throws -> Bool {
        try startRun()
        let code = sqlite3_step(handle)
        defer { sqlite3_reset(handle) }
        guard code == SQLITE_ROW else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                sql: statement.sql)
        }
        return sqlite3_column_int64(handle, 0) != 0
    }
}

/// A record's values are bound in the order it writes them.
extension UpsertStatement: RecordValueWriter {
    func write(_ value: Int?) { bind(value) }
    func write(_ value: Double?) { bind(value) }
    func write(_ value: String?) { bind(value) }
}

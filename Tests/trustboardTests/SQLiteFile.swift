import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One connection to an SQLite file through the system's libsqlite3, loaded at run time.
///
/// The end-to-end tests use it to hold a store's write lock as an ingest would, and to read
/// what the binary stored. Not GRDB: linking it into this target brings its SQL operators
/// into every file here, and the type checker then gives up on long string sums.
final class SQLiteFile {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private typealias Open =
        @convention(c) (
            UnsafePointer<CChar>?, UnsafeMutablePointer<OpaquePointer?>?, Int32, UnsafePointer<CChar>?
        ) -> Int32
    private typealias RowCallback =
        @convention(c) (
            UnsafeMutableRawPointer?, Int32, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        ) -> Int32
    private typealias Exec =
        @convention(c) (
            OpaquePointer?, UnsafePointer<CChar>?, RowCallback?, UnsafeMutableRawPointer?,
            UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
        ) -> Int32
    private typealias Close = @convention(c) (OpaquePointer?) -> Int32
    private typealias Free = @convention(c) (UnsafeMutableRawPointer?) -> Void

    private struct Library: @unchecked Sendable {
        let open: Open
        let exec: Exec
        let close: Close
        let free: Free
    }

    private static let library: Library? = {
        guard let handle = dlopen("libsqlite3.so.0", RTLD_NOW) else { return nil }
        func symbol<T>(_ name: String, as type: T.Type) -> T? {
            dlsym(handle, name).map { unsafeBitCast($0, to: type) }
        }
        guard let open = symbol("sqlite3_open_v2", as: Open.self),
            let exec = symbol("sqlite3_exec", as: Exec.self),
            let close = symbol("sqlite3_close_v2", as: Close.self),
            let free = symbol("sqlite3_free", as: Free.self)
        else { return nil }
        return Library(open: open, exec: exec, close: close, free: free)
    }()

    /// True when libsqlite3 could be loaded.
    static var isAvailable: Bool { library != nil }

    private let library: Library
    private let connection: OpaquePointer?

    /// Opens the file at `path`, read-only or for reading and writing (never creating it).
    init(path: String, readOnly: Bool = false) throws {
        guard let library = Self.library else { throw Failure(description: "libsqlite3 cannot be loaded") }
        self.library = library
        var connection: OpaquePointer?
        // SQLITE_OPEN_READONLY 0x1, SQLITE_OPEN_READWRITE 0x2.
        let status = library.open(path, &connection, readOnly ? 0x1 : 0x2, nil)
        self.connection = connection
        if status != 0 { throw Failure(description: "cannot open \(path): SQLite error \(status)") }
    }

    deinit { _ = library.close(connection) }

    /// Runs `sql` (one or more statements) and returns every row of the last, as text.
    @discardableResult
    func execute(_ sql: String) throws -> [[String]] {
        final class Rows { var rows: [[String]] = [] }
        let collected = Rows()
        var message: UnsafeMutablePointer<CChar>?
        let status = library.exec(
            connection, sql,
            { context, count, values, _ in
                guard let context, let values else { return 0 }
                let rows = Unmanaged<Rows>.fromOpaque(context).takeUnretainedValue()
                rows.rows.append((0..<Int(count)).map { values[$0].map { String(cString: $0) } ?? "NULL" })
                return 0
            }, Unmanaged.passUnretained(collected).toOpaque(), &message)
        if status != 0 {
            let text = message.map { String(cString: $0) } ?? "SQLite error \(status)"
            library.free(message)
            throw Failure(description: text)
        }
        return collected.rows
    }
}

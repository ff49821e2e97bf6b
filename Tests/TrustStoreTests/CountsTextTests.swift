import GRDB
import GRDBSQLite
import Metrics
import Testing

@testable import TrustStore

/// `CountsText` must make exactly the text SQLite's `json_array` makes of the same values:
/// a row stored through either must compare equal.
@Suite struct CountsTextTests {
    /// One value of each kind `RecordValueWriter` takes.
    enum Value {
        case int(Int?)
        case double(Double?)
        case text(String?)
    }

    /// The array `CountsText` makes of `values`.
    func ours(_ values: [Value]) -> String {
        var text = CountsText()
        text.start()
        for value in values {
            switch value {
            case .int(let value): text.write(value)
            case .double(let value): text.write(value)
            case .text(let value): text.write(value)
            }
        }
        text.finish()
        return String(decoding: text.bytes, as: UTF8.self)
    }

    /// The array SQLite's `json_array` makes of `values` bound one by one, each text with
    /// its length, as `UpsertStatement` binds them (GRDB would stop a text at a NUL).
    func sqlites(_ values: [Value], in db: Database) throws -> String? {
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "SELECT json_array(\(placeholders))")
        let handle = statement.sqliteStatement
        let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
        for (index, value) in values.enumerated() {
            let column = Int32(index + 1)
            switch value {
            case .int(let value?): sqlite3_bind_int64(handle, column, Int64(value))
            case .double(let value?): sqlite3_bind_double(handle, column, value)
            case .text(let value?):
                let bytes = Array(value.utf8)
                _ = bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: bytes.count) {
                        sqlite3_bind_text64(
                            handle, column, $0, UInt64(bytes.count), transient, UInt8(SQLITE_UTF8))
                    }
                }
            case .int(nil), .double(nil), .text(nil): sqlite3_bind_null(handle, column)
            }
        }
        guard sqlite3_step(handle) == SQLITE_ROW, let text = sqlite3_column_text(handle, 0) else {
            return nil
        }
        let count = Int(sqlite3_column_bytes(handle, 0))
        return String(decoding: UnsafeRawBufferPointer(start: text, count: count), as: UTF8.self)
    }

    @Test func countsAndMissingValues() throws {
        let values: [Value] = [
            .int(0), .int(7), .int(-3), .int(231_397), .int(nil), .int(Int.max), .int(Int.min), .int(10),
        ]
        let db = try DatabaseQueue()
        let theirs = try db.read { db in try sqlites(values, in: db) }
        #expect(theirs == ours(values))
        // Worked out by hand, so that a change to both would be caught as well.
        #expect(ours([.int(30), .int(5_700), .int(nil), .int(-1)]) == "[30,5700,null,-1]")
        #expect(ours([]) == "[]")
    }

    @Test func numbersWithFractions() throws {
        let doubles: [Double?] = [
            52.28, 1.0, 0.1, 0.1 + 0.2, 1e-7, 1e20, -0.0, 0.0, -44.47, 123_456_789_012_345_678.0, 2.5e-300,
            Double.greatestFiniteMagnitude, .leastNonzeroMagnitude, 1.0 / 3.0, 99.95, nil, .nan, .infinity,
            -.infinity,
        ]
        let db = try DatabaseQueue()
        let theirs = try db.read { db in try doubles.map { try sqlites([.double($0)], in: db) } }
        #expect(theirs == doubles.map { ours([.double($0)]) })
        #expect(ours([.double(52.28), .double(7.0)]) == "[52.28,7.0]")
    }

    @Test func textsWithEveryASCIICharacterAndMore() throws {
        var texts: [String?] = (1..<128).map { String(UnicodeScalar(UInt8($0))) }
        texts += [
            "nul \u{0} inside", "teacher_assessment", "", "a \"quoted\" \\ name", "é ü 😀", "line\nbreak",
            "\u{2028}", nil,
        ]
        let db = try DatabaseQueue()
        let theirs = try db.read { db in try texts.map { try sqlites([.text($0)], in: db) } }
        #expect(theirs == texts.map { ours([.text($0)]) })
        let mixed: [Value] = [.int(178), .text("forecast"), .double(44.5), .text(nil), .int(nil)]
        let mixedTheirs = try db.read { db in try sqlites(mixed, in: db) }
        #expect(mixedTheirs == ours(mixed))
        #expect(ours([.text("a\"b"), .text(nil)]) == #"["a\"b",null]"#)
    }
}

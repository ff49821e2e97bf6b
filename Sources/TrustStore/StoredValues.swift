import Foundation
import Metrics

/// Reads a record's values from the JSON array the store keeps them in, such as
/// `[30,5700,300,3,null,null,null]`, one after another as the record asks for them.
///
/// The array is always written by SQLite's `json_array`, so it has no spaces, numbers
/// are plain JSON numbers and texts are JSON strings. It is read in place from the bytes
/// SQLite returns: a load reads millions of these, and a general JSON decoder would make
/// a dictionary per row. A value past the end reads as nil, so a record kind that gained
/// a value reads older rows without it.
struct StoredValues: RecordValueReader {
    /// The array's bytes, valid while the row is.
    private let bytes: UnsafeRawBufferPointer
    /// Where the next value starts.
    private var position = 1
    /// Which value comes next, 0-based.
    private var index = 0
    /// The kind, for naming a value in an error.
    private let kind: DropRecordKind
    /// The names of the kind's values.
    private let names: [String]
    /// The record's item, for an error.
    private let item: String
    /// The store's path, for errors.
    private let path: String

    /// Reads `bytes`, the stored array of a record of `kind` with `item`.
    init(_ bytes: UnsafeRawBufferPointer, kind: DropRecordKind, item: String, path: String) {
        self.bytes = bytes
        self.kind = kind
        self.item = item
        names = kind.recordType.valueNames
        self.path = path
    }

    /// True when the bytes are an array at all.
    var isArray: Bool { bytes.first == UInt8(ascii: "[") && bytes.last == UInt8(ascii: "]") }

    /// The next value as a count. A plain number or `null`, which is nearly every value a
    /// load reads, is read in one pass as its bytes are found (`plainCount()`); anything else
    /// (a text, a sign out of place, a number of more than eighteen digits) goes the general way, which reads
    /// it as before and gives the same value or error.
    mutating func int() throws -> Int? {
        switch plainCount() {
        case .number(let value): return value
        case .null: return nil
        case nil: return try anyInt()
        }
    }

    /// A value `plainCount()` read.
    private enum PlainCount {
        case number(Int)
        case null
    }

    /// The next value read in one pass when it is a plain number (an optional minus and
    /// one to eighteen digits) or exactly `null`, ending at a comma or at the
    /// array's end; then the value, with the position past it. Nil, with nothing moved,
    /// for anything else. Scanning for the comma first and reading the
    /// digits again was an eighth of a ten-year store's first frame (callgrind).
    private mutating func plainCount() -> PlainCount? {
        let end = bytes.count - 1
        var cursor = position
        guard cursor < end else { return nil }
        if bytes[cursor] == UInt8(ascii: "n") {
            guard cursor + 4 <= end, bytes[cursor + 1] == UInt8(ascii: "u"),
                bytes[cursor + 2] == UInt8(ascii: "l"),
                bytes[cursor + 3] == UInt8(ascii: "l")
            else { return nil }
            cursor += 4
            guard advance(past: cursor, end: end) else { return nil }
            return .null
        }
        let negative = bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        let digits = cursor
        var value = 0
        while cursor < end {
            let digit = bytes[cursor] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value &* 10 &+ Int(digit)
            cursor += 1
        }
        // Eighteen digits cannot overflow; more are left to the general way, which says
        // whether they do.
        guard cursor > digits, cursor - digits <= 18, advance(past: cursor, end: end) else { return nil }
        return .number(negative ? -value : value)
    }

    /// Moves past a value that ends at `cursor` and counts it, when it ends there: at the
    /// array's end or at a comma, which is passed too. False, with nothing moved, when
    /// another byte follows the value.
    private mutating func advance(past cursor: Int, end: Int) -> Bool {
        if cursor < end {
            guard bytes[cursor] == UInt8(ascii: ",") else { return false }
            position = cursor + 1
        } else {
            position = cursor
        }
        index += 1
        return true
    }

    /// The next value as a count, read the general way: found whole first (`next()`),
    /// then its digits read.
    mutating func anyInt() throws -> Int? {
        guard let token = try next() else { return nil }
        guard case .number(let range) = token else { throw unreadableValue() }
        var value = 0
        var negative = false
        for offset in range {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "-"), offset == range.lowerBound {
                negative = true
                continue
            }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { throw unreadableValue() }
            let (times, overflowTimes) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowSum) = times.addingReportingOverflow(Int(byte - UInt8(ascii: "0")))
            guard !overflowTimes, !overflowSum else { throw unreadableValue() }
            value = sum
        }
        return negative ? -value : value
    }

    mutating func double() throws -> Double? {
        guard let token = try next() else { return nil }
        guard case .number(let range) = token,
            let value = Double(String(decoding: bytes[range], as: UTF8.self))
        else { throw unreadableValue() }
        return value
    }

    mutating func text() throws -> String? {
        guard let token = try next() else { return nil }
        guard case .text(let range, let escaped) = token else { throw unreadableValue() }
        let raw = String(decoding: bytes[range], as: UTF8.self)
        guard escaped else { return raw }
        // Rare (a quote or a control character in a source's name): let Foundation undo
        // the escapes of one JSON string.
        let quoted = Data(("\"" + raw + "\"").utf8)
        guard let text = try? JSONDecoder().decode(String.self, from: quoted) else { throw unreadableValue() }
        return text
    }

    func unreadableValue() -> any Error {
        let column = names.indices.contains(index - 1) ? names[index - 1] : "value \(index)"
        return StoreError.unreadableValue(
            path: path, table: kind.rawValue, column: column, value: String(decoding: bytes, as: UTF8.self))
    }

    func unreadableItem() -> any Error {
        StoreError.unreadableValue(path: path, table: kind.rawValue, column: "item", value: item)
    }

    /// One value of the array.
    private enum Token {
        case number(Range<Int>)
        case text(Range<Int>, escaped: Bool)
    }

    /// The next value, nil for `null` or past the end.
    private mutating func next() throws -> Token? {
        index += 1
        let end = bytes.count - 1
        guard position < end else { return nil }
        let start = position
        var token: Token?
        if bytes[start] == UInt8(ascii: "\"") {
            var cursor = start + 1
            var escaped = false
            while cursor < end, bytes[cursor] != UInt8(ascii: "\"") {
                if bytes[cursor] == UInt8(ascii: "\\") {
                    escaped = true
                    cursor += 1
                }
                cursor += 1
            }
            guard cursor < end else { throw unreadableValue() }
            token = .text(start + 1..<cursor, escaped: escaped)
            position = cursor + 1
        } else {
            var cursor = start
            while cursor < end, bytes[cursor] != UInt8(ascii: ",") { cursor += 1 }
            let isNull =
                cursor - start == 4 && bytes[start] == UInt8(ascii: "n")
                && bytes[start + 1] == UInt8(ascii: "u")
            guard cursor > start else { throw unreadableValue() }
            token = isNull ? nil : .number(start..<cursor)
            position = cursor
        }
        // Past the comma that ends this value.
        if position < end {
            guard bytes[position] == UInt8(ascii: ",") else { throw unreadableValue() }
            position += 1
        }
        return token
    }
}

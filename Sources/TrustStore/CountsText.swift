import GRDBSQLite
import Metrics

/// A record's values as the JSON array the store keeps them in (`drop_counts.counts`),
/// made in Swift byte for byte as SQLite's `json_array` makes it from the same values
/// bound one by one.
///
/// A new drop's rows are inserted many to a statement, and asking SQLite's `json_array` to
/// turn every count into text took a tenth of storing them. The text must be the same
/// either way: the upsert still uses `json_array`, and a file ingested again must read as
/// unchanged. So a count is written as `%lld` writes it, a number with a fraction through
/// SQLite's own `sqlite3_vsnprintf` with the format `json_array` uses (`%!0.15g`), a
/// missing value (or NaN, which SQLite binds as NULL) as `null`, and a text with the
/// escapes `json_array` uses. `CountsTextTests` compares it with `json_array`.
struct CountsText: RecordValueWriter {
    /// The array's UTF-8 bytes, once `finish()` has closed it.
    private(set) var bytes: [UInt8] = []
    /// True until the first value of the current array is written.
    private var first = true

    /// Starts a new array, keeping the buffer's capacity.
    mutating func start() {
        bytes.removeAll(keepingCapacity: true)
        bytes.append(UInt8(ascii: "["))
        first = true
    }

    /// Closes the array.
    mutating func finish() {
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func write(_ value: Int?) {
        separate()
        guard let value else { return appendNull() }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits come last first; at most 20 of them.
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
                count += 1
            } while magnitude > 0
            for index in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[index]) }
        }
    }

    mutating func write(_ value: Double?) {
        separate()
        guard let value, !value.isNaN else { return appendNull() }
        // 40 bytes hold any double at 15 significant digits, "-1.23456789012346e+308".
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { raw in
            guard let start = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return }
            _ = withVaList([value]) { sqlite3_vsnprintf(Int32(raw.count), start, "%!0.15g", $0) }
            for byte in raw {
                if byte == 0 { break }
                bytes.append(byte)
            }
        }
    }

    mutating func write(_ value: String?) {
        separate()
        guard let value else { return appendNull() }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), byte]
            case 0x08: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "b")]
            case 0x09: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0x0A: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0C: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "f")]
            case 0x0D: bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes += Array("\\u00".utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func separate() {
        if !first { bytes.append(UInt8(ascii: ",")) }
        first = false
    }

    private mutating func appendNull() {
        bytes += [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")]
    }
}

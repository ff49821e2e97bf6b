/// Writes report rows as the members of the JSON form's list, as UTF-8: byte for byte what
/// `JSONEncoder` writes of them (pretty-printed, keys sorted, slashes as they are), each
/// object indented as a list's member.
///
/// Written by hand because `JSONEncoder` took about 30 µs a row, most of a minute for a
/// national report's 3.5 million rows: this writes the row's twenty-odd fields straight
/// into bytes. `JSONRowWriterTests` holds it to `JSONEncoder`'s output on every row of
/// the sample trust and on rows made to be awkward (every control character, quotes,
/// backslashes, slashes, wide and astral characters, negative zero, tiny and huge numbers).
struct JSONRowWriter {
    /// The members written so far, separated by a comma and a line break.
    var bytes: [UInt8] = []

    /// Appends `row` as a member of the list.
    mutating func append(_ row: ReportRow) {
        if !bytes.isEmpty { bytes += Self.separator }
        bytes += Self.open
        // In `JSONEncoder`'s order: the keys sorted.
        field("academy", string: row.academy)
        field("approximate", row.approximate.map { $0 ? "true" : "false" })
        field("benchmark", number: row.benchmark)
        field("benchmark_period", string: row.benchmarkPeriod)
        field("change", number: row.change)
        field("cohort", row.cohort.map(String.init))
        field("drop", string: row.drop)
        field("kpi", string: row.kpi)
        if !row.leftOut.isEmpty {
            key("left_out")
            bytes.append(contentsOf: "[\n".utf8)
            for (index, academy) in row.leftOut.enumerated() {
                if index > 0 { bytes += Self.separator }
                bytes.append(contentsOf: "      ".utf8)
                string(academy)
            }
            bytes.append(contentsOf: "\n    ],\n".utf8)
        }
        field("national_percentile", row.nationalPercentile.map(String.init))
        field("phase", string: row.phase)
        field("previous", number: row.previous)
        field("pupil_group", string: row.pupilGroup)
        field("rating", string: row.rating)
        field("similar_count", row.similarCount.map(String.init))
        field("similar_expected", number: row.similarExpected)
        field("similar_median", number: row.similarMedian)
        field("similar_rank", row.similarRank.map(String.init))
        field("target", number: row.target)
        field("urn", string: row.urn)
        field("value", number: row.value)
        field("year_group", string: row.yearGroup, last: true)
        bytes += Self.close
    }

    private static let separator = Array(",\n".utf8)
    private static let open = Array("  {\n".utf8)
    private static let close = Array("\n  }".utf8)
    private static let hex = Array("0123456789abcdef".utf8)

    /// `    "key" : `.
    private mutating func key(_ name: String) {
        bytes.append(contentsOf: "    \"".utf8)
        bytes.append(contentsOf: name.utf8)
        bytes.append(contentsOf: "\" : ".utf8)
    }

    /// A field whose value is written as it is (a number or `true`), or `null`.
    private mutating func field(_ name: String, _ literal: String?, last: Bool = false) {
        key(name)
        bytes.append(contentsOf: (literal ?? "null").utf8)
        if !last { bytes += Self.separator }
    }

    /// A field holding a string, or `null`.
    private mutating func field(_ name: String, string value: String?, last: Bool = false) {
        guard let value else { return field(name, nil, last: last) }
        key(name)
        string(value)
        if !last { bytes += Self.separator }
    }

    /// A field holding a number as `JSONEncoder` writes a `Double`: its shortest form
    /// without a trailing `.0` (`50`, `-0`, `91.9`, `1e-07`), or `null`.
    private mutating func field(_ name: String, number value: Double?, last: Bool = false) {
        field(name, value.map(Self.number), last: last)
    }

    /// `value` as `JSONEncoder` writes it; a value JSON cannot hold (never a figure) as `null`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    /// `value` quoted: `"` and `\` escaped, the line and control characters below U+0020
    /// written `\b`, `\t`, `\n`, `\f`, `\r` or `\u00XX`, everything else as it is.
    private mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
            case 0x08: bytes.append(contentsOf: "\\b".utf8)
            case 0x09: bytes.append(contentsOf: "\\t".utf8)
            case 0x0A: bytes.append(contentsOf: "\\n".utf8)
            case 0x0C: bytes.append(contentsOf: "\\f".utf8)
            case 0x0D: bytes.append(contentsOf: "\\r".utf8)
            case 0..<0x20:
                bytes.append(contentsOf: "\\u00".utf8)
                bytes.append(Self.hex[Int(byte >> 4)])
                bytes.append(Self.hex[Int(byte & 0xF)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}

@testable import Metrics

/// The CSV scanner as it was before it skipped plain bytes a word at a time: one byte at a
/// time, simple enough to read as the rules. `CSVScannerFuzzTests` checks that the fast
/// scanner finds exactly what this one finds, record by record.
struct ReferenceCSVScanner {
    typealias Field = CSVScanner.Field
    typealias Problem = CSVScanner.Problem

    /// The text, in UTF-8.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to read.
    private(set) var position = 0
    /// The 1-based line of the next byte to read.
    private(set) var line = 1

    /// Makes a scanner over `bytes`, which must outlive it.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Bytes that end a plain run inside an unquoted field.
    private static let stops: [Bool] = (0..<256).map { (byte: Int) in
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == Int(UInt8(ascii: ","))
            || byte == Int(UInt8(ascii: "\""))
    }

    private static let comma = UInt8(ascii: ",")
    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")

    /// Reads the next record into `fields`, replacing what was there, and returns the
    /// 1-based line it starts on; nil at the end of the text. Structural problems are
    /// appended to `problems`; the record is still returned as best read.
    mutating func next(into fields: inout [Field], problems: inout [Problem]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        guard position < bytes.count else { return nil }
        let startLine = line
        while true {
            var field = Field()
            let ended = readField(into: &field, index: fields.count, problems: &problems)
            fields.append(field)
            if ended { return startLine }
        }
    }

    /// Reads one field and its terminator; returns true when the record has ended.
    private mutating func readField(into field: inout Field, index: Int, problems: inout [Problem]) -> Bool {
        let count = bytes.count
        // A quoted field may have spaces before its opening quote.
        var look = position
        while look < count, bytes[look] == Self.space { look += 1 }
        if look < count, bytes[look] == Self.quote {
            position = look + 1
            readQuoted(into: &field, index: index, problems: &problems)
        } else {
            readPlain(into: &field, index: index, problems: &problems)
        }
        return readTerminator()
    }

    private mutating func readPlain(into field: inout Field, index: Int, problems: inout [Problem]) {
        let count = bytes.count
        field.start = position
        var reportedQuote = false
        while position < count {
            let byte = bytes[position]
            if !Self.stops[Int(byte)] {
                position += 1
                continue
            }
            if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { break }
            if byte == Self.quote {
                if !reportedQuote {
                    problems.append(
                        Problem(
                            line: line, field: index, message: "a quote mark inside an unquoted value",
                            fix: "put the whole value in quotes and write each quote inside it twice (\"\")"))
                    reportedQuote = true
                }
            } else if isControl(at: position) {
                field.hasControl = true
            }
            position += 1
        }
        field.end = position
    }

    private mutating func readQuoted(into field: inout Field, index: Int, problems: inout [Problem]) {
        let count = bytes.count
        let openingLine = line
        field.quoted = true
        field.start = position
        while position < count {
            let byte = bytes[position]
            if byte == Self.quote {
                if position + 1 < count, bytes[position + 1] == Self.quote {
                    field.hasDoubledQuotes = true
                    position += 2
                    continue
                }
                field.end = position
                position += 1
                skipAfterClosingQuote(index: index, problems: &problems)
                return
            }
            if byte == Self.newline {
                line += 1
            } else if byte == Self.carriageReturn {
                if !(position + 1 < count && bytes[position + 1] == Self.newline) { line += 1 }
            } else if byte < 0x20 || byte == 0x7F || byte == 0xC2, isControl(at: position) {
                field.hasControl = true
            }
            position += 1
        }
        field.end = count
        problems.append(
            Problem(
                line: openingLine, field: index, message: "a quoted value that starts here never closes",
                fix: "add the closing quote mark, and write each quote inside the value twice (\"\")"))
    }

    /// After a closing quote only spaces may come before the comma or the line end.
    private mutating func skipAfterClosingQuote(index: Int, problems: inout [Problem]) {
        let count = bytes.count
        var reported = false
        while position < count {
            let byte = bytes[position]
            if byte == Self.comma || byte == Self.newline || byte == Self.carriageReturn { return }
            if byte != Self.space, !reported {
                problems.append(
                    Problem(
                        line: line, field: index, message: "text after the closing quote mark",
                        fix: "put the whole value inside the quotes"))
                reported = true
            }
            position += 1
        }
    }

    /// Consumes a comma or a line end; returns true when the record has ended.
    private mutating func readTerminator() -> Bool {
        let count = bytes.count
        guard position < count else { return true }
        let byte = bytes[position]
        position += 1
        if byte == Self.comma { return false }
        if byte == Self.carriageReturn, position < count, bytes[position] == Self.newline { position += 1 }
        line += 1
        return true
    }

    /// True when the byte at `offset` starts a C0 or C1 control character or DEL.
    /// Line breaks are handled by the caller; C1 characters are U+0080–U+009F, written
    /// in UTF-8 as 0xC2 0x80–0x9F.
    private func isControl(at offset: Int) -> Bool {
        let byte = bytes[offset]
        if byte < 0x20 || byte == 0x7F { return true }
        if byte == 0xC2, offset + 1 < bytes.count { return (0x80...0x9F).contains(bytes[offset + 1]) }
        return false
    }
}

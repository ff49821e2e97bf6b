import CCSV

/// Splits UTF-8 CSV text into records and fields, following RFC 4180.
///
/// Written by hand rather than taken from a package because ingest must check every
/// byte (control characters, stray quotes) with exact 1-based line numbers, at well over
/// 100 MB/s, without making a `String` for each field; the CSV packages available here
/// do not give line numbers or that speed. A field is a byte range into the text.
struct CSVScanner {
    /// One field of a record: a range of bytes and what the scanner noticed in it.
    struct Field {
        /// Offset of the first byte of the content (inside the quotes when quoted).
        var start = 0
        /// Offset one past the last byte of the content.
        var end = 0
        /// True when the field was written in quotes.
        var quoted = false
        /// True when the content holds doubled quotes that must be undoubled.
        var hasDoubledQuotes = false
        /// True when the content holds a control character that is not allowed.
        var hasControl = false
    }

    /// A problem with the CSV structure itself, found while scanning.
    struct Problem {
        /// The 1-based line where it was found.
        var line: Int
        /// The 0-based index of the field in its record.
        var field: Int
        /// What is wrong.
        var message: String
        /// How to put it right.
        var fix: String
    }

    /// The text, in UTF-8.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Offset of the next byte to read.
    private(set) var position = 0
    /// The 1-based line of the next byte to read.
    private(set) var line = 1
    /// Where `readPlainRecord` has C write the offsets of a record's commas; grown when a
    /// record has more.
    private var commas = [UInt32](repeating: 0, count: 64)

    /// Makes a scanner over `bytes`, which must outlive it.
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    /// Makes a scanner over `bytes` that starts at `position`, a record boundary, which is
    /// on the 1-based `line`: a part of a file read by itself.
    init(_ bytes: UnsafeBufferPointer<UInt8>, from position: Int, line: Int) {
        self.bytes = bytes
        self.position = position
        self.line = line
    }

    /// The 1-based line that the byte at `offset` is on, counted as the scanner counts
    /// lines: each line feed, and each carriage return not followed by one, ends a line,
    /// inside quotes or not. So the line of any offset is known without reading the records
    /// before it, and a part of a file read by itself gives the lines the whole would.
    static func line(at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress, offset > 0 else { return 1 }
        let end = min(offset, bytes.count)
        // Sixteen bytes at a time in C; the byte after the range decides a final CR.
        let hasNext = end < bytes.count
        return 1 + ccsv_count_line_ends(base, end, hasNext ? 1 : 0, hasNext ? bytes[end] : 0)
    }

    /// The offset just after the first line feed at or after `offset`, or nil when there
    /// is none before the end: where a part of the file may start, if that line feed ends
    /// a record (the reader checks that it does).
    static func lineStart(after offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = offset
        while index < bytes.count {
            if bytes[index] == newline { return index + 1 < bytes.count ? index + 1 : nil }
            index += 1
        }
        return nil
    }

    /// True for the bytes that end a plain run inside an unquoted field. Compared, not
    /// looked up in a table: a static table costs a lazy-initialisation check on each use.
    @inline(__always)
    private static func isStop(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == comma || byte == quote
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
        guard position < bytes.count else {
            fields.removeAll(keepingCapacity: true)
            return nil
        }
        let startLine = line
        if readPlainRecord(into: &fields) { return startLine }
        fields.removeAll(keepingCapacity: true)
        while true {
            var field = Field()
            let ended = readField(into: &field, index: fields.count, problems: &problems)
            fields.append(field)
            if ended { return startLine }
        }
    }

    /// Reads the record at `position` in one go when it is plain: ended by a line feed, and
    /// holding no quote mark, control character, DEL or non-ASCII byte (a carriage return
    /// just before the line feed is its CRLF end). Such a record is split at its commas,
    /// each field unquoted and clean, exactly as the byte loops below would split it, and
    /// that is most records of a drop. Returns false, having read nothing and left `fields`
    /// as it was, for any other.
    private mutating func readPlainRecord(into fields: inout [Field]) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        // Offsets within a record are 32-bit: a longer rest of text is looked at in part,
        // and a record longer than that is read by the byte loops.
        let length = min(bytes.count - position, Int(UInt32.max))
        var commaCount = 0
        var contentEnd = 0
        var next = -2
        while next == -2 {
            next = commas.withUnsafeMutableBufferPointer { commas in
                ccsv_plain_record(
                    base + position, length, commas.baseAddress, commas.count, &commaCount, &contentEnd)
            }
            if next == -2 { commas = [UInt32](repeating: 0, count: commas.count * 2) }
        }
        guard next >= 0 else { return false }
        // The fields are written in place in one pass over the commas: the rows of a file
        // have as many fields as each other, so `fields` is the right size already but for
        // the first row and a ragged one, and appending field by field cost a check of the
        // array's uniqueness and capacity on every cell.
        let fieldCount = commaCount + 1
        if fields.count != fieldCount {
            if fields.count > fieldCount {
                fields.removeLast(fields.count - fieldCount)
            } else {
                fields.append(contentsOf: repeatElement(Field(), count: fieldCount - fields.count))
            }
        }
        let recordStart = position
        commas.withUnsafeBufferPointer { commas in
            fields.withUnsafeMutableBufferPointer { fields in
                var start = recordStart
                for index in 0..<commaCount {
                    let comma = recordStart &+ Int(commas[index])
                    fields[index] = Field(start: start, end: comma)
                    start = comma &+ 1
                }
                fields[commaCount] = Field(start: start, end: recordStart &+ contentEnd)
            }
        }
        position += next
        line += 1
        return true
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
            position = skipPlain(from: position)
            guard position < count else { break }
            let byte = bytes[position]
            if !Self.isStop(byte) {
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
            position = skipQuoted(from: position)
            guard position < count else { break }
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

    // MARK: - Eight bytes at a time
    //
    // Most bytes of a drop are plain ASCII that needs no look. These skip them a 64-bit
    // word at a time, stopping at the first byte that might matter; the byte loops above
    // then decide what it is, so the rules live in one place. The tests are the classic
    // "has a zero byte" ones: each is exact at the lowest flagged byte (a false flag can
    // only follow a true one), and a little-endian load puts the earliest byte lowest.

    private static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let highs: UInt64 = 0x8080_8080_8080_8080

    /// High bit set in each byte of `word` that is zero; exact at the lowest one.
    @inline(__always)
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// Flags the bytes that may end a plain run: below 0x20, a comma, a quote, DEL, and
    /// any byte of 0x80 or more (0xC2 may start a C1 control).
    @inline(__always)
    private static func plainStops(_ word: UInt64) -> UInt64 {
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | zeroBytes(word ^ (ones &* 0x2C)) | zeroBytes(word ^ (ones &* 0x22))
            | zeroBytes(word ^ (ones &* 0x7F)) | (word & highs)
    }

    /// Flags the bytes that may matter inside quotes: a quote, below 0x20 (line ends and
    /// controls), DEL, and any byte of 0x80 or more.
    @inline(__always)
    private static func quotedStops(_ word: UInt64) -> UInt64 {
        let controls = (word &- ones &* 0x20) & ~word & highs
        return controls | zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x7F)) | (word & highs)
    }

    /// The offset of the first byte from `start` on that `plainStops` flags, or of the
    /// last whole word's end; the caller goes on byte by byte from there.
    @inline(__always)
    private func skipPlain(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var offset = start
        let last = bytes.count - 8
        while offset <= last {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let stops = Self.plainStops(word)
            if stops != 0 { return offset + stops.trailingZeroBitCount / 8 }
            offset += 8
        }
        return offset
    }

    /// Like `skipPlain`, for the inside of a quoted field.
    @inline(__always)
    private func skipQuoted(from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return start }
        var offset = start
        let last = bytes.count - 8
        while offset <= last {
            let word = UInt64(littleEndian: UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self))
            let stops = Self.quotedStops(word)
            if stops != 0 { return offset + stops.trailingZeroBitCount / 8 }
            offset += 8
        }
        return offset
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

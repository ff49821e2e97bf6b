/// Reads the rows of one data-drop file, checking every value, into a batch.
///
/// One parser reads one file: the header decides the kind, then each row is checked
/// column by column and, when sound, added to the batch as a record with its line.
struct DropFileParser {
    typealias Field = CSVScanner.Field

    /// The file's name as the user gave it.
    let file: String
    /// The index of the file in the batch.
    let fileIndex: Int
    /// The decoded text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// Field index of each known column (by `Column.rawValue`), or -1 when absent.
    let indexes: [Int]
    /// The kind of file.
    let kind: DropFileKind
    /// True when the file has any of the reason columns of an `attendance` file.
    let givesReasons: Bool
    /// True when the file has any of the absence-band columns of an `attendance` file.
    let givesBands: Bool
    /// Errors and warnings so far.
    var log: IssueLog
    /// The fields of the current row.
    var fields: [Field] = []
    /// The 1-based line the current row starts on.
    var line = 0
    /// Errors before the current row, to tell whether the row was sound.
    private var errorsBeforeRow = 0
    /// What the file held.
    var summary: DropFileSummary
    /// The drop of the previous row, to skip re-inserting it into the summary.
    private var lastDrop: DataDrop?
    /// The academy of the previous row, likewise.
    private var lastAcademy: URN?
    /// The last academic year read: its bytes (at most seven) packed with their count, as
    /// `packedYear` packs them, and its value.
    private var lastYear: (packed: UInt64, year: AcademicYear)?
    /// The pupils of a pupil-level export, summed as they are read; nil for other kinds.
    var pupils: PupilAggregate?
    /// The last word matched in each column (by `Column.rawValue`; a column has one
    /// vocabulary in a file of a given kind): a column mostly holds the word of the row
    /// before (the term always, the basis, the subject and year group in runs), which is
    /// then known from its bytes as they are, without lowering or hashing them.
    private var lastWords: [LastWord]

    /// A word's bytes as read, up to 24, packed in three integers as `packedYear` packs
    /// its seven, with their count; and the index of the vocabulary entry they matched.
    struct LastWord {
        var length = -1
        var first: UInt64 = 0
        var second: UInt64 = 0
        var third: UInt64 = 0
        var index = 0
    }

    init(
        file: String, fileIndex: Int, bytes: UnsafeBufferPointer<UInt8>, columns: [String: Int],
        kind: DropFileKind, log: IssueLog, summary: DropFileSummary
    ) {
        self.file = file
        self.fileIndex = fileIndex
        self.bytes = bytes
        let indexes = Column.indexes(in: columns)
        self.indexes = indexes
        self.givesReasons = Self.givesReasons(indexes)
        self.givesBands = Self.bandColumns.contains { indexes[$0.rawValue] >= 0 }
        self.kind = kind
        self.log = log
        self.summary = summary
        self.lastWords = Array(repeating: LastWord(), count: Column.allCases.count)
        if kind == .pupilAttendance {
            pupils = PupilAggregate(
                fileIndex: fileIndex,
                hasInclusion: columns["suspensions"] != nil && columns["permanently_excluded"] != nil,
                givesCodes: (
                    DropFileKind.authorisedCodes.contains { columns[$0.header] != nil },
                    DropFileKind.unauthorisedCodes.contains { columns[$0.header] != nil }
                ))
        }
    }

    /// Starts a new row.
    mutating func begin(line: Int) {
        self.line = line
        errorsBeforeRow = log.errors
    }

    /// True when the current row has had no error so far.
    var rowIsSound: Bool { log.errors == errorsBeforeRow }

    // MARK: - Raw access

    /// The field of `column`, or nil when the file has no such column. Always inlined, as
    /// `trimmed` is.
    @inline(__always)
    func field(_ column: Column) -> Field? {
        let index = indexes[column.rawValue]
        guard index >= 0, index < fields.count else { return nil }
        return fields[index]
    }

    /// The byte range of a field without spaces at either end.
    ///
    /// Always inlined: called from the parser's mutating checks, a call that is not inlined
    /// is passed the whole parser (376 bytes), which Swift copies first, on every cell.
    @inline(__always)
    func trimmed(_ field: Field) -> Range<Int> {
        var start = field.start
        var end = field.end
        guard let base = bytes.baseAddress else { return start..<end }
        // The scanner's fields lie within the text, so the bytes are read unchecked.
        while start < end, base[start] == 0x20 { start &+= 1 }
        while end > start, base[end &- 1] == 0x20 { end &-= 1 }
        return start..<end
    }

    /// The trimmed text of a field, with doubled quotes undoubled.
    func text(_ field: Field) -> String {
        let range = trimmed(field)
        let slice = UnsafeBufferPointer(rebasing: bytes[range])
        guard field.hasDoubledQuotes else { return String(decoding: slice, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var skipNext = false
        for byte in slice {
            if skipNext {
                skipNext = false
                continue
            }
            out.append(byte)
            if byte == UInt8(ascii: "\"") { skipNext = true }
        }
        return String(decoding: out, as: UTF8.self)
    }

    // MARK: - Checked values

    /// Checks a field for control characters; false (and an error) when it has one.
    mutating func isPrintable(_ field: Field, column: Column) -> Bool {
        guard field.hasControl else { return true }
        log.error(
            line: line, column: column.header, value: text(field),
            "holds a control character, which could change the terminal it is shown on",
            fix: "remove it (look for tabs, escape codes or invisible characters pasted into the cell)")
        return false
    }

    /// Checks a text cell against `NameRules` (no bidi override, something visible, at
    /// most `NameRules.longest` characters); false (and an error) when it breaks one.
    /// Control characters were checked by `isPrintable` already.
    mutating func keepsNameRules(_ text: String, column: Column) -> Bool {
        guard let problem = NameRules.problem(in: text, allowingLineBreaks: true) else { return true }
        log.error(line: line, column: column.header, value: text, problem.what, fix: problem.fix)
        return false
    }

    /// The trimmed text of a required column; nil (and an error) when it is empty or
    /// breaks `NameRules`.
    mutating func requiredText(_ column: Column) -> String? {
        guard let field = field(column) else { return nil }
        guard isPrintable(field, column: column) else { return nil }
        let range = trimmed(field)
        if range.isEmpty {
            log.error(
                line: line, column: column.header, "is empty",
                fix: "every row needs a value in '\(column.header)'")
            return nil
        }
        let value = text(field)
        return keepsNameRules(value, column: column) ? value : nil
    }

    /// The trimmed text of an optional column; nil when absent or empty, and nil (and an
    /// error) when it breaks `NameRules`.
    mutating func optionalText(_ column: Column) -> String? {
        guard let field = field(column), isPrintable(field, column: column) else { return nil }
        guard !trimmed(field).isEmpty else { return nil }
        let value = text(field)
        return keepsNameRules(value, column: column) ? value : nil
    }

    /// True when an optional column is absent or its cell empty.
    @inline(__always)
    func isBlank(_ column: Column) -> Bool {
        guard let field = field(column) else { return true }
        return trimmed(field).isEmpty
    }

    /// A value from `vocabulary`; `fallback` when the column is optional and blank.
    mutating func word<Value>(
        _ column: Column, _ vocabulary: Vocabulary<Value>, what: String, fallback: Value? = nil
    ) -> Value? {
        guard let field = field(column) else { return fallback }
        let range = trimmed(field)
        if range.isEmpty {
            if let fallback { return fallback }
            log.error(line: line, column: column.header, "is empty", fix: "write one of: \(vocabulary.list)")
            return nil
        }
        let seen = Self.packedWord(bytes, range)
        if let seen {
            let last = lastWords[column.rawValue]
            if last.length == seen.length, last.first == seen.first, last.second == seen.second,
                last.third == seen.third
            {
                return vocabulary.value(at: last.index)
            }
        }
        if let index = vocabulary.index(bytes, range) {
            if var seen {
                seen.index = index
                lastWords[column.rawValue] = seen
            }
            return vocabulary.value(at: index)
        }
        log.error(
            line: line, column: column.header, value: text(field), "is not \(what)",
            fix: "write one of: \(vocabulary.list)")
        return nil
    }

    /// A count: a whole number of 0 or more in plain digits. For an optional column,
    /// nil without an error when blank.
    mutating func count(_ column: Column, required: Bool = true) -> Int? {
        guard let field = field(column) else { return nil }
        // Plain digits, as nearly every count is, read at once; anything else (spaces, an
        // empty cell, a figure too large) the slow way, which says what is wrong.
        if let value = PlainDigits.value(bytes, field.start..<field.end), value <= Self.largestCount(column) {
            return value
        }
        let range = trimmed(field)
        if range.isEmpty {
            if required {
                log.error(
                    line: line, column: column.header, "is empty",
                    fix: "write a count in plain digits, such as 312")
            }
            return nil
        }
        var value = 0
        if range.count <= 12 {
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else {
                    value = -1
                    break
                }
                value = value * 10 + Int(digit)
            }
        } else {
            value = -1
        }
        if value >= 0 {
            let largest = Self.largestCount(column)
            guard value <= largest else {
                log.error(
                    line: line, column: column.header, value: text(field),
                    "is more than any school has (at most \(largest) is accepted)",
                    fix:
                        "check the column: it should count one academy's \(column.header.replacingOccurrences(of: "_", with: " "))"
                )
                return nil
            }
            return value
        }
        log.error(
            line: line, column: column.header, value: text(field), "is not a count",
            fix:
                "write a whole number of 0 or more in plain digits, such as 312 (no commas, signs or decimals)"
        )
        return nil
    }

    /// The largest count accepted in `column`: far above any school's (the largest have
    /// about 4,000 pupils, who have at most 380 sessions a year), so that only a column
    /// of the wrong thing, or a typing slip, is refused.
    static func largestCount(_ column: Column) -> Int {
        switch column {
        case .possibleSessions, .absentSessions, .authorisedAbsentSessions, .unauthorisedAbsentSessions:
            50_000_000
        default: 100_000
        }
    }

    /// The largest size of an average accepted: every school measure (Attainment 8 up to
    /// 90, scaled scores 80–120, Progress 8 about ±5) lies well within it.
    static let largestAverage = 1_000.0

    /// A decimal number such as `46.2` or `-0.35`.
    mutating func decimal(_ column: Column, allowNegative: Bool, what: String) -> Double? {
        guard let field = field(column) else { return nil }
        let range = trimmed(field)
        if range.isEmpty {
            log.error(line: line, column: column.header, "is empty", fix: "write \(what), such as 46.2")
            return nil
        }
        if let value = Self.parseDecimal(bytes, range), allowNegative || value >= 0 {
            guard abs(value) <= Self.largestAverage else {
                log.error(
                    line: line, column: column.header, value: text(field),
                    "is not a plausible \(what) (every school measure lies within ±\(Int(Self.largestAverage)))",
                    fix: "check the column: it should hold the average, such as 46.2, not a total")
                return nil
            }
            // -0 is 0: stored and shown as 0.0, never as -0.0.
            return value == 0 ? 0 : value
        }
        log.error(
            line: line, column: column.header, value: text(field), "is not \(what)",
            fix: allowNegative
                ? "write a decimal number with a point, such as 46.2 or -0.35"
                : "write a decimal number of 0 or more with a point, such as 46.2")
        return nil
    }

    /// Parses `-12.345`; nil for anything else. Exact to the shown decimals because the
    /// digits are gathered as an integer and divided once.
    static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Double? {
        var index = range.lowerBound
        var negative = false
        if index < range.upperBound, bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var mantissa: Int64 = 0
        var digits = 0
        var fraction = 0
        var seenPoint = false
        while index < range.upperBound {
            let byte = bytes[index]
            if byte == UInt8(ascii: ".") {
                if seenPoint { return nil }
                seenPoint = true
            } else {
                let digit = byte &- 0x30
                guard digit < 10, digits < 15 else { return nil }
                mantissa = mantissa * 10 + Int64(digit)
                digits += 1
                if seenPoint { fraction += 1 }
            }
            index += 1
        }
        guard digits > 0 else { return nil }
        var value = Double(mantissa)
        if fraction > 0 { value /= Double(Int64(pow10: fraction)) }
        return negative ? -value : value
    }

    /// The URN of the row.
    mutating func urn() -> URN? {
        guard let field = field(.urn) else { return nil }
        let range = trimmed(field)
        if range.count == 6, let value = PlainDigits.value(bytes, range), let urn = URN(value) {
            if urn != lastAcademy {
                summary.academies.insert(urn)
                lastAcademy = urn
            }
            return urn
        }
        if range.count == 6 {
            var value = 0
            var ok = true
            for index in range {
                let digit = bytes[index] &- 0x30
                if digit >= 10 {
                    ok = false
                    break
                }
                value = value * 10 + Int(digit)
            }
            if ok, let urn = URN(value) {
                if urn != lastAcademy {
                    summary.academies.insert(urn)
                    lastAcademy = urn
                }
                return urn
            }
        }
        log.error(
            line: line, column: "urn", value: text(field),
            range.isEmpty ? "is empty" : "is not a URN",
            fix: "write the academy's six-digit DfE URN, 100000–999999")
        return nil
    }

    /// The drop of the row, from `academic_year` and `term`; `defaultTerm` when the term
    /// column is absent or blank and a default applies.
    mutating func drop(defaultTerm: Term? = nil) -> DataDrop? {
        let year = academicYear()
        let term = word(.term, Vocabularies.term, what: "a term", fallback: defaultTerm)
        guard let year, let term else { return nil }
        let drop = DataDrop(year: year, term: term)
        if drop != lastDrop {
            summary.drops.insert(drop)
            lastDrop = drop
        }
        return drop
    }

    /// The academic year of the row, for a kind without terms.
    mutating func academicYear() -> AcademicYear? {
        guard let field = field(.academicYear) else { return nil }
        let range = trimmed(field)
        if range.count <= 7 {
            // Files hold few distinct years, so the last one read is usually the answer:
            // compared as one integer, where an array of its bytes cost reference counting.
            let packed = Self.packedYear(bytes, range)
            if let last = lastYear, last.packed == packed { return last.year }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
            if let year = AcademicYear(parsing: text) {
                lastYear = (packed, year)
                return year
            }
        }
        log.error(
            line: line, column: "academic_year", value: text(field),
            range.isEmpty ? "is empty" : "is not an academic year",
            fix: "write it as 2024/25 (2024-25 and 202425 are accepted too)")
        return nil
    }

    /// The bytes of `range` (at most seven) in the low bytes of an integer, and their count
    /// in the top byte: two ranges pack alike only when their bytes are the same.
    @inline(__always)
    static func packedYear(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        let count = UInt64(truncatingIfNeeded: range.count)
        // One load where eight bytes may be read (a year ends well before the text does),
        // else byte by byte.
        if bytes.count - range.lowerBound >= 8 {
            let word = UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self)
            return count << 56 | UInt64(littleEndian: word) & ((1 &<< (count &* 8)) &- 1)
        }
        var packed = count << 56
        for (offset, index) in range.enumerated() { packed |= UInt64(bytes[index]) << (8 * UInt64(offset)) }
        return packed
    }

    /// The bytes of `range` as `LastWord` keeps them (its index 0); nil for more than 24
    /// bytes, or where 24 cannot be read at once (the last few bytes of the text).
    @inline(__always)
    static func packedWord(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> LastWord? {
        let length = range.count
        guard length <= 24, bytes.count - range.lowerBound >= 24, let base = bytes.baseAddress else {
            return nil
        }
        let start = UnsafeRawPointer(base + range.lowerBound)
        // Each word keeps only the bytes of the range: those after it are zeroed.
        func word(_ offset: Int) -> UInt64 {
            let kept = min(max(length - offset, 0), 8)
            let loaded = UInt64(littleEndian: start.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            return kept == 8 ? loaded : loaded & ((1 &<< UInt64(kept &* 8)) &- 1)
        }
        return LastWord(length: length, first: word(0), second: word(8), third: word(16))
    }

    /// The pupil group; `all` when the column is absent or blank.
    mutating func pupilGroup() -> PupilGroup? {
        word(.pupilGroup, Vocabularies.pupilGroup, what: "a pupil group", fallback: .all)
    }

    /// The year group; `all` when the column is absent or blank.
    mutating func yearGroup() -> YearGroup? {
        word(.yearGroup, Vocabularies.yearGroup, what: "a year group", fallback: .all)
    }

    /// Records a broken rule between two columns.
    mutating func crossCheck(
        _ holds: Bool, column: String, value: Int, _ problem: @autoclosure () -> String,
        fix: @autoclosure () -> String
    ) {
        guard !holds else { return }
        log.error(line: line, column: column, value: String(value), problem(), fix: fix())
    }
}

extension Int64 {
    /// Ten to the power `exponent`, for 0–18.
    init(pow10 exponent: Int) {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        self = value
    }
}

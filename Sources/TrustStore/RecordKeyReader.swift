import Metrics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the key and item of rows of `DropCountsTable.selectSQL` one after another, as
/// `StoredRow.recordKey()` reads them, remembering the texts each column has held.
///
/// A drop's term, pupil groups, year groups and items are a few dozen texts repeated over
/// a million rows: a column whose bytes are a text seen before reads as the value it read
/// as then, without a vocabulary search or a new `String`. Reading each key afresh was
/// two thirds of what the loading thread did per row of a national store.
///
/// A column is looked up only when it is text, and bytes seen before read as the same
/// value; anything else is read as `StoredRow` reads it, so every error is the one
/// `recordKey()` throws, from the same column.
struct RecordKeyReader: Sendable {
    private var terms = SeenTexts<Term>()
    private var groups = SeenTexts<PupilGroup>()
    private var yearGroups = SeenTexts<YearGroup>()
    private var items = SeenTexts<String>()

    /// The key and item of `row`: `row.recordKey()`. With `drop`, the row's drop, known
    /// before it was read: its academic year and term are not read (a row of
    /// `DropCountsTable.selectInDropSQL` has none).
    ///
    /// - Throws: What `row.recordKey()` throws.
    mutating func read(_ row: StoredRow, drop: DataDrop? = nil) throws -> (key: RecordKey, item: String) {
        // In `recordKey()`'s order, so that a row with two bad columns names the same one.
        let urn = try row.urn(2)
        let drop =
            try drop
            ?? DataDrop(
                year: try row.year(0),
                term: try terms.value(row, 1) { Vocabularies.terms.value($0) })
        let group = try groups.value(row, 3) { Vocabularies.pupilGroups.value($0) }
        let yearGroup = try yearGroups.value(row, 4) { Vocabularies.yearGroups.value($0) }
        let item = try items.value(row, 5) { String(decoding: $0, as: UTF8.self) }
        return (RecordKey(urn: urn, drop: drop, group: group, yearGroup: yearGroup), item)
    }
}

/// The texts one column of a query has held and what each read as, the last one first.
private struct SeenTexts<Value: Sendable>: Sendable {
    /// Every text kept, one after another.
    private var bytes: [UInt8] = []
    /// Where each text kept starts in `bytes` and ends.
    private var ranges: [Range<Int>] = []
    /// What each text kept read as.
    private var values: [Value] = []
    /// The text the column held last, looked at first.
    private var last = 0

    /// Texts kept at most: a column of free text is read afresh past this.
    private static var limit: Int { 64 }

    /// The value of the text in `row`'s column `index`, as `read` reads its bytes, or the
    /// value those bytes read as before. NULL, a value that is not text, and bytes `read`
    /// gives nil for throw `row.unreadable(index)`, as `StoredRow.value(_:_:)` and
    /// `StoredRow.text(_:)` throw.
    mutating func value(
        _ row: StoredRow, _ index: Int, read: (UnsafeRawBufferPointer) -> Value?
    ) throws -> Value {
        try row.withText(index) { text in
            guard let text else { throw row.unreadable(index) }
            if let known = find(text) { return values[known] }
            guard let value = read(text) else { throw row.unreadable(index) }
            if ranges.count < Self.limit {
                ranges.append(bytes.count..<bytes.count + text.count)
                bytes.append(contentsOf: text)
                values.append(value)
                last = ranges.count - 1
            }
            return value
        }
    }

    /// The place of `text` among the texts kept, if it is one.
    private mutating func find(_ text: UnsafeRawBufferPointer) -> Int? {
        guard !ranges.isEmpty else { return nil }
        let found = bytes.withUnsafeBytes { kept -> Int? in
            func matches(_ place: Int) -> Bool {
                let range = ranges[place]
                guard range.count == text.count else { return false }
                guard range.count > 0, let base = text.baseAddress, let start = kept.baseAddress else {
                    return true
                }
                return memcmp(start + range.lowerBound, base, range.count) == 0
            }
            if matches(last) { return last }
            return ranges.indices.first { $0 != last && matches($0) }
        }
        if let found { last = found }
        return found
    }
}

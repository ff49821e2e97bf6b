import Metrics

/// Rows of `DropCountsTable.selectSQL` with each record's academic year, URN and
/// `file_id` read and its text columns and stored values copied, so that another thread
/// can read the records while SQLite steps through the next rows (`TrustStore.load`,
/// `RecordPipeline`).
///
/// The texts (term, pupil group, year group and item) are matched on the reading thread,
/// not here: the stepping thread was the load's bottleneck, and matching them, with the
/// record's key, was a quarter of its work.
///
/// Read from here, a record is the one `StoredRow.record(_:)` reads, and a value that
/// cannot be read fails with the same error at the same row, checked in the same order
/// as `StoredRow.recordKey()` and `record(_:)` check it: an error found here (a column of
/// the wrong type, a URN out of range) is kept, and thrown where the row's record is read
/// after the checks that come before it.
struct RecordRows: Sendable {
    /// The store's path, for errors.
    let path: String
    /// Each row's academic year and URN.
    private var years: [Int] = []
    private var urns: [Int] = []
    /// Each row's term, pupil group, year group, item and stored values, one after another.
    private var bytes: [UInt8] = []
    /// Where each of those ends in `bytes`, `textsPerRow` a row.
    private var ends: [Int] = []
    /// Each row's `file_id`.
    private var files: [Int] = []
    /// The first error in a row's key, by row, with the column it was found in.
    private var keyErrors: [Int: (column: Int, error: StoreError)] = [:]
    /// The errors of values that could not be read, by row.
    private var valueErrors: [Int: StoreError] = [:]
    /// The errors of `file_id`s that could not be read, by row.
    private var fileErrors: [Int: StoreError] = [:]

    /// The text columns copied, in the order `StoredRow.recordKey()` reads them, then the values.
    private static let textColumns = [1, 3, 4, 5, StoredRow.valuesColumn]
    private static let textsPerRow = textColumns.count

    /// Rows copied.
    var count: Int { years.count }

    /// No rows yet, of the store at `path`; room for `capacity` rows of `bytesPerRow` bytes
    /// of text and values each.
    init(path: String, capacity: Int, bytesPerRow: Int = 0) {
        self.path = path
        years.reserveCapacity(capacity)
        urns.reserveCapacity(capacity)
        ends.reserveCapacity(capacity * Self.textsPerRow)
        files.reserveCapacity(capacity)
        bytes.reserveCapacity(capacity * bytesPerRow)
    }

    /// The bytes of text and values copied, for sizing the next batch.
    var byteCount: Int { bytes.count }

    /// Reads the academic year, URN and `file_id` of `row` and copies its texts and values.
    mutating func append(_ row: StoredRow, fileColumn: Int) {
        let index = years.count
        // `recordKey()` reads the URN first, then the year.
        var urn = 0
        var year = 0
        var failed = false
        do {
            urn = try row.urn(2).value
            year = try row.int(0)
        } catch let error as StoreError {
            keyErrors[index] = (0, error)
            failed = true
        } catch {
            // `StoredRow` throws only `StoreError`.
            failed = true
        }
        years.append(year)
        urns.append(urn)
        for column in Self.textColumns {
            if !failed {
                do {
                    try row.withText(column) { text in
                        guard let text else { throw row.unreadable(column) }
                        bytes.append(contentsOf: text)
                    }
                } catch let error as StoreError {
                    if column == StoredRow.valuesColumn {
                        valueErrors[index] = error
                    } else {
                        keyErrors[index] = (column, error)
                        failed = true
                    }
                } catch {
                    failed = true
                }
            }
            ends.append(bytes.count)
        }
        do {
            files.append(try row.int(fileColumn))
        } catch let error as StoreError {
            files.append(-1)
            fileErrors[index] = error
        } catch {
            files.append(-1)
        }
    }

    /// Calls `body` with each row's record of `Record`'s kind and `file_id`, in order.
    ///
    /// - Throws: The first error reading a row's key, values or `file_id` gives, in the
    ///   order `StoredRow` reads them, or what `body` throws.
    func forEachRecord<Record: DropRecord>(_: Record.Type, _ body: (Record, Int) throws -> Void) throws {
        let table = DropCountsTable.readingTable(Record.kind)
        let anyErrors = !keyErrors.isEmpty || !valueErrors.isEmpty || !fileErrors.isEmpty
        try bytes.withUnsafeBytes { all in
            var start = 0
            for row in years.indices {
                let texts = ends[row * Self.textsPerRow..<(row + 1) * Self.textsPerRow]
                func text(_ position: Int) -> UnsafeRawBufferPointer {
                    let from = position == 0 ? start : texts[texts.startIndex + position - 1]
                    return UnsafeRawBufferPointer(rebasing: all[from..<texts[texts.startIndex + position]])
                }
                defer { start = texts[texts.endIndex - 1] }
                let keyError = anyErrors ? keyErrors[row] : nil
                // The columns before the one that failed were read; their spellings are
                // checked first, as `recordKey()` checks each as it reads it.
                let readUpTo = keyError.map {
                    $0.column == 0 ? 0 : Self.textColumns.firstIndex(of: $0.column) ?? 0
                }
                func value<Value>(_ position: Int, _ vocabulary: Vocabulary<Value>) throws -> Value? {
                    if let readUpTo, position >= readUpTo { return nil }
                    let bytes = text(position)
                    guard let value = vocabulary.value(bytes) else {
                        throw unreadable(Self.textColumns[position], bytes, table: table)
                    }
                    return value
                }
                let term = try value(0, Vocabularies.terms)
                let group = try value(1, Vocabularies.pupilGroups)
                let yearGroup = try value(2, Vocabularies.yearGroups)
                if let keyError { throw keyError.error }
                // Each is read unless a key error was thrown above.
                guard let term, let group, let yearGroup, let urn = URN(urns[row]) else { continue }
                let key = RecordKey(
                    urn: urn, drop: DataDrop(year: AcademicYear(years[row]), term: term), group: group,
                    yearGroup: yearGroup)
                let item = String(decoding: text(3), as: UTF8.self)
                if anyErrors, let error = valueErrors[row] { throw error }
                let values = text(4)
                let record = try StoredRow.record(
                    Record.self, key: key, item: item, values: values, path: path,
                    notAList: notAList(values, of: Record.kind))
                if anyErrors, let error = fileErrors[row] { throw error }
                try body(record, files[row])
            }
        }
    }

    /// The error `StoredRow.unreadable(_:)` gives for the text `bytes` in `column`.
    private func unreadable(_ column: Int, _ bytes: UnsafeRawBufferPointer, table: RecordTable) -> StoreError
    {
        .unreadableValue(
            path: path, table: table.name, column: (table.recordColumns + ["file_id"])[column],
            value: String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
    }

    /// The error `StoredRow` gives for stored values `bytes` that are no list, naming the
    /// values column and showing the text as SQLite gives it (up to the first NUL).
    private func notAList(_ bytes: UnsafeRawBufferPointer, of kind: DropRecordKind) -> StoreError {
        let table = DropCountsTable.readingTable(kind)
        let columns = table.recordColumns + ["file_id"]
        return .unreadableValue(
            path: path, table: table.name, column: columns[StoredRow.valuesColumn],
            value: String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self))
    }
}

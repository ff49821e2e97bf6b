import Metrics

/// Rows of `DropCountsTable.selectSQL` with each record's key and item read and its
/// stored values and `file_id` copied, so that another thread can read the records while
/// SQLite steps through the next rows (`TrustStore.load`, `RecordPipeline`).
///
/// Read from here, a record is the one `StoredRow.record(_:)` reads, and a value that
/// cannot be read fails with the same error at the same row: a values column or
/// `file_id` that cannot be read is kept as its error, thrown where the row's record is
/// read, as reading row by row would throw it.
struct RecordRows: Sendable {
    /// The store's path, for errors.
    let path: String
    /// Each row's key.
    private var keys: [RecordKey] = []
    /// Each row's item.
    private var items: [String] = []
    /// Each row's stored values, one list after another.
    private var values: [UInt8] = []
    /// Where each row's values end in `values`.
    private var ends: [Int] = []
    /// Each row's `file_id`.
    private var files: [Int] = []
    /// The errors of values that could not be read, by row.
    private var valueErrors: [Int: StoreError] = [:]
    /// The errors of `file_id`s that could not be read, by row.
    private var fileErrors: [Int: StoreError] = [:]
    /// Reads each row's key, reusing the columns it shares with the row before.
    private var keyReader = RecordKeyReader()

    /// Rows copied.
    var count: Int { keys.count }

    /// No rows yet, of the store at `path`; room for `capacity` rows.
    init(path: String, capacity: Int) {
        self.path = path
        keys.reserveCapacity(capacity)
        items.reserveCapacity(capacity)
        ends.reserveCapacity(capacity)
        files.reserveCapacity(capacity)
    }

    /// Reads the key and item of `row` and copies its values and `file_id`; with `drop`, a
    /// row of `DropCountsTable.selectInDropSQL` holding that drop.
    ///
    /// - Throws: What `StoredRow.recordKey()` throws.
    mutating func append(_ row: StoredRow, fileColumn: Int, drop: DataDrop? = nil) throws {
        let (key, item) = try keyReader.read(row, drop: drop)
        let index = keys.count
        keys.append(key)
        items.append(item)
        do {
            try row.withText(StoredRow.valuesColumn) { bytes in
                guard let bytes else { throw row.unreadable(StoredRow.valuesColumn) }
                values.append(contentsOf: bytes)
            }
        } catch let error as StoreError {
            valueErrors[index] = error
        }
        ends.append(values.count)
        do {
            files.append(try row.int(fileColumn))
        } catch let error as StoreError {
            files.append(-1)
            fileErrors[index] = error
        }
    }

    /// Calls `body` with each row's record of `Record`'s kind and `file_id`, in order.
    ///
    /// - Throws: The first error reading a row's values or `file_id` gives (the values'
    ///   first, as `StoredRow` reads them), or what `body` throws.
    func forEachRecord<Record: DropRecord>(_: Record.Type, _ body: (Record, Int) throws -> Void) throws {
        let anyErrors = !valueErrors.isEmpty || !fileErrors.isEmpty
        try values.withUnsafeBytes { all in
            var start = 0
            for row in keys.indices {
                let end = ends[row]
                if anyErrors, let error = valueErrors[row] { throw error }
                let bytes = UnsafeRawBufferPointer(rebasing: all[start..<end])
                let record = try StoredRow.record(
                    Record.self, key: keys[row], item: items[row], values: bytes, path: path,
                    notAList: notAList(bytes, of: Record.kind))
                if anyErrors, let error = fileErrors[row] { throw error }
                try body(record, files[row])
                start = end
            }
        }
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

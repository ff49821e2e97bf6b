import GRDB
import Metrics

extension TrustStore {
    /// The records later files replaced, in the order they were replaced.
    ///
    /// - Parameter urn: Only the corrections to this academy (its details and its figures);
    ///   nil for every correction, benchmarks included.
    /// - Returns: One entry per replaced record; a record corrected twice has two.
    /// - Throws: `StoreError` when the store cannot be read.
    public func history(urn: URN? = nil) throws -> [HistoryEntry] {
        try reading { db in
            let files = try Self.files(db)
            var entries: [(id: Int, entry: HistoryEntry)] = []
            func note(_ record: HistoryEntry.Record, _ stored: StoredRow) throws {
                let head = stored.leadingColumns
                guard let source = files[try head.int(1)], let replacedBy = files[try head.int(3)] else {
                    return
                }
                let entry = HistoryEntry(
                    replaced: record, source: source, sourceLine: try head.int(2), replacedBy: replacedBy,
                    replacedByLine: try head.int(4))
                entries.append((try head.int(0), entry))
            }
            for table in RecordTable.all {
                // The replaced row is kept as JSON; extracting its fields in the table's
                // column order lets `StoredRow` read it like a row of the table itself.
                let fields = table.recordColumns.map { "json_extract(old, '$.\($0)')" }
                var sql = """
                    SELECT id, old_file_id, old_line, new_file_id, new_line, \(fields.joined(separator: ", "))
                    FROM history WHERE kind = ?
                    """
                var arguments: StatementArguments = [table.name]
                if let urn {
                    sql += " AND urn = ?"
                    arguments += [urn.value]
                }
                try StoredRow.forEach(
                    in: db, sql: sql, arguments: arguments, table: table, path: path, offset: 5
                ) { stored in
                    let record: HistoryEntry.Record =
                        switch table.name {
                        case RecordTable.academies.name: .academy(try stored.academy())
                        case RecordTable.distributions.name: .distribution(try stored.distribution())
                        default: .benchmark(try stored.benchmark())
                        }
                    try note(record, stored)
                }
            }
            // The termly records, each kind read as it describes itself.
            func read<Record: DropRecord>(_: Record.Type) throws {
                var sql = DropCountsTable.historySQL
                var arguments: StatementArguments = [Record.kind.rawValue]
                if let urn {
                    sql += " AND urn = ?"
                    arguments += [urn.value]
                }
                try StoredRow.forEach(
                    in: db, sql: sql, arguments: arguments, table: DropCountsTable.readingTable(Record.kind),
                    path: path, offset: 5
                ) { stored in
                    let record = try stored.record(Record.self)
                    guard let entry = HistoryEntry.Record(record) else { return }
                    try note(entry, stored)
                }
            }
            for kind in DropRecordKind.allCases { try read(kind.recordType) }
            return entries.sorted { $0.id < $1.id }.map(\.entry)
        }
    }
}

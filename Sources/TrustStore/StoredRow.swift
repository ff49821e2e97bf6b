import GRDB
import GRDBSQLite
import Metrics

/// Reads records from query results whose columns come in `RecordTable` order.
///
/// Columns are read by index straight from the `sqlite3_stmt` that GRDB prepared, and
/// enum columns are matched as bytes: loading a large drop reads millions of rows, and
/// going through `Row`, `String` and `init(rawValue:)` for each column took twice as long.
/// A value this version cannot read (a store edited by hand, or a newer one) throws
/// `StoreError.unreadableValue` instead of crashing.
struct StoredRow {
    /// The statement, positioned on the row.
    private let handle: SQLiteStatement
    /// The table, for naming a column in an error.
    let table: RecordTable
    /// The store's path, for errors.
    let path: String
    /// Added to every index: history rows carry a few columns before the record's.
    private let offset: Int32

    /// Runs `sql` on `db` and calls `body` with each row.
    ///
    /// - Parameters:
    ///   - db: The connection, inside the caller's read or write.
    ///   - sql: The query; its columns come in `table`'s order after `offset` others.
    ///   - arguments: Values for the query's parameters.
    ///   - table: The table whose records the rows hold.
    ///   - path: The store's path, for errors.
    ///   - offset: The number of columns before the record's first.
    ///   - body: Called with each row; the row is valid only during the call.
    /// - Throws: A `DatabaseError` when SQLite fails, or what `body` throws.
    static func forEach(
        in db: Database, sql: String, arguments: StatementArguments = [], table: RecordTable, path: String,
        offset: Int = 0, _ body: (StoredRow) throws -> Void
    ) throws {
        let statement = try db.makeStatement(sql: sql)
        try statement.setArguments(arguments)
        let row = StoredRow(
            handle: statement.sqliteStatement, table: table, path: path, offset: Int32(offset))
        while true {
            let code = sqlite3_step(row.handle)
            if code == SQLITE_DONE { return }
            guard code == SQLITE_ROW else {
                let message = db.sqliteConnection.map { String(cString: sqlite3_errmsg($0)) }
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: message, sql: sql)
            }
            try body(row)
        }
    }

    /// The same row read from its first column, for the columns before the record's.
    var leadingColumns: StoredRow {
        StoredRow(handle: handle, table: table, path: path, offset: 0)
    }

    /// The error for a value in column `index` this version cannot read.
    func unreadable(_ index: Int) -> StoreError {
        let columns = table.recordColumns + ["file_id"]
        let column = columns.indices.contains(index) ? columns[index] : "#\(index)"
        let text = sqlite3_column_text(handle, offset + Int32(index)).map { String(cString: $0) }
        let value = isNull(index) ? "NULL" : text ?? "?"
        return .unreadableValue(path: path, table: table.name, column: column, value: value)
    }

    private func type(_ index: Int) -> Int32 {
        sqlite3_column_type(handle, offset + Int32(index))
    }

    private func isNull(_ index: Int) -> Bool { type(index) == SQLITE_NULL }

    /// The integer in column `index`, nil for NULL.
    func optionalInt(_ index: Int) throws -> Int? {
        switch type(index) {
        case SQLITE_NULL: return nil
        case SQLITE_INTEGER: return Int(sqlite3_column_int64(handle, offset + Int32(index)))
        default: throw unreadable(index)
        }
    }

    /// The integer in column `index`.
    func int(_ index: Int) throws -> Int {
        guard let value = try optionalInt(index) else { throw unreadable(index) }
        return value
    }

    /// The number in column `index`.
    func double(_ index: Int) throws -> Double {
        switch type(index) {
        case SQLITE_FLOAT, SQLITE_INTEGER: return sqlite3_column_double(handle, offset + Int32(index))
        default: throw unreadable(index)
        }
    }

    /// The number in column `index`, nil for NULL.
    func optionalDouble(_ index: Int) throws -> Double? {
        isNull(index) ? nil : try double(index)
    }

    /// Calls `body` with the bytes of the text in column `index`, or nil for NULL.
    func withText<T>(_ index: Int, _ body: (UnsafeRawBufferPointer?) throws -> T) throws -> T {
        switch type(index) {
        case SQLITE_NULL: return try body(nil)
        case SQLITE_TEXT:
            // The pointer first, then the length: that order is what SQLite documents.
            let start = sqlite3_column_text(handle, offset + Int32(index))
            let count = Int(sqlite3_column_bytes(handle, offset + Int32(index)))
            return try body(UnsafeRawBufferPointer(start: start, count: count))
        default: throw unreadable(index)
        }
    }

    /// The text in column `index`, nil for NULL.
    func optionalText(_ index: Int) throws -> String? {
        try withText(index) { bytes in bytes.map { String(decoding: $0, as: UTF8.self) } }
    }

    /// The text in column `index`.
    func text(_ index: Int) throws -> String {
        guard let value = try optionalText(index) else { throw unreadable(index) }
        return value
    }

    /// The value of `vocabulary` in column `index`, nil for NULL.
    func optionalValue<Value>(_ index: Int, _ vocabulary: Vocabulary<Value>) throws -> Value? {
        let value = try withText(index) { bytes -> Value?? in bytes.map { vocabulary.value($0) } }
        switch value {
        case .none: return nil
        case .some(.none): throw unreadable(index)
        case .some(.some(let value)): return value
        }
    }

    /// The value of `vocabulary` in column `index`.
    func value<Value>(_ index: Int, _ vocabulary: Vocabulary<Value>) throws -> Value {
        guard let value = try optionalValue(index, vocabulary) else { throw unreadable(index) }
        return value
    }

    /// The URN in column `index`.
    func urn(_ index: Int) throws -> URN {
        guard let urn = URN(try int(index)) else { throw unreadable(index) }
        return urn
    }

    /// The academic year starting in the year in column `index`.
    func year(_ index: Int) throws -> AcademicYear {
        guard let year = AcademicYear(exactly: try int(index)) else { throw unreadable(index) }
        return year
    }

    /// The drop from the academic year in column `index` and the term in the next.
    func drop(_ index: Int) throws -> DataDrop {
        DataDrop(year: try year(index), term: try value(index + 1, Vocabularies.terms))
    }

    /// The `file_id` that follows the record's columns.
    func fileID() throws -> Int {
        try int(table.recordColumns.count)
    }

    /// The academy in a row of `RecordTable.academies`.
    func academy() throws -> Academy {
        Academy(
            urn: try urn(0), name: try text(1), phase: try value(2, Vocabularies.phases),
            localAuthority: try optionalText(3), sil: try optionalText(4), joined: try optionalText(5),
            ofsted: try optionalValue(6, Vocabularies.ofstedJudgements))
    }

    /// The record of `kind` in a row of `DropCountsTable.selectSQL`.
    func record<Record: DropRecord>(_ kind: Record.Type) throws -> Record {
        let (key, item) = try recordKey()
        return try withText(Self.valuesColumn) { bytes in
            guard let bytes else { throw unreadable(Self.valuesColumn) }
            return try Self.record(
                Record.self, key: key, item: item, values: bytes, path: path,
                notAList: unreadable(Self.valuesColumn))
        }
    }

    /// The column of a row of `DropCountsTable.selectSQL` that holds the record's values.
    static let valuesColumn = 6

    /// The key and item of the record in a row of `DropCountsTable.selectSQL`, read as
    /// `record(_:)` reads them first.
    func recordKey() throws -> (key: RecordKey, item: String) {
        let key = RecordKey(
            urn: try urn(2), drop: try drop(0), group: try value(3, Vocabularies.pupilGroups),
            yearGroup: try value(4, Vocabularies.yearGroups))
        return (key, try text(5))
    }

    /// The record of `Record`'s kind with `key` and `item` whose values are the stored list
    /// `bytes`; throws `notAList` when the bytes are no list at all.
    static func record<Record: DropRecord>(
        _: Record.Type, key: RecordKey, item: String, values bytes: UnsafeRawBufferPointer, path: String,
        notAList: @autoclosure () -> StoreError
    ) throws -> Record {
        var values = StoredValues(bytes, kind: Record.kind, item: item, path: path)
        guard values.isArray else { throw notAList() }
        return try Record(key: key, item: item, values: &values)
    }

    /// The distribution in a row of `RecordTable.distributions`.
    func distribution() throws -> NationalDistribution {
        let list = try text(5)
        var values: [Double] = []
        for part in list.split(separator: ",") {
            guard let value = Double(part) else { throw unreadable(5) }
            values.append(value)
        }
        guard values.count == (try int(4)) else { throw unreadable(4) }
        return NationalDistribution(
            kpi: try value(0, Vocabularies.kpis),
            drop: DataDrop(year: try year(1), term: try value(2, Vocabularies.terms)),
            phase: try value(3, Vocabularies.phases), values: values, source: try text(6))
    }

    /// The line in a row of `RecordTable.census`.
    func census() throws -> SchoolCensus {
        SchoolCensus(
            urn: try urn(1), year: try year(0), schoolType: try text(2),
            phase: try optionalValue(3, Vocabularies.phases), pupils: try optionalInt(4),
            disadvantagedPercent: try optionalDouble(5), ealPercent: try optionalDouble(6),
            senSupportPercent: try optionalDouble(7), ehcpPercent: try optionalDouble(8))
    }

    /// The national row in a row of `RecordTable.nationalCensus`.
    func nationalCensus() throws -> NationalCensus {
        NationalCensus(
            year: try year(0), schoolType: try text(1),
            phase: try optionalValue(2, Vocabularies.phases),
            pupils: try optionalInt(3), disadvantagedPercent: try optionalDouble(4),
            ealPercent: try optionalDouble(5), senSupportPercent: try optionalDouble(6),
            ehcpPercent: try optionalDouble(7))
    }

    /// The line in a row of `RecordTable.context`.
    func context() throws -> SchoolContext {
        SchoolContext(
            urn: try urn(1), year: try year(0), pupils: try optionalInt(2),
            disadvantagedPercent: try optionalDouble(3), ealPercent: try optionalDouble(4),
            senSupportPercent: try optionalDouble(5), ehcpPercent: try optionalDouble(6))
    }

    /// The outcome in a row of `RecordTable.outcomes`.
    func outcome() throws -> SchoolOutcome {
        SchoolOutcome(
            urn: try urn(2), drop: try drop(0), kpi: try value(3, Vocabularies.kpis), value: try double(4))
    }

    /// The name line in a row of `RecordTable.schoolNames`.
    func schoolName() throws -> SchoolName {
        SchoolName(urn: try urn(0), name: try optionalText(1), localAuthority: try optionalText(2))
    }

    /// The benchmark in a row of `RecordTable.benchmarks`.
    func benchmark() throws -> Benchmark {
        guard let scope = Benchmark.Scope(parsing: try text(5)) else { throw unreadable(5) }
        let phase = try text(3)
        return Benchmark(
            kpi: try value(0, Vocabularies.kpis), year: try year(1),
            term: try value(2, Vocabularies.terms),
            phase: phase.isEmpty ? nil : try value(3, Vocabularies.phases),
            group: try value(4, Vocabularies.pupilGroups), scope: scope, value: try double(6),
            source: try optionalText(7))
    }
}

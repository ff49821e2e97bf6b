import GRDB
import Metrics

/// Reads records from rows whose columns come in `RecordTable` order.
///
/// Columns are read by index, straight from the SQLite statement: loading a large drop reads
/// millions of rows, and decoding by name or through `Codable` would cost several times as
/// much. A value this version cannot read (a store edited by hand, or a newer one) throws
/// `StoreError.unreadableValue` instead of crashing.
struct StoredRow {
    /// The row; `Row.fetchCursor` reuses one `Row` for every step.
    let row: Row
    /// The table, for naming a column in an error.
    let table: RecordTable
    /// The store's path, for errors.
    let path: String
    /// Added to every index: history rows carry a few columns before the record's.
    var offset = 0

    private func unreadable(_ index: Int) -> StoreError {
        let columns = table.recordColumns + ["file_id"]
        let column = columns.indices.contains(index) ? columns[index] : "#\(index)"
        let value = (row[offset + index] as DatabaseValue?).map { String(describing: $0) } ?? "NULL"
        return .unreadableValue(path: path, table: table.name, column: column, value: value)
    }

    /// The integer in column `index`.
    func int(_ index: Int) throws -> Int {
        let value = try optionalInt(index)
        guard let value else { throw unreadable(index) }
        return value
    }

    /// The integer in column `index`, nil for NULL.
    func optionalInt(_ index: Int) throws -> Int? {
        if row.hasNull(atIndex: offset + index) { return nil }
        do {
            return try row.decode(Int.self, atIndex: offset + index)
        } catch {
            throw unreadable(index)
        }
    }

    /// The number in column `index`.
    func double(_ index: Int) throws -> Double {
        guard !row.hasNull(atIndex: offset + index), let value = try? row.decode(Double.self, atIndex: offset + index)
        else { throw unreadable(index) }
        return value
    }

    /// The text in column `index`.
    func text(_ index: Int) throws -> String {
        let value = try optionalText(index)
        guard let value else { throw unreadable(index) }
        return value
    }

    /// The text in column `index`, nil for NULL.
    func optionalText(_ index: Int) throws -> String? {
        if row.hasNull(atIndex: offset + index) { return nil }
        do {
            return try row.decode(String.self, atIndex: offset + index)
        } catch {
            throw unreadable(index)
        }
    }

    /// The value of a string-backed enum in column `index`.
    func value<Value: RawRepresentable<String>>(_ index: Int, as type: Value.Type = Value.self) throws -> Value {
        guard let value = Value(rawValue: try text(index)) else { throw unreadable(index) }
        return value
    }

    /// The value of a string-backed enum in column `index`, nil for NULL.
    func optionalValue<Value: RawRepresentable<String>>(_ index: Int, as type: Value.Type = Value.self) throws
        -> Value?
    {
        guard let text = try optionalText(index) else { return nil }
        guard let value = Value(rawValue: text) else { throw unreadable(index) }
        return value
    }

    /// The URN in column `index`.
    func urn(_ index: Int) throws -> URN {
        guard let urn = URN(try int(index)) else { throw unreadable(index) }
        return urn
    }

    /// The year group in column `index`.
    func yearGroup(_ index: Int) throws -> YearGroup {
        guard let group = YearGroup(rawValue: try text(index)) else { throw unreadable(index) }
        return group
    }

    /// The drop from the academic year in column `index` and the term in the next.
    func drop(_ index: Int) throws -> DataDrop {
        DataDrop(year: AcademicYear(try int(index)), term: try value(index + 1))
    }

    /// The `file_id` that follows the record's columns.
    func fileID() throws -> Int {
        try int(table.recordColumns.count)
    }

    /// The academy in a row of `RecordTable.academies`.
    func academy() throws -> Academy {
        Academy(
            urn: try urn(0), name: try text(1), phase: try value(2), localAuthority: try optionalText(3),
            sil: try optionalText(4), joined: try optionalText(5), ofsted: try optionalValue(6))
    }

    /// The record in a row of `RecordTable.attendance`.
    func attendance() throws -> AttendanceRecord {
        AttendanceRecord(
            urn: try urn(2), drop: try drop(0), group: try value(3), yearGroup: try yearGroup(4),
            pupils: try int(5), possibleSessions: try int(6), absentSessions: try int(7),
            persistentAbsentees: try int(8), severeAbsentees: try optionalInt(9),
            authorisedAbsentSessions: try optionalInt(10), unauthorisedAbsentSessions: try optionalInt(11))
    }

    /// The record in a row of `RecordTable.attainment`.
    func attainment() throws -> AttainmentRecord {
        AttainmentRecord(
            urn: try urn(2), drop: try drop(0), group: try value(3), yearGroup: try yearGroup(4),
            subject: try value(5), cohort: try int(6), expected: try int(7), greaterDepth: try optionalInt(8),
            basis: try value(9))
    }

    /// The record in a row of `RecordTable.scores`.
    func score() throws -> ScoreRecord {
        ScoreRecord(
            urn: try urn(2), drop: try drop(0), group: try value(3), yearGroup: try yearGroup(4),
            measure: try value(5), cohort: try int(6), average: try double(7))
    }

    /// The benchmark in a row of `RecordTable.benchmarks`.
    func benchmark() throws -> Benchmark {
        guard let kpi = KPI(key: try text(0)) else { throw unreadable(0) }
        let phase = try text(3)
        guard let scope = Benchmark.Scope(parsing: try text(5)) else { throw unreadable(5) }
        return Benchmark(
            kpi: kpi, year: AcademicYear(try int(1)), term: try value(2),
            phase: phase.isEmpty ? nil : try value(3, as: Phase.self), group: try value(4), scope: scope,
            value: try double(6), source: try optionalText(7))
    }
}

import GRDB
import Metrics

/// A drop as `drop_counts` holds it: the academic year and term of some of its rows, as
/// stored, not yet read into a `DataDrop`.
///
/// The table is keyed by drop first (version 10), so a query for one kind across every
/// drop (`kind = ?` alone) would read the whole table. Asked drop by drop instead, with
/// these keys, each is one range of the key, and the rows come in the order a range of the
/// old key gave them: drop by drop in key order, a value this version cannot read still met
/// at its row, where reading it reports it.
struct StoredDropKey {
    /// The stored academic year, bound back as it is.
    let year: DatabaseValue
    /// The stored term, as text.
    let term: DatabaseValue

    /// The query's arguments for `kind` in this drop: kind, academic year, term, as
    /// `DropCountsTable.selectSQL` takes them.
    func arguments(_ kind: DropRecordKind) -> StatementArguments {
        [kind.rawValue, year, term]
    }

    /// The drop every row with this key holds, as `StoredRow.drop(_:)` reads it: nil when
    /// the stored year is not an integer or the term is not one this version reads, whose
    /// rows are then read with their year and term, to fail as reading them does.
    var drop: DataDrop? {
        guard case .int64(let year) = year.storage, let start = AcademicYear(exactly: Int(year)),
            case .string(var text) = term.storage
        else { return nil }
        guard let term = text.withUTF8({ Vocabularies.terms.value(UnsafeRawBufferPointer($0)) }) else {
            return nil
        }
        return DataDrop(year: start, term: term)
    }

    /// Every drop with a row of any kind, in key order, each found with one or two seeks
    /// of the key: the next term of the same year, else the first term of a later year. A
    /// store of thirty drops answers as quickly as a store of one.
    static func all(in db: Database) throws -> [StoredDropKey] {
        let first = try db.cachedStatement(sql: firstSQL)
        let sameYear = try db.cachedStatement(sql: sameYearSQL)
        let laterYear = try db.cachedStatement(sql: laterYearSQL)
        var keys: [StoredDropKey] = []
        func next(_ statement: Statement, _ arguments: StatementArguments) throws -> Bool {
            guard let row = try Row.fetchOne(statement, arguments: arguments) else { return false }
            keys.append(StoredDropKey(year: row[0], term: row[1]))
            return true
        }
        guard try next(first, []) else { return [] }
        while let last = keys.last {
            if try next(sameYear, [last.year, last.term]) { continue }
            if try !next(laterYear, [last.year]) { break }
        }
        return keys
    }

    /// The first drop in key order.
    static let firstSQL = """
        SELECT academic_year, term FROM \(DropCountsTable.name) ORDER BY academic_year, term LIMIT 1
        """

    /// The next term stored in the same academic year (bound: year, term). Term is compared
    /// as text, as the key orders it, only to step from one stored drop to the next.
    static let sameYearSQL = """
        SELECT academic_year, term FROM \(DropCountsTable.name)
        WHERE academic_year = ? AND term > ? ORDER BY term LIMIT 1
        """

    /// The first term stored in a later academic year (bound: year).
    static let laterYearSQL = """
        SELECT academic_year, term FROM \(DropCountsTable.name)
        WHERE academic_year > ? ORDER BY academic_year, term LIMIT 1
        """
}

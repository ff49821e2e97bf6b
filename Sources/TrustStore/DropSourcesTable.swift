import GRDB
import Metrics

/// `drop_sources` (from version 9): which files each academy's rows of each drop came
/// from, for the kinds `dropSources` asks about, so that it need not read every row.
///
/// It always holds exactly `SELECT DISTINCT kind, academic_year, term, urn, file_id FROM
/// drop_counts` for those kinds: the v9 step fills it so, and each ingest rewrites, from
/// `drop_counts`, the rows of every academy and drop it stored records of such a kind
/// for, once those records are written (a row left unchanged keeps its older file).
enum DropSourcesTable {
    /// The table's name.
    static let name = "drop_sources"

    /// The kinds whose sources are kept.
    static let kinds: Set<DropRecordKind> = [.attendance, .inclusion]

    /// Rewrites the rows of `kind` for each of `academyDrops` from `drop_counts`.
    /// `storedBefore` says whether the store held records of the kind for a drop before
    /// this batch: when it held none, there is nothing to delete first.
    static func rewrite(
        _ db: Database, kind: DropRecordKind, academyDrops: [AcademyDrop],
        storedBefore: (DataDrop) throws -> Bool
    ) throws {
        let condition = "kind = ? AND academic_year = ? AND term = ? AND urn = ?"
        let delete = try db.makeStatement(sql: "DELETE FROM \(name) WHERE \(condition)")
        let insert = try db.makeStatement(
            sql: """
                INSERT INTO \(name) (kind, academic_year, term, urn, file_id)
                SELECT DISTINCT kind, academic_year, term, urn, file_id FROM \(DropCountsTable.name)
                WHERE \(condition)
                """)
        for key in academyDrops {
            let arguments: StatementArguments = [
                kind.rawValue, key.drop.year.start, key.drop.term.rawValue, key.urn.value,
            ]
            if try storedBefore(key.drop) { try delete.execute(arguments: arguments) }
            try insert.execute(arguments: arguments)
        }
    }

    /// Inserts the rows of `kind` for the academies and drops of `items` whose drop `isNew`
    /// says the store held no records of the kind for before this batch, when every one of
    /// `items` was stored as a new row: each such academy's rows then came from the files
    /// of its records (`fileIDs` by a record's file index), and it has no row here yet.
    ///
    /// For a new drop this gives what `rewrite` gives, without reading the rows back: one
    /// query a national drop's academy, each gathering its rows' files, took a twentieth
    /// of the ingest.
    static func insertNew<Record: DropRecord>(
        _ db: Database, kind: DropRecordKind, of items: [Sourced<Record>], fileIDs: [Int],
        isNew: (DataDrop) throws -> Bool
    ) throws {
        let insert = try UpsertStatement(
            db, sql: "INSERT INTO \(name) (kind, academic_year, term, urn, file_id) VALUES (?, ?, ?, ?, ?)")
        var seen = Set<Source>()
        var last: Source?
        for item in items {
            let source = Source(
                key: AcademyDrop(urn: item.record.urn, drop: item.record.drop), fileID: fileIDs[item.file])
            // Rows of one academy and file come together: most are the last one's.
            if source == last { continue }
            last = source
            guard try isNew(source.key.drop), seen.insert(source).inserted else { continue }
            insert.bind(kind.rawValue)
            insert.bind(source.key.drop.year.start)
            insert.bind(source.key.drop.term.rawValue)
            insert.bind(source.key.urn.value)
            insert.bind(source.fileID)
            _ = try insert.run()
        }
    }

    /// One row of the table for a kind: an academy's drop and a file its rows came from.
    private struct Source: Hashable {
        let key: AcademyDrop
        let fileID: Int
    }

    /// The academies and drops of `items`, each once, in the order they first come.
    static func academyDrops<Record: DropRecord>(of items: [Sourced<Record>]) -> [AcademyDrop] {
        var seen = Set<AcademyDrop>()
        var list: [AcademyDrop] = []
        var last: AcademyDrop?
        for item in items {
            let key = AcademyDrop(urn: item.record.urn, drop: item.record.drop)
            // Rows of one academy come together: most are the last one's.
            if key == last { continue }
            last = key
            if seen.insert(key).inserted { list.append(key) }
        }
        return list
    }
}

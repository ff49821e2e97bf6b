import Foundation
import GRDB
import Metrics

@testable import TrustStore

/// Writes `batch` into a store made by a version before 7, whose termly records have a
/// table each (`attendance`, `attainment`, `scores`, `published`), as those versions
/// wrote it: a correction replaces the row and the table's own trigger keeps the old one
/// in `history` in that version's shape.
///
/// Today's writer is run into a scratch `drop_counts`, then each kind's rows are moved
/// into its old table with that version's upsert, and the scratch table is dropped.
@discardableResult
func writeBeforeV7(_ batch: DropBatch, to db: Database, at date: Date) throws -> IngestOutcome {
    try db.execute(
        sql: """
            CREATE TABLE drop_counts (
                kind TEXT NOT NULL, academic_year INTEGER NOT NULL, term TEXT NOT NULL, urn INTEGER NOT NULL,
                pupil_group TEXT NOT NULL, year_group TEXT NOT NULL, item TEXT NOT NULL, counts TEXT NOT NULL,
                file_id INTEGER NOT NULL, line INTEGER NOT NULL,
                PRIMARY KEY (kind, academic_year, term, urn, pupil_group, year_group, item)
            ) WITHOUT ROWID
            """)
    let outcome = try TrustStore.write(batch, to: db, at: date)
    // Version 1 had no `published` table.
    for table in OldTermlyTable.all where try db.tableExists(table.name) {
        try db.execute(sql: table.moveSQL)
    }
    try db.execute(sql: "DROP TABLE drop_counts")
    return outcome
}

/// A termly table as versions 1 to 5 had it, written out by hand.
private struct OldTermlyTable {
    let name: String
    /// `subject` or `measure`; nil for attendance.
    let item: String?
    let values: [String]

    static let all = [
        OldTermlyTable(
            name: "attendance", item: nil,
            values: [
                "pupils", "possible_sessions", "absent_sessions", "persistent_absentees", "severe_absentees",
                "authorised_absent_sessions", "unauthorised_absent_sessions",
            ]),
        OldTermlyTable(
            name: "attainment", item: "subject", values: ["cohort", "expected", "greater_depth", "basis"]),
        OldTermlyTable(name: "scores", item: "measure", values: ["cohort", "average"]),
        OldTermlyTable(
            name: "published", item: "measure",
            values: ["value", "pupils", "interval_low", "interval_high", "source"]),
    ]

    /// The old upsert, fed from the scratch table's rows of this kind.
    var moveSQL: String {
        let keys = ["academic_year", "term", "urn", "pupil_group", "year_group"] + (item.map { [$0] } ?? [])
        let selectedKeys =
            ["academic_year", "term", "urn", "pupil_group", "year_group"] + (item == nil ? [] : ["item"])
        let extracts = values.indices.map { "json_extract(counts, '$[\($0)]')" }
        let assignments = (values + ["file_id", "line"]).map { "\($0) = excluded.\($0)" }
        let differences = values.map { "\(name).\($0) IS NOT excluded.\($0)" }
        return """
            INSERT INTO \(name) (\((keys + values + ["file_id", "line"]).joined(separator: ", ")))
            SELECT \((selectedKeys + extracts + ["file_id", "line"]).joined(separator: ", "))
            FROM drop_counts WHERE kind = '\(name)'
            ON CONFLICT (\(keys.joined(separator: ", "))) DO UPDATE SET \(assignments.joined(separator: ", "))
            WHERE \(differences.joined(separator: " OR "))
            """
    }
}

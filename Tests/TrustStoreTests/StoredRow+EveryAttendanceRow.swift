import GRDB

@testable import TrustStore

extension StoredRow {
    /// Calls `body` with every attendance row of the store, each with its academic year
    /// and term, in key order: the whole-table read that tests of a faster read compare
    /// it against.
    static func forEveryAttendanceRow(in db: Database, path: String, _ body: (StoredRow) throws -> Void)
        throws
    {
        try forEach(
            in: db,
            sql: "SELECT academic_year, term, urn, pupil_group, year_group, item, counts, file_id "
                + "FROM drop_counts WHERE kind = 'attendance' "
                + "ORDER BY academic_year, term, urn, pupil_group, year_group, item",
            table: DropCountsTable.readingTable(.attendance), path: path, body)
    }
}

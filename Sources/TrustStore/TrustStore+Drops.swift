import GRDB
import Metrics

extension TrustStore {
    /// Each drop with attendance, attainment, score or published rows, newest first.
    public func dropListing() throws -> [DropListing] {
        try reading { db in
            let files = try Self.files(db)
            var tallies: [DataDrop: DropTally] = [:]
            for (kind, table) in RecordTable.dropTables.enumerated() {
                // Only the drop, the academy and the file are needed. Rows come in key order,
                // drop first, so one drop's tally is kept at hand until the drop changes.
                let sql = "SELECT academic_year, term, urn, file_id FROM \(table.name)"
                var drop: DataDrop?
                var tally = DropTally()
                try StoredRow.forEach(in: db, sql: sql, table: table, path: path) { row in
                    let rowDrop = try row.drop(0)
                    if rowDrop != drop {
                        if let drop { tallies[drop] = tally }
                        drop = rowDrop
                        tally = tallies[rowDrop] ?? DropTally()
                    }
                    tally.rows[kind] += 1
                    tally.urns.insert(try row.int(2))
                    tally.files.insert(try row.int(3))
                }
                if let drop { tallies[drop] = tally }
            }
            return tallies.sorted { $0.key > $1.key }.map { drop, tally in
                DropListing(
                    drop: drop, academies: tally.urns.count, attendanceRows: tally.rows[0],
                    attainmentRows: tally.rows[1], scoreRows: tally.rows[2], publishedRows: tally.rows[3],
                    files: tally.files.compactMap { files[$0] }.sorted {
                        ($0.ingestedAt, $0.id) < ($1.ingestedAt, $1.id)
                    })
            }
        }
    }
}

/// What one drop holds, counted while scanning the termly tables.
private struct DropTally {
    /// Rows of attendance, attainment, scores and published figures, in
    /// `RecordTable.dropTables` order.
    var rows = [0, 0, 0, 0]
    var urns = Set<Int>()
    var files = Set<Int>()
}

import GRDB
import Metrics

extension TrustStore {
    /// Each drop with attendance, attainment, score, published or inclusion rows, newest
    /// first.
    public func dropListing() throws -> [DropListing] {
        try reading { db in
            let files = try Self.files(db)
            var tallies: [DataDrop: DropTally] = [:]
            // Only the kind, the drop, the academy and the file are needed. Rows come kind by
            // kind, one range of the key for each drop in key order, so one drop's tally is
            // kept at hand until it changes.
            let sql = """
                SELECT academic_year, term, urn, file_id FROM \(DropCountsTable.name)
                WHERE kind = ? AND academic_year = ? AND term = ?
                """
            let keys = try StoredDropKey.all(in: db)
            for kind in DropRecordKind.allCases {
                var drop: DataDrop?
                var tally = DropTally()
                for key in keys {
                    try StoredRow.forEach(
                        in: db, sql: sql, arguments: key.arguments(kind),
                        table: DropCountsTable.readingTable(kind),
                        path: path
                    ) { row in
                        let rowDrop = try row.drop(0)
                        if rowDrop != drop {
                            if let drop { tallies[drop] = tally }
                            drop = rowDrop
                            tally = tallies[rowDrop] ?? DropTally()
                        }
                        tally.rows[kind, default: 0] += 1
                        tally.urns.insert(try row.int(2))
                        tally.files.insert(try row.int(3))
                    }
                }
                if let drop { tallies[drop] = tally }
            }
            return tallies.sorted { $0.key > $1.key }.map { drop, tally in
                DropListing(
                    drop: drop, academies: tally.urns.count, attendanceRows: tally.rows[.attendance] ?? 0,
                    attainmentRows: tally.rows[.attainment] ?? 0, scoreRows: tally.rows[.scores] ?? 0,
                    publishedRows: tally.rows[.published] ?? 0, inclusionRows: tally.rows[.inclusion] ?? 0,
                    files: tally.files.compactMap { files[$0] }.sorted {
                        ($0.ingestedAt, $0.id) < ($1.ingestedAt, $1.id)
                    })
            }
        }
    }
}

/// What one drop holds, counted while scanning the termly tables.
private struct DropTally {
    /// Rows of each record kind.
    var rows: [DropRecordKind: Int] = [:]
    var urns = Set<Int>()
    var files = Set<Int>()
}

import GRDB
import Metrics

extension TrustStore {
    /// Each drop with attendance, attainment or score rows, newest first.
    public func dropListing() throws -> [DropListing] {
        try reading { db in
            let files = try Self.files(db)
            var tallies: [DataDrop: DropTally] = [:]
            for (kind, table) in RecordTable.dropTables.enumerated() {
                // Only the key's first three columns and the file are needed; the table's
                // order (drop, then URN) lets each academy be counted once per run of rows.
                let cursor = try Row.fetchCursor(
                    db, sql: "SELECT academic_year, term, urn, file_id FROM \(table.name)")
                var lastDrop: DataDrop?
                var lastURN = -1
                var lastFile = -1
                while let row = try cursor.next() {
                    let stored = StoredRow(row: row, table: table, path: path)
                    let drop = try stored.drop(0)
                    let urn = try stored.int(2)
                    let file = try stored.int(3)
                    tallies[drop, default: DropTally()].rows[kind] += 1
                    if drop != lastDrop || urn != lastURN {
                        tallies[drop, default: DropTally()].urns.insert(urn)
                    }
                    if drop != lastDrop || file != lastFile {
                        tallies[drop, default: DropTally()].files.insert(file)
                    }
                    lastDrop = drop
                    lastURN = urn
                    lastFile = file
                }
            }
            return tallies.sorted { $0.key > $1.key }.map { drop, tally in
                DropListing(
                    drop: drop, academies: tally.urns.count, attendanceRows: tally.rows[0],
                    attainmentRows: tally.rows[1], scoreRows: tally.rows[2],
                    files: tally.files.compactMap { files[$0] }.sorted {
                        ($0.ingestedAt, $0.id) < ($1.ingestedAt, $1.id)
                    })
            }
        }
    }
}

/// What one drop holds, counted while scanning the termly tables.
private struct DropTally {
    /// Rows of attendance, attainment and scores, in `RecordTable.dropTables` order.
    var rows = [0, 0, 0]
    var urns = Set<Int>()
    var files = Set<Int>()
}

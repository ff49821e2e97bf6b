import GRDB
import Metrics

extension TrustStore {
    /// Every drop with a termly record of any kind, oldest first, without reading the
    /// records: a command that needs one drop (`report`) can name the latest, or check the
    /// one asked for, before it loads only what it needs.
    ///
    /// The stored drops are found with a few seeks of the key (`StoredDropKey`), then each
    /// kind is looked up in each with one more, so a store of thirty drops answers as
    /// quickly as a store of one. (Asking for `(academic_year, term) > (?, ?)` instead made
    /// SQLite seek on the year alone and step through every row of the year's earlier
    /// drops: a whole read of the table, 0.3 s on a national store and 0.9 s on ten years
    /// of drops.)
    public func storedDrops() throws -> [DataDrop] {
        try reading { db in
            let keys = try StoredDropKey.all(in: db)
            let sql = """
                SELECT academic_year, term FROM \(DropCountsTable.name)
                WHERE kind = ? AND academic_year = ? AND term = ? LIMIT 1
                """
            var drops = Set<DataDrop>()
            // Kind by kind, each drop in key order, as reading the rows finds a value this
            // version cannot read.
            for kind in DropRecordKind.allCases {
                for key in keys {
                    try StoredRow.forEach(
                        in: db, sql: sql, arguments: key.arguments(kind),
                        table: DropCountsTable.readingTable(kind),
                        path: path
                    ) { row in
                        drops.insert(try row.drop(0))
                    }
                }
            }
            return drops.sorted()
        }
    }
}

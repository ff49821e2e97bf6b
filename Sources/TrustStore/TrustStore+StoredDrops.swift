import GRDB
import Metrics

extension TrustStore {
    /// Every drop with a termly record of any kind, oldest first, without reading the
    /// records: a command that needs one drop (`report`) can name the latest, or check the
    /// one asked for, before it loads only what it needs.
    ///
    /// Each drop is found with one look-up of the primary key (kind, drop, …), jumping past
    /// the drop before, so a store of thirty drops answers as quickly as a store of one.
    public func storedDrops() throws -> [DataDrop] {
        try reading { db in
            // Term is compared as text here only to step from one stored drop to the next;
            // the drops are put in term order below.
            let sql = """
                SELECT academic_year, term FROM \(DropCountsTable.name)
                WHERE kind = ? AND (academic_year, term) > (?, ?)
                ORDER BY academic_year, term LIMIT 1
                """
            var drops = Set<DataDrop>()
            for kind in DropRecordKind.allCases {
                var after: (year: Int, term: String) = (Int.min, "")
                var found = true
                while found {
                    found = false
                    try StoredRow.forEach(
                        in: db, sql: sql, arguments: [kind.rawValue, after.year, after.term],
                        table: DropCountsTable.readingTable(kind), path: path
                    ) { row in
                        let drop = try row.drop(0)
                        drops.insert(drop)
                        after = (drop.year.start, drop.term.rawValue)
                        found = true
                    }
                }
            }
            return drops.sorted()
        }
    }
}

import GRDB
import Metrics

/// `attendance_trend` (from version 11): what the overview's attendance trend shows of each
/// drop (`ShownAttendance`), worked out from the drop's records when they are stored, so
/// that the dashboard's first frame reads a row an academy of each drop it shows only the
/// trend of, not those drops' attendance records.
///
/// A drop has a row for the trust (`urn` 0, `shown` NULL where hidden or missing) and one
/// for each academy whose figure is shown; the trust's row says the drop was worked out. The
/// v11 step fills it for every stored drop. Each ingest deletes the rows of the drops it
/// stores attendance or published records of, with those records, and then works out every
/// drop without rows from all its stored records, in a transaction of its own
/// (`TrustStore.ingest`). A drop without rows (its stored records cannot be read, or the
/// ingest stopped in between) is read as records, which reports a value it cannot read.
enum AttendanceTrendTable {
    /// The table's name.
    static let name = "attendance_trend"

    /// The `urn` of the trust's row.
    static let trustURN = 0

    /// Makes the table.
    static let createSQL = """
        CREATE TABLE attendance_trend (
            academic_year INTEGER NOT NULL,
            term TEXT NOT NULL,
            urn INTEGER NOT NULL, -- 0 for the trust
            shown REAL, -- the attendance % as shown; NULL where hidden or missing
            PRIMARY KEY (academic_year, term, urn)
        ) WITHOUT ROWID
        """

    /// Deletes the rows of each of `drops`: the dashboard then reads their records.
    static func forget(_ db: Database, drops: Set<DataDrop>) throws {
        let delete = try db.makeStatement(sql: "DELETE FROM \(name) WHERE academic_year = ? AND term = ?")
        for drop in drops { try delete.execute(arguments: [drop.year.start, drop.term.rawValue]) }
    }

    /// Works out the rows of every stored drop that has none (no trust's row), from the
    /// records stored in `db` (of the store at `path`, for messages): each drop an ingest
    /// changed (`forget`), and any the table lacks for another reason.
    static func fillMissing(_ db: Database, path: String) throws {
        let kept = try db.makeStatement(
            sql: "SELECT 1 FROM \(name) WHERE academic_year = ? AND term = ? AND urn = \(trustURN)")
        var missing = Set<DataDrop>()
        for drop in try StoredDropKey.all(in: db).compactMap(\.drop)
        where try Row.fetchOne(kept, arguments: [drop.year.start, drop.term.rawValue]) == nil {
            missing.insert(drop)
        }
        try write(db, drops: missing, path: path)
    }

    /// Works out the rows of each of `drops`, which has none, from the records stored in
    /// `db` (of the store at `path`, for messages), one drop at a time.
    private static func write(_ db: Database, drops: Set<DataDrop>, path: String) throws {
        guard !drops.isEmpty else { return }
        let insert = try db.makeStatement(
            sql: "INSERT INTO \(name) (academic_year, term, urn, shown) VALUES (?, ?, ?, ?)")
        for drop in drops.sorted() {
            let year = drop.year.start
            let term = drop.term.rawValue
            // Rows this version cannot read leave the drop without a trend here; the
            // dashboard then reads its records, and says what is wrong with them. The drop
            // has no rows here, so its records are what is read.
            guard
                let data = try? TrustStore.load(
                    db, path: path, drops: [], attendanceOf: [drop], items: .all
                ).data
            else { continue }
            let shown = ShownAttendance(of: drop, in: data)
            try insert.execute(arguments: [year, term, trustURN, shown.trust])
            for (urn, value) in shown.academies.sorted(by: { $0.key < $1.key }) {
                try insert.execute(arguments: [year, term, urn.value, value])
            }
        }
    }

    /// The drops whose rows `batch` may change: those it holds attendance or published
    /// records of, the only records the trend's figures come from.
    static func drops(changedBy batch: DropBatch) -> Set<DataDrop> {
        var drops = Set<DataDrop>()
        func add<Record: DropRecord>(_ items: [Sourced<Record>]) {
            var last: DataDrop?
            for item in items where item.record.drop != last {
                drops.insert(item.record.drop)
                last = item.record.drop
            }
        }
        add(batch.attendance)
        add(batch.published)
        return drops
    }

    /// Fills the table for every drop stored: for the v11 step.
    static func fill(_ db: Database) throws {
        let path =
            try String.fetchOne(db, sql: "SELECT file FROM pragma_database_list WHERE name = 'main'") ?? ""
        try fillMissing(db, path: path)
    }

    /// What the trend shows of each of `drops` that the table holds (those with a trust's row).
    static func read(_ db: Database, drops: Set<DataDrop>) throws -> [DataDrop: ShownAttendance] {
        guard !drops.isEmpty else { return [:] }
        let statement = try db.cachedStatement(
            sql: "SELECT urn, shown FROM \(name) WHERE academic_year = ? AND term = ? ORDER BY urn")
        var found: [DataDrop: ShownAttendance] = [:]
        for drop in drops {
            var trust: Double??
            var academies: [URN: Double] = [:]
            let rows = try Row.fetchCursor(statement, arguments: [drop.year.start, drop.term.rawValue])
            while let row = try rows.next() {
                let urn: Int = try row.decode(atIndex: 0)
                let shown: Double? = try row.decode(atIndex: 1)
                if urn == trustURN {
                    trust = .some(shown)
                } else if let shown, let urn = URN(urn) {
                    academies[urn] = shown
                }
            }
            if let trust { found[drop] = ShownAttendance(drop: drop, trust: trust, academies: academies) }
        }
        return found
    }
}

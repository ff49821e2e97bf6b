import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// The URNs of the academies stored, so that a new batch may name them without listing
    /// them again.
    public func knownURNs() throws -> Set<URN> {
        try reading { db in
            var urns = Set<URN>()
            try StoredRow.forEach(in: db, sql: "SELECT urn FROM academies", table: .academies, path: path) {
                urns.insert(try $0.urn(0))
            }
            return urns
        }
    }

    /// Every drop with at least one attendance, attainment, score, published or inclusion
    /// row, oldest first: what `TrustData.drops` gives after `load()`, without reading the
    /// rows. A caller that needs only some drops (the dashboard's first frame) asks for
    /// this, then passes those drops to `load(drops:)`.
    ///
    /// Each kind's drops are found by seeking from one drop to the next in the primary key,
    /// so the time grows with the number of drops, not of rows.
    ///
    /// - Throws: `StoreError` when the store cannot be read or holds a value this version
    ///   cannot read.
    public func storedDrops() throws -> [DataDrop] {
        try reading { db in
            var drops = Set<DataDrop>()
            let table = RecordTable(
                name: DropCountsTable.name, keyColumns: ["academic_year", "term"], valueColumns: [])
            for kind in DropRecordKind.allCases {
                // The key orders terms as text, not in time, which does not matter here:
                // each step finds the next (year, term) after the last one found.
                var after: (year: Int, term: String) = (Int.min, "")
                while true {
                    var found: DataDrop?
                    var text = ""
                    try StoredRow.forEach(
                        in: db,
                        sql: """
                            SELECT academic_year, term FROM \(DropCountsTable.name)
                            WHERE kind = ? AND (academic_year, term) > (?, ?)
                            ORDER BY academic_year, term LIMIT 1
                            """,
                        arguments: [kind.rawValue, after.year, after.term], table: table, path: path
                    ) { row in
                        found = try row.drop(0)
                        text = try row.text(1)
                    }
                    guard let drop = found else { break }
                    drops.insert(drop)
                    after = (drop.year.start, text)
                }
            }
            return drops.sorted()
        }
    }

    /// Everything needed to show the trust: all academies and benchmarks, and the
    /// attendance, attainment and score rows of `drops`.
    ///
    /// Rows come in drop order, then by URN. `ingestedAt` holds, for each drop loaded, the
    /// latest time a file with rows in it was ingested. Everything is read in one read
    /// transaction, so an ingest running meanwhile is seen whole or not at all.
    ///
    /// - Parameter drops: The drops to load; nil for all.
    /// - Returns: The trust's records, and its name when an ingest gave one.
    /// - Throws: `StoreError` when the store cannot be read or holds a value this version
    ///   cannot read.
    public func load(drops: Set<DataDrop>? = nil) throws -> TrustData {
        try reading { db in
            let files = try Self.files(db)
            var data = TrustData()
            data.trustName = try String.fetchOne(db, sql: "SELECT name FROM trust WHERE id = 1")
            data.academies = try records(db, .academies, order: "urn") { try $0.academy() }
            data.benchmarks = try records(db, .benchmarks, order: "measure, academic_year, term") {
                try $0.benchmark()
            }
            var latest: [DataDrop: Date] = [:]
            // Rows of one drop mostly share a file, so the time is looked up only when the
            // file changes.
            var lastFile = -1
            var lastDrop: DataDrop?
            func note(_ drop: DataDrop, _ file: Int) {
                if file == lastFile, drop == lastDrop { return }
                lastFile = file
                lastDrop = drop
                guard let time = files[file]?.ingestedAt else { return }
                if let known = latest[drop], known >= time { return }
                latest[drop] = time
            }
            // One pass per record kind, each read as the kind describes itself.
            func load<Record: DropRecord>(_: Record.Type) throws {
                var records: [Record] = []
                try forEachRecord(db, of: Record.kind, drops: drops) { row in
                    let record = try row.record(Record.self)
                    records.append(record)
                    note(record.drop, try row.fileID())
                }
                data[keyPath: Record.inData] = records
            }
            for kind in DropRecordKind.allCases { try load(kind.recordType) }
            data.distributions = try records(db, .distributions, order: "measure, academic_year, term, phase")
            {
                try $0.distribution()
            }
            data.ingestedAt = latest.mapValues { IngestTime.text($0) }
            return data
        }
    }

    /// Every record of `table`, ordered by `order`.
    private func records<Record>(
        _ db: Database, _ table: RecordTable, order: String, _ read: (StoredRow) throws -> Record
    ) throws -> [Record] {
        var records: [Record] = []
        try StoredRow.forEach(in: db, sql: table.selectSQL + " ORDER BY " + order, table: table, path: path) {
            records.append(try read($0))
        }
        return records
    }

    /// Calls `body` with each stored record of `kind` in key order, only those of `drops`
    /// when given: one range scan of the primary key per drop.
    func forEachRecord(
        _ db: Database, of kind: DropRecordKind, drops: Set<DataDrop>?, _ body: (StoredRow) throws -> Void
    ) throws {
        let queries: [(String, StatementArguments)]
        if let drops {
            queries = drops.sorted().map {
                (
                    DropCountsTable.selectSQL + " AND academic_year = ? AND term = ?",
                    [kind.rawValue, $0.year.start, $0.term.rawValue]
                )
            }
        } else {
            queries = [(DropCountsTable.selectSQL, [kind.rawValue])]
        }
        let table = DropCountsTable.readingTable(kind)
        for (sql, arguments) in queries {
            try StoredRow.forEach(in: db, sql: sql, arguments: arguments, table: table, path: path, body)
        }
    }

    /// Every recorded file, by id.
    static func files(_ db: Database) throws -> [Int: StoredFile] {
        var files: [Int: StoredFile] = [:]
        let cursor = try Row.fetchCursor(
            db, sql: "SELECT id, name, sha256, kind, rows, bytes, time FROM files")
        while let row = try cursor.next() {
            let id: Int = try row.decode(atIndex: 0)
            let kind = try row.decode(String?.self, atIndex: 3).flatMap(DropFileKind.init(rawValue:))
            files[id] = StoredFile(
                id: id, name: try row.decode(atIndex: 1), sha256: try row.decode(atIndex: 2), kind: kind,
                rows: try row.decode(atIndex: 4), bytes: try row.decode(atIndex: 5),
                ingestedAt: Date(timeIntervalSince1970: try row.decode(atIndex: 6)))
        }
        return files
    }
}

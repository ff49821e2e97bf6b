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

    /// Everything needed to show the trust: all academies and benchmarks, and the
    /// attendance, attainment and score rows of `drops`.
    ///
    /// Rows come in drop order, then by URN. `ingestedAt` holds, for each drop loaded, the
    /// latest time a file with rows in it was ingested. Everything is read in one read
    /// transaction, so an ingest running meanwhile is seen whole or not at all.
    ///
    /// - Parameters:
    ///   - drops: The drops to load; nil for all.
    ///   - attendanceOf: More drops of which only what the dashboard's trend shows is
    ///     loaded (`TrustView.trendOnlyDrops`): what the store keeps of it
    ///     (`TrustData.shownAttendance`), else the attendance records and published
    ///     figures. Ignored when `drops` is nil.
    /// - Returns: The trust's records, and its name when an ingest gave one.
    /// - Throws: `StoreError` when the store cannot be read or holds a value this version
    ///   cannot read.
    public func load(drops: Set<DataDrop>? = nil, attendanceOf: Set<DataDrop> = []) throws -> TrustData {
        try reading { db in
            try Self.load(db, path: path, drops: drops, attendanceOf: attendanceOf, items: .all).data
        }
    }

    /// `load(drops:attendanceOf:)`, with more drops of which only some records are read:
    /// for each drop of `partly`, the records its items name (`RecordItems`). Such a drop
    /// is read for what a frame asks of it (the previous values of some KPIs), so a value
    /// in its other records that this version cannot read is not reported here.
    public func load(drops: Set<DataDrop>, partly: [DataDrop: RecordItems], attendanceOf: Set<DataDrop> = [])
        throws -> TrustData
    {
        try reading { db in
            try Self.load(
                db, path: path, drops: drops, attendanceOf: attendanceOf, items: .all,
                partly: partly.filter { !drops.contains($0.key) }
            ).data
        }
    }

    /// `load(drops:attendanceOf:)` within the read transaction of `db`, reading of each
    /// drop only the records `items` names; with, for each drop loaded, the latest time a
    /// file with rows among those read was ingested.
    static func load(
        _ db: Database, path: String, drops: Set<DataDrop>?, attendanceOf: Set<DataDrop>, items: RecordItems,
        partly: [DataDrop: RecordItems] = [:]
    ) throws
        -> (data: TrustData, latest: [DataDrop: Date])
    {
        let files = try Self.files(db)
        var data = TrustData()
        // A drop read only for the trend is not read as records where the store keeps what
        // the trend shows of it (`AttendanceTrendTable`): its attendance records were a
        // third of a ten-year store's first frame.
        if let drops {
            data.shownAttendance = try AttendanceTrendTable.read(db, drops: attendanceOf.subtracting(drops))
        }
        let attendanceOf = attendanceOf.subtracting(data.shownAttendance.keys)
        data.trustName = try String.fetchOne(db, sql: "SELECT name FROM trust WHERE id = 1")
        data.academies = try records(db, path, .academies, order: "urn") { try $0.academy() }
        data.benchmarks = try records(db, path, .benchmarks, order: "measure, academic_year, term") {
            try $0.benchmark()
        }
        // As SQLite steps through each kind's rows, this thread reads their keys and copies
        // their values (`RecordRows`), and another reads the values into records
        // meanwhile (`RecordPipeline`): reading every row on one thread was a quarter of
        // a national store's first frame. Only that thread touches what is read until
        // `finish()`.
        let pipeline = RecordPipeline()
        let read = LoadedRecords(files: files)
        let expected = try ExpectedRecords(db)
        do {
            // Each kind by its own type rather than `kind.recordType`, so that reading a
            // million rows runs code compiled for that type, not generic code.
            for kind in DropRecordKind.allCases {
                let runs = Self.runs(
                    of: kind, drops: drops, attendanceOf: attendanceOf, items: items, partly: partly)
                for (drops, items) in runs where !items.readsNone(kind) {
                    let only = items.condition(kind)
                    switch kind {
                    case .attendance:
                        try send(AttendanceRecord.self, db, path, drops, only, pipeline, read, expected)
                    case .attainment:
                        try send(AttainmentRecord.self, db, path, drops, only, pipeline, read, expected)
                    case .scores: try send(ScoreRecord.self, db, path, drops, only, pipeline, read, expected)
                    case .published:
                        try send(PublishedFigure.self, db, path, drops, only, pipeline, read, expected)
                    case .inclusion:
                        try send(InclusionRecord.self, db, path, drops, only, pipeline, read, expected)
                    }
                }
            }
            data.distributions = try records(
                db, path, .distributions, order: "measure, academic_year, term, phase"
            ) {
                try $0.distribution()
            }
        } catch {
            // A record that failed to read came before what failed here.
            try pipeline.finish()
            throw error
        }
        try pipeline.finish()
        for kind in DropRecordKind.allCases { read.store(kind.recordType, in: &data) }
        data.ingestedAt = read.latest.mapValues { IngestTime.text($0) }
        return (data, read.latest)
    }

    /// The drops whose records of `kind` a load reads (nil for all), in runs of drops next
    /// to each other in key order read for the same items, so that the records still come
    /// drop by drop in key order: `drops` (with `attendanceOf`, for the kinds a trend
    /// shows) read for `items`, and each drop of `partly` for its own.
    private static func runs(
        of kind: DropRecordKind, drops: Set<DataDrop>?, attendanceOf: Set<DataDrop>, items: RecordItems,
        partly: [DataDrop: RecordItems]
    ) -> [(drops: Set<DataDrop>?, items: RecordItems)] {
        let shownInTrend = kind == .attendance || kind == .published
        let read = shownInTrend ? drops?.union(attendanceOf) : drops
        guard let read, !partly.isEmpty else { return [(read, items)] }
        var runs: [(drops: Set<DataDrop>?, items: RecordItems)] = []
        for drop in read.union(partly.keys).sorted() {
            let itemsOfDrop = partly[drop] ?? items
            if let last = runs.last, last.items == itemsOfDrop {
                runs[runs.count - 1].drops?.insert(drop)
            } else {
                runs.append(([drop], itemsOfDrop))
            }
        }
        return runs
    }

    /// Sends every stored record of `Record`'s kind in `drops` (all when nil) down
    /// `pipeline`, to be read into `read`, a batch of rows at a time.
    private static func send<Record: DropRecord>(
        _: Record.Type, _ db: Database, _ path: String, _ drops: Set<DataDrop>?,
        _ only: (sql: String, arguments: StatementArguments), _ pipeline: RecordPipeline,
        _ read: LoadedRecords, _ expected: ExpectedRecords
    ) throws {
        let fileColumn = DropCountsTable.readingTable(Record.kind).recordColumns.count
        var rows = RecordRows(path: path, capacity: RecordPipeline.batchRows)
        func flush() throws {
            guard rows.count > 0 else { return }
            pipeline.send(rows) { rows in try read.add(Record.self, from: rows) }
            rows = RecordRows(path: path, capacity: RecordPipeline.batchRows)
            if pipeline.hasFailed { throw RecordPipeline.Stopped() }
        }
        // Sized first, so that the list is made once at about its size: grown on the
        // pipeline's thread, the space each size outgrew stayed with that thread's malloc
        // arena, and a national store's first frame peaked 20 MB higher. Sized from the
        // rows of the drops' files (`ExpectedRecords`), not by counting the drops' rows:
        // that stepped through every row twice.
        // A kind read for some items only is not sized: the list it grows into is much
        // smaller.
        if only.sql.isEmpty {
            let keys = try Self.dropArguments(db, of: Record.kind, drops: drops).map { ($0.year, $0.term) }
            let count = try expected.count(db, of: Record.kind, in: keys)
            pipeline.send(RecordRows(path: path, capacity: 0)) { _ in read.reserve(Record.self, count) }
        }
        do {
            try forEachRecord(db, path: path, of: Record.kind, drops: drops, only: only) { row, drop in
                try rows.append(row, fileColumn: fileColumn, drop: drop)
                if rows.count == RecordPipeline.batchRows { try flush() }
            }
        } catch {
            // The rows before the one that failed are read first: one of them may fail
            // before it, as reading row by row would find.
            try? flush()
            throw error
        }
        try flush()
    }

    /// Every record of `table`, ordered by `order`.
    private static func records<Record>(
        _ db: Database, _ path: String, _ table: RecordTable, order: String,
        _ read: (StoredRow) throws -> Record
    ) throws -> [Record] {
        var records: [Record] = []
        try StoredRow.forEach(in: db, sql: table.selectSQL + " ORDER BY " + order, table: table, path: path) {
            records.append(try read($0))
        }
        return records
    }

    /// Calls `body` with each stored record of `kind` in key order, only those of `drops`
    /// when given, and only those `only` picks (`RecordItems.condition`): one range scan of
    /// the primary key per drop.
    ///
    /// A row is one of `DropCountsTable.selectSQL`, read by its columns, and comes with
    /// its drop when every row of the range holds it (`StoredDropKey.drop`): the row then
    /// lacks the academic year and term (`DropCountsTable.selectInDropSQL`), which must
    /// not be read.
    static func forEachRecord(
        _ db: Database, path: String, of kind: DropRecordKind, drops: Set<DataDrop>?,
        only: (sql: String, arguments: StatementArguments) = ("", []),
        _ body: (StoredRow, DataDrop?) throws -> Void
    ) throws {
        let table = DropCountsTable.readingTable(kind)
        for (arguments, drop, _, _) in try Self.dropArguments(db, of: kind, drops: drops) {
            let sql = drop == nil ? DropCountsTable.selectSQL : DropCountsTable.selectInDropSQL
            try StoredRow.forEach(
                in: db, sql: sql + only.sql, arguments: arguments + only.arguments, table: table, path: path,
                offset: drop == nil ? 0 : DropCountsTable.inDropOffset
            ) { row in try body(row, drop) }
        }
    }

    /// The drops of `kind`'s rows to read: each of `drops` (every stored drop when nil), in
    /// key order, as its stored academic year and term and the query's arguments (kind,
    /// academic year, term); each with the drop its rows hold, when that is known before
    /// they are read (always for `drops` given: a row matches them only by holding exactly
    /// their year and term).
    private static func dropArguments(
        _ db: Database, of kind: DropRecordKind, drops: Set<DataDrop>?
    ) throws -> [(arguments: StatementArguments, drop: DataDrop?, year: DatabaseValue, term: DatabaseValue)] {
        guard let drops else {
            return try StoredDropKey.all(in: db).map { ($0.arguments(kind), $0.drop, $0.year, $0.term) }
        }
        return drops.sorted().map {
            let year = $0.year.start.databaseValue
            let term = $0.term.rawValue.databaseValue
            return ([kind.rawValue, year, term], $0, year, term)
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

import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// Stores a checked batch: every row of every file, or, on any failure, nothing.
    ///
    /// A row whose key is new is inserted. A row whose key is stored with different values
    /// replaces it (a correction) and the old values, with the file and line they came from,
    /// go into the history. A row identical to the stored one changes nothing. Each file is
    /// recorded with its name, SHA-256, kind, rows, size and `date`, except a file ingested
    /// before that changes nothing now: ingesting the same files again leaves the store as
    /// it was.
    ///
    /// What the overview's trend shows of each drop the batch changes (`AttendanceTrendTable`)
    /// is forgotten with the batch's write, so that no reader sees it out of date, and
    /// worked out again just after, in a transaction of its own, once the batch is freed: a
    /// national drop's attendance read back and protected took 110 MB, and beside the batch
    /// the ingest's peak went from 151 to 261 MB. Until then, or if that fails, the dashboard
    /// reads those drops' records, as before version 11.
    ///
    /// - Parameters:
    ///   - batch: The files read and checked together; pass it with `consume` so that its
    ///     records are freed before the trend is worked out.
    ///   - date: The time recorded for the ingest.
    /// - Returns: What each file did.
    /// - Throws: `StoreError.invalidBatch` without touching the store when the batch has
    ///   errors; another `StoreError` when writing fails, in which case nothing was stored.
    public func ingest(_ batch: consuming DropBatch, at date: Date = Date()) throws -> IngestOutcome {
        guard batch.isValid else { throw StoreError.invalidBatch(errors: batch.errors.count) }
        try Self.checkFileIndices(of: batch)
        let outcome = try write(batch, at: date)
        _ = consume batch
        guard !outcome.changedNothing else { return outcome }
        let path = path
        pool.writeWithoutTransaction { db in
            // The records are stored whatever happens here: a drop left without its trend
            // is read as records.
            try? db.inTransaction(.immediate) {
                try AttendanceTrendTable.fillMissing(db, path: path)
                return .commit
            }
            // Copy the batch from the write-ahead log into the file now. Readers open the
            // store read-only and cannot do it when they close, so while a dashboard is
            // open the batch would otherwise stay in the -wal file alone, and a copy of the
            // store's file without it would lack the batch. Passive: it never waits for a
            // reader; what it cannot copy yet is still committed.
            _ = try? db.checkpoint(.passive)
        }
        return outcome
    }

    /// Writes `batch` in one transaction that holds the write lock from its start, and
    /// forgets the trend of the drops it changes; nothing at all when it changes nothing.
    private func write(_ batch: DropBatch, at date: Date) throws -> IngestOutcome {
        do {
            return try pool.writeWithoutTransaction { db in
                var outcome = IngestOutcome(files: [], date: date)
                // A large batch dirties more pages than SQLite's default cache of 2 MB holds;
                // those it must let go of mid-transaction are written to the write-ahead log
                // and read back when a later row lands on them. A larger cache, for the
                // ingest alone, writes most pages once.
                let cacheSize = try Int.fetchOne(db, sql: "PRAGMA cache_size")
                try db.execute(sql: "PRAGMA cache_size = -\(Self.ingestCacheKiB)")
                defer { if let cacheSize { try? db.execute(sql: "PRAGMA cache_size = \(cacheSize)") } }
                // SQLite checks a row's foreign keys by looking its academy and file up, two
                // searches a row; the writer checks them itself instead (`BatchWriter`), with
                // the store's academies in memory. The setting can only change outside a
                // transaction.
                let foreignKeys = try Bool.fetchOne(db, sql: "PRAGMA foreign_keys") ?? false
                if foreignKeys { try db.execute(sql: "PRAGMA foreign_keys = OFF") }
                defer { if foreignKeys { try? db.execute(sql: "PRAGMA foreign_keys = ON") } }
                // IMMEDIATE takes the write lock now, so a concurrent ingest from another
                // process waits here rather than failing at its first insert.
                try db.inTransaction(.immediate) {
                    outcome = try Self.write(batch, to: db, at: date)
                    // Roll back even the ingest row so that the file is left untouched.
                    if outcome.changedNothing { return .rollback }
                    try AttendanceTrendTable.forget(db, drops: AttendanceTrendTable.drops(changedBy: batch))
                    return .commit
                }
                return outcome
            }
        } catch {
            throw StoreError.wrapping(error, path: path)
        }
    }

    /// The page cache an ingest may use, in KiB: 16 MB. A national drop's store is about
    /// 160 MB; pages are written nearly in key order, so a cache of this size keeps those a
    /// row may still land on.
    static let ingestCacheKiB = 16_384

    /// Every record must name a file of the batch, or it could not be recorded as coming from one.
    private static func checkFileIndices(of batch: DropBatch) throws {
        let files = batch.files.indices
        func check<Record>(_ items: [Sourced<Record>], _ table: String) throws {
            for item in items where !files.contains(item.file) {
                throw StoreError.recordWithoutFile(table: table, line: item.line, fileIndex: item.file)
            }
        }
        func check<Record>(_ items: [Sourced<Record>], _ table: RecordTable) throws {
            try check(items, table.name)
        }
        func check<Record: DropRecord>(_: Record.Type) throws {
            try check(batch[keyPath: Record.inBatch], Record.kind.rawValue)
        }
        try check(batch.academies, .academies)
        try check(batch.benchmarks, .benchmarks)
        for kind in DropRecordKind.allCases {
            switch kind {
            case .attendance: try check(AttendanceRecord.self)
            case .attainment: try check(AttainmentRecord.self)
            case .scores: try check(ScoreRecord.self)
            case .published: try check(PublishedFigure.self)
            case .inclusion: try check(InclusionRecord.self)
            }
        }
        try check(batch.distributions, .distributions)
        try check(batch.census, .census)
        try check(batch.nationalCensus, .nationalCensus)
        try check(batch.context, .context)
        try check(batch.outcomes, .outcomes)
        try check(batch.schoolNames, .schoolNames)
    }

    /// Writes `batch` inside the caller's transaction and says what each file did.
    ///
    /// The files are recorded first, so that each row can point at its file; those of a
    /// known file that changed nothing are deleted again at the end.
    static func write(_ batch: DropBatch, to db: Database, at date: Date) throws -> IngestOutcome {
        let time = date.timeIntervalSince1970
        var outcome = IngestOutcome(files: [], date: date)
        for file in batch.files {
            let known =
                try Bool.fetchOne(
                    db, sql: "SELECT EXISTS (SELECT 1 FROM files WHERE sha256 = ? AND sha256 <> '')",
                    arguments: [file.sha256]) ?? false
            outcome.files.append(
                IngestOutcome.File(name: file.name, sha256: file.sha256, kind: file.kind, alreadyKnown: known)
            )
        }

        let unchangedAcademyFiles = try Self.academyFilesChangingNothing(batch, outcome, in: db)
        for index in unchangedAcademyFiles {
            outcome.files[index].unchanged = batch.files[index].rows
        }

        try db.execute(sql: "INSERT INTO ingests (time) VALUES (?)", arguments: [time])
        let ingestID = db.lastInsertedRowID
        var fileIDs: [Int] = []
        for (index, file) in batch.files.enumerated() {
            // Never recorded, so no row may point at it: -1 would break a foreign key.
            if unchangedAcademyFiles.contains(index) {
                fileIDs.append(-1)
                continue
            }
            try db.execute(
                sql: """
                    INSERT INTO files (ingest_id, name, sha256, kind, rows, bytes, time)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    ingestID, file.name, file.sha256, file.kind?.rawValue, file.rows, file.bytes, time,
                ])
            let id = db.lastInsertedRowID
            // Columns and tables added after version 1 are written only when the batch has
            // something for them: the v1 migration seeds the built-in benchmarks through
            // this code, before version 2 exists.
            if let layout = file.layout {
                try db.execute(sql: "UPDATE files SET layout = ? WHERE id = ?", arguments: [layout, id])
            }
            fileIDs.append(Int(id))
        }

        var writer = BatchWriter(db: db, batch: batch, fileIDs: fileIDs, outcome: outcome)
        // Academies first: the termly tables refer to them.
        let academies =
            unchangedAcademyFiles.isEmpty
            ? batch.academies : batch.academies.filter { !unchangedAcademyFiles.contains($0.file) }
        try writer.store(academies, in: .academies, bind: Self.bind)
        let builtIn = try BuiltInBenchmarkQuery(db)
        try writer.store(batch.benchmarks, in: .benchmarks, fromBuiltIn: builtIn.holds) {
            statement, benchmark in
            statement.bind(benchmark.kpi.key)
            statement.bind(benchmark.year.start)
            statement.bind(benchmark.term.rawValue)
            statement.bind(benchmark.phase?.rawValue ?? "")
            statement.bind(benchmark.group.rawValue)
            statement.bind(benchmark.scope.description)
            statement.bind(benchmark.value)
            statement.bind(benchmark.source)
        }
        // The kinds whose records are all new rows of drops new to the store go first, in
        // key order, so that each row lands after every stored row; then the rest, in the
        // order every kind was written before, so that their corrections take their places
        // in history, and a refused row is the one it always was.
        var stored = Set<DropRecordKind>()
        for kind in DropCountsTable.kindsInKeyOrder where try writer.storeAsNewRows(of: kind) {
            stored.insert(kind)
        }
        for kind in DropRecordKind.allCases where !stored.contains(kind) {
            try writer.storeRecords(of: kind)
        }
        try writer.store(batch.distributions, in: .distributions) { statement, distribution in
            statement.bind(distribution.kpi.key)
            statement.bind(distribution.drop.year.start)
            statement.bind(distribution.drop.term.rawValue)
            statement.bind(distribution.phase.rawValue)
            statement.bind(distribution.count)
            statement.bind(distribution.values.map { String($0) }.joined(separator: ","))
            statement.bind(distribution.source)
        }
        // The census keeps no history, so a replaced line changes one row, as a new one does:
        // which keys were stored is asked first.
        let storedCensus = try writer.stored(batch.census, in: .census) { [$0.year.start, $0.urn.value] }
        try writer.store(batch.census, in: .census, stored: storedCensus) { statement, line in
            statement.bind(line.year.start)
            statement.bind(line.urn.value)
            statement.bind(line.schoolType)
            statement.bind(line.phase?.rawValue)
            statement.bind(line.pupils)
            statement.bind(line.disadvantagedPercent)
            statement.bind(line.ealPercent)
            statement.bind(line.senSupportPercent)
            statement.bind(line.ehcpPercent)
        }
        let storedNational = try writer.stored(batch.nationalCensus, in: .nationalCensus) {
            [$0.year.start, $0.schoolType]
        }
        try writer.store(batch.nationalCensus, in: .nationalCensus, stored: storedNational) {
            statement, row in
            statement.bind(row.year.start)
            statement.bind(row.schoolType)
            statement.bind(row.phase?.rawValue)
            statement.bind(row.pupils)
            statement.bind(row.disadvantagedPercent)
            statement.bind(row.ealPercent)
            statement.bind(row.senSupportPercent)
            statement.bind(row.ehcpPercent)
        }
        // The trust's context lines keep no history, as the census keeps none.
        let storedContext = try writer.stored(batch.context, in: .context) { [$0.year.start, $0.urn.value] }
        try writer.store(batch.context, in: .context, stored: storedContext) { statement, line in
            statement.bind(line.year.start)
            statement.bind(line.urn.value)
            statement.bind(line.pupils)
            statement.bind(line.disadvantagedPercent)
            statement.bind(line.ealPercent)
            statement.bind(line.senSupportPercent)
            statement.bind(line.ehcpPercent)
        }
        // Outcomes keep no history either; they are counted as the file's rows, so that
        // ingesting a national file again into a store made before version 4 stores them.
        let storedOutcomes = try writer.stored(batch.outcomes, in: .outcomes) {
            [$0.drop.year.start, $0.drop.term.rawValue, $0.urn.value, $0.kpi.key]
        }
        try writer.store(batch.outcomes, in: .outcomes, stored: storedOutcomes) { statement, outcome in
            statement.bind(outcome.drop.year.start)
            statement.bind(outcome.drop.term.rawValue)
            statement.bind(outcome.urn.value)
            statement.bind(outcome.kpi.key)
            statement.bind(outcome.value)
        }
        let namingFiles = try Self.storeSchoolNames(batch.schoolNames, fileIDs: fileIDs, in: db)
        outcome = writer.outcome
        // A file that changed a school's name changed something, and the name points at
        // it, so it is recorded even where its own rows were all stored alike.
        for (index, count) in namingFiles {
            outcome.files[index].schoolsNamed = count.named
            outcome.files[index].renamed = count.renamed
        }
        if let name = batch.trustName {
            try db.execute(
                sql: """
                    INSERT INTO trust (id, name) VALUES (1, ?)
                    ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE name IS NOT excluded.name
                    """,
                arguments: [name])
        }

        for (index, file) in outcome.files.enumerated()
        where !file.recorded && !unchangedAcademyFiles.contains(index) {
            try db.execute(sql: "DELETE FROM files WHERE id = ?", arguments: [fileIDs[index]])
        }
        return outcome
    }

    /// The files of `batch`, by index, that were ingested before, list academies alone,
    /// and would change none of them: every academy is stored with the same details.
    ///
    /// Such a file is never recorded, as a known file that changes nothing never is; it is
    /// found before storing rather than recorded and deleted afterwards, because deleting a
    /// `files` row makes SQLite look through every table that points at files for a row
    /// that points at it, and `drop_counts` has no index by file: on a store of ten years'
    /// drops that search was a third of an ingest. A trust re-sends its academies file with
    /// every drop, so this is the common case.
    private static func academyFilesChangingNothing(
        _ batch: DropBatch, _ outcome: IngestOutcome, in db: Database
    ) throws -> Set<Int> {
        let candidates = batch.files.indices.filter {
            outcome.files[$0].alreadyKnown && batch.files[$0].kind == .academies
        }
        if candidates.isEmpty { return [] }
        let statement = try UpsertStatement(db, sql: RecordTable.academies.storedAlikeSQL)
        var unchanged = Set<Int>()
        for index in candidates {
            let items = batch.academies.filter { $0.file == index }
            // A file with any other row, or a row the reader refused, is stored as usual.
            guard items.count == batch.files[index].rows else { continue }
            let allStored = try items.allSatisfy { item in
                bind(statement, item.record)
                return try statement.holds()
            }
            if allStored { unchanged.insert(index) }
        }
        return unchanged
    }

    /// Binds an academy's key and value columns, in `RecordTable.academies`' order: for
    /// storing it and for asking whether it is stored alike.
    private static func bind(_ statement: UpsertStatement, _ academy: Academy) {
        statement.bind(academy.urn.value)
        statement.bind(academy.name)
        statement.bind(academy.phase.rawValue)
        statement.bind(academy.localAuthority)
        statement.bind(academy.sil)
        statement.bind(academy.joined)
        statement.bind(academy.ofsted?.rawValue)
    }

    /// Stores the names DfE files give schools. A name or local authority a file does not
    /// give leaves the stored one as it is, so the absence file (numbers only) never
    /// erases a name the KS4 file gave. Not counted among the file's rows: the same rows
    /// give outcomes, which are. Returns, for each file by index, how many schools it
    /// named that had no stored name, and how many stored names it changed.
    private static func storeSchoolNames(
        _ names: [Sourced<SchoolName>], fileIDs: [Int], in db: Database
    ) throws -> [Int: (named: Int, renamed: Int)] {
        if names.isEmpty { return [:] }
        var named = Set(try Int.fetchAll(db, sql: "SELECT urn FROM school_names"))
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO school_names (urn, name, local_authority, file_id, line) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (urn) DO UPDATE SET
                name = coalesce(excluded.name, name),
                local_authority = coalesce(excluded.local_authority, local_authority),
                file_id = excluded.file_id, line = excluded.line
                WHERE coalesce(excluded.name, name) IS NOT name
                OR coalesce(excluded.local_authority, local_authority) IS NOT local_authority
                """)
        var changed: [Int: (named: Int, renamed: Int)] = [:]
        for item in names {
            try statement.execute(arguments: [
                item.record.urn.value, item.record.name, item.record.localAuthority, fileIDs[item.file],
                item.line,
            ])
            if db.changesCount > 0 {
                // A row pointing at a file never recorded, as SQLite would refuse it.
                if fileIDs[item.file] < 0 { throw ForeignKeys.failure }
                if named.insert(item.record.urn.value).inserted {
                    changed[item.file, default: (0, 0)].named += 1
                } else {
                    changed[item.file, default: (0, 0)].renamed += 1
                }
            }
        }
        return changed
    }
}

/// Upserts the rows of one batch, table by table, counting what each file did.
private struct BatchWriter {
    let db: Database
    let batch: DropBatch
    let fileIDs: [Int]
    var outcome: IngestOutcome
    /// The store's academies, read once the batch's are stored, for checking that each
    /// termly row's academy is known (`ForeignKeys`).
    private var academies: Set<Int>?

    init(db: Database, batch: DropBatch, fileIDs: [Int], outcome: IngestOutcome) {
        self.db = db
        self.batch = batch
        self.fileIDs = fileIDs
        self.outcome = outcome
    }

    /// The store's academies, read the first time they are asked for.
    private mutating func knownAcademies() throws -> Set<Int> {
        if let academies { return academies }
        let known = Set(try Int.fetchAll(db, sql: "SELECT urn FROM academies"))
        academies = known
        return known
    }

    /// Whether each of `items` has its key stored already in `table`; `key` gives the
    /// values of the table's key columns.
    func stored<Record>(
        _ items: [Sourced<Record>], in table: RecordTable, key: (Record) -> StatementArguments
    ) throws -> [Bool] {
        if items.isEmpty { return [] }
        let condition = table.keyColumns.map { "\($0) = ?" }.joined(separator: " AND ")
        let statement = try db.makeStatement(
            sql: "SELECT EXISTS (SELECT 1 FROM \(table.name) WHERE \(condition))")
        return try items.map { try Bool.fetchOne(statement, arguments: key($0.record)) ?? false }
    }

    /// Upserts the batch's records of `kind`; `asNewRows` as in `storeRecords(of:asNewRows:)`.
    mutating func storeRecords(of kind: DropRecordKind, asNewRows: Bool = false) throws {
        // Each kind named, not `kind.recordType`: called through an existential type, the
        // generic writer ran unspecialised, every value through a witness table.
        switch kind {
        case .attendance: try storeRecords(of: AttendanceRecord.self, asNewRows: asNewRows)
        case .attainment: try storeRecords(of: AttainmentRecord.self, asNewRows: asNewRows)
        case .scores: try storeRecords(of: ScoreRecord.self, asNewRows: asNewRows)
        case .published: try storeRecords(of: PublishedFigure.self, asNewRows: asNewRows)
        case .inclusion: try storeRecords(of: InclusionRecord.self, asNewRows: asNewRows)
        }
    }

    /// Stores the batch's records of `kind` when each is certain to become a row of its own
    /// without fail: in a drop the store holds nothing of for the kind, breaking no rule,
    /// of a stored academy, from a recorded file, of a year the store takes; true then.
    /// Else writes nothing and returns false, for `storeRecords` to store them in their
    /// turn.
    ///
    /// Such records make no history and are refused by nothing, so they may be written
    /// before kinds that come earlier in the order of writing: in the order of the key,
    /// where each row lands after every stored row (`DropCountsTable.kindsInKeyOrder`).
    /// (A key given twice in one batch would be a correction, which `DropReader` never
    /// gives.) Checked beforehand rather than tried under a savepoint: the savepoint's
    /// journal of every page it touched doubled what an ingest into a large store wrote.
    mutating func storeAsNewRows(of kind: DropRecordKind) throws -> Bool {
        let certain: Bool
        switch kind {
        case .attendance: certain = try certainlyNew(AttendanceRecord.self)
        case .attainment: certain = try certainlyNew(AttainmentRecord.self)
        case .scores: certain = try certainlyNew(ScoreRecord.self)
        case .published: certain = try certainlyNew(PublishedFigure.self)
        case .inclusion: certain = try certainlyNew(InclusionRecord.self)
        }
        if certain { try storeRecords(of: kind, asNewRows: true) }
        return certain
    }

    /// Whether the batch has records of `Record`'s kind and each is certain to become a
    /// row of its own, as `storeAsNewRows` says.
    private mutating func certainlyNew<Record: DropRecord>(_: Record.Type) throws -> Bool {
        let items = batch[keyPath: Record.inBatch]
        if items.isEmpty { return false }
        let fresh = try FreshDrops(db, kind: Record.kind)
        let academies = try knownAcademies()
        return try items.allSatisfy { item in
            let record = item.record
            return try fresh.holdsNothing(of: record.drop) && record.brokenRule == nil
                && academies.contains(record.urn.value) && fileIDs[item.file] >= 0
                && Self.storedYears.contains(record.drop.year.start)
        }
    }

    /// Records put in key order and stored at a time (`NewRowOrder`): few enough that the
    /// copy in that order adds little to an ingest's memory (about 1 MB), many enough that
    /// the block of texts `BulkInsert` makes first, on the writing thread, is one in eight.
    private static let recordsInKeyOrderAtATime = 1 << 14

    /// The academic years `drop_counts` takes (its CHECK constraint).
    private static let storedYears = 1990...2100

    /// Upserts the batch's records of one kind into `drop_counts`: its key, then its values
    /// in the kind's order. A record that breaks a rule of the store is refused as SQLite
    /// refuses a row that breaks a CHECK constraint.
    ///
    /// The records of a drop the store holds nothing of, for this kind, cannot replace a
    /// stored row, so they are inserted with plain `INSERT`s, which SQLite runs without the
    /// conflict handling and the history trigger an upsert needs. A run of such records is
    /// inserted `BulkInsert.rows` to a statement, with their values made into text in Swift
    /// (`CountsText`): starting and ending a statement and `json_array` for every row were
    /// most of a new drop's ingest. Should one such statement fail on a constraint, nothing
    /// of it is written, and its rows are written again one by one, in the batch's order,
    /// as every row was before: a record whose key is taken after all (by an earlier row of
    /// the same batch, which `DropReader` never gives) is upserted, and a row SQLite
    /// refuses is named by its own file and line.
    ///
    /// `asNewRows` says the records are certain to become rows of their own
    /// (`storeAsNewRows`): each academy's are then written in key order (`NewRowOrder`),
    /// where each row lands after the last, and their rules, already checked, are not
    /// checked again.
    mutating func storeRecords<Record: DropRecord>(of _: Record.Type, asNewRows: Bool = false) throws {
        let batchItems = batch[keyPath: Record.inBatch]
        if batchItems.isEmpty { return }
        let kind = Record.kind.rawValue
        let fresh = try FreshDrops(db, kind: Record.kind)
        let academies = try knownAcademies()
        let isKnown: (Record) -> Bool = { academies.contains($0.urn.value) }
        let insertedBefore = outcome.files.reduce(0) { $0 + $1.inserted }
        var bulkStatement: UpsertStatement?
        func storeInTurn(_ items: [Sourced<Record>]) throws {
            let bulk = BulkInsert<Record>(
                db, items: items, fileIDs: fileIDs, academies: academies, rulesChecked: asNewRows,
                statement: bulkStatement)
            defer { bulkStatement = bulk.preparedStatement }
            try store(
                items, sql: DropCountsTable.upsertSQL(Record.kind),
                plainInsert: (
                    DropCountsTable.insertSQL(Record.kind), { try fresh.holdsNothing(of: $0.drop) }
                ),
                bulk: (bulk.rows, bulk.accepts, bulk.insert), academy: isKnown
            ) { statement, record in
                if let rule = record.brokenRule { return "CHECK constraint failed: \(kind): \(rule)" }
                BulkInsert<Record>.bindKey(of: record, to: statement)
                var values = statement
                record.write(to: &values)
                return nil
            }
        }
        if asNewRows {
            try NewRowOrder.forEachBlock(
                of: batchItems, records: Self.recordsInKeyOrderAtATime,
                multipleOf: BulkInsert<Record>.statementRows,
                storeInTurn)
        } else {
            try storeInTurn(batchItems)
        }
        // Tests make stores of versions 7 and 8 through this code too, which lack the table;
        // the v9 step fills it from their rows. An ingest always runs on a store brought
        // up to date.
        if DropSourcesTable.kinds.contains(Record.kind), try db.tableExists(DropSourcesTable.name) {
            // `fresh` answers from what it was asked before the records were written.
            let academyDrops = DropSourcesTable.academyDrops(of: batchItems)
            if outcome.files.reduce(0, { $0 + $1.inserted }) - insertedBefore == batchItems.count {
                // Every record is a row of its own: in a drop new to the store, each
                // academy's rows came from its records' files, and need not be read back.
                try DropSourcesTable.insertNew(
                    db, kind: Record.kind, of: batchItems, fileIDs: fileIDs,
                    isNew: { try fresh.holdsNothing(of: $0) })
                try DropSourcesTable.rewrite(
                    db, kind: Record.kind,
                    academyDrops: academyDrops.filter { try !fresh.holdsNothing(of: $0.drop) },
                    storedBefore: { _ in true })
            } else {
                try DropSourcesTable.rewrite(
                    db, kind: Record.kind, academyDrops: academyDrops,
                    storedBefore: { try !fresh.holdsNothing(of: $0) })
            }
        }
    }

    /// Upserts `items` into `table`; `bind` binds a record's key and value columns, and the
    /// file and line are bound after them. For a table that keeps no history, `stored`
    /// says which items' keys were stored before, to tell a replacement from a new row.
    /// `fromBuiltIn` says whether the stored row with a record's key is a built-in one,
    /// so that matching or replacing it is not counted as the user's row unchanged or
    /// corrected.
    mutating func store<Record>(
        _ items: [Sourced<Record>], in table: RecordTable, stored: [Bool]? = nil,
        fromBuiltIn: ((Record) throws -> Bool)? = nil, bind: (UpsertStatement, Record) -> Void
    ) throws {
        try store(items, sql: table.upsertSQL, stored: stored, fromBuiltIn: fromBuiltIn) {
            bind($0, $1)
            return nil
        }
    }

    /// Upserts `items` with the upsert `sql`; `bind` binds a record's key and value
    /// columns, or returns the rule it breaks to refuse the row. The rest as above.
    /// `plainInsert`, when given, is an `INSERT` of the same columns and a test of the records
    /// it may be used for, those whose key cannot be stored yet; `bulk`, when given with it,
    /// inserts runs of such records that it accepts `rows` to a statement (as
    /// `BulkInsert` does), given their indices in `items`, or says it could not. `academy`,
    /// when given, says whether a record's academy is stored: a row written for another is
    /// refused, as is one pointing at a file never recorded (`ForeignKeys`).
    private mutating func store<Record>(
        _ items: [Sourced<Record>], sql: String, stored: [Bool]? = nil,
        fromBuiltIn: ((Record) throws -> Bool)? = nil,
        plainInsert: (sql: String, usable: (Record) throws -> Bool)? = nil,
        bulk: (rows: Int, accepts: (Record) -> Bool, insert: (Range<Int>) throws -> Bool)? = nil,
        academy: ((Record) -> Bool)? = nil, bind: (UpsertStatement, Record) -> String?
    ) throws {
        if items.isEmpty { return }
        // Prepared for the first record that goes alone: a new drop's records, put in key
        // order and stored a block at a time, go many to a statement, and preparing these
        // for every block took 1% of an ingest.
        var prepared: (upsert: UpsertStatement, insert: UpsertStatement?)?
        func statements() throws -> (upsert: UpsertStatement, insert: UpsertStatement?) {
            if let prepared { return prepared }
            let made = (
                try UpsertStatement(db, sql: sql),
                try plainInsert.map { try UpsertStatement(db, sql: $0.sql) }
            )
            prepared = made
            return made
        }
        /// Binds `item` into `statement` and runs it, giving the rows changed.
        func run(_ statement: UpsertStatement, _ item: Sourced<Record>) throws -> Int {
            if let rule = bind(statement, item.record) {
                throw StoreError.rowRefused(file: batch.files[item.file].name, line: item.line, reason: rule)
            }
            statement.bind(fileIDs[item.file])
            statement.bind(item.line)
            let changes = try statement.run()
            // What SQLite checked when the row was written: its file, and its academy.
            if changes > 0, fileIDs[item.file] < 0 || academy?(item.record) == false {
                throw ForeignKeys.failure
            }
            return changes
        }
        /// Stores `items[index]` with a statement of its own and counts what it did.
        func storeOne(_ index: Int) throws {
            let item = items[index]
            // Asked row by row, before the row is written: an earlier file of the batch
            // may have replaced the built-in figure already.
            let wasBuiltIn = try fromBuiltIn?(item.record) ?? false
            let changes: Int
            let (statement, insert) = try statements()
            do {
                if let insert, try plainInsert?.usable(item.record) == true {
                    do {
                        changes = try run(insert, item)
                    } catch let error as DatabaseError
                        where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY
                        || error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE
                    {
                        // The one-row INSERT stopped before it wrote anything.
                        changes = try run(statement, item)
                    }
                } else {
                    changes = try run(statement, item)
                }
            } catch let error as DatabaseError
                where error.resultCode == .SQLITE_CONSTRAINT || error.resultCode == .SQLITE_TOOBIG
            {
                // The row itself was at fault; other failures (a full disk, say) are not the
                // row's and go up as they are.
                throw StoreError.rowRefused(
                    file: batch.files[item.file].name, line: item.line,
                    reason: error.message ?? "SQLite error")
            }
            switch changes {
            case 0 where wasBuiltIn: outcome.files[item.file].sameAsBuiltIn += 1
            case 0: outcome.files[item.file].unchanged += 1
            case 1 where stored?[index] != true: outcome.files[item.file].inserted += 1
            case _ where wasBuiltIn: outcome.files[item.file].replacedBuiltIn += 1
            default: outcome.files[item.file].replaced += 1
            }
        }

        var next = items.startIndex
        while next < items.endIndex {
            guard let plainInsert, let bulk else {
                try storeOne(next)
                next += 1
                continue
            }
            // The run of records from `next` on that may go in bulk; each is asked once.
            var end = next
            while end < items.endIndex, try plainInsert.usable(items[end].record),
                bulk.accepts(items[end].record)
            {
                end += 1
            }
            var start = next
            while end - start >= bulk.rows {
                let chunk = start..<start + bulk.rows
                if try bulk.insert(chunk) {
                    for item in items[chunk] { outcome.files[item.file].inserted += 1 }
                } else {
                    for index in chunk { try storeOne(index) }
                }
                start = chunk.upperBound
            }
            for index in start..<end { try storeOne(index) }
            // The record that ended the run, if any, goes alone.
            if end < items.endIndex { try storeOne(end) }
            next = end + 1
        }
    }
}

/// Whether the stored benchmark with a key came from the built-in national figures (the
/// pseudo-file `TrustStore.builtInFileName`, the only file recorded without a SHA-256).
private struct BuiltInBenchmarkQuery {
    let statement: Statement

    init(_ db: Database) throws {
        let condition = RecordTable.benchmarks.keyColumns.map { "benchmarks.\($0) = ?" }
            .joined(separator: " AND ")
        statement = try db.makeStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM benchmarks JOIN files ON files.id = benchmarks.file_id
                WHERE files.sha256 = '' AND files.name = ? AND \(condition))
                """)
    }

    /// True when `benchmark`'s key is stored with a built-in figure.
    func holds(_ benchmark: Benchmark) throws -> Bool {
        let arguments: StatementArguments = [
            TrustStore.builtInFileName, benchmark.kpi.key, benchmark.year.start, benchmark.term.rawValue,
            benchmark.phase?.rawValue ?? "", benchmark.group.rawValue, benchmark.scope.description,
        ]
        return try Bool.fetchOne(statement, arguments: arguments) ?? false
    }
}

/// Whether the store holds any record of one kind for a drop, asked once a drop, before
/// the batch writes any: one seek of `drop_counts`' key, whose first columns are the drop
/// and the kind.
private final class FreshDrops {
    private let statement: Statement
    private let kind: String
    private var known: [DataDrop: Bool] = [:]
    private var last: (drop: DataDrop, empty: Bool)?

    init(_ db: Database, kind: DropRecordKind) throws {
        statement = try db.makeStatement(
            sql: """
                SELECT EXISTS (SELECT 1 FROM \(DropCountsTable.name)
                WHERE kind = ? AND academic_year = ? AND term = ?)
                """)
        self.kind = kind.rawValue
    }

    /// True when the store held no record of the kind for `drop` before this batch.
    func holdsNothing(of drop: DataDrop) throws -> Bool {
        // Rows of one drop come together, so the last answer is nearly always the one.
        if let last, last.drop == drop { return last.empty }
        let empty: Bool
        if let answer = known[drop] {
            empty = answer
        } else {
            let stored = try Bool.fetchOne(statement, arguments: [kind, drop.year.start, drop.term.rawValue])
            empty = !(stored ?? false)
            known[drop] = empty
        }
        last = (drop, empty)
        return empty
    }
}

import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// The records of `drops` that `items` names, with the attendance and published records
    /// of the drops in `attendanceOf`, as `load(drops:attendanceOf:)` loads them: for a
    /// first frame that shows only the overview's figures (of a drop with nothing to
    /// compare it with, `load(_:only:attendanceOf:)`; or, in the live dashboard, of a drop
    /// and the drops it is compared with), so that they are not read whole before the
    /// frame is drawn.
    ///
    /// What a whole load says of each drop read must still hold: the academies with data in
    /// it, and when it was last ingested into (the dashboard says "New data" where that
    /// time changes). So this gives nil, having read no more, when the records not read
    /// could change either for any of `drops`: when an academy with none of the records
    /// read has any other record in the drop (a seek of the key for each kind read in
    /// part), or when a record of a kind read in part came from a file ingested after the
    /// latest one with records of the drop read (a step through the drop's rows of that
    /// kind, only when such a file exists). The caller then reads the drops whole.
    ///
    /// Everything is read in one read transaction, so an ingest running meanwhile is seen
    /// whole or not at all. Records of items not named are not read at all, so a value in
    /// them that this version cannot read is not reported here, as the records of drops
    /// loaded only for `attendanceOf` are not: reading the store whole reports it.
    public func load(drops: Set<DataDrop>, only items: RecordItems, attendanceOf: Set<DataDrop> = [])
        throws -> TrustData?
    {
        try reading { db in
            let (data, latest) = try Self.load(
                db, path: path, drops: drops, attendanceOf: attendanceOf, items: items)
            let partKinds = DropRecordKind.allCases.filter { !items.readsWhole($0) }
            guard !partKinds.isEmpty else { return data }
            let withData = Self.academiesWithRecords(data, in: drops)
            let files = try Self.files(db).values
            for drop in drops.sorted() {
                let others = data.academies.lazy.map(\.urn).filter {
                    !(withData[drop]?.contains($0) ?? false)
                }
                guard try !hasRecords(db, drop, of: Array(others), kinds: partKinds) else { return nil }
                let later = files.filter { file in latest[drop].map { file.ingestedAt > $0 } ?? true }
                guard try !hasRecords(db, drop, fromFiles: later.map(\.id), kinds: partKinds) else {
                    return nil
                }
            }
            return data
        }
    }

    /// The academies with any record of each of `drops` in `data`.
    private static func academiesWithRecords(_ data: TrustData, in drops: Set<DataDrop>) -> [DataDrop: Set<
        URN
    >] {
        var found: [DataDrop: Set<URN>] = [:]
        // Records come drop by drop and academy by academy, so each run of one academy's
        // records in one drop is added once, not record by record.
        func add<Record: DropRecord>(_ records: [Record]) {
            var last: (urn: URN, drop: DataDrop)?
            for record in records where last.map({ $0.urn != record.urn || $0.drop != record.drop }) ?? true {
                last = (record.urn, record.drop)
                if drops.contains(record.drop) { found[record.drop, default: []].insert(record.urn) }
            }
        }
        add(data.attendance)
        add(data.attainment)
        add(data.scores)
        add(data.published)
        add(data.inclusion)
        return found
    }

    /// True when any of `urns` has a record of `drop` of one of `kinds`: a seek of the
    /// primary key for each academy and kind.
    private func hasRecords(_ db: Database, _ drop: DataDrop, of urns: [URN], kinds: [DropRecordKind])
        throws -> Bool
    {
        guard !urns.isEmpty else { return false }
        let statement = try db.cachedStatement(
            sql: """
                SELECT 1 FROM \(DropCountsTable.name)
                WHERE academic_year = ? AND term = ? AND kind = ? AND urn = ? LIMIT 1
                """)
        for urn in urns {
            for kind in kinds {
                let arguments: StatementArguments = [
                    drop.year.start, drop.term.rawValue, kind.rawValue, urn.value,
                ]
                if try Row.fetchOne(statement, arguments: arguments) != nil { return true }
            }
        }
        return false
    }

    /// True when a record of `drop` of one of `kinds` came from one of the files `fileIDs`:
    /// each kind's rows of the drop are stepped through, without being read.
    private func hasRecords(
        _ db: Database, _ drop: DataDrop, fromFiles fileIDs: [Int], kinds: [DropRecordKind]
    )
        throws -> Bool
    {
        guard !fileIDs.isEmpty else { return false }
        let marks = Array(repeating: "?", count: fileIDs.count).joined(separator: ", ")
        let sql = """
            SELECT 1 FROM \(DropCountsTable.name)
            WHERE academic_year = ? AND term = ? AND kind = ? AND file_id IN (\(marks)) LIMIT 1
            """
        for kind in kinds {
            let arguments: StatementArguments =
                [drop.year.start, drop.term.rawValue, kind.rawValue] + StatementArguments(fileIDs)
            if try Row.fetchOne(db, sql: sql, arguments: arguments) != nil { return true }
        }
        return false
    }
}

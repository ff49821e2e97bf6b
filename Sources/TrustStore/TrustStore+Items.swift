import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// The records of `drop` that `items` names, with the attendance and published records
    /// of the drops in `attendanceOf`, as `load(drops:attendanceOf:)` loads them: for a
    /// screen that shows only the figures those records give (the overview's first frame
    /// of a drop with nothing to compare it with), so that a national store is not read
    /// whole before it is drawn.
    ///
    /// What the screen says of the drop itself must still be what a whole load says: the
    /// academies with data in it, and when it was last ingested into. So this gives nil,
    /// having read no more, when the records not read could change either: when an
    /// academy with none of the records read has any other record in the drop (a seek of
    /// the key for each kind read in part, for each such academy), or when a file that may
    /// hold records was ingested after the latest one with records read. The caller then
    /// reads the drop whole.
    ///
    /// Everything is read in one read transaction, as by `load(drops:attendanceOf:)`.
    /// Records of items not named are not read at all, so a value in them that this
    /// version cannot read is not reported here, as the records of drops loaded only for
    /// `attendanceOf` are not: reading the store whole reports it.
    public func load(_ drop: DataDrop, only items: RecordItems, attendanceOf: Set<DataDrop> = []) throws
        -> TrustData?
    {
        try reading { db in
            let (data, latest) = try load(db, drops: [drop], attendanceOf: attendanceOf, items: items)
            guard try !hasOtherAcademies(db, drop, data: data, items: items),
                try !hasLaterFiles(db, drop, after: latest[drop])
            else { return nil }
            return data
        }
    }

    /// True when an academy with no record of `drop` in `data` has a record of it of a kind
    /// `items` reads in part.
    private func hasOtherAcademies(_ db: Database, _ drop: DataDrop, data: TrustData, items: RecordItems)
        throws -> Bool
    {
        let partKinds = DropRecordKind.allCases.filter { !items.readsWhole($0) }
        guard !partKinds.isEmpty else { return false }
        var withData = Set<URN>()
        // Records come academy by academy, so an academy is added once for each run of its
        // records: adding every record's URN was 200 million instructions of a national
        // store's first frame, on one core.
        func add<Record: DropRecord>(_ records: [Record]) {
            var last: URN?
            for record in records where record.drop == drop && record.urn != last {
                withData.insert(record.urn)
                last = record.urn
            }
        }
        add(data.attendance)
        add(data.attainment)
        add(data.scores)
        add(data.published)
        add(data.inclusion)
        let others = data.academies.filter { !withData.contains($0.urn) }
        guard !others.isEmpty else { return false }
        let statement = try db.cachedStatement(
            sql: """
                SELECT 1 FROM \(DropCountsTable.name)
                WHERE academic_year = ? AND term = ? AND kind = ? AND urn = ? LIMIT 1
                """)
        for academy in others {
            for kind in partKinds {
                let arguments: StatementArguments = [
                    drop.year.start, drop.term.rawValue, kind.rawValue, academy.urn.value,
                ]
                if try Row.fetchOne(statement, arguments: arguments) != nil { return true }
            }
        }
        return false
    }

    /// True when a file that may hold records (any but an academies, benchmarks or context
    /// file) was ingested after `latest`, the latest time of a file with records of `drop`
    /// read (nil when none was): it may hold records of the drop not read, which would
    /// make the drop's time of ingest later.
    private func hasLaterFiles(_ db: Database, _ drop: DataDrop, after latest: Date?) throws -> Bool {
        let holdsNoRecords: Set<DropFileKind> = [.academies, .benchmarks, .context]
        return try Self.files(db).values.contains { file in
            guard file.kind.map({ !holdsNoRecords.contains($0) }) ?? true else { return false }
            return latest.map { file.ingestedAt > $0 } ?? true
        }
    }
}

import GRDB
import Metrics

/// How many records of a kind `TrustStore.load` expects to read from some drops, so that
/// the list they are read into is made once at about its size, without stepping through
/// every row first.
///
/// The files a drop's rows came from record how many rows each held (`files.rows`), and a
/// file of one kind gives at most a record per row (an export's pupils are summed into
/// fewer). A drop's attendance rows name their files (`drop_sources`), and the other files
/// of a drop came in the same ingests: so the rows of a kind's files in those ingests are
/// an upper estimate, read from a few thousand rows of `drop_sources` rather than from the
/// drop's million rows of `drop_counts` (counting those was a twentieth of a ten-year
/// store's first frame). It is more than the records read where a file held other drops
/// too, or where later files replaced some of its rows, and less where a later ingest
/// without attendance added rows. A drop whose attendance ingests hold no file of the
/// kind (a kind sent on its own, or `published`, which no file kind gives) is counted
/// row by row as before.
///
/// An estimate only sizes the list: it never changes what is read.
final class ExpectedRecords {
    /// Each recorded file's ingest, kind and rows, by id.
    private let files: [Int: (ingest: Int, kind: DropFileKind?, rows: Int)]
    /// The ingests that gave each drop's attendance rows, by stored year and term, as
    /// found so far.
    private var ingests: [[DatabaseValue]: Set<Int>] = [:]

    /// Reads the files recorded in `db`.
    init(_ db: Database) throws {
        var files: [Int: (ingest: Int, kind: DropFileKind?, rows: Int)] = [:]
        let cursor = try Row.fetchCursor(db, sql: "SELECT id, ingest_id, kind, rows FROM files")
        while let row = try cursor.next() {
            let kind = try row.decode(String?.self, atIndex: 2).flatMap(DropFileKind.init(rawValue:))
            files[try row.decode(atIndex: 0)] = (try row.decode(atIndex: 1), kind, try row.decode(atIndex: 3))
        }
        self.files = files
    }

    /// The file kinds whose rows become records of `kind`.
    static func fileKinds(of kind: DropRecordKind) -> Set<DropFileKind> {
        switch kind {
        case .attendance: [.attendance, .pupilAttendance]
        case .inclusion: [.inclusion, .pupilAttendance]
        case .attainment: [.attainment]
        case .scores: [.scores]
        case .published: []
        }
    }

    /// About as many records of `kind` as are stored for the drops of `keys` (each a stored
    /// academic year and term), and no fewer unless an export gave more records than it
    /// had pupils.
    func count(_ db: Database, of kind: DropRecordKind, in keys: [(year: DatabaseValue, term: DatabaseValue)])
        throws -> Int
    {
        let fileKinds = Self.fileKinds(of: kind)
        var counted = 0
        var fromIngests = Set<Int>()
        for key in keys {
            let ingests = fileKinds.isEmpty ? [] : try ingests(db, key)
            // A drop whose kind came in another ingest than its attendance is counted.
            if files.values.contains(where: {
                ingests.contains($0.ingest) && fileKinds.contains(kind: $0.kind)
            }) {
                fromIngests.formUnion(ingests)
            } else {
                counted += try Self.countRows(db, of: kind, key)
            }
        }
        // Each file once, however many of the drops its ingest gave.
        for file in files.values
        where fromIngests.contains(file.ingest) && fileKinds.contains(kind: file.kind) {
            counted += file.rows
        }
        return counted
    }

    /// The ingests of the files the attendance rows of the drop `key` came from.
    private func ingests(_ db: Database, _ key: (year: DatabaseValue, term: DatabaseValue)) throws -> Set<Int>
    {
        if let known = ingests[[key.year, key.term]] { return known }
        var found = Set<Int>()
        var lastFile: Int?
        let cursor = try Int.fetchCursor(
            db,
            sql:
                "SELECT file_id FROM \(DropSourcesTable.name) WHERE kind = ? AND academic_year = ? AND term = ?",
            arguments: [DropRecordKind.attendance.rawValue, key.year, key.term])
        while let file = try cursor.next() {
            // An academy's rows mostly came from the file the one before's did.
            if file == lastFile { continue }
            lastFile = file
            if let ingest = files[file]?.ingest { found.insert(ingest) }
        }
        ingests[[key.year, key.term]] = found
        return found
    }

    /// How many rows of `kind` the drop `key` holds, stepping through each.
    static func countRows(
        _ db: Database, of kind: DropRecordKind, _ key: (year: DatabaseValue, term: DatabaseValue)
    )
        throws -> Int
    {
        let sql =
            "SELECT count(*) FROM \(DropCountsTable.name) WHERE kind = ? AND academic_year = ? AND term = ?"
        return try Int.fetchOne(db, sql: sql, arguments: [kind.rawValue, key.year, key.term]) ?? 0
    }
}

extension Set<DropFileKind> {
    /// Whether `kind` is one of these; never for a file of no recognised kind.
    fileprivate func contains(kind: DropFileKind?) -> Bool {
        kind.map(contains) ?? false
    }
}

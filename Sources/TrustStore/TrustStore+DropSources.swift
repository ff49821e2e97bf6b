import GRDB
import Metrics

extension TrustStore {
    /// Where each academy's stored attendance of each drop came from: a pupil-level export
    /// or aggregate files, with the name of one such file, whether the export gave its
    /// inclusion figures too, and else the aggregate inclusion file that gave them, for
    /// `DropReader.storedSources`.
    ///
    /// Every ingest into an existing store asks this before it reads its files, so it reads
    /// as little as it can: `drop_sources` (version 9), a row per academy, drop and file its
    /// attendance or inclusion rows came from, in key order, grouped here by academy and
    /// drop, and each file's kind and name from the few rows of `files`. Reading every
    /// attendance row's `file_id` instead made each ingest slower than the one before as
    /// drops piled up.
    public func dropSources() throws -> [AcademyDrop: DropSource] {
        try dropSources(of: nil)
    }

    /// `dropSources()` for the academies of `drops` alone (every drop when nil): what the
    /// check of a batch needs, since only its own drops can clash with what is stored.
    ///
    /// Each drop's rows are one range of `drop_sources`' key (kind, drop, academy, file),
    /// so a batch of a drop new to the store reads nothing but `files`: reading every
    /// stored drop's sources was a tenth of the thirtieth drop's ingest into a store of
    /// ten years' drops, and grew with every drop.
    public func dropSources(of drops: Set<DataDrop>?) throws -> [AcademyDrop: DropSource] {
        try reading { db in
            var exports = Set<Int>()
            var names: [Int: String] = [:]
            let files = try Row.fetchCursor(db, sql: "SELECT id, name, kind FROM files")
            while let file = try files.next() {
                let id: Int = file[0]
                names[id] = file[1]
                if file[2] as String? == DropFileKind.pupilAttendance.rawValue { exports.insert(id) }
            }
            var sources: [AcademyDrop: DropSource] = [:]
            // Sized once for every academy's drops: grown row by row, the dictionary was
            // copied and rehashed again and again, a third of this read on a store of ten
            // years' drops. Attendance rows give every key; there are as many keys as
            // academies and drops, at most the rows.
            var keys = 0
            for range in Self.sourceRanges(kind: .attendance, drops: drops) {
                keys +=
                    try Int.fetchOne(
                        db, sql: "SELECT count(*) FROM drop_sources WHERE \(range.condition)",
                        arguments: range.arguments)
                    ?? 0
            }
            sources.reserveCapacity(keys)
            try forEachAcademyDrop(db, kind: .attendance, drops: drops) { key, fileIDs in
                // An export, where there is one, is what the drop was last sent as; among
                // files of one way, the first name in order names them.
                let fromExport = fileIDs.contains { exports.contains($0) }
                let file = fileIDs.filter { exports.contains($0) == fromExport }.compactMap { names[$0] }
                    .min()
                sources[key] = DropSource(fromExport: fromExport, file: file ?? "")
            }
            try forEachAcademyDrop(db, kind: .inclusion, drops: drops) { key, fileIDs in
                if fileIDs.contains(where: { exports.contains($0) }) {
                    sources[key]?.inclusionFromExport = true
                } else if sources[key] != nil {
                    // Else an aggregate `inclusion` file gave them: the first name in order.
                    sources[key]?.inclusionFile = fileIDs.compactMap { names[$0] }.min()
                }
            }
            return sources
        }
    }

    /// The conditions that pick `drop_sources`' rows of `kind` for `drops` (every drop when
    /// nil): one range of the key for each drop, in drop order.
    private static func sourceRanges(kind: DropRecordKind, drops: Set<DataDrop>?)
        -> [(condition: String, arguments: StatementArguments)]
    {
        guard let drops else { return [("kind = ?", [kind.rawValue])] }
        return drops.sorted().map {
            ("kind = ? AND academic_year = ? AND term = ?", [kind.rawValue, $0.year.start, $0.term.rawValue])
        }
    }

    /// Calls `body` once for each academy and drop of `drops` (every drop when nil) with
    /// rows of `kind`, with the ids of the files its rows came from. Rows come in key
    /// order, kind, drop, academy then file, so one academy's drop is gathered until the
    /// key changes.
    private func forEachAcademyDrop(
        _ db: Database, kind: DropRecordKind, drops: Set<DataDrop>?,
        _ body: (AcademyDrop, [Int]) throws -> Void
    ) throws {
        var current: AcademyDrop?
        var fileIDs: [Int] = []
        for range in Self.sourceRanges(kind: kind, drops: drops) {
            try StoredRow.forEach(
                in: db,
                sql: "SELECT academic_year, term, urn, file_id FROM drop_sources WHERE \(range.condition)",
                arguments: range.arguments, table: DropCountsTable.readingTable(kind), path: path
            ) { row in
                let key = AcademyDrop(urn: try row.urn(2), drop: try row.drop(0))
                let fileID = try row.int(3)
                if key != current {
                    if let current { try body(current, fileIDs) }
                    current = key
                    fileIDs = [fileID]
                } else if !fileIDs.contains(fileID) {
                    fileIDs.append(fileID)
                }
            }
        }
        if let current { try body(current, fileIDs) }
    }
}

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
            let keys = try Int.fetchOne(
                db, sql: "SELECT count(*) FROM drop_sources WHERE kind = ?",
                arguments: [DropRecordKind.attendance.rawValue])
            sources.reserveCapacity(keys ?? 0)
            try forEachAcademyDrop(db, kind: .attendance) { key, fileIDs in
                // An export, where there is one, is what the drop was last sent as; among
                // files of one way, the first name in order names them.
                let fromExport = fileIDs.contains { exports.contains($0) }
                let file = fileIDs.filter { exports.contains($0) == fromExport }.compactMap { names[$0] }
                    .min()
                sources[key] = DropSource(fromExport: fromExport, file: file ?? "")
            }
            try forEachAcademyDrop(db, kind: .inclusion) { key, fileIDs in
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

    /// Calls `body` once for each academy and drop with rows of `kind`, with the ids of the
    /// files its rows came from. Rows come in key order, kind, drop, academy then file, so
    /// one academy's drop is gathered until the key changes.
    private func forEachAcademyDrop(
        _ db: Database, kind: DropRecordKind, _ body: (AcademyDrop, [Int]) throws -> Void
    ) throws {
        var current: AcademyDrop?
        var fileIDs: [Int] = []
        try StoredRow.forEach(
            in: db,
            sql: "SELECT academic_year, term, urn, file_id FROM drop_sources WHERE kind = ?",
            arguments: [kind.rawValue], table: DropCountsTable.readingTable(kind), path: path
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
        if let current { try body(current, fileIDs) }
    }
}

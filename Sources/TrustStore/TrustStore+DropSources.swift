import GRDB
import Metrics

extension TrustStore {
    /// Where each academy's stored attendance of each drop came from: a pupil-level export
    /// or aggregate files, with the name of one such file, whether the export gave its
    /// inclusion figures too, and else the aggregate inclusion file that gave them, for `DropReader.storedSources`.
    public func dropSources() throws -> [AcademyDrop: DropSource] {
        try reading { db in
            let rows = try Row.fetchAll(
                db,
                sql: """
                    SELECT drop_counts.urn, drop_counts.academic_year, drop_counts.term,
                        files.kind = 'pupil_attendance' AS from_export, min(files.name) AS name
                    FROM drop_counts JOIN files ON files.id = drop_counts.file_id
                    WHERE drop_counts.kind = 'attendance'
                    GROUP BY drop_counts.urn, drop_counts.academic_year, drop_counts.term, from_export
                    """)
            var sources: [AcademyDrop: DropSource] = [:]
            for row in rows {
                guard let key = Self.academyDrop(row) else { continue }
                let fromExport: Bool = row[3] ?? false
                // An export, where there is one, is what the drop was last sent as.
                if sources[key]?.fromExport == true { continue }
                sources[key] = DropSource(fromExport: fromExport, file: row[4] ?? "")
            }
            let withInclusion = try Row.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT drop_counts.urn, drop_counts.academic_year, drop_counts.term
                    FROM drop_counts JOIN files ON files.id = drop_counts.file_id
                    WHERE drop_counts.kind = 'inclusion' AND files.kind = 'pupil_attendance'
                    """)
            for row in withInclusion {
                guard let key = Self.academyDrop(row) else { continue }
                sources[key]?.inclusionFromExport = true
            }
            let inclusionFiles = try Row.fetchAll(
                db,
                sql: """
                    SELECT drop_counts.urn, drop_counts.academic_year, drop_counts.term, min(files.name)
                    FROM drop_counts JOIN files ON files.id = drop_counts.file_id
                    WHERE drop_counts.kind = 'inclusion' AND files.kind = 'inclusion'
                    GROUP BY drop_counts.urn, drop_counts.academic_year, drop_counts.term
                    """)
            for row in inclusionFiles {
                guard let key = Self.academyDrop(row), sources[key]?.inclusionFromExport == false else {
                    continue
                }
                sources[key]?.inclusionFile = row[3]
            }
            return sources
        }
    }

    /// The academy and drop of a row whose first three columns are URN, academic year and
    /// term; nil for a row no valid academy or drop could have written.
    private static func academyDrop(_ row: Row) -> AcademyDrop? {
        let urnValue: Int = row[0]
        let year: Int = row[1]
        let termName: String = row[2]
        guard let urn = URN(urnValue), let term = Term(rawValue: termName) else { return nil }
        return AcademyDrop(urn: urn, drop: DataDrop(year: AcademicYear(year), term: term))
    }
}

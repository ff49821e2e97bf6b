import Metrics

/// The one table that holds every termly record (`drop_counts`, from version 7): one row
/// per record, keyed by drop, kind, academy, pupil group, year group and item (from
/// version 10; kind first before), with the record's values as a JSON array in the kind's
/// `valueNames` order.
///
/// A measure computed from counts a kind has needs nothing here; a kind that gains a
/// count appends it, and rows stored before read it as absent; a new kind is a new
/// `kind` value. None of them needs a schema step.
enum DropCountsTable {
    /// The table's name.
    static let name = "drop_counts"

    /// The columns that identify a record, in binding and reading order (the primary key
    /// puts the academic year and term before the kind).
    static let keyColumns = ["kind", "academic_year", "term", "urn", "pupil_group", "year_group", "item"]

    /// The record kinds in the order of their rows within a drop: a batch writes them so,
    /// and a new drop's rows are each written after every stored row, where SQLite
    /// appends them without seeking from the root (see `migrateToV10`).
    static let kindsInKeyOrder = DropRecordKind.allCases.sorted { $0.rawValue < $1.rawValue }

    /// Inserts a record of `kind`, or replaces the stored one with the same key when its
    /// values differ; the values are bound one by one into `json_array`, so the stored text
    /// is SQLite's and the same values always make the same text. As in `RecordTable`, a
    /// record whose values are all the same changes nothing, not even `file_id`. Values are
    /// compared one by one, a value past the end of the stored list counting as absent: a
    /// row stored before its kind gained a count is the same as the same record now, whose
    /// new count is absent, so ingesting the same file again still changes nothing.
    static func upsertSQL(_ kind: DropRecordKind) -> String {
        let values = Array(repeating: "?", count: kind.recordType.valueNames.count).joined(separator: ", ")
        let keys = Array(repeating: "?", count: keyColumns.count).joined(separator: ", ")
        return """
            INSERT INTO \(name) (\(keyColumns.joined(separator: ", ")), counts, file_id, line)
            VALUES (\(keys), json_array(\(values)), ?, ?)
            ON CONFLICT (\(keyColumns.joined(separator: ", "))) DO UPDATE SET
            counts = excluded.counts, file_id = excluded.file_id, line = excluded.line
            WHERE \(name).counts IS NOT excluded.counts AND (
                json_array_length(\(name).counts) > json_array_length(excluded.counts)
                OR EXISTS (SELECT 1 FROM json_each(excluded.counts) AS new
                    WHERE new.value IS NOT json_extract(\(name).counts, '$[' || new.key || ']')))
            """
    }

    /// Inserts a record of `kind` whose key is not stored, with its values bound as
    /// `upsertSQL` binds them; a stored key makes it fail with nothing written.
    static func insertSQL(_ kind: DropRecordKind) -> String {
        let values = Array(repeating: "?", count: kind.recordType.valueNames.count).joined(separator: ", ")
        let keys = Array(repeating: "?", count: keyColumns.count).joined(separator: ", ")
        return """
            INSERT INTO \(name) (\(keyColumns.joined(separator: ", ")), counts, file_id, line)
            VALUES (\(keys), json_array(\(values)), ?, ?)
            """
    }

    /// Inserts `rows` records of one kind, drop and file whose keys are not stored, in one
    /// statement. The kind, academic year, term and `file_id` are bound once, as parameters
    /// 1 to 4; then, for each record, its academy, pupil group, year group, item, its values
    /// already made into `counts` text (`CountsText`) and its line. Any row that breaks a
    /// constraint makes the whole statement fail with nothing written.
    static func bulkInsertSQL(rows: Int) -> String {
        let values = (0..<rows).map { row in
            let first = 5 + 6 * row
            let own = (first..<first + 6).map { "?\($0)" }
            return "(?1, ?2, ?3, " + own[0..<5].joined(separator: ", ") + ", ?4, " + own[5] + ")"
        }
        return """
            INSERT INTO \(name) (\(keyColumns.joined(separator: ", ")), counts, file_id, line)
            VALUES \(values.joined(separator: ", "))
            """
    }

    /// Selects the records of one kind and drop (bound in that order: kind, academic year,
    /// term) in key order: academy, pupil group, year group, item, then the values and
    /// `file_id`. One range of the key.
    static let selectSQL = """
        SELECT academic_year, term, urn, pupil_group, year_group, item, counts, file_id
        FROM \(name) WHERE kind = ? AND academic_year = ? AND term = ?
        """

    /// `selectSQL` without the academic year and term, bound as it is, for a drop whose
    /// year and term are known to read as a `DataDrop` before its rows are read: every row
    /// it gives holds those two, so reading them again from each row read nothing new, and
    /// was an eighth of what the loading thread did per row. Its columns are those of
    /// `selectSQL` from the academy on, read with `inDropOffset`, so that a column is named
    /// in an error as in `selectSQL`.
    static let selectInDropSQL = """
        SELECT urn, pupil_group, year_group, item, counts, file_id
        FROM \(name) WHERE kind = ? AND academic_year = ? AND term = ?
        """

    /// The `StoredRow` offset that reads a row of `selectInDropSQL` by the columns of
    /// `selectSQL`: the academy, column 2 there, is its first.
    static let inDropOffset = -2

    /// The same columns read back from a `history` row's JSON, after the five columns of
    /// the history row itself.
    static let historySQL = """
        SELECT id, old_file_id, old_line, new_file_id, new_line,
        json_extract(old, '$.academic_year'), json_extract(old, '$.term'), json_extract(old, '$.urn'),
        json_extract(old, '$.pupil_group'), json_extract(old, '$.year_group'), json_extract(old, '$.item'),
        json_extract(old, '$.counts')
        FROM history WHERE kind = ?
        """

    /// How `StoredRow` names the columns of `selectSQL` in an error about `kind`.
    static func readingTable(_ kind: DropRecordKind) -> RecordTable {
        RecordTable(
            name: kind.rawValue,
            keyColumns: ["academic_year", "term", "urn", "pupil_group", "year_group", "item"],
            valueColumns: ["counts"])
    }
}

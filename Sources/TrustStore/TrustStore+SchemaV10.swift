import GRDB

extension TrustStore {
    /// Version 10: `drop_counts` keyed by drop first, then kind, so that a new drop's rows
    /// land at the end of the table.
    ///
    /// Version 7 keyed the table by kind, then drop. A store of many drops then took each
    /// new drop's rows in the middle of its key, after the same kind's older drops and
    /// before the next kind's: every row written sought down the whole tree, which deepens
    /// with every drop, and split pages in the middle. Keyed by academic year, term, kind,
    /// academy, pupil group, year group and item, a new drop's rows (written kind by kind
    /// in key order, `DropCountsTable.kindsInKeyOrder`) come after every stored row, where
    /// SQLite appends them without seeking from the root: the thirtieth drop is written as
    /// the first was. Loading one kind of one drop is still one range of the key.
    ///
    /// The table is rebuilt the way SQLite documents (as version 5 rebuilt `files`): a new
    /// table, every row copied in the new key's order, the old one dropped and the new one
    /// renamed. Its trigger, dropped with it, is made again as version 7 made it. No table
    /// refers to `drop_counts`, and `history` and `drop_sources` are left as they are: they
    /// hold the same keys as before.
    static func migrateToV10(_ db: Database) throws {
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        defer { try? db.execute(sql: "PRAGMA legacy_alter_table = OFF") }
        try db.execute(sql: schemaV10)
    }

    private static let schemaV10 = """
        CREATE TABLE drop_counts_v10 (
            kind TEXT NOT NULL CHECK (kind <> ''),
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL,
            urn INTEGER NOT NULL REFERENCES academies (urn),
            pupil_group TEXT NOT NULL,
            year_group TEXT NOT NULL,
            item TEXT NOT NULL, -- subject, measure or KPI key; '' for a kind without
            counts TEXT NOT NULL, -- JSON array, in the kind's order of values
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, term, kind, urn, pupil_group, year_group, item)
        ) WITHOUT ROWID;
        INSERT INTO drop_counts_v10
            (kind, academic_year, term, urn, pupil_group, year_group, item, counts, file_id, line)
            SELECT kind, academic_year, term, urn, pupil_group, year_group, item, counts, file_id, line
            FROM drop_counts
            ORDER BY academic_year, term, kind, urn, pupil_group, year_group, item;
        DROP TABLE drop_counts;
        ALTER TABLE drop_counts_v10 RENAME TO drop_counts;

        CREATE TRIGGER drop_counts_replaced AFTER UPDATE ON drop_counts BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES (OLD.kind, OLD.urn, json_object(
                'academic_year', OLD.academic_year, 'term', OLD.term, 'urn', OLD.urn,
                'pupil_group', OLD.pupil_group, 'year_group', OLD.year_group, 'item', OLD.item,
                'counts', json(OLD.counts)),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;
        """
}

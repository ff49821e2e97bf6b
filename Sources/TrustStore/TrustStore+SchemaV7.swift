import GRDB

extension TrustStore {
    /// Version 7: every termly record in one table, so that new measures and record kinds
    /// need no schema step.
    ///
    /// - `drop_counts` takes the rows of `attendance`, `attainment`, `scores` and
    ///   `published`, one row per record as before, keyed by `kind` (the old table's name),
    ///   drop, academy, pupil group, year group and `item` (the subject, measure or KPI key;
    ///   `''` for attendance). The values go into `counts`, a JSON array in the order
    ///   `DropRecord.valueNames` gives, made by `json_array` exactly as an ingest makes it,
    ///   so ingesting the same files again still changes nothing. `kind` comes first in the
    ///   key, so loading one kind of one drop is still one range scan, in the old order.
    /// - The four old tables and their triggers go; one trigger on `drop_counts` copies a
    ///   replaced row into `history` with its key and `counts`, under the row's kind.
    /// - Every history entry of the four kinds is rewritten to that shape (its key columns,
    ///   `item` in place of `subject` or `measure`, and `counts`), keeping its id, files and
    ///   lines, so corrections made before read as they did.
    /// - `files.kind` and `history.kind` no longer list their values: a new data-drop kind
    ///   is a new value, not a step. Both tables are rebuilt as version 5 rebuilt `files`
    ///   (see `migrateToV5`), every row copied with its id.
    ///
    /// The per-count CHECK constraints of the old tables (parts not above wholes) are now
    /// each kind's `DropRecord.brokenRule`, checked before a row is written.
    static func migrateToV7(_ db: Database) throws {
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        defer { try? db.execute(sql: "PRAGMA legacy_alter_table = OFF") }
        try db.execute(sql: schemaV7)
    }

    private static let schemaV7 = """
        CREATE TABLE files_v7 (
            id INTEGER PRIMARY KEY,
            ingest_id INTEGER NOT NULL REFERENCES ingests (id),
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL, -- lower-case hex; '' for the built-in figures
            kind TEXT CHECK (kind <> ''), -- a data-drop kind, or NULL for a DfE file
            rows INTEGER NOT NULL CHECK (rows >= 0),
            bytes INTEGER NOT NULL CHECK (bytes >= 0),
            time REAL NOT NULL,
            layout TEXT
        );
        INSERT INTO files_v7 (id, ingest_id, name, sha256, kind, rows, bytes, time, layout)
            SELECT id, ingest_id, name, sha256, kind, rows, bytes, time, layout FROM files;
        DROP TABLE files;
        ALTER TABLE files_v7 RENAME TO files;
        CREATE INDEX files_by_sha256 ON files (sha256);

        CREATE TABLE history_v7 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind <> ''), -- the table, or the record kind in drop_counts
            urn INTEGER, -- NULL for benchmarks and distributions
            old TEXT NOT NULL, -- the replaced row as a JSON object, column name to value
            old_file_id INTEGER NOT NULL REFERENCES files (id),
            old_line INTEGER NOT NULL,
            new_file_id INTEGER NOT NULL REFERENCES files (id),
            new_line INTEGER NOT NULL
        );
        INSERT INTO history_v7 (id, kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            SELECT id, kind, urn, old, old_file_id, old_line, new_file_id, new_line FROM history;
        DROP TABLE history;
        ALTER TABLE history_v7 RENAME TO history;
        CREATE INDEX history_by_urn ON history (urn);

        CREATE TABLE drop_counts (
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
            PRIMARY KEY (kind, academic_year, term, urn, pupil_group, year_group, item)
        ) WITHOUT ROWID;

        INSERT INTO drop_counts
            SELECT 'attendance', academic_year, term, urn, pupil_group, year_group, '',
                json_array(pupils, possible_sessions, absent_sessions, persistent_absentees, severe_absentees,
                    authorised_absent_sessions, unauthorised_absent_sessions),
                file_id, line
            FROM attendance;
        INSERT INTO drop_counts
            SELECT 'attainment', academic_year, term, urn, pupil_group, year_group, subject,
                json_array(cohort, expected, greater_depth, basis), file_id, line
            FROM attainment;
        INSERT INTO drop_counts
            SELECT 'scores', academic_year, term, urn, pupil_group, year_group, measure,
                json_array(cohort, average), file_id, line
            FROM scores;
        INSERT INTO drop_counts
            SELECT 'published', academic_year, term, urn, pupil_group, year_group, measure,
                json_array(value, pupils, interval_low, interval_high, source), file_id, line
            FROM published;
        DROP TABLE attendance;
        DROP TABLE attainment;
        DROP TABLE scores;
        DROP TABLE published;

        UPDATE history SET old = json_object(
            'academic_year', json_extract(old, '$.academic_year'), 'term', json_extract(old, '$.term'),
            'urn', json_extract(old, '$.urn'), 'pupil_group', json_extract(old, '$.pupil_group'),
            'year_group', json_extract(old, '$.year_group'), 'item', '',
            'counts', json_array(json_extract(old, '$.pupils'), json_extract(old, '$.possible_sessions'),
                json_extract(old, '$.absent_sessions'), json_extract(old, '$.persistent_absentees'),
                json_extract(old, '$.severe_absentees'), json_extract(old, '$.authorised_absent_sessions'),
                json_extract(old, '$.unauthorised_absent_sessions')))
            WHERE kind = 'attendance';
        UPDATE history SET old = json_object(
            'academic_year', json_extract(old, '$.academic_year'), 'term', json_extract(old, '$.term'),
            'urn', json_extract(old, '$.urn'), 'pupil_group', json_extract(old, '$.pupil_group'),
            'year_group', json_extract(old, '$.year_group'), 'item', json_extract(old, '$.subject'),
            'counts', json_array(json_extract(old, '$.cohort'), json_extract(old, '$.expected'),
                json_extract(old, '$.greater_depth'), json_extract(old, '$.basis')))
            WHERE kind = 'attainment';
        UPDATE history SET old = json_object(
            'academic_year', json_extract(old, '$.academic_year'), 'term', json_extract(old, '$.term'),
            'urn', json_extract(old, '$.urn'), 'pupil_group', json_extract(old, '$.pupil_group'),
            'year_group', json_extract(old, '$.year_group'), 'item', json_extract(old, '$.measure'),
            'counts', json_array(json_extract(old, '$.cohort'), json_extract(old, '$.average')))
            WHERE kind = 'scores';
        UPDATE history SET old = json_object(
            'academic_year', json_extract(old, '$.academic_year'), 'term', json_extract(old, '$.term'),
            'urn', json_extract(old, '$.urn'), 'pupil_group', json_extract(old, '$.pupil_group'),
            'year_group', json_extract(old, '$.year_group'), 'item', json_extract(old, '$.measure'),
            'counts', json_array(json_extract(old, '$.value'), json_extract(old, '$.pupils'),
                json_extract(old, '$.interval_low'), json_extract(old, '$.interval_high'),
                json_extract(old, '$.source')))
            WHERE kind = 'published';

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

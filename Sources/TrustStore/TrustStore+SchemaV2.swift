import GRDB

extension TrustStore {
    /// Version 2: what the DfE's own files add.
    ///
    /// - `published`: figures the DfE published as rates or averages without counts (the
    ///   performance tables), with the pupils they cover when the file gives them and the
    ///   confidence interval of a progress score. `value` is NULL for `SUPP`. Corrections
    ///   go into `history` like any other record's.
    /// - `distributions`: every school's value of a KPI in a drop and phase, from a file
    ///   that holds every school in England, for national percentiles.
    /// - `files.layout`: the DfE layout a file was read as (`dfe-ks4`…), NULL for the
    ///   trust's own files.
    /// - `trust`: the trust's name, one row, when an ingest gave it (`--trust`).
    ///
    /// `history.kind` may now be `published` or `distributions` too. SQLite cannot change a CHECK constraint
    /// in place, so the table is rebuilt with its rows; the triggers that write to it name
    /// it only when they run, so they keep working once the new table has the old name.
    static func migrateToV2(_ db: Database) throws {
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        defer { try? db.execute(sql: "PRAGMA legacy_alter_table = OFF") }
        try db.execute(sql: schemaV2)
    }

    private static let schemaV2 = """
        ALTER TABLE files ADD COLUMN layout TEXT;

        CREATE TABLE trust (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            name TEXT NOT NULL CHECK (name <> '')
        );

        CREATE TABLE history_v2 (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind = 'academies' OR kind = 'attendance' OR kind = 'attainment'
                OR kind = 'scores' OR kind = 'benchmarks' OR kind = 'published' OR kind = 'distributions'),
            urn INTEGER, -- NULL for benchmarks and distributions
            old TEXT NOT NULL, -- the replaced row as a JSON object, column name to value
            old_file_id INTEGER NOT NULL REFERENCES files (id),
            old_line INTEGER NOT NULL,
            new_file_id INTEGER NOT NULL REFERENCES files (id),
            new_line INTEGER NOT NULL
        );
        INSERT INTO history_v2 SELECT * FROM history;
        DROP TABLE history;
        ALTER TABLE history_v2 RENAME TO history;
        CREATE INDEX history_by_urn ON history (urn);

        CREATE TABLE published (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL,
            urn INTEGER NOT NULL REFERENCES academies (urn),
            pupil_group TEXT NOT NULL,
            year_group TEXT NOT NULL,
            measure TEXT NOT NULL CHECK (measure <> ''), -- a KPI key
            value REAL, -- NULL when published as SUPP
            pupils INTEGER CHECK (pupils >= 0),
            interval_low REAL,
            interval_high REAL CHECK (interval_high >= interval_low),
            source TEXT NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, term, urn, pupil_group, year_group, measure)
        ) WITHOUT ROWID;

        CREATE TRIGGER published_replaced AFTER UPDATE ON published BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('published', OLD.urn, json_object(
                'academic_year', OLD.academic_year, 'term', OLD.term, 'urn', OLD.urn,
                'pupil_group', OLD.pupil_group, 'year_group', OLD.year_group, 'measure', OLD.measure,
                'value', OLD.value, 'pupils', OLD.pupils, 'interval_low', OLD.interval_low,
                'interval_high', OLD.interval_high, 'source', OLD.source),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;

        CREATE TABLE distributions (
            measure TEXT NOT NULL CHECK (measure <> ''), -- a KPI key
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL CHECK (term = 'autumn' OR term = 'spring' OR term = 'summer'),
            phase TEXT NOT NULL CHECK (phase = 'primary' OR phase = 'secondary' OR phase = 'all-through'
                OR phase = 'special' OR phase = 'alternative-provision'),
            schools INTEGER NOT NULL CHECK (schools >= 0),
            value_list TEXT NOT NULL, -- the values, ascending, comma-separated
            source TEXT NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (measure, academic_year, term, phase)
        ) WITHOUT ROWID;

        CREATE TRIGGER distributions_replaced AFTER UPDATE ON distributions BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('distributions', NULL, json_object(
                'measure', OLD.measure, 'academic_year', OLD.academic_year, 'term', OLD.term,
                'phase', OLD.phase, 'schools', OLD.schools, 'value_list', OLD.value_list, 'source', OLD.source),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;
        """
}

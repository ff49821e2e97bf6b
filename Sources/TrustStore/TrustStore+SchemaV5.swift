import GRDB

extension TrustStore {
    /// Version 5: the trust's own `context` files.
    ///
    /// - `files.kind` may now be `context`. SQLite cannot change a CHECK constraint in
    ///   place, so `files` is rebuilt the way SQLite documents: a new table, every row
    ///   copied with its id, the old table dropped and the new one renamed, then its index
    ///   made again. The tables that refer to `files` name it, not the new table, so their
    ///   references hold once the new table has the old name; `StoreSchema` runs the step
    ///   with foreign keys off and checks every reference before it commits. No trigger or
    ///   view names `files`.
    /// - `academy_context`: each academy's characteristics for one academic year from a
    ///   `context` file, for an academy the school census lacks. Like the census, a later
    ///   file replaces a line without keeping the old one in `history`: it describes the
    ///   intake, it is not a figure a board acts on. No reference to `academies`, as the
    ///   census has none: a context file may come before the academies file.
    ///
    /// Every other table, history included, is left as it is.
    static func migrateToV5(_ db: Database) throws {
        try db.execute(sql: "PRAGMA legacy_alter_table = ON")
        defer { try? db.execute(sql: "PRAGMA legacy_alter_table = OFF") }
        try db.execute(sql: schemaV5)
    }

    private static let schemaV5 = """
        CREATE TABLE files_v5 (
            id INTEGER PRIMARY KEY,
            ingest_id INTEGER NOT NULL REFERENCES ingests (id),
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL, -- lower-case hex; '' for the built-in figures
            kind TEXT CHECK (kind = 'academies' OR kind = 'attendance' OR kind = 'attainment'
                OR kind = 'scores' OR kind = 'benchmarks' OR kind = 'context'),
            rows INTEGER NOT NULL CHECK (rows >= 0),
            bytes INTEGER NOT NULL CHECK (bytes >= 0),
            time REAL NOT NULL,
            layout TEXT
        );
        INSERT INTO files_v5 (id, ingest_id, name, sha256, kind, rows, bytes, time, layout)
            SELECT id, ingest_id, name, sha256, kind, rows, bytes, time, layout FROM files;
        DROP TABLE files;
        ALTER TABLE files_v5 RENAME TO files;
        CREATE INDEX files_by_sha256 ON files (sha256);

        CREATE TABLE academy_context (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            urn INTEGER NOT NULL CHECK (urn BETWEEN 100000 AND 999999),
            pupils INTEGER CHECK (pupils >= 0),
            disadvantaged_percent REAL CHECK (disadvantaged_percent BETWEEN 0 AND 100),
            eal_percent REAL CHECK (eal_percent BETWEEN 0 AND 100),
            sen_support_percent REAL CHECK (sen_support_percent BETWEEN 0 AND 100),
            ehcp_percent REAL CHECK (ehcp_percent BETWEEN 0 AND 100),
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, urn)
        ) WITHOUT ROWID;
        """
}

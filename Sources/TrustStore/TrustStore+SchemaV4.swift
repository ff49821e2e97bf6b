import GRDB

extension TrustStore {
    /// Version 4: every school's published outcomes, and the names DfE files give schools.
    ///
    /// - `school_outcomes`: each school's published value of one KPI in one drop, for every
    ///   school in a DfE file that lists schools one by one (the performance-tables
    ///   absence, KS2 and KS4 files), not only the trust's (so no reference to
    ///   `academies`). Only published numbers: a suppressed or unpublished value has no
    ///   row. Similar schools are compared by these.
    /// - `school_names`: the name and local authority a DfE file gives a school, so that a
    ///   list of similar schools says which schools they are. Either may be NULL.
    ///
    /// Like the census, both are reference lists: a later file replaces a row without
    /// keeping the old one in `history`. Stores made before version 4 have neither until a
    /// national file is ingested again; their other tables, history included, are left as
    /// they are.
    static func migrateToV4(_ db: Database) throws {
        try db.execute(sql: schemaV4)
    }

    private static let schemaV4 = """
        CREATE TABLE school_outcomes (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL CHECK (term = 'autumn' OR term = 'spring' OR term = 'summer'),
            urn INTEGER NOT NULL CHECK (urn BETWEEN 100000 AND 999999),
            measure TEXT NOT NULL,
            value REAL NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, term, urn, measure)
        ) WITHOUT ROWID;

        CREATE TABLE school_names (
            urn INTEGER PRIMARY KEY CHECK (urn BETWEEN 100000 AND 999999),
            name TEXT,
            local_authority TEXT,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL
        );
        """
}

import GRDB

extension TrustStore {
    /// Version 6: the school census's national rows.
    ///
    /// - `census_national`: each school type's intake in England for one academic year, as
    ///   the census file's `NAT` rows give it (one each for state-funded primary, secondary
    ///   and special schools in the 2018/19 file), set beside an academy's own intake. Keyed
    ///   by the type as the file writes it, with the phase it names (NULL for a type with
    ///   none, such as a row for all schools). Like `school_census`, a later file replaces a
    ///   row without keeping the old one in `history`.
    ///
    /// A new table only: every other table, history included, is left as it is. A store
    /// made before this version has no national rows until its census file is ingested
    /// again.
    static func migrateToV6(_ db: Database) throws {
        try db.execute(sql: schemaV6)
    }

    private static let schemaV6 = """
        CREATE TABLE census_national (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            school_type TEXT NOT NULL,
            phase TEXT CHECK (phase = 'primary' OR phase = 'secondary' OR phase = 'all-through'
                OR phase = 'special' OR phase = 'alternative-provision'), -- NULL: a type with no phase
            pupils INTEGER CHECK (pupils >= 0),
            disadvantaged_percent REAL CHECK (disadvantaged_percent BETWEEN 0 AND 100),
            eal_percent REAL CHECK (eal_percent BETWEEN 0 AND 100),
            sen_support_percent REAL CHECK (sen_support_percent BETWEEN 0 AND 100),
            ehcp_percent REAL CHECK (ehcp_percent BETWEEN 0 AND 100),
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, school_type)
        ) WITHOUT ROWID;
        """
}

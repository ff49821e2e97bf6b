import GRDB

extension TrustStore {
    /// Version 3: the DfE's school census.
    ///
    /// - `school_census`: each school's line of the census for one academic year, for every
    ///   school in England, not only the trust's (so no reference to `academies`): its type
    ///   as the file writes it, the phase that type names (NULL for a type with none, such
    ///   as an independent school), and its intake, each NULL where the file gave `NA`.
    ///   The national distributions place schools by this phase; similar schools are found
    ///   by the intake.
    ///
    /// A later census file with the same key replaces a line without keeping the old one
    /// in `history`: the census is a reference list, not a figure a board acts on.
    static func migrateToV3(_ db: Database) throws {
        try db.execute(sql: schemaV3)
    }

    private static let schemaV3 = """
        CREATE TABLE school_census (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            urn INTEGER NOT NULL CHECK (urn BETWEEN 100000 AND 999999),
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
            PRIMARY KEY (academic_year, urn)
        ) WITHOUT ROWID;
        """
}

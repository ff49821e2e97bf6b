import GRDB

extension TrustStore {
    /// Version 9: which files each academy's attendance and inclusion rows of each drop
    /// came from, in a small table of their own.
    ///
    /// `dropSources` asks this before every ingest into an existing store. It read the key
    /// and `file_id` of every attendance and inclusion row of every drop, so each ingest
    /// was slower than the one before as drops piled up. `drop_sources` holds one row per
    /// kind, drop, academy and file its rows came from (mostly one file): a few rows per
    /// academy and drop, not one per pupil group and year group. Each ingest rewrites the
    /// rows of the academies and drops it stored records for (`DropSourcesTable`); this
    /// step fills the table from the rows stored before.
    static func migrateToV9(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE drop_sources (
                    kind TEXT NOT NULL, -- 'attendance' or 'inclusion', as in drop_counts
                    academic_year INTEGER NOT NULL,
                    term TEXT NOT NULL,
                    urn INTEGER NOT NULL,
                    file_id INTEGER NOT NULL REFERENCES files (id),
                    PRIMARY KEY (kind, academic_year, term, urn, file_id)
                ) WITHOUT ROWID;
                INSERT INTO drop_sources (kind, academic_year, term, urn, file_id)
                    SELECT DISTINCT kind, academic_year, term, urn, file_id FROM drop_counts
                    WHERE kind = 'attendance' OR kind = 'inclusion';
                """)
    }
}

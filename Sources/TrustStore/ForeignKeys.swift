import GRDB

/// The store's foreign keys, checked by the writer during an ingest rather than by SQLite.
///
/// An ingest turns SQLite's checks off for its transaction (`TrustStore.ingest`): they were
/// two searches for every row, the academy's and the file's. What SQLite checked, the
/// writer checks: each row written points at a file the batch recorded, each termly row's
/// academy is stored, and no file a row points at is deleted. A failure is the error SQLite
/// gave, so it is reported as before: a row named by its file and line.
enum ForeignKeys {
    /// The error SQLite gives for a broken foreign key.
    static var failure: DatabaseError {
        DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY, message: "FOREIGN KEY constraint failed")
    }
}

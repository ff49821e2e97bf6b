import GRDB
import Metrics

extension TrustStore {
    /// Version 11: `attendance_trend`, what the overview's attendance trend shows of each
    /// drop (`AttendanceTrendTable`), filled here for every drop already stored.
    static func migrateToV11(_ db: Database) throws {
        try db.execute(sql: AttendanceTrendTable.createSQL)
        try AttendanceTrendTable.fill(db)
    }
}

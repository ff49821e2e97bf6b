import GRDB

extension TrustStore {
    /// A number that grows with every ingest that changed the store: the newest ingest's
    /// id, or 0 for a store with none. Cheap enough to ask every second, so a running
    /// dashboard notices new data; it is read in its own read transaction, like `load`.
    public func version() throws -> Int64 {
        try reading { db in try Int64.fetchOne(db, sql: "SELECT coalesce(max(id), 0) FROM ingests") ?? 0 }
    }
}

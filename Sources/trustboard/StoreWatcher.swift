import Foundation
import Metrics
import TrustStore

/// Notices a new ingest into the store a dashboard is showing, by asking the store's
/// version about once a second, and loads the new data in one read transaction, so a
/// dashboard never shows half a batch and never blocks an ingest (the store is in WAL
/// mode).
struct StoreWatcher {
    /// The store watched; nil for the sample trust, which never changes.
    let store: TrustStore?
    private var version: Int64
    private var lastCheck = Date()
    private var noticeShown: Date?

    /// Starts watching `store` from its present version.
    init(store: TrustStore?) {
        self.store = store
        version = (try? store?.version()) ?? 0
    }

    /// True when an ingest has changed the store since the last call that said so; the
    /// data is then loaded by the caller (in the background). Checks at most once a
    /// second.
    mutating func changed() -> Bool {
        guard let store, Date().timeIntervalSince(lastCheck) >= 1 else { return false }
        lastCheck = Date()
        guard let latest = try? store.version(), latest != version else { return false }
        version = latest
        return true
    }

    /// Starts the notice's ten seconds.
    mutating func noticeStarted() { noticeShown = Date() }

    /// True once a notice has been shown for ten seconds.
    var noticeExpired: Bool {
        guard let noticeShown else { return false }
        return Date().timeIntervalSince(noticeShown) > 10
    }
}

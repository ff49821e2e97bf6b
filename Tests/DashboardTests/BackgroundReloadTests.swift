import Dashboard
import Foundation
import Metrics
import Testing

/// New data is made into a view in the background, and the notice names the drop the new
/// data is for.
@Suite("Reloading new data in the background")
struct BackgroundReloadTests {
    @Test("start returns at once; the view is taken once it is ready; one reload at a time")
    func reloadsInTheBackground() throws {
        let reload = BackgroundReload()
        let gate = DispatchSemaphore(value: 0)
        let waited = WaitOutcome()
        #expect(
            reload.start {
                // The gate opens only after start has returned: had start done the work
                // itself, this wait would time out and the outcome would say so.
                waited.set(gate.wait(timeout: .now() + 30))
                return TestTrust.view()
            })
        #expect(reload.isRunning)
        #expect(reload.take() == nil)
        #expect(!reload.start { TestTrust.view() }, "a second reload started while one ran")
        gate.signal()
        let deadline = Date().addingTimeInterval(60)  // a timeout, not a speed bound
        var view: TrustView?
        while view == nil, Date() < deadline {
            view = reload.take()
            if view == nil { Thread.sleep(forTimeInterval: 0.01) }
        }
        #expect(view?.trustName == "Test Learning Trust")
        #expect(waited.get() == .success, "the work ran before start returned")
        #expect(!reload.isRunning)
        #expect(reload.take() == nil, "the same view was handed over twice")
    }

    @Test("the notice names the drop whose data is new, not the drop on screen")
    func noticeNamesTheIngestedDrop() {
        let old = TestTrust.view()
        var data = TestTrust.data
        // A correction to last year's drop: only its ingest time changes.
        data.ingestedAt[TestTrust.lastYear] = "30 Nov 2026 12:30"
        let fresh = TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        var state = DashboardState(view: old, width: 120, height: 40)
        state.adopt(fresh, replacing: old)
        #expect(state.notice == "New data: 2024/25 spring, ingested 30 Nov 2026 12:30")
        #expect(state.drop(fresh) == TestTrust.now, "the screen stays on the newest drop")
    }
}

/// What the background work's wait on its gate came to, read by the test's thread.
private final class WaitOutcome: @unchecked Sendable {
    private let lock = NSLock()
    private var outcome: DispatchTimeoutResult?

    func set(_ value: DispatchTimeoutResult) { lock.withLock { outcome = value } }
    func get() -> DispatchTimeoutResult? { lock.withLock { outcome } }
}

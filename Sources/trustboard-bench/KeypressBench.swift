import Dashboard
import Foundation
import Metrics
import TrustStore

/// Issue 14's keypress target on a large store: every key is answered within one 16 ms
/// frame. The store is opened in-process as the dashboard opens it (every drop, with the
/// similar schools when it holds a census), and each key goes through the Dashboard
/// library's state and renderer, timed from the key to the frame drawn.
///
/// `trustboard-bench --dashboard --store PATH [--keys N]`; it first times the live
/// dashboard's first frame on the store (`LiveFirstFrame`).
enum KeypressBench {
    /// One frame at 60 frames a second.
    static let frameTarget = 16.0

    /// Times the real binary's live first frame on `path` (`LiveFirstFrame`, fastest of
    /// three), then opens `path` and times moving down the overview, opening an academy and
    /// going back, `keys` times each, at 200×60.
    static func run(binary: String, store path: String, keys: Int) throws {
        let live = try (0..<3).map { _ in try LiveFirstFrame.run(binary, store: path) }
        print(
            "\nthe live dashboard on \(path), 200×60: first frame in "
                + "\(DashboardBench.milliseconds(live.map(\.seconds).min() ?? 0)) ms (fastest of 3: "
                + live.map { DashboardBench.milliseconds($0.seconds) }.joined(separator: " ")
                + " ms), peak \(live.map(\.peakMB).max() ?? 0) MB")
        let store = try TrustStore(readingAt: path)
        let clock = DispatchTime.now().uptimeNanoseconds
        let data = try store.load()
        let config = RatingConfig()
        var similar: SimilarSchoolsLoader?
        if try store.hasCensus() {
            let academies = data.academies
            similar = SimilarSchoolsLoader(
                comparisons: { drop in
                    try store.similarComparisons(for: drop, academies: academies, count: config.similarCount)
                },
                names: { urns in try store.schoolNames(of: urns) })
        }
        let view = TrustView(
            data: data, config: config, trustName: data.trustName ?? "Trust", isSample: false,
            similar: similar)
        // As the live dashboard: a large store's changes are counted after the first frame.
        view.countsChangesInBackgroundFrom = TrustView.backgroundCountThreshold
        var state = DashboardState(view: view, width: 200, height: 60)
        _ = DashboardRenderer.render(state, view: view)
        let opened = seconds(since: clock)
        print("\nkeypresses on \(path) (\(data.academies.count) academies), 200×60:")
        print("  opened in-process to the first frame  \(DashboardBench.milliseconds(opened)) ms  (once)")

        var down: [Double] = []
        var open: [Double] = []
        var back: [Double] = []
        for _ in 0..<keys {
            down.append(press(.down, &state, view))
            open.append(press(.enter, &state, view))
            if case .overview = state.page { print("  (⏎ did not open an academy)") }
            back.append(press(.escape, &state, view))
            if case .academy = state.page { print("  (Esc did not go back to the overview)") }
        }
        report("down the overview", down)
        report("open an academy (⏎)", open)
        report("back to the overview (Esc)", back)
    }

    /// Presses `key` as the live dashboard does and draws the frame: the
    /// milliseconds from the key to the frame.
    private static func press(_ key: Key, _ state: inout DashboardState, _ view: TrustView) -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        state.press(key, view: view)
        _ = DashboardRenderer.render(state, view: view)
        return seconds(since: start) * 1000
    }

    private static func report(_ step: String, _ times: [Double]) {
        let sorted = times.sorted()
        guard let slowest = sorted.last else { return }
        let median = sorted[sorted.count / 2]
        let met = slowest <= frameTarget ? "met" : "NOT met"
        print(
            "  \(step): median \(String(format: "%.2f", median)) ms, slowest \(String(format: "%.2f", slowest)) ms "
                + "of \(times.count)  (target ≤ \(Int(frameTarget)) ms: \(met))")
    }

    private static func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}

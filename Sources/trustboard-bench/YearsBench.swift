import Foundation
import TrustGenerator

/// Issue 14's scale test: many years of national drops in one store.
///
/// `trustboard-bench --years 10 [--academies N]` writes 3 × 10 drops of N academies (22,000
/// by default; the latest is 2025/26 spring), ingests them oldest first into one store and
/// prints:
/// - each ingest's time, and the thirtieth's against the first's (target: no slower);
/// - the store's size on disk;
/// - the first frame (`snapshot`, 200×60) on the many-drop store against the same on a
///   store of the latest drop alone (target: within 1.5×);
/// - `report --format csv` of the latest drop on both stores (target: no slower).
///
/// Each drop's files are written just before they are ingested and removed after, so the
/// disk holds one drop's CSV at a time.
struct YearsBench {
    /// The `trustboard` binary.
    let binary: String
    /// A scratch folder for the stores and the drop being ingested.
    let folder: URL
    /// How many academies each drop holds.
    let academies: Int
    /// How many academic years of drops, three a year.
    let years: Int

    /// Issue 14's targets for many years in one store.
    enum Target {
        static let firstFrame = 1.5
        static let report = 1.0
        static let lastIngest = 1.0
    }

    func run() throws {
        let drops = NationalScaleWriter.DropName.ending(at: .standard, count: years * 3)
        let store = folder.appendingPathComponent("years.sqlite").path
        let single = folder.appendingPathComponent("one-drop.sqlite").path
        print(
            "\n\(years) years: \(drops.count) drops of \(academies) academies each, "
                + "\(drops.first?.text ?? "") to \(drops.last?.text ?? ""), into one store")
        var ingests: [Spawned] = []
        var lastAlone: Spawned?
        var rows = 0
        for (number, drop) in drops.enumerated() {
            let dropFolder = folder.appendingPathComponent("drop-\(number)")
            let written = try NationalScaleWriter(academies: academies, seed: 1, drop: drop).write(
                to: dropFolder)
            rows += written.dropFirst().reduce(0) { $0 + $1.rows }
            let run = try Spawned.run(binary, ["ingest", "--store", store, dropFolder.path])
            if run.status != 0 { print("  (ingest of \(drop.text) exited with status \(run.status))") }
            ingests.append(run)
            if drop == drops.last {
                let alone = try Spawned.run(binary, ["ingest", "--store", single, dropFolder.path])
                if alone.status != 0 {
                    print("  (the one-drop store's ingest exited with status \(alone.status))")
                }
                lastAlone = alone
            }
            try? FileManager.default.removeItem(at: dropFolder)
            print(
                "  ingest \(number + 1) (\(drop.text)): \(Bench.format(run.seconds)) s, peak \(run.peakMB) MB"
            )
        }
        let size = storeBytes(store)
        print(
            "  store: \(rows) data rows, \(Bench.format(Double(size) / 1_000_000)) MB on disk "
                + "(\(Bench.format(Double(size) / Double(max(rows, 1)))) bytes a row)")
        // Like with like: the first drop may be of another term (a summer drop has the
        // year's attainment too), so the last drop is set beside the same drop ingested into
        // a new store, and beside the first drop of its own term.
        if let last = ingests.last, let alone = lastAlone {
            print(
                "  ingest of the last drop ÷ the same drop into a new store: "
                    + "\(ratio(last.seconds, alone.seconds)) (\(Bench.format(last.seconds)) s against "
                    + "\(Bench.format(alone.seconds)) s; target ≤ \(Target.lastIngest)×)")
        }
        if let lastDrop = drops.last, let firstOfTerm = drops.firstIndex(where: { $0.term == lastDrop.term }),
            let last = ingests.last
        {
            let first = ingests[firstOfTerm]
            print(
                "  ingest of the last drop ÷ the first of its term (\(drops[firstOfTerm].text)): "
                    + "\(ratio(last.seconds, first.seconds))")
        }
        try compare(
            "first frame", ["snapshot", "--width", "200", "--height", "60"], many: store, one: single,
            target: Target.firstFrame)
        try compare(
            "report of the latest drop", ["report", "--format", "csv", "--drop", drops.last?.text ?? ""],
            many: store, one: single, target: Target.report)
    }

    /// Runs `arguments` on the many-drop store and on the one-drop store, and prints both
    /// and their ratio beside `target`.
    private func compare(_ step: String, _ arguments: [String], many: String, one: String, target: Double)
        throws
    {
        let manyRun = try Bench.run(binary, arguments + ["--store", many])
        let oneRun = try Bench.run(binary, arguments + ["--store", one])
        print(
            "  \(step): \(Bench.format(manyRun.seconds)) s, peak \(manyRun.peakMB) MB; "
                + "one-drop store \(Bench.format(oneRun.seconds)) s, peak \(oneRun.peakMB) MB; "
                + "ratio \(ratio(manyRun.seconds, oneRun.seconds))  (target ≤ \(target)×)")
    }

    private func ratio(_ ours: Double, _ peer: Double) -> String { String(format: "%.2f×", ours / peer) }

    /// The store's bytes with its write-ahead log.
    private func storeBytes(_ path: String) -> Int {
        ["", "-wal"].reduce(0) { total, suffix in
            let size = (try? FileManager.default.attributesOfItem(atPath: path + suffix))?[.size] as? Int
            return total + (size ?? 0)
        }
    }
}

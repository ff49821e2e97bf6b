import Foundation
import TrustGenerator

/// The export-ingest step: a trust's drop as one pupil-level export, ingested into a new
/// store by the real `trustboard` binary, against issue 12's absolute target.
///
/// `trustboard-bench --export [--export-academies N] [--export-pupils N] [--rounds N]`
/// generates N academies (100 by default) of about `--export-pupils` pupils each (500 by
/// default: a trust of 50,000 pupils) with `PupilExportScaleWriter`, then runs `ingest`
/// into a new store `--rounds` times, each in its own process, and prints the median wall
/// time and the largest peak resident memory.
enum ExportBench {
    /// Issue 12's target: a trust of 50,000 pupils ingests in under 2 s.
    static let targetSeconds = 2.0
    /// The size of trust the target is for.
    static let targetPupils = 50_000

    static func run(binary: String, folder: URL, academies: Int, pupils: Int, rounds: Int) throws {
        let exportFolder = folder.appendingPathComponent("export")
        let clock = Date()
        let written = try PupilExportScaleWriter(academies: academies, pupilsPerAcademy: pupils)
            .write(to: exportFolder)
        let pupilRows = written.last?.rows ?? 0
        let megabytes = Double(written.reduce(0) { $0 + $1.bytes }) / 1_000_000
        print(
            "\nexport ingest: generated \(academies) academies, \(pupilRows) pupils (one export row each), "
                + "\(Bench.format(megabytes)) MB in \(Bench.format(Bench.since(clock))) s")
        let store = folder.appendingPathComponent("export.sqlite").path
        let sides = try SideBySide.measure(
            rounds: rounds,
            [
                {
                    for suffix in ["", "-wal", "-shm", "-journal"] {
                        try? FileManager.default.removeItem(atPath: store + suffix)
                    }
                    let run = try Spawned.run(binary, ["ingest", "--store", store, exportFolder.path])
                    if run.status != 0 { print("  (a run exited with status \(run.status))") }
                    return run.status == 0 ? run : nil
                }
            ])
        guard let side = sides.first ?? nil else {
            return print("  ingest (new store), pupil-level export: failed")
        }
        // The target is for a trust of about 50,000 pupils; a smaller trust gets no verdict.
        let verdict =
            pupilRows < targetPupils * 9 / 10
            ? "not judged at this size" : side.median < targetSeconds ? "met" : "missed"
        print(
            "  ingest (new store), pupil-level export: \(Bench.format(side.median)) s median of \(rounds), "
                + "peak \(side.peakMB) MB; target under \(Bench.format(targetSeconds)) s for 50,000 pupils: "
                + verdict)
        print("  runs: " + side.times.map(Bench.format).joined(separator: " ") + " s")
    }
}

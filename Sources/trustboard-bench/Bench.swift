import Foundation
import Metrics
import TrustGenerator

/// The ingest benchmark: a national-scale drop through the real `trustboard` binary, each
/// step beside the tool an analyst would use instead.
///
/// `swift build -c release && .build/release/trustboard-bench [--academies N] [--rounds N]
/// [--keep DIR] [--drop DIR] [--generate-only DIR] [--dashboard] [--years N] [--dry-run-only]`
/// (`--dfe FOLDER` times the DfE file benchmark alone; see `DfEBench`; `--similar FOLDER`
/// the similar-schools benchmark alone; see `SimilarBench`; `--years N` puts N years of drops
/// in one store; see `YearsBench`; `--export` the pupil-level export ingest alone,
/// `[--export-academies N] [--export-pupils N]`; see `ExportBench`; `--dry-run-only` the
/// dry run beside polars alone, on the drop, for `--rounds` rounds)
///
/// It generates one drop for N academies (22,000 by default: every pupil group,
/// attendance plus Year 6 and Year 11 attainment), or takes the one in `--drop DIR`
/// (`--generate-only DIR` writes it there and stops). Then, each run in its own process so
/// that peak memory is per step, alternating A B A B for `--rounds` rounds (3 by default):
/// `ingest --dry-run` beside polars' `read_csv` of the same files; `ingest` into a new
/// store beside the sqlite3 shell's `.import` of them, with `report --format csv` on the
/// store just made. It prints medians, peaks, the ratios (trustboard ÷ peer) and issue
/// 14's target for each.
@main
struct Bench {
    /// What `--help`, or an option it does not know, prints.
    static let usage = """
        usage: trustboard-bench [--academies N] [--rounds N] [--keep DIR] [--drop DIR]
                                [--generate-only DIR]
               trustboard-bench --dry-run-only [--drop DIR] [--rounds N]   the dry run beside polars alone
               trustboard-bench --dashboard          the dashboard's frames and start-up alone
               trustboard-bench --dashboard --store PATH [--keys N]   keypresses on a store
               trustboard-bench --years N [--academies N]   N years of drops in one store
               trustboard-bench --export [--export-academies N] [--export-pupils N] [--rounds N]
               trustboard-bench --dfe FOLDER | --similar FOLDER   the DfE files' benchmarks
        Build first: swift build -c release --product trustboard; swift build -c release --product trustboard-bench
        """

    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        // Anything it does not know stops it before it starts minutes of work: `--help`
        // once ran the whole national bench.
        let known = [
            "--academies", "--rounds", "--years", "--export-academies", "--export-pupils", "--generate-only",
            "--drop", "--keep", "--dfe", "--similar", "--store", "--keys",
        ]
        let flags = ["--dashboard", "--export", "--dry-run-only"]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if known.contains(argument) {
                index += 2
            } else if flags.contains(argument) {
                index += 1
            } else {
                print(usage)
                exit(argument == "--help" || argument == "-h" ? 0 : 2)
            }
        }
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let academies = option("--academies").flatMap(Int.init) ?? 22_000
        let rounds = max(1, option("--rounds").flatMap(Int.init) ?? 3)
        let dashboardOnly = arguments.contains("--dashboard")
        let years = option("--years").flatMap(Int.init)
        let exportOnly = arguments.contains("--export")
        let dryRunOnly = arguments.contains("--dry-run-only")
        let exportAcademies = max(1, option("--export-academies").flatMap(Int.init) ?? 100)
        let exportPupils = max(1, option("--export-pupils").flatMap(Int.init) ?? 500)
        let generateOnly = option("--generate-only")
        let givenDrop = option("--drop")
        let keep = option("--keep") ?? generateOnly
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("trustboard").path
        guard FileManager.default.isExecutableFile(atPath: binary) else {
            print("bench: build trustboard first: swift build -c release")
            exit(1)
        }
        let folder =
            keep.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("trustboard-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { if keep == nil { try? FileManager.default.removeItem(at: folder) } }
        let keyStore = option("--store")
        let keys = max(1, option("--keys").flatMap(Int.init) ?? 20)
        if dashboardOnly, let keyStore {
            return try KeypressBench.run(binary: binary, store: keyStore, keys: keys)
        }
        if dashboardOnly { return try DashboardBench.run(binary: binary, folder: folder) }
        if let years {
            return try YearsBench(binary: binary, folder: folder, academies: academies, years: max(1, years))
                .run()
        }
        if exportOnly {
            return try ExportBench.run(
                binary: binary, folder: folder, academies: exportAcademies, pupils: exportPupils,
                rounds: rounds)
        }
        if let dfe = option("--dfe") {
            return try DfEBench.run(binary: binary, folder: folder, dfeFolder: dfe)
        }
        if let dfe = option("--similar") {
            return try SimilarBench.run(binary: binary, folder: folder, dfeFolder: dfe)
        }
        let dropFolder = givenDrop.map { URL(fileURLWithPath: $0) } ?? folder.appendingPathComponent("drop")
        let files: [(name: String, bytes: Int)]
        if givenDrop != nil {
            let names = try FileManager.default.contentsOfDirectory(atPath: dropFolder.path)
                .filter { $0.hasSuffix(".csv") }.sorted()
            files = names.map { name in
                let size = (try? FileManager.default.attributesOfItem(atPath: dropFolder.path + "/" + name))?[
                    .size]
                return (name, (size as? Int) ?? 0)
            }
            print("the drop in \(dropFolder.path): \(files.count) files")
        } else {
            try FileManager.default.createDirectory(at: dropFolder, withIntermediateDirectories: true)
            let clock = Date()
            let written = try NationalScaleWriter(academies: academies, seed: 1).write(to: dropFolder)
            let rows = written.reduce(0) { $0 + $1.rows }
            print(
                "generated \(academies) academies: \(rows) rows, "
                    + "\(format(Double(written.reduce(0) { $0 + $1.bytes }) / 1_000_000)) MB "
                    + "in \(format(since(clock))) s")
            for file in written { print("  \(file.name): \(file.rows) rows, \(file.bytes) bytes") }
            files = written.map { ($0.name, $0.bytes) }
        }
        if generateOnly != nil { return print("written to \(dropFolder.path)") }
        let megabytes = Double(files.reduce(0) { $0 + $1.bytes }) / 1_000_000
        if dryRunOnly {
            return try IngestBench(binary: binary, folder: folder, drop: dropFolder, files: files.map(\.name))
                .runDryRunOnly(rounds: rounds, megabytes: megabytes)
        }
        try IngestBench(binary: binary, folder: folder, drop: dropFolder, files: files.map(\.name))
            .run(rounds: rounds, megabytes: megabytes)
        try DashboardBench.run(binary: binary, folder: folder)
        try ExportBench.run(
            binary: binary, folder: folder, academies: exportAcademies, pupils: exportPupils, rounds: rounds)
    }

    struct Measure {
        var seconds: Double
        var peakMB: Int
    }

    /// Runs a command three times and keeps the fastest run's wall time and the largest
    /// peak resident memory.
    static func run(_ path: String, _ arguments: [String], before: () -> Void = {}) throws -> Measure {
        var best = Measure(seconds: .infinity, peakMB: 0)
        for _ in 0..<3 {
            before()
            let run = try Spawned.run(path, arguments)
            if run.status != 0 { print("  (\(arguments.first ?? "") exited with status \(run.status))") }
            best.seconds = min(best.seconds, run.seconds)
            best.peakMB = max(best.peakMB, run.peakMB)
        }
        return best
    }

    static func since(_ start: Date) -> Double { Date().timeIntervalSince(start) }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

import Foundation
import Metrics
import TrustGenerator

/// The ingest benchmark: a national-scale drop through the real `trustboard` binary.
///
/// `swift build -c release && .build/release/trustboard-bench [--academies N] [--keep DIR] [--dashboard]`
/// (`--dfe FOLDER` times the DfE file benchmark alone; see `DfEBench`; `--similar FOLDER`
/// the similar-schools benchmark alone; see `SimilarBench`)
///
/// It generates one drop for N academies (22,000 by default: every pupil group,
/// attendance plus Year 6 and Year 11 attainment), then times, each in its own process
/// so peak memory is per step: `ingest --dry-run` (parse and validate), `ingest` into a
/// new store, and `report --format csv`. It also times the reader in-process, and, when
/// they are installed, polars' `read_csv` and the sqlite3 shell's `.import` on the same
/// files, for comparison.
@main
struct Bench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(index...(index + 1)) }
            return arguments[index + 1]
        }
        let academies = option("--academies").flatMap(Int.init) ?? 22_000
        let dashboardOnly = arguments.contains("--dashboard")
        let keep = option("--keep")
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
        if dashboardOnly { return try DashboardBench.run(binary: binary, folder: folder) }
        if let dfe = option("--dfe") {
            return try DfEBench.run(binary: binary, folder: folder, dfeFolder: dfe)
        }
        if let dfe = option("--similar") {
            return try SimilarBench.run(binary: binary, folder: folder, dfeFolder: dfe)
        }
        let dropFolder = folder.appendingPathComponent("drop")
        try FileManager.default.createDirectory(at: dropFolder, withIntermediateDirectories: true)

        var clock = Date()
        let written = try NationalScaleWriter(academies: academies, seed: 1).write(to: dropFolder)
        let rows = written.reduce(0) { $0 + $1.rows }
        let bytes = written.reduce(0) { $0 + $1.bytes }
        let megabytes = Double(bytes) / 1_000_000
        print(
            "generated \(academies) academies: \(rows) rows, \(format(megabytes)) MB in \(format(since(clock))) s"
        )
        for file in written { print("  \(file.name): \(file.rows) rows, \(file.bytes) bytes") }

        clock = Date()
        let batch = DropReader().read(paths: [dropFolder.path])
        let inProcess = since(clock)
        print(
            "\nin-process parse and validate: \(format(inProcess)) s, \(format(megabytes / inProcess)) MB/s, "
                + "\(batch.rowCount) rows, \(batch.errors.count) errors")

        let store = folder.appendingPathComponent("bench.sqlite").path
        print("\nthe trustboard binary, one process per step (fastest of 3 runs, peak resident memory):")
        let dry = try run(binary, ["ingest", "--dry-run", "--store", store, dropFolder.path])
        print(
            "  ingest --dry-run     \(format(dry.seconds)) s  \(format(megabytes / dry.seconds)) MB/s  "
                + "peak \(dry.peakMB) MB")
        let full = try run(binary, ["ingest", "--store", store, dropFolder.path]) {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: store + suffix) }
        }
        print("  ingest (new store)   \(format(full.seconds)) s  peak \(full.peakMB) MB")
        let report = try run(binary, ["report", "--format", "csv", "--store", store])
        print("  report --format csv  \(format(report.seconds)) s  peak \(report.peakMB) MB")

        print("\nfor comparison, on the same files:")
        compare(
            "polars read_csv",
            python: """
                import polars, time, glob
                t = time.time()
                for f in sorted(glob.glob('\(dropFolder.path)/*.csv')): polars.read_csv(f)
                print(time.time() - t)
                """)
        let importScript = written.map {
            ".import --csv \(dropFolder.path)/\($0.name) t_\($0.name.dropLast(4))"
        }
        .joined(separator: "\n")
        compareShell(
            "sqlite3 .import", "rm -f \(folder.path)/import.sqlite; sqlite3 \(folder.path)/import.sqlite",
            input: importScript)
        try DashboardBench.run(binary: binary, folder: folder)
    }

    struct Measure {
        var seconds: Double
        var peakMB: Int
    }

    /// Runs a command three times, each waited for with `wait4`, and keeps the fastest
    /// run's wall time and the largest peak resident memory. `posix_spawn` is used
    /// rather than `Process`, whose own child reaper would take the usage figures.
    static func run(_ path: String, _ arguments: [String], before: () -> Void = {}) throws -> Measure {
        var best = Measure(seconds: .infinity, peakMB: 0)
        for _ in 0..<3 {
            before()
            let argv = ([path] + arguments).map { strdup($0) } + [nil]
            defer { for pointer in argv { free(pointer) } }
            var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            defer { posix_spawn_file_actions_destroy(&actions) }
            var pid: pid_t = 0
            let start = Date()
            guard posix_spawn(&pid, path, &actions, nil, argv, environ) == 0 else {
                throw CocoaError(.executableLoad)
            }
            var status: Int32 = 0
            var usage = rusage()
            _ = wait4(pid, &status, 0, &usage)
            let seconds = since(start)
            if status != 0 { print("  (\(arguments.first ?? "") exited with status \(status))") }
            best.seconds = min(best.seconds, seconds)
            best.peakMB = max(best.peakMB, Int(usage.ru_maxrss) / 1024)
        }
        return best
    }

    static func compare(_ name: String, python: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", python]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return print("  \(name): python3 not found") }
        process.waitUntilExit()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        if process.terminationStatus == 0,
            let seconds = Double(output.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            print("  \(name): \(format(seconds)) s")
        } else {
            print("  \(name): not installed (pip install polars)")
        }
    }

    static func compareShell(_ name: String, _ command: String, input: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let pipe = Pipe()
        process.standardInput = pipe
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        guard (try? process.run()) != nil else { return print("  \(name): cannot run") }
        pipe.fileHandleForWriting.write(Data(input.utf8))
        try? pipe.fileHandleForWriting.close()
        process.waitUntilExit()
        print(
            process.terminationStatus == 0
                ? "  \(name): \(format(since(start))) s" : "  \(name): not available")
    }

    static func since(_ start: Date) -> Double { Date().timeIntervalSince(start) }

    static func format(_ value: Double) -> String { String(format: "%.2f", value) }
}

import Foundation

/// The three ingest steps on one drop, each beside its peer, and the table of ratios.
struct IngestBench {
    /// The `trustboard` binary.
    let binary: String
    /// A scratch folder for stores and scripts.
    let folder: URL
    /// The folder of the drop's files.
    let drop: URL
    /// The names of the drop's files.
    let files: [String]

    /// Issue 14's targets, beside the ratios they apply to.
    enum Target {
        static let parse = 1.0
        static let ingest = 1.5
        static let report = 0.25
        static let peakMB = 150
        static let firstFrame = 0.1
        static let firstFramePeakMB = 300
    }

    func run(rounds: Int, megabytes: Double) throws {
        let store = folder.appendingPathComponent("bench.sqlite").path
        let imported = folder.appendingPathComponent("import.sqlite").path
        let polars = polarsRun()
        let sqlite = try sqliteRun(into: imported)
        let polarsWrite = polarsWriteRun(store: store)
        print(
            "\n\(String(format: "%.1f", megabytes)) MB in \(files.count) files; each program in its own process, "
                + "run in turn \(rounds) times (A B A B…) after a round not counted; medians, and the largest peak resident memory:"
        )

        let dry = try SideBySide.measure(
            rounds: rounds,
            [
                { try checked(Spawned.run(binary, ["ingest", "--dry-run", "--store", store, drop.path])) },
                polars,
            ])
        let full = try SideBySide.measure(
            rounds: rounds,
            [
                {
                    removeStore(store)
                    return try checked(Spawned.run(binary, ["ingest", "--store", store, drop.path]))
                },
                sqlite,
                // On the store the ingest just made, so that report takes turns with both.
                { try checked(Spawned.run(binary, ["report", "--format", "csv", "--store", store])) },
                // The dashboard's first frame on that store: `snapshot`, which draws one whole
                // frame and ends, and the live dashboard on a pseudo-terminal, until its first
                // frame is on screen (`LiveFirstFrame`).
                {
                    try checked(
                        Spawned.run(
                            binary, ["snapshot", "--width", "200", "--height", "60", "--store", store]))
                },
                { try checked(LiveFirstFrame.run(binary, store: store)) },
                polarsWrite,
            ])

        print("")
        row("step", "trustboard", "peer", "peer's time", "ratio", "target")
        if let ours = dry[0] {
            row(
                "ingest --dry-run", side(ours), "polars read_csv",
                dry[1].map(side) ?? "not installed (pip install polars)",
                ratio(ours, dry[1]), "≤ \(format(Target.parse))×")
            print(
                "  (\(Bench.format(megabytes / ours.median)) MB/s; polars is timed inside Python, import excluded)"
            )
        }
        if let ours = full[0] {
            row(
                "ingest (new store)", side(ours), "sqlite3 .import",
                full[1].map(side) ?? "not installed (sqlite3)",
                ratio(ours, full[1]), "≤ \(format(Target.ingest))×")
        }
        if let report = full[2] {
            row(
                "report --format csv", side(report), "the full ingest", full[0].map(side) ?? "failed",
                ratio(report, full[0]), "≤ \(format(Target.report))×")
            if let write = full[5] {
                row("", "", "polars write_csv", side(write), ratio(report, write), "")
                print(
                    "  (polars writes the report's rows from a frame read before it is timed: the writing alone)"
                )
            }
        }
        let peak = ([dry[0], full[0], full[2]].compactMap { $0?.peakMB }).max() ?? 0
        row("peak memory, any step", "\(peak) MB", "", "", "", "≤ \(Target.peakMB) MB")
        for (step, frame) in [("first frame: snapshot", full[3]), ("first frame: live", full[4])] {
            if let frame {
                row(
                    step, side(frame), "the full ingest", full[0].map(side) ?? "failed",
                    ratio(frame, full[0]),
                    "≤ \(format(Target.firstFrame))×, ≤ \(Target.firstFramePeakMB) MB")
            }
        }
        for (name, side) in [
            ("dry run", dry[0]), ("polars", dry[1]), ("ingest", full[0]), ("sqlite3", full[1]),
            ("report", full[2]), ("snapshot", full[3]), ("live first frame", full[4]),
            ("polars write_csv", full[5]),
        ] {
            if let side {
                print("  \(name) runs: " + side.times.map(Bench.format).joined(separator: " ") + " s")
            }
        }
    }

    /// `ingest --dry-run` beside polars' `read_csv` alone (`--dry-run-only`), A B A B for
    /// `rounds` rounds: the medians, the peaks and the ratio, so that the parse can be timed
    /// without minutes of full ingests and reports.
    func runDryRunOnly(rounds: Int, megabytes: Double) throws {
        let store = folder.appendingPathComponent("bench.sqlite").path
        print(
            "\n\(String(format: "%.1f", megabytes)) MB in \(files.count) files; the dry run and polars, "
                + "each in its own process, run in turn \(rounds) times (A B A B…) after a round not counted; medians, and the largest peak:"
        )
        let dry = try SideBySide.measure(
            rounds: rounds,
            [
                { try checked(Spawned.run(binary, ["ingest", "--dry-run", "--store", store, drop.path])) },
                polarsRun(),
            ])
        print("")
        row("step", "trustboard", "peer", "peer's time", "ratio", "target")
        guard let ours = dry[0] else { return print("  the dry run failed") }
        row(
            "ingest --dry-run", side(ours), "polars read_csv",
            dry[1].map(side) ?? "not installed (pip install polars)",
            ratio(ours, dry[1]), "≤ \(format(Target.parse))×, ≤ \(Target.peakMB) MB")
        print(
            "  (\(Bench.format(megabytes / ours.median)) MB/s; polars is timed inside Python, import excluded)"
        )
        for (name, side) in [("dry run", dry[0]), ("polars", dry[1])] {
            if let side {
                print("  \(name) runs: " + side.times.map(Bench.format).joined(separator: " ") + " s")
            }
        }
    }

    /// polars' `read_csv` of every file, timed inside Python so that its start-up and
    /// `import polars` are left out; nil when polars is not installed.
    private func polarsRun() -> SideBySide.Run? {
        guard let probe = try? Spawned.run("python3", ["-c", "import polars"]), probe.status == 0 else {
            return nil
        }
        let script = """
            import polars, time, glob, sys
            t = time.time()
            for f in sorted(glob.glob(sys.argv[1] + '/*.csv')): polars.read_csv(f)
            print(time.time() - t)
            """
        let output = folder.appendingPathComponent("polars.txt").path
        return {
            var run = try Spawned.run("python3", ["-c", script, drop.path], output: output)
            guard run.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8),
                let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { return nil }
            run.seconds = seconds
            return run
        }
    }

    /// polars' `write_csv` of the rows `report --format csv` writes of `store`, read into a
    /// frame first (numbers as numbers) and timed inside Python, so that only the writing
    /// counts: what the fastest tool at hand takes to write the report's bytes alone, with
    /// nothing worked out, beside the report that works them out and writes them. The
    /// report's rows are written to a file once, by the first run, after the ingest that
    /// made the store. Nil when polars is not installed.
    private func polarsWriteRun(store: String) -> SideBySide.Run? {
        guard let probe = try? Spawned.run("python3", ["-c", "import polars"]), probe.status == 0 else {
            return nil
        }
        // `urn` is read as text: the trust's rows hold "trust" there.
        let script = """
            import polars, time, sys
            frame = polars.read_csv(sys.argv[1], infer_schema_length=None, schema_overrides={'urn': polars.Utf8})
            t = time.time()
            frame.write_csv(sys.argv[2])
            print(time.time() - t)
            """
        let rows = folder.appendingPathComponent("report.csv").path
        let written = folder.appendingPathComponent("polars-report.csv").path
        let output = folder.appendingPathComponent("polars-write.txt").path
        // Left by an earlier bench in a kept folder, of another store.
        try? FileManager.default.removeItem(atPath: rows)
        return {
            if !FileManager.default.fileExists(atPath: rows) {
                let report = try Spawned.run(
                    binary, ["report", "--format", "csv", "--store", store], output: rows)
                guard report.status == 0 else { return nil }
            }
            var run = try Spawned.run("python3", ["-c", script, rows, written], output: output)
            try? FileManager.default.removeItem(atPath: written)
            guard run.status == 0, let text = try? String(contentsOfFile: output, encoding: .utf8),
                let seconds = Double(text.trimmingCharacters(in: .whitespacesAndNewlines))
            else { return nil }
            run.seconds = seconds
            return run
        }
    }

    /// The sqlite3 shell's `.import --csv` of every file into a new database, one table a
    /// file; nil when the shell is not installed.
    private func sqliteRun(into database: String) throws -> SideBySide.Run? {
        guard let probe = try? Spawned.run("sqlite3", ["-version"]), probe.status == 0 else { return nil }
        let script = folder.appendingPathComponent("import.sql")
        let lines = files.map {
            ".import --csv \(drop.path)/\($0) t_\($0.dropLast(4).replacingOccurrences(of: "-", with: "_"))"
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: script)
        return {
            removeStore(database)
            return try checked(Spawned.run("sqlite3", [database], input: script.path))
        }
    }

    private func removeStore(_ path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    /// The run, or nil (said) when it failed.
    private func checked(_ run: Spawned) -> Spawned? {
        if run.status != 0 { print("  (a run exited with status \(run.status))") }
        return run.status == 0 ? run : nil
    }

    private func side(_ side: SideBySide.Side) -> String {
        "\(Bench.format(side.median)) s, peak \(side.peakMB) MB"
    }

    private func ratio(_ ours: SideBySide.Side, _ peer: SideBySide.Side?) -> String {
        peer.map { String(format: "%.2f×", ours.median / $0.median) } ?? "–"
    }

    private func format(_ value: Double) -> String { String(format: "%g", value) }

    private func row(_ cells: String...) {
        let widths = [22, 22, 16, 34, 7, 9]
        print(
            "  "
                + zip(cells, widths).map {
                    $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0)
                }.joined(separator: " "))
    }
}

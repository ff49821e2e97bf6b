import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Reading a store never waits for an ingest, and a store that cannot be written can still
/// be read: `report`, `drops` and `snapshot` open it for reading only.
@Suite("Reading a store that is being written, or cannot be written, end to end")
struct StoreReadingEndToEndTests {
    /// Alpha's attendance in 2024/25 spring, as far as the value: 2,500 of 50,000 sessions
    /// missed → 95.0 (see `HandTrust`).
    private static let alphaAttendance =
        "2024/25-spring,100001,Alpha Primary,primary,attendance_rate,all,all,95.0,"

    /// The hand trust ingested by the binary into `folder/store/trust.sqlite`.
    private func madeStore(in folder: TemporaryFolder) throws -> String {
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("store/trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, drop])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        return store
    }

    /// The commands that only read, each with what its output must hold.
    private func expectEveryReaderWorks(
        store: String, launcher: [String] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let report = try CommandRunner.run(
            ["report", "--store", store, "--format", "csv"], launcher: launcher, timeLimit: 5)
        #expect(report.status == 0, "\(report.stderr)", sourceLocation: sourceLocation)
        #expect(!report.timedOut, sourceLocation: sourceLocation)
        #expect(report.stdout.contains(Self.alphaAttendance), sourceLocation: sourceLocation)

        let drops = try CommandRunner.run(["drops", "--store", store], launcher: launcher, timeLimit: 5)
        #expect(drops.status == 0, "\(drops.stderr)", sourceLocation: sourceLocation)
        #expect(drops.stdout.contains("2024/25 spring"), sourceLocation: sourceLocation)

        let snapshot = try CommandRunner.run(
            ["snapshot", "--store", store, "--width", "100", "--height", "20"], launcher: launcher,
            timeLimit: 5)
        #expect(snapshot.status == 0, "\(snapshot.stderr)", sourceLocation: sourceLocation)
        #expect(snapshot.stdout.contains("Alpha Primary"), sourceLocation: sourceLocation)
    }

    /// An ingest holds the store's write lock while it stores. Readers must not wait for it:
    /// before, opening the store took the write lock, so each reader waited 10 s and failed
    /// with "database is locked".
    @Test(.enabled(if: SQLiteFile.isAvailable)) func readersDoNotWaitForAnIngestThatHoldsTheStore() throws {
        let folder = try TemporaryFolder()
        let store = try madeStore(in: folder)
        let ingest = try SQLiteFile(path: store)
        // What an ingest does while storing: the write lock taken, a row written, no commit.
        try ingest.execute("BEGIN IMMEDIATE; INSERT INTO ingests (time) VALUES (0);")
        defer { _ = try? ingest.execute("ROLLBACK") }
        // The ingest never commits, so a reader that waited for its lock would fail with
        // "database is locked" after the 10 s busy timeout: success is the proof, with no
        // timed bound that a loaded machine could break.
        try expectEveryReaderWorks(store: store)
    }

    /// True when this process may make a read-only bind mount in a mount namespace of its
    /// own (root, with `unshare`), as the read-only-mount test needs.
    private static let canMountReadOnly: Bool = {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else {
            return false
        }
        guard let folder = try? TemporaryFolder() else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unshare")
        process.arguments = [
            "--mount", "/bin/sh", "-c", readOnlyMountScript + "! touch \"$0/probe\"", folder.url.path,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Mounts the folder `$0` on itself read-only, then goes on (in a new mount namespace,
    /// so that nothing outside sees it).
    private static let readOnlyMountScript =
        "mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\" && "

    /// Before, `report` on a read-only mount failed with "unable to open database file":
    /// the store's `-wal` and `-shm` files cannot be made there. Root cannot write a
    /// read-only mount either, so this is the real thing.
    @Test(.enabled(if: canMountReadOnly)) func aStoreOnAReadOnlyMountCanBeRead() throws {
        let folder = try TemporaryFolder()
        let store = try madeStore(in: folder)
        let storeFolder = folder.path("store")
        let before = FileManager.default.contents(atPath: store)
        let launcher = [
            "/usr/bin/unshare", "--mount", "/bin/sh", "-c", Self.readOnlyMountScript + "exec \"$@\"",
            storeFolder,
        ]
        try expectEveryReaderWorks(store: store, launcher: launcher)
        #expect(FileManager.default.contents(atPath: store) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: storeFolder) == ["trust.sqlite"])
    }

    /// True when the tests run as root and `setpriv` can run a command as another user.
    private static let canRunAsAnotherUser =
        getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

    /// Runs the binary as `nobody`, who may read the store but not write it or its folder.
    private static let asNobody = [
        "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
    ]

    /// A store someone else owns, that the user may read but not write, in a folder the user
    /// cannot write to. Root may write any file, so the binary runs as `nobody`. Before,
    /// `report` failed with "attempt to write a readonly database".
    @Test(.enabled(if: canRunAsAnotherUser)) func aStoreOwnedBySomeoneElseCanBeRead() throws {
        let folder = try TemporaryFolder()
        let store = try madeStore(in: folder)
        let storeFolder = folder.path("store")
        #expect(chmod(storeFolder, 0o755) == 0)
        #expect(chmod(store, 0o444) == 0)
        #expect(chmod(folder.url.path, 0o755) == 0)
        let before = FileManager.default.contents(atPath: store)
        try expectEveryReaderWorks(store: store, launcher: Self.asNobody)
        #expect(FileManager.default.contents(atPath: store) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: storeFolder) == ["trust.sqlite"])
    }

    /// A store that lacks only national figures built into this trustboard reads right
    /// without them: where it cannot be written it is read as it is, and where it can, the
    /// figures are added.
    @Test(.enabled(if: canRunAsAnotherUser && SQLiteFile.isAvailable))
    func aStoreLackingOnlyNewerFiguresIsReadWhereItCannotBeWritten() throws {
        let folder = try TemporaryFolder()
        let store = try madeStore(in: folder)
        try SQLiteFile(path: store).execute(
            "UPDATE built_in_figures SET fingerprint = 'older'; "
                + "DELETE FROM benchmarks WHERE measure = 'illness_absence_rate';")
        #expect(chmod(folder.path("store"), 0o755) == 0)
        #expect(chmod(store, 0o444) == 0)
        #expect(chmod(folder.url.path, 0o755) == 0)
        let before = FileManager.default.contents(atPath: store)
        let read = try CommandRunner.run(["drops", "--store", store], launcher: Self.asNobody, timeLimit: 10)
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.contains("2024/25 spring"))
        #expect(FileManager.default.contents(atPath: store) == before)

        #expect(chmod(store, 0o600) == 0)
        let drops = try CommandRunner.run(["drops", "--store", store], timeLimit: 10)
        #expect(drops.status == 0, "\(drops.stderr)")
        let fingerprint = try SQLiteFile(path: store, readOnly: true).execute(
            "SELECT fingerprint = 'older' FROM built_in_figures")
        #expect(fingerprint == [["0"]])
        // Illness: 3 autumn 2018/19 figures by phase, autumn 2022/23 and 2023/24, full year
        // 2022/23 and 2023/24.
        let illness = try SQLiteFile(path: store, readOnly: true).execute(
            "SELECT count(*) FROM benchmarks WHERE measure = 'illness_absence_rate'")
        #expect(illness == [["7"]])
    }

    /// A store made by an older trustboard must be brought up to date once, which writes:
    /// where that cannot be done the reader says so and what to do; where it can, the store
    /// is brought up to date and read.
    @Test(.enabled(if: canRunAsAnotherUser && SQLiteFile.isAvailable))
    func anOlderStoreIsBroughtUpToDateOnceWhereItCanBeWritten() throws {
        let folder = try TemporaryFolder()
        let store = try madeStore(in: folder)
        // Back to version 2, before the school census table.
        try SQLiteFile(path: store).execute(
            "DELETE FROM grdb_migrations WHERE identifier = 'v3'; DROP TABLE school_census;")
        #expect(chmod(folder.path("store"), 0o755) == 0)
        #expect(chmod(store, 0o444) == 0)
        #expect(chmod(folder.url.path, 0o755) == 0)
        let before = FileManager.default.contents(atPath: store)
        let refused = try CommandRunner.run(
            ["drops", "--store", store], launcher: Self.asNobody, timeLimit: 10)
        #expect(refused.status != 0)
        #expect(
            refused.stderr.contains(
                "the trust store \(store) was made by an older trustboard and must be brought up to date "
                    + "once before this one can read it, but it is read-only here"),
            "\(refused.stderr)")
        #expect(FileManager.default.contents(atPath: store) == before)

        #expect(chmod(store, 0o600) == 0)
        let drops = try CommandRunner.run(["drops", "--store", store], timeLimit: 10)
        #expect(drops.status == 0, "\(drops.stderr)")
        #expect(drops.stdout.contains("2024/25 spring"))
        let steps = try SQLiteFile(path: store, readOnly: true).execute(
            "SELECT identifier FROM grdb_migrations ORDER BY identifier")
        #expect(
            steps == [
                ["v1"], ["v10"], ["v11"], ["v2"], ["v3"], ["v4"], ["v5"], ["v6"], ["v7"], ["v8"], ["v9"],
            ])
    }

    /// Ingesting into a store the user may not write says so, names the store, and stores
    /// nothing.
    @Test(.enabled(if: canRunAsAnotherUser)) func ingestIntoAStoreThatCannotBeWrittenSaysSo() throws {
        let folder = try TemporaryFolder()
        let store = try madeStore(in: folder)
        #expect(chmod(folder.path("store"), 0o755) == 0)
        #expect(chmod(store, 0o444) == 0)
        #expect(chmod(folder.url.path, 0o755) == 0)
        let before = FileManager.default.contents(atPath: store)
        let more = try folder.write("more.csv", "urn,name,phase\n100005,Echo Academy,primary\n")
        let ingest = try CommandRunner.run(
            ["ingest", "--store", store, more], launcher: Self.asNobody, timeLimit: 10)
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("the trust store \(store) is read-only"), "\(ingest.stderr)")
        #expect(FileManager.default.contents(atPath: store) == before)
    }
}

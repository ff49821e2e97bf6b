import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `ingest` reads regular files only. A named pipe is never opened for reading, which would
/// wait for a writer for ever; it is an error when named, and skipped with a warning when
/// found in a folder.
@Suite("Named pipes and other non-files given to ingest, end to end")
struct NonRegularFileEndToEndTests {
    private static let academies = "urn,name,phase\n100001,Oak Primary,primary\n"

    /// Before, this ingest hung until killed.
    @Test func aNamedPipeGivenByNameIsAnErrorAndDoesNotHang() throws {
        let folder = try TemporaryFolder()
        let pipe = folder.path("drop.csv")
        #expect(mkfifo(pipe, 0o600) == 0)
        let store = folder.path("trust.sqlite")
        let result = try CommandRunner.run(["ingest", "--store", store, pipe], timeLimit: 10)
        #expect(!result.timedOut)
        #expect(result.status == 1)
        #expect(
            result.stderr.contains(
                "\(pipe): is a named pipe (FIFO), not a regular file; "
                    + "trustboard reads regular files only: save the data to a file and ingest that"),
            "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    /// A pipe and a folder named like CSV files sit beside a real one: both are skipped with
    /// a warning saying why, and the real file is stored. Before, the ingest hung on the
    /// pipe, and the folder was "is a folder; check its permissions".
    @Test func aNamedPipeAndAFolderInAFolderAreSkippedWithAWarning() throws {
        let folder = try TemporaryFolder()
        try FileManager.default.createDirectory(
            atPath: folder.path("drop/old.csv"), withIntermediateDirectories: true)
        try folder.write("drop/academies.csv", Self.academies)
        #expect(mkfifo(folder.path("drop/pipe.csv"), 0o600) == 0)
        let store = folder.path("trust.sqlite")
        let result = try CommandRunner.run(["ingest", "--store", store, folder.path("drop")], timeLimit: 10)
        #expect(!result.timedOut)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("academies.csv: academies, 1 row, 1 academy"))
        #expect(
            result.stderr.contains(
                "\(folder.path("drop/pipe.csv")): warning: is a named pipe (FIFO), not a regular file, "
                    + "so it was skipped"),
            "\(result.stderr)")
        #expect(
            result.stderr.contains(
                "\(folder.path("drop/old.csv")): warning: is a folder, not a regular file, so it was skipped"),
            "\(result.stderr)")
        #expect(!result.stderr.contains("check its permissions"))
    }
}

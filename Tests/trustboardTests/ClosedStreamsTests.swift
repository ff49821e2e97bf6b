import Foundation
import Testing

/// trustboard started with a standard stream closed (`2>&-`, `>&-`, a service or cron job
/// started so): a closed standard error crashed any command with something to say, and
/// the next file opened would have taken its number. Now messages to a closed standard
/// error go nowhere, and output for a closed standard output is refused with a message.
@Suite("Closed standard streams")
struct ClosedStreamsTests {
    /// Runs the real binary under `/bin/sh`, with `redirection` applied, and returns its
    /// status and what reached standard output and standard error.
    static func run(_ arguments: [String], _ redirection: String) throws -> (
        status: Int32, reason: Process.TerminationReason, out: String, err: String
    ) {
        let folder = try TemporaryFolder()
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments =
            [
                "-c", "exec \"$0\" \"$@\" \(redirection)", CommandRunner.binary, "--store",
                folder.path("none.sqlite"),
            ]
            + arguments
        let out = Pipe()
        let err = Pipe()
        shell.standardOutput = out
        shell.standardError = err
        try shell.run()
        let outText = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errText = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        return (shell.terminationStatus, shell.terminationReason, outText, errText)
    }

    @Test func aClosedStandardErrorLosesOnlyTheMessages() throws {
        // `drops` on no store says on standard error that it shows the sample.
        let drops = try Self.run(["drops"], "2>&-")
        #expect(drops.reason == .exit)
        #expect(drops.status == 0)
        #expect(drops.out.hasPrefix("2024/25 summer: 12 of 12 academies"), "\(drops.out)")
        let report = try Self.run(["report", "--format", "csv"], "2>&-")
        #expect(report.reason == .exit)
        #expect(report.status == 0)
        #expect(report.out.hasPrefix("drop,urn,academy,phase,kpi,"))
        #expect(report.err.isEmpty)
    }

    /// An ingest's lines say what was stored once it is stored: a closed standard output
    /// loses them but does not fail the ingest, whose drop is then in the store.
    @Test func anIngestWithStandardOutputClosedStillStores() throws {
        let folder = try TemporaryFolder()
        let drop = try HandTrust.write(to: folder)
        let store = folder.path("trust.sqlite")
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        shell.arguments = [
            "-c", "exec \"$0\" \"$@\" >&-", CommandRunner.binary, "ingest", "--store", store, drop,
        ]
        shell.standardError = FileHandle.nullDevice
        try shell.run()
        shell.waitUntilExit()
        #expect(shell.terminationReason == .exit)
        #expect(shell.terminationStatus == 0)
        let drops = try CommandRunner.run(["drops", "--store", store])
        #expect(drops.status == 0)
        #expect(drops.stdout.contains("4 academies"), "\(drops.stdout)")
    }

    @Test func aClosedStandardOutputIsRefusedWithAMessage() throws {
        for command in [["report"], ["drops"], ["snapshot"]] {
            let result = try Self.run(command, ">&-")
            #expect(result.reason == .exit, "\(command)")
            #expect(result.status == 1, "\(command)")
            #expect(
                result.err.contains(
                    "trustboard: could not write to standard output: it is closed; send it to a file or a pipe"
                ),
                "\(command): \(result.err)")
        }
    }
}

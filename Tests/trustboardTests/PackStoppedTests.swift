import Foundation
import Testing
import TrustGenerator

/// `trustboard pack` asked to stop part way (Ctrl-C, SIGTERM, SIGHUP): it ends by that
/// signal and leaves neither a pack nor the part of one it had written.
@Suite("Board pack stopped part way")
struct PackStoppedTests {
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func stoppedItLeavesNothing(signal: Int32) throws {
        let folder = try TemporaryFolder()
        let files = folder.url.appendingPathComponent("drop")
        // 600 academies: a pack of a second or two, long enough to stop part way.
        _ = try NationalScaleWriter(academies: 600, seed: 3).write(to: files)
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, files.path])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let packs = folder.url.appendingPathComponent("packs")
        try FileManager.default.createDirectory(at: packs, withIntermediateDirectories: false)
        let pack = Process()
        pack.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        pack.arguments = ["pack", "--store", store, "--out", packs.appendingPathComponent("pack.html").path]
        pack.standardError = FileHandle.nullDevice
        try pack.run()
        // Stopped once the part written has begun.
        let deadline = Date().addingTimeInterval(60)
        var partial: String?
        while partial == nil, Date() < deadline, pack.isRunning {
            partial = try FileManager.default.contentsOfDirectory(atPath: packs.path).first {
                $0.hasPrefix("pack.html.partial-")
            }
            if partial == nil { usleep(2_000) }
        }
        try #require(partial != nil, "the pack never began its file")
        kill(pack.processIdentifier, signal)
        pack.waitUntilExit()
        #expect(pack.terminationReason == .uncaughtSignal)
        #expect(pack.terminationStatus == signal)
        #expect(try FileManager.default.contentsOfDirectory(atPath: packs.path).isEmpty)
    }
}

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

    /// The processes of process group `group` that are not zombies, by /proc.
    static func running(inGroup group: Int32) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.filter { Int32($0) != nil }.compactMap { pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.lastIndex(of: ")")
            else { return nil }
            // After "pid (name) ": state, ppid, pgrp.
            let fields = stat[stat.index(after: close)...].split(separator: " ")
            guard fields.count > 2, Int32(fields[2]) == group, fields[0] != "Z" else { return nil }
            return stat
        }
    }

    /// Stopped while Chromium prints the PDF: the Chromium (its launcher, browser and
    /// helpers, one process group) is ended too, so that it cannot write the PDF's part
    /// once removed, and an earlier PDF is left as it was.
    @Test(.enabled(if: PackEndToEndTests.canPrint))
    func stoppedWhilePrintingItLeavesTheEarlierPDF() throws {
        let folder = try TemporaryFolder()
        let pdf = folder.path("pack.pdf")
        try Data("an earlier pack".utf8).write(to: URL(fileURLWithPath: pdf))
        let pack = Process()
        pack.executableURL = URL(fileURLWithPath: CommandRunner.binary)
        pack.arguments = [
            "--store", folder.path("none.sqlite"), "pack", "--out", folder.path("pack.html"), "--pdf", pdf,
        ]
        pack.standardError = FileHandle.nullDevice
        try pack.run()
        // Stopped once Chromium has started: trustboard's child.
        let children = "/proc/\(pack.processIdentifier)/task/\(pack.processIdentifier)/children"
        let deadline = Date().addingTimeInterval(60)
        var chromium: Int32?
        while chromium == nil, Date() < deadline, pack.isRunning {
            chromium = (try? String(contentsOfFile: children, encoding: .utf8))?
                .split(separator: " ").first.flatMap { Int32($0) }
            if chromium == nil { usleep(2_000) }
        }
        let group = try #require(chromium, "Chromium never started")
        usleep(300_000)
        kill(pack.processIdentifier, SIGTERM)
        pack.waitUntilExit()
        #expect(pack.terminationReason == .uncaughtSignal)
        #expect(pack.terminationStatus == SIGTERM)
        // Nothing of Chromium's process group is left running (killed helpers may wait a
        // moment as zombies for whoever adopts them), and it wrote nothing after.
        usleep(1_000_000)
        #expect(Self.running(inGroup: group).isEmpty, "\(Self.running(inGroup: group))")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == [
                "pack.html", "pack.pdf",
            ])
        #expect(try String(contentsOfFile: pdf, encoding: .utf8) == "an earlier pack")
    }
}

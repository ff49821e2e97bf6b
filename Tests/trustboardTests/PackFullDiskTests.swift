import Foundation
import Testing

/// `trustboard pack` onto a disk that fills part way: a 64 KB tmpfs, far smaller than the
/// sample trust's pack. Mounting one needs root and a system that allows it, so the suite
/// runs only where a trial mount succeeds.
@Suite("Board pack onto a full disk", .enabled(if: SmallDisk.mountable, "needs root and tmpfs mounts"))
struct PackFullDiskTests {
    @Test func aFullDiskIsReportedWithWhatToDoAndLeavesNothing() throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let out = disk.path + "/pack.html"
        let store = disk.path + "-none.sqlite"
        let failed = try CommandRunner.run(["--store", store, "pack", "--out", out], timeLimit: 120)
        #expect(failed.status == 1)
        #expect(
            failed.stderr.contains(
                "could not write the pack to \(out): No space left on device; free some space on that "
                    + "disk, or give --out a path on another one"),
            "\(failed.stderr)")
        // Neither the pack nor the part of it written is left on the disk.
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).isEmpty)
    }
}

/// A 64 KB tmpfs mounted on a new folder.
struct SmallDisk {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory.appendingPathComponent("small-disk-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", path]
        mount.standardError = FileHandle.nullDevice
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else {
            try? FileManager.default.removeItem(atPath: path)
            throw CocoaError(.fileWriteNoPermission)
        }
    }

    func unmount() {
        let umount = Process()
        umount.executableURL = URL(fileURLWithPath: "/bin/umount")
        umount.arguments = [path]
        try? umount.run()
        umount.waitUntilExit()
        try? FileManager.default.removeItem(atPath: path)
    }

    /// True when this process may mount a tmpfs: tried once, on a folder unmounted at once.
    static let mountable: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/bin/mount") else { return false }
        guard let disk = try? SmallDisk() else { return false }
        disk.unmount()
        return true
    }()
}

/// `trustboard report` sent to a file on a disk that fills part way: a clear message and
/// status 1, where Foundation's `FileHandle.write` crashed with a backtrace.
@Suite("Report onto a full disk", .enabled(if: SmallDisk.mountable, "needs root and tmpfs mounts"))
struct ReportFullDiskTests {
    @Test(arguments: ["csv", "text"])
    func aFullDiskIsReportedWithWhatToDo(format: String) throws {
        let disk = try SmallDisk()
        defer { disk.unmount() }
        let shell = Process()
        shell.executableURL = URL(fileURLWithPath: "/bin/sh")
        let store = disk.path + "-none.sqlite"
        shell.arguments = [
            "-c", "exec \"$0\" --store \"$1\" report --format \"$2\" > \"$3\"", CommandRunner.binary, store,
            format,
            disk.path + "/report.txt",
        ]
        let errors = Pipe()
        shell.standardError = errors
        try shell.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        shell.waitUntilExit()
        #expect(shell.terminationReason == .exit)
        #expect(shell.terminationStatus == 1)
        #expect(
            message.contains(
                "trustboard: could not write to standard output: No space left on device; free some space "
                    + "on that disk, or send the output to another one"),
            "\(message)")
        #expect(!message.contains("Fatal error"))
    }
}

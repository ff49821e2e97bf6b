import Foundation
import Testing

@testable import Metrics

#if canImport(Glibc)
    import Glibc
#endif

/// Paths that are not readable data-drop files say what is really wrong with them.
@Suite("Reading files from disk: what is wrong with a path that cannot be read")
struct FileOnDiskTests {
    /// A folder of its own for one test, removed when the test ends.
    private func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("metrics-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    private let academies = "urn,name,phase\n100001,Oak Primary,primary\n"

    /// Before: "no such file; check the path and the file's name".
    @Test func aSymbolicLinkLoopSaysSo() throws {
        try withFolder { folder in
            let link = folder + "/loop.csv"
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: link)
            #expect(
                Fixtures.errors(DropReader().read(paths: [link])) == [
                    "\(link): is a symbolic link that leads round in a loop (or through too many links); "
                        + "point the link at the data-drop file, or name the file itself"
                ])
        }
    }

    /// Before: "no such file", though a link is there.
    @Test func aLinkToNothingNamesWhereItPoints() throws {
        try withFolder { folder in
            let link = folder + "/drop.csv"
            try FileManager.default.createSymbolicLink(
                atPath: link, withDestinationPath: folder + "/moved.csv")
            #expect(
                Fixtures.errors(DropReader().read(paths: [link])) == [
                    "\(link): is a symbolic link to '\(folder)/moved.csv', which does not exist; "
                        + "point the link at the data-drop file, or name the file itself"
                ])
        }
    }

    /// A link to a real file is read as the file.
    @Test func aLinkToAFileIsReadAsTheFile() throws {
        try withFolder { folder in
            try Data(academies.utf8).write(to: URL(fileURLWithPath: folder + "/real.csv"))
            try FileManager.default.createSymbolicLink(
                atPath: folder + "/drop.csv", withDestinationPath: folder + "/real.csv")
            let batch = DropReader().read(paths: [folder + "/drop.csv"])
            #expect(batch.isValid)
            #expect(batch.academies.map(\.record.name) == ["Oak Primary"])
        }
    }

    /// Before: "is a folder; check its permissions", and the batch could not be stored.
    @Test func aFolderNamedLikeACSVFileInAFolderIsSkippedWithAWarning() throws {
        try withFolder { folder in
            try FileManager.default.createDirectory(
                atPath: folder + "/old.csv", withIntermediateDirectories: false)
            try Data(academies.utf8).write(to: URL(fileURLWithPath: folder + "/academies.csv"))
            let batch = DropReader().read(paths: [folder])
            #expect(batch.isValid)
            #expect(batch.files.map(\.name) == [folder + "/academies.csv"])
            #expect(
                batch.warnings.map(\.description) == [
                    "\(folder)/old.csv: warning: is a folder, not a regular file, so it was skipped; "
                        + "only the regular files among a folder's *.csv are read; "
                        + "rename it if it is not a data-drop file"
                ])
        }
    }

    /// A folder that holds only things that are not files has nothing to read: an error.
    @Test func aFolderOfNothingButFoldersHasNoFileToRead() throws {
        try withFolder { folder in
            try FileManager.default.createDirectory(
                atPath: folder + "/old.csv", withIntermediateDirectories: false)
            let batch = DropReader().read(paths: [folder])
            #expect(
                Fixtures.errors(batch) == [
                    "\(folder): holds no .csv files that are regular files; "
                        + "name the data-drop files, or a folder that holds them"
                ])
        }
    }

    /// A device named as a file is an error, and is never read (`/dev/zero` never ends).
    @Test func aDeviceIsNotRead() {
        let batch = DropReader().read(paths: ["/dev/zero"])
        #expect(
            Fixtures.errors(batch) == [
                "/dev/zero: is a device, not a regular file; "
                    + "trustboard reads regular files only: save the data to a file and ingest that"
            ])
    }

    /// Before: "no such file", though the trouble is in the folders above it.
    @Test func aFileInThePlaceOfAFolderSaysSo() throws {
        try withFolder { folder in
            try Data(academies.utf8).write(to: URL(fileURLWithPath: folder + "/academies.csv"))
            let path = folder + "/academies.csv/drop.csv"
            #expect(
                Fixtures.errors(DropReader().read(paths: [path])) == [
                    "\(path): no such file: a part of the path before the name is a file, not a folder; "
                        + "check the path"
                ])
        }
    }

    /// Reading stops at a limit, and a file of any size is read whole.
    @Test func contentsAreReadWholeOrUpToALimit() throws {
        try withFolder { folder in
            // 200,000 bytes: more than one 65,536-byte read past the size `fstat` gave.
            let bytes = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/big.csv"))
            #expect(try FileOnDisk.contents(of: folder + "/big.csv").get() == bytes)
            #expect(
                try FileOnDisk.contents(of: folder + "/big.csv", upTo: 10).get() == Array(bytes.prefix(10)))
            try Data().write(to: URL(fileURLWithPath: folder + "/empty.csv"))
            #expect(try FileOnDisk.contents(of: folder + "/empty.csv").get() == [])
        }
    }
}

import Foundation
import Testing

@testable import Metrics

/// Files are mapped rather than copied, and the pages read are given back; none of that
/// may change a byte the reader sees.
@Suite struct MappedFileTests {
    /// Writes `bytes` to a new file and returns its path.
    static func file(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "mapped-\(UUID().uuidString).csv"
        ).path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func bytesReadAfterTheirPagesAreReleasedAreTheFilesBytes() throws {
        // Three pages and a bit of every byte value, so a page given back and read again
        // must come back from the file itself.
        let bytes = (0..<(3 * 16_384 + 100)).map { UInt8(truncatingIfNeeded: $0 * 31 + 7) }
        let path = try Self.file(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .success(let mapped) = FileOnDisk.mapped(path) else {
            Issue.record("not mapped")
            return
        }
        #expect(Array(mapped.bytes) == bytes)
        mapped.release(0..<bytes.count)
        mapped.release(5..<20_000)
        #expect(Array(mapped.bytes) == bytes)
    }

    @Test func anEmptyFileIsMappedAsNoBytes() throws {
        let path = try Self.file([])
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .success(let mapped) = FileOnDisk.mapped(path) else {
            Issue.record("not read")
            return
        }
        #expect(mapped.bytes.isEmpty)
    }

    @Test func aFolderIsNotMapped() {
        guard case .failure(let problem) = FileOnDisk.mapped(FileManager.default.temporaryDirectory.path)
        else {
            Issue.record("a folder was mapped")
            return
        }
        #expect(problem.problem == "is a folder, not a regular file")
        #expect(problem.isNotAFile)
    }

    /// A UTF-8 file is read where it lies: the text is the bytes after the byte-order mark.
    @Test func utf8IsReadInPlace() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("urn,name\n".utf8)
        let decoded = try bytes.withUnsafeBufferPointer { try CSVText.decode($0) }
        guard case .inPlace(let range, let encoding) = decoded else {
            Issue.record("copied")
            return
        }
        #expect(range == 3..<12)
        #expect(encoding == .utf8)
    }
}

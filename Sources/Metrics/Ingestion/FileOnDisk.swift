import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads data-drop files from disk: regular files only, and says exactly why anything else
/// cannot be read.
///
/// Opening a named pipe for reading waits for a writer, for ever if none comes, and a device
/// such as `/dev/zero` never ends; so the kind of a path is looked at before it is opened,
/// and again on the opened file (opened without waiting), in case the path changed between.
public enum FileOnDisk {
    /// Why a path cannot be read, in words for the user.
    public struct Problem: Error, Hashable, Sendable {
        /// What is wrong, such as "is a named pipe (FIFO), not a regular file".
        public var problem: String
        /// What to do about it.
        public var fix: String
        /// True when the path is something other than a file (a folder, a pipe, a device, a
        /// socket): found in a folder, it is skipped rather than an error.
        public var isNotAFile: Bool
    }

    /// The bytes of the regular file at `path` (following symbolic links), at most `limit`
    /// of them, or why it cannot be read.
    public static func contents(of path: String, upTo limit: Int = Int.max) -> Result<[UInt8], Problem> {
        var info = stat()
        if stat(path, &info) != 0 { return .failure(problem(path, errno)) }
        if let kind = kind(info.st_mode) { return .failure(notAFile(kind)) }
        // Without waiting: were the path a pipe by now, opening it would wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { return .failure(problem(path, errno)) }
        defer { close(descriptor) }
        if fstat(descriptor, &info) != 0 { return .failure(problem(path, errno)) }
        if let kind = kind(info.st_mode) { return .failure(notAFile(kind)) }
        return readAll(descriptor, expected: Int(info.st_size), limit: limit)
    }

    /// The regular file at `path` (following symbolic links) mapped into memory, or why it
    /// cannot be read; the same checks as `contents(of:)`.
    public static func mapped(_ path: String) -> Result<MappedFile, Problem> {
        var info = stat()
        if stat(path, &info) != 0 { return .failure(problem(path, errno)) }
        if let kind = kind(info.st_mode) { return .failure(notAFile(kind)) }
        // Without waiting: were the path a pipe by now, opening it would wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { return .failure(problem(path, errno)) }
        defer { close(descriptor) }
        if fstat(descriptor, &info) != 0 { return .failure(problem(path, errno)) }
        if let kind = kind(info.st_mode) { return .failure(notAFile(kind)) }
        do {
            return .success(try MappedFile(descriptor: descriptor, size: Int(info.st_size)))
        } catch {
            return .failure(error)
        }
    }

    /// Reads to the end, or to `limit`: in one read for a file of the size `fstat` gave, in
    /// more for one that grew meanwhile.
    static func readAll(_ descriptor: Int32, expected: Int, limit: Int) -> Result<[UInt8], Problem> {
        var bytes = [UInt8](repeating: 0, count: min(expected, limit))
        var filled = 0
        while true {
            if filled == bytes.count {
                if filled >= limit { break }
                bytes.append(contentsOf: repeatElement(0, count: min(65_536, limit - filled)))
            }
            let count = bytes.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(descriptor, base + filled, buffer.count - filled)
            }
            if count == 0 { break }
            if count < 0 {
                let code = errno
                if code == EINTR { continue }
                return .failure(
                    Problem(
                        problem: "cannot be read: \(reason(code))",
                        fix: "check the disk it is on, or copy the file elsewhere and ingest the copy",
                        isNotAFile: false))
            }
            filled += count
        }
        bytes.removeLast(bytes.count - filled)
        return .success(bytes)
    }

    /// "a folder", "a named pipe (FIFO)"…, or nil for a regular file.
    private static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFIFO: "a named pipe (FIFO)"
        case S_IFSOCK: "a socket"
        case S_IFCHR, S_IFBLK: "a device"
        default: "not a file"
        }
    }

    private static func notAFile(_ kind: String) -> Problem {
        Problem(
            problem: "is \(kind), not a regular file",
            fix: "trustboard reads regular files only: save the data to a file and ingest that",
            isNotAFile: true)
    }

    /// The problem `stat` or `open` met, told from what is at the path.
    private static func problem(_ path: String, _ code: Int32) -> Problem {
        switch code {
        case ENOENT:
            var info = stat()
            if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
                return Problem(
                    problem: "is a symbolic link to '\(target)', which does not exist",
                    fix: "point the link at the data-drop file, or name the file itself", isNotAFile: false)
            }
            return Problem(
                problem: "no such file", fix: "check the path and the file's name", isNotAFile: false)
        case ELOOP:
            return Problem(
                problem: "is a symbolic link that leads round in a loop (or through too many links)",
                fix: "point the link at the data-drop file, or name the file itself", isNotAFile: false)
        case ENOTDIR:
            return Problem(
                problem: "no such file: a part of the path before the name is a file, not a folder",
                fix: "check the path", isNotAFile: false)
        case EACCES, EPERM:
            return Problem(
                problem: "cannot be read: permission denied",
                fix: "check the file's permissions, and that you may open the folders above it",
                isNotAFile: false)
        case ENXIO:
            return Problem(
                problem: "is a socket or a device with nothing behind it, not a regular file",
                fix: "trustboard reads regular files only: save the data to a file and ingest that",
                isNotAFile: true)
        case ENAMETOOLONG:
            return Problem(problem: "the path is too long", fix: "give a shorter path", isNotAFile: false)
        default:
            return Problem(
                problem: "cannot be read: \(reason(code))", fix: "check the file", isNotAFile: false)
        }
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

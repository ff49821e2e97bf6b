#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Makes the store's file and the folders above it, readable by their owner alone.
///
/// A store holds pupil-level counts for small groups, so it is created private: folders 0700,
/// the file 0600 before SQLite writes a byte. SQLite gives its `-wal` and `-shm` files the
/// mode of the database file, so they are private too. A file that was there already is
/// made private when a store is made in it.
enum StoreFile {
    /// True when a regular file exists at `path`.
    static func exists(at path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Creates the missing folders of `path` (mode 0700) and an empty file at `path` (mode
    /// 0600), unless a file is already there.
    static func createPrivately(at path: String) throws(StoreError) {
        if exists(at: path) { return }
        try createFolders(above: path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            let code = errno
            // Someone else made it between the check and here: open it as theirs.
            if code == EEXIST, exists(at: path) { return }
            throw .cannotCreateFile(path: path, reason: reason(code))
        }
        // The umask may have taken bits away; set exactly owner read and write.
        let changed = fchmod(descriptor, 0o600)
        let code = errno
        close(descriptor)
        if changed != 0 { throw .cannotCreateFile(path: path, reason: reason(code)) }
    }

    /// Makes the file at `path` and its `-wal` and `-shm` files, where they exist, readable
    /// and writable by their owner alone: for a store being made in a file that was there
    /// already, perhaps with a wider mode.
    static func makePrivate(_ path: String) throws(StoreError) {
        for file in [path, path + "-wal", path + "-shm"] {
            guard chmod(file, 0o600) != 0 else { continue }
            let code = errno
            if code != ENOENT { throw .cannotMakePrivate(path: file, reason: reason(code)) }
        }
    }

    /// Creates each missing folder on the way to `path`'s parent, outermost first.
    private static func createFolders(above path: String) throws(StoreError) {
        var missing: [String] = []
        var folder = parent(of: path)
        while !folder.isEmpty, folder != "/", !isFolder(folder) {
            missing.append(folder)
            folder = parent(of: folder)
        }
        for folder in missing.reversed() {
            if mkdir(folder, 0o700) != 0 {
                if errno == EEXIST, isFolder(folder) { continue }
                throw .cannotCreateFolder(path: folder, reason: reason(errno))
            }
            if chmod(folder, 0o700) != 0 { throw .cannotCreateFolder(path: folder, reason: reason(errno)) }
        }
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// The path up to its last `/`, without trailing slashes: "" for a bare name.
    private static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        if slash == trimmed.startIndex { return "/" }
        return String(trimmed[..<slash])
    }

    private static func reason(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

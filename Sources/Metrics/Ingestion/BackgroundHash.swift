import Foundation

/// The SHA-256 of a file's bytes, worked out on another thread while the file is parsed:
/// hashing a 100 MB drop takes about a third of a second, and the machine has a second core.
final class BackgroundHash: @unchecked Sendable {
    // `hex` is written once by the worker before `done` is signalled, and read only
    // after waiting on `done`, so the semaphore orders every access.
    private var hex = ""
    private let done = DispatchSemaphore(value: 0)

    /// Starts hashing `bytes`.
    init(_ bytes: [UInt8]) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            hex = SHA256.hex(bytes)
            done.signal()
        }
    }

    /// Starts hashing the bytes of `file`, giving back the memory of each part once it is
    /// hashed (the reader reads it again from the page cache).
    init(_ file: MappedFile) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            let digest = SHA256.digest(UnsafeRawBufferPointer(file.bytes), hashed: file.release)
            hex = SHA256.hexString(digest)
            done.signal()
        }
    }

    /// The hash, waiting for it if need be.
    var value: String {
        done.wait()
        done.signal()
        return hex
    }
}

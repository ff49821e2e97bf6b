#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The bytes of a regular file, mapped into memory read-only rather than copied.
///
/// A national drop's attendance file is about 90 MB. Read into an array it is 90 MB of
/// memory held from start to end of the ingest; mapped, its pages come from the page cache
/// as they are read, and `release` hands back those already read, so the reader holds little
/// more than the rows it has made. Pages released and read again come back from the file.
///
/// Where the file cannot be mapped its bytes are read into memory instead, so a caller
/// never sees the difference. A file cut short by another program while it is mapped would
/// stop the reader (the system signals a read past the end); files being written while they
/// are ingested are not supported either way.
public final class MappedFile: @unchecked Sendable {
    // Immutable after init; `release` changes only which pages are resident, never the
    // bytes seen, so reading from several threads is safe.
    /// The file's bytes.
    public let bytes: UnsafeBufferPointer<UInt8>
    /// True when `bytes` is a mapping (to unmap), false when it was read into memory.
    private let isMapped: Bool

    /// Maps the `size` bytes of the open file `descriptor`, or reads them when it cannot.
    init(descriptor: Int32, size: Int) throws(FileOnDisk.Problem) {
        if size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0),
            address != MAP_FAILED
        {
            bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
            isMapped = true
            return
        }
        switch FileOnDisk.readAll(descriptor, expected: size, limit: Int.max) {
        case .success(let array):
            let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: array.count)
            _ = copy.initialize(from: array)
            bytes = UnsafeBufferPointer(copy)
            isMapped = false
        case .failure(let problem): throw problem
        }
    }

    deinit {
        if isMapped {
            munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
        } else {
            UnsafeMutableBufferPointer(mutating: bytes).deallocate()
        }
    }

    /// Gives back the memory of the whole pages within `range`, which has been read.
    public func release(_ range: Range<Int>) {
        guard isMapped, let base = bytes.baseAddress else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let start = (range.lowerBound + page - 1) / page * page
        let end = min(range.upperBound, bytes.count) / page * page
        guard end > start else { return }
        madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
    }
}

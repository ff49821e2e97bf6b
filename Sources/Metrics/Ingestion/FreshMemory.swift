import Foundation

/// Memory the process has not used before, taken from the system ahead of being written.
///
/// The first write to each page (4 KiB) of new memory stops the thread while the system
/// finds the page and clears it; on these virtual machines that is most of the time of
/// copying rows into new memory. Touching one byte a page first, where a core would
/// otherwise wait, or on two cores at once, moves that cost off the one thread that copies.
enum FreshMemory {
    /// The distance between the bytes touched: a page, or less where pages are larger.
    static let page = 4096

    /// Writes a zero into each page of `bytes[range]`. The bytes must be memory that holds
    /// nothing yet (an array's room beyond its elements), since one byte a page changes.
    static func touch(_ bytes: UnsafeMutableRawBufferPointer, _ range: Range<Int>) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "touched outside the room")
        // The first byte of the range, then the first byte of each page after it.
        let address = Int(bitPattern: base)
        var offset = range.lowerBound
        while offset < range.upperBound {
            base.storeBytes(of: 0, toByteOffset: offset, as: UInt8.self)
            offset = ((address + offset + page) & ~(page - 1)) - address
        }
    }

    /// Touches `bytes[range]` as `touch` does, half on the calling thread and half on
    /// another core.
    static func touchOnBothCores(_ bytes: UnsafeMutableRawBufferPointer, _ range: Range<Int>) {
        guard let base = bytes.baseAddress, range.count >= 4 * page else {
            touch(bytes, range)
            return
        }
        // Passed as an address: the closure runs before `concurrentPerform` returns, while
        // the caller's room is still held.
        let address = UInt(bitPattern: base)
        let count = bytes.count
        // Split at a page's first byte, so that each half touches only what one would.
        let near = Int(address) + range.lowerBound + range.count / 2
        let middle = min(range.upperBound, ((near + page - 1) & ~(page - 1)) - Int(address))
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            guard let base = UnsafeMutableRawPointer(bitPattern: address) else { return }
            let bytes = UnsafeMutableRawBufferPointer(start: base, count: count)
            touch(bytes, half == 0 ? range.lowerBound..<middle : middle..<range.upperBound)
        }
    }
}

extension Array {
    /// Reserves room for `extra` more elements and calls `body` with the raw bytes of that
    /// room (after the last element), which holds nothing yet.
    mutating func withRoom<Result>(
        for extra: Int, _ body: (UnsafeMutableRawBufferPointer) -> Result
    ) -> Result {
        let extra = Swift.max(0, extra)
        if capacity < count + extra { reserveCapacity(count + extra) }
        let used = count
        return withUnsafeMutableBufferPointer { elements in
            // The buffer's address is that of its storage even when it holds no elements:
            // the room was reserved above, so there is storage.
            let room = UnsafeMutableRawBufferPointer(
                start: elements.baseAddress.map { UnsafeMutableRawPointer($0 + used) },
                count: elements.baseAddress == nil ? 0 : extra * MemoryLayout<Element>.stride)
            return body(room)
        }
    }
}

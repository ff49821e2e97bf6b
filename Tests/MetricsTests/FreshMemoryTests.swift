import Testing

@testable import Metrics

/// The room after an array's elements, touched a byte a page before rows are copied into
/// it: the elements stay as they were, the room is as large as asked, and touching (on one
/// core or two) writes only within the range given.
@Suite("Touching an array's room before filling it")
struct FreshMemoryTests {
    @Test func theRoomFollowsTheElementsAndIsAsLargeAsAsked() {
        var numbers = Array(0..<1_000)
        let size = numbers.withRoom(for: 5_000) { room -> Int in
            // The room starts just after the last element.
            let last = room.baseAddress.map { $0.load(fromByteOffset: -8, as: Int.self) }
            #expect(last == 999)
            return room.count
        }
        #expect(size == 5_000 * MemoryLayout<Int>.stride)
        #expect(numbers.capacity >= 6_000)
        #expect(numbers == Array(0..<1_000))
    }

    @Test func anEmptyArrayHasRoomOnceReserved() {
        var empty: [UInt64] = []
        let size = empty.withRoom(for: 10) { $0.baseAddress == nil ? -1 : $0.count }
        #expect(size == 80)
        let none = empty.withRoom(for: 0) { $0.count }
        #expect(none == 0)
    }

    /// Bytes set to 0xAB, then touched over a range that starts and ends inside pages: each
    /// touched byte is the first of the range or the first of a page after it, and every
    /// byte outside the range keeps its value.
    @Test(arguments: [false, true])
    func touchingWritesOnePageByteWithinTheRangeOnly(bothCores: Bool) {
        let page = FreshMemory.page
        var bytes = [UInt8](repeating: 0xAB, count: 9 * page + 100)
        let range = (page / 2)..<(8 * page + 10)
        bytes.withUnsafeMutableBytes { raw in
            if bothCores {
                FreshMemory.touchOnBothCores(raw, range)
            } else {
                FreshMemory.touch(raw, range)
            }
        }
        // Within a byte array, pages start where the address is a multiple of the page.
        let base = bytes.withUnsafeBytes { Int(bitPattern: $0.baseAddress) }
        let wrong = bytes.indices.filter { offset in
            let pageStart = (base + offset) % page == 0
            let touched = range.contains(offset) && (offset == range.lowerBound || pageStart)
            return bytes[offset] != (touched ? 0 : 0xAB)
        }
        #expect(wrong.isEmpty, "bytes written or left wrongly: \(wrong.prefix(10))")
        // One byte for the range's start and one for each page that starts after it.
        #expect(
            bytes.filter { $0 == 0 }.count == 1
                + (range.lowerBound + 1..<range.upperBound).filter { (base + $0) % page == 0 }.count)
    }
}

/// A few number cells of a CSV row written into scratch space on the stack, then added
/// to the row's bytes in one go (`CSVRowWriter`): a national report writes about a
/// hundred bytes a row for 3.5 million rows, and appending them one at a time to an
/// array checked its room and its owner for every byte.
///
/// The caller gives room enough for what it writes: at most 23 bytes a number and 20 an
/// integer, and one per comma.
struct CellBytes {
    /// The scratch space.
    private let room: UnsafeMutableBufferPointer<UInt8>
    /// Bytes written so far.
    private(set) var count = 0

    /// Nothing written yet, into `room`.
    init(_ room: UnsafeMutableBufferPointer<UInt8>) {
        self.room = room
    }

    /// The bytes written.
    var written: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: room[0..<count]) }

    /// Appends one byte.
    mutating func byte(_ byte: UInt8) {
        room[count] = byte
        count += 1
    }

    /// Appends `cell`, bytes already written as a cell.
    mutating func append(_ cell: UnsafeBufferPointer<UInt8>) {
        guard let base = cell.baseAddress, let target = room.baseAddress else { return }
        (target + count).update(from: base, count: cell.count)
        count += cell.count
    }

    /// Appends the ASCII bytes of `text`, which has no character a cell escapes.
    mutating func plain(_ text: StaticString) {
        text.withUTF8Buffer { utf8 in
            for byte in utf8 { self.byte(byte) }
        }
    }

    /// Appends a number with exactly `decimals` places (0, 1 or 2), rounded half away
    /// from zero, or nothing for nil.
    mutating func number(_ value: Double?, decimals: Int) {
        guard let value else { return }
        let scale: Int64 = decimals == 2 ? 100 : decimals == 0 ? 1 : 10
        let scaled = Int64((value * Double(scale)).rounded(.toNearestOrAwayFromZero))
        if scaled < 0 { byte(UInt8(ascii: "-")) }
        let magnitude = scaled.magnitude
        integer(Int(magnitude / UInt64(scale)))
        guard decimals > 0 else { return }
        byte(UInt8(ascii: "."))
        let fraction = Int(magnitude % UInt64(scale))
        if decimals == 2, fraction < 10 { byte(UInt8(ascii: "0")) }
        integer(fraction)
    }

    /// Appends a whole number of 0 or more in decimal digits.
    mutating func integer(_ value: Int) {
        if value < 10 {
            byte(UInt8(truncatingIfNeeded: 0x30 + value))
            return
        }
        // Written from the last digit back, then turned round in place.
        let start = count
        var rest = value
        while rest > 0 {
            byte(UInt8(truncatingIfNeeded: 0x30 + rest % 10))
            rest /= 10
        }
        var low = start
        var high = count - 1
        while low < high {
            room.swapAt(low, high)
            low += 1
            high -= 1
        }
    }
}

import Testing

@testable import Metrics

/// A cell read as plain digits eight bytes at a time (`PlainDigits`) gives the number a
/// digit-by-digit reading gives, and nothing for any cell that is not one to eight plain
/// digits or that ends too near the end of the text to load eight bytes.
@Suite("Plain digits read eight bytes at a time")
struct PlainDigitsTests {
    /// The number the digits of `bytes[range]` write, one at a time; nil unless the range
    /// holds one to eight bytes, each an ASCII digit.
    static func reference(_ bytes: [UInt8], _ range: Range<Int>) -> Int? {
        guard (1...8).contains(range.count) else { return nil }
        var value = 0
        for byte in bytes[range] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    @Test func cellsReadAsDigitByDigit() {
        var random = SplitMix(state: 808)
        // Digits mostly, and the bytes either side of them and of their high halves.
        let pieces =
            Array("0123456789".utf8) + [
                0x20, 0x2F, 0x3A, 0x3F, 0x2C, 0x2D, 0x2B, 0x00, 0xB0, 0x39 + 0x80, 0xFF,
            ]
        for round in 0..<200_000 {
            let length = random.int(0...10)
            let before = random.int(0...3)
            let after = random.int(0...9)
            var bytes = (0..<before + length + after).map { _ in random.pick(pieces) }
            for index in before..<before + length where random.chance(90) {
                bytes[index] = UInt8(ascii: "0") + UInt8(random.int(0...9))
            }
            let range = before..<before + length
            let read = bytes.withUnsafeBufferPointer { PlainDigits.value($0, range) }
            let readable = bytes.count - before >= 8
            #expect(
                read == (readable ? Self.reference(bytes, range) : nil),
                "round \(round): \(bytes) \(range)")
        }
    }

    @Test func theLargestAndSmallest() {
        let text = Array("99999999,0,00000007,12345678,123456789,1 2,42".utf8)
        func read(_ range: Range<Int>) -> Int? {
            text.withUnsafeBufferPointer { PlainDigits.value($0, range) }
        }
        #expect(read(0..<8) == 99_999_999)
        #expect(read(9..<10) == 0)
        #expect(read(11..<19) == 7)
        #expect(read(20..<28) == 12_345_678)
        #expect(read(29..<38) == nil)
        #expect(read(39..<42) == nil)
        #expect(read(29..<29) == nil)
        // Digits, but fewer than eight bytes from their start to the end of the text.
        #expect(read(text.count - 2..<text.count) == nil)
    }
}

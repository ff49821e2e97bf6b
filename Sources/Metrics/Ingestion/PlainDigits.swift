/// A cell of one to eight ASCII digits read as a number eight bytes at a time, as nearly
/// every count and URN of a drop is written.
///
/// The digits are loaded as one little-endian integer, checked to be digits all at once,
/// and combined in three multiplications, each joining neighbouring runs of digits (one
/// and one, two and two, four and four), instead of one digit at a time with a check for
/// overflow on each: counts were a seventh of a national dry run's instructions.
enum PlainDigits {
    /// The number that `bytes[range]` writes, when the range is one to eight bytes, each an
    /// ASCII digit, and eight bytes can be read from its start; nil for anything else
    /// (spaces, signs, an empty cell, the last few bytes of the text), which the caller
    /// reads the slow way.
    @inline(__always)
    static func value(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let length = range.count
        guard length >= 1, length <= 8, bytes.count - range.lowerBound >= 8, let base = bytes.baseAddress
        else {
            return nil
        }
        let loaded = UInt64(
            littleEndian: UnsafeRawPointer(base + range.lowerBound).loadUnaligned(as: UInt64.self))
        // The range's bytes, the first lowest; the bytes after it are cleared.
        let shift = UInt64(truncatingIfNeeded: (8 &- length) &* 8)
        let kept: UInt64 = ~0 &>> shift
        let word = loaded & kept
        // Each kept byte is a digit when its high half is 3 and adding 6 leaves it 3 (0x30
        // to 0x39): with every high half 3, no byte's sum carries into the next.
        let threes = 0x3030_3030_3030_3030 & kept
        guard word & 0xF0F0_F0F0_F0F0_F0F0 == threes,
            (word &+ (0x0606_0606_0606_0606 & kept)) & 0xF0F0_F0F0_F0F0_F0F0 == threes
        else { return nil }
        // The digits' values, moved up so the last digit is the top byte: the bytes below
        // the first digit are leading zeros.
        var digits = (word & 0x0F0F_0F0F_0F0F_0F0F) &<< shift
        digits = (digits &* (10 << 8 + 1)) &>> 8 & 0x00FF_00FF_00FF_00FF
        digits = (digits &* (100 << 16 + 1)) &>> 16 & 0x0000_FFFF_0000_FFFF
        digits = (digits &* (10_000 << 32 + 1)) &>> 32
        return Int(truncatingIfNeeded: digits)
    }
}

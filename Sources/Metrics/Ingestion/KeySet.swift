/// A set of record keys packed into 64 bits (see `BatchChecker.key`), for finding a key
/// given twice among a national drop's million rows.
///
/// Open addressing with linear probing in one flat array of keys, at most three quarters
/// full: 8 bytes a slot, where a `[UInt64: UInt64]` of keys and first places took 16 bytes
/// a slot in a table of a power-of-two size and a seeded SipHash a row. Where a key was
/// first given is not kept here: the checker finds that in a second pass, only when there
/// is a duplicate at all.
struct KeySet {
    /// The keys, each with its top bit set so that 0 marks an empty slot.
    private var slots: [UInt64]
    /// Keys held.
    private var count = 0

    /// Makes a set with room for `capacity` keys before it grows.
    init(capacity: Int) {
        slots = [UInt64](repeating: 0, count: max(16, capacity / 3 * 4 + 4))
    }

    /// Adds `key` (below 2⁶³); returns false when the set held it already.
    @inline(__always)
    mutating func insert(_ key: UInt64) -> Bool {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let marked = key | 1 << 63
        let size = slots.count
        // The multiply spreads the packed fields over the top bits (Fibonacci hashing);
        // the high word of a full-width product by the size maps them onto the slots.
        let mixed = key &* 0x9E37_79B9_7F4A_7C15
        var index = Int(truncatingIfNeeded: mixed.multipliedFullWidth(by: UInt64(size)).high)
        return slots.withUnsafeMutableBufferPointer { slots in
            while true {
                let slot = slots[index]
                if slot == 0 {
                    slots[index] = marked
                    count += 1
                    return true
                }
                if slot == marked { return false }
                index += 1
                if index == size { index = 0 }
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        count = 0
        for slot in old where slot != 0 { _ = insert(slot & ~(1 << 63)) }
    }
}

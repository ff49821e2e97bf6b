/// A small dense number for each figure's small key (`FigureCalculator.smallKey`), so that
/// what is gathered per key can sit in arrays looked up by position rather than in
/// dictionaries hashed for every figure.
///
/// Every key a store can hold (a pupil group and a year group code each under 16) has a
/// fixed slot below `KPI.allCases.count << 8`; any other key is given the next slot after
/// those the first time it is seen, so `count` may grow.
struct FigureSlots {
    /// Slots given so far: every fixed one, and one per other key seen.
    private(set) var count = Self.fixedCount
    /// Slots of keys outside the fixed range, by key.
    private var others: [Int: Int] = [:]

    /// Slots every key of a store has a place among.
    static let fixedCount = KPI.allCases.count << 8

    /// The slot of `key`.
    mutating func slot(_ key: Int) -> Int {
        if key & 0xF0F0 == 0, key >> 16 < KPI.allCases.count {
            return (key >> 16) << 8 | (key >> 4 & 0xF0) | (key & 0xF)
        }
        if let slot = others[key] { return slot }
        others[key] = count
        count += 1
        return count - 1
    }

    /// Lengthens `array` with `filler` to hold every slot given so far.
    func cover<Element>(_ array: inout [Element], with filler: Element) {
        if array.count < count { array.append(contentsOf: repeatElement(filler, count: count - array.count)) }
    }
}

/// The allowed words of one column, matched against raw bytes in any case.
///
/// Matching bytes directly saves making a `String` for every enum value of every row. Each
/// word is kept as its length and its first 24 bytes packed in three integers, so a match
/// compares a few integers a word and looks at the bytes beyond the 24th, one by one, only
/// for a longer word that matched so far (`teacher_assessment`, `not_disadvantaged` and
/// the like were compared a byte at a time past the eighth, on every row); holding arrays
/// per word would cost reference counting on every row.
/// The words are found by a small hash table of those two integers rather than tried in
/// turn: a year group tried sixteen words before `all`, on every attendance row.
struct Vocabulary<Value: Sendable>: Sendable {
    /// Each allowed word in lower case, with its value.
    let entries: [([UInt8], Value)]
    /// Per entry: its length, its bytes 0–7, 8–15 and 16–23 (each little-endian,
    /// zero-padded), and its value.
    private let keys: [(length: Int, prefix: UInt64, second: UInt64, third: UInt64, value: Value)]
    /// Open addressing over `keys`: each slot holds an entry's index, or -1 for none. A
    /// word is looked for from its hash's slot on until an empty one; entries were placed in
    /// list order, so that of two equal words the first is found, as a search in turn finds.
    private let slots: [Int16]
    /// How far right a hash is shifted to give a slot: 64 less the bits of the slot count.
    private let shift: UInt64

    /// Makes a vocabulary of `words`, which must be lower case.
    init(_ words: [(String, Value)]) {
        entries = words.map { (Array($0.0.utf8), $0.1) }
        func packed(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            bytes.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }
        }
        keys = entries.map { word, value in
            (
                word.count, packed(word.prefix(8)), packed(word.dropFirst(8).prefix(8)),
                packed(word.dropFirst(16).prefix(8)), value
            )
        }
        // At most a quarter full, so that a look-up rarely probes past its first slot.
        var bits = 4
        while 1 << bits < keys.count * 4 { bits += 1 }
        shift = UInt64(64 - bits)
        var slots = [Int16](repeating: -1, count: 1 << bits)
        for (index, key) in keys.enumerated() {
            var slot = Self.slot(length: key.length, prefix: key.prefix, shift: shift)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int16(index)
        }
        self.slots = slots
    }

    /// The first slot to look in for a word of `length` whose first eight bytes are `prefix`.
    @inline(__always)
    private static func slot(length: Int, prefix: UInt64, shift: UInt64) -> Int {
        Int(
            truncatingIfNeeded: ((prefix ^ UInt64(truncatingIfNeeded: length)) &* 0x9E37_79B9_7F4A_7C15)
                &>> shift)
    }

    /// The words, for messages: "a, b, c".
    var list: String { entries.map { String(decoding: $0.0, as: UTF8.self) }.joined(separator: ", ") }

    /// The value whose word equals `bytes[range]`, ignoring ASCII case.
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        index(bytes, range).map { keys[$0].value }
    }

    /// The value of the entry at `index` (from `index(_:_:)`).
    @inline(__always)
    func value(at index: Int) -> Value { keys[index].value }

    /// The index of the entry whose word equals `bytes[range]`, ignoring ASCII case.
    func index(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int? {
        let length = range.count
        guard length > 0, let base = bytes.baseAddress else { return nil }
        let start = base + range.lowerBound
        let readable = bytes.count - range.lowerBound
        let prefix = Self.loweredPrefix(start, length: length, readable: readable)
        // Bytes 8–23, only for a word that long (else 0, as the entries hold them).
        let second =
            length > 8 ? Self.loweredPrefix(start + 8, length: length - 8, readable: readable - 8) : 0
        let third =
            length > 16 ? Self.loweredPrefix(start + 16, length: length - 16, readable: readable - 16) : 0
        return keys.withUnsafeBufferPointer { keys -> Int? in
            slots.withUnsafeBufferPointer { slots -> Int? in
                let mask = slots.count - 1
                var slot = Self.slot(length: length, prefix: prefix, shift: shift)
                while true {
                    let index = Int(slots[slot])
                    if index < 0 { return nil }
                    if keys[index].length == length, keys[index].prefix == prefix,
                        keys[index].second == second,
                        keys[index].third == third,
                        length <= 24 || matchesRest(start, length, entries[index].0)
                    {
                        return index
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
    }

    /// The first `length` (at most eight) bytes at `start`, packed little-endian with ASCII
    /// capitals in lower case: one load and a few operations on the whole word when eight
    /// bytes may be read there, else byte by byte.
    @inline(__always)
    private static func loweredPrefix(_ start: UnsafePointer<UInt8>, length: Int, readable: Int) -> UInt64 {
        guard readable >= 8 else {
            var prefix: UInt64 = 0
            for offset in 0..<min(length, 8) {
                prefix |= UInt64(lowered(start[offset])) &<< UInt64(offset &* 8)
            }
            return prefix
        }
        var word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
        if length < 8 { word &= (1 &<< UInt64(length &* 8)) &- 1 }
        // Each byte's high bit: set in `fromA` when its low seven bits are 0x41 or more, in
        // `pastZ` when 0x5B or more (no carry crosses a byte); a capital is the first
        // without the second, in a byte below 0x80. Its 0x20 bit is then set.
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let low7 = word & ~highs
        let fromA = low7 &+ ones &* (0x80 - 0x41)
        let pastZ = low7 &+ ones &* (0x80 - 0x5B)
        let capitals = fromA & ~pastZ & ~word & highs
        return word | capitals &>> 2
    }

    /// An ASCII capital letter in lower case; any other byte as it is.
    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// True when the `length` bytes at `start` after the 24th equal those of `word`, in
    /// any case.
    private func matchesRest(_ start: UnsafePointer<UInt8>, _ length: Int, _ word: [UInt8]) -> Bool {
        for offset in 24..<length where Self.lowered(start[offset]) != word[offset] { return false }
        return true
    }
}

extension Vocabulary where Value: RawRepresentable & CaseIterable, Value.RawValue == String {
    /// The vocabulary of an enum's raw values.
    init(of type: Value.Type) {
        self.init(type.allCases.map { ($0.rawValue.lowercased(), $0) })
    }
}

/// The vocabularies of the data-drop format.
enum Vocabularies {
    static let term = Vocabulary(of: Term.self)
    static let phase = Vocabulary(of: Phase.self)
    static let pupilGroup = Vocabulary(of: PupilGroup.self)
    static let subject = Vocabulary(of: Subject.self)
    /// The measures of the `scores` file; KS2 progress scores come only from the DfE's
    /// performance tables.
    static let scoreMeasure = Vocabulary(
        ScoreMeasure.allCases.filter(\.isInDropFiles).map { ($0.rawValue, $0) })
    static let basis = Vocabulary(of: AttainmentRecord.Basis.self)
    static let ofsted = Vocabulary(of: Academy.Ofsted.self)
    static let yearGroup = Vocabulary(YearGroup.allCases.reversed().map { ($0.rawValue.lowercased(), $0) })
    static let kpi = Vocabulary(KPI.allCases.map { ($0.key, $0) })
}

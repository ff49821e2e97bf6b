/// The allowed words of one column, matched against raw bytes in any case.
///
/// Matching bytes directly saves making a `String` for every enum value of every row. Each
/// word is kept as its length and its first eight bytes packed in an integer, so a match
/// compares two integers a word and looks at the bytes beyond the eighth only for the word
/// that matched so far; holding arrays per word would cost reference counting on every row.
struct Vocabulary<Value: Sendable>: Sendable {
    /// Each allowed word in lower case, with its value.
    let entries: [([UInt8], Value)]
    /// Per entry: its length, its first eight bytes (little-endian, zero-padded), and its value.
    private let keys: [(length: Int, prefix: UInt64, value: Value)]

    /// Makes a vocabulary of `words`, which must be lower case.
    init(_ words: [(String, Value)]) {
        entries = words.map { (Array($0.0.utf8), $0.1) }
        keys = entries.map { word, value in
            (
                word.count,
                word.prefix(8).enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * $1.offset) }, value
            )
        }
    }

    /// The words, for messages: "a, b, c".
    var list: String { entries.map { String(decoding: $0.0, as: UTF8.self) }.joined(separator: ", ") }

    /// The value whose word equals `bytes[range]`, ignoring ASCII case.
    func match(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Value? {
        let length = range.count
        guard length > 0, let base = bytes.baseAddress else { return nil }
        let prefix = Self.loweredPrefix(
            base + range.lowerBound, length: length, readable: bytes.count - range.lowerBound)
        return keys.withUnsafeBufferPointer { keys -> Value? in
            for index in keys.indices where keys[index].length == length && keys[index].prefix == prefix {
                if length <= 8 || matchesRest(base + range.lowerBound, length, entries[index].0) {
                    return keys[index].value
                }
            }
            return nil
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

    /// True when the `length` bytes at `start` after the eighth equal those of `word`, in
    /// any case.
    private func matchesRest(_ start: UnsafePointer<UInt8>, _ length: Int, _ word: [UInt8]) -> Bool {
        for offset in 8..<length where Self.lowered(start[offset]) != word[offset] { return false }
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

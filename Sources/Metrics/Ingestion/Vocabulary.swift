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
        var prefix: UInt64 = 0
        var shift: UInt64 = 0
        for index in range.prefix(8) {
            var byte = bytes[index]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            prefix |= UInt64(byte) << shift
            shift += 8
        }
        for (index, key) in keys.enumerated() where key.length == length && key.prefix == prefix {
            if length <= 8 || matchesRest(bytes, range, entries[index].0) { return key.value }
        }
        return nil
    }

    /// True when the bytes of `range` after the eighth equal those of `word`, in any case.
    private func matchesRest(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ word: [UInt8])
        -> Bool
    {
        var offset = 8
        for index in range.dropFirst(8) {
            var byte = bytes[index]
            if byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != word[offset] { return false }
            offset += 1
        }
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

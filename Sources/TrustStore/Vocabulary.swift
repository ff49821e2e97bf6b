import Metrics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The stored spellings of an enum's values, matched against the bytes SQLite returns.
///
/// Loading a large drop reads several of these per row; matching bytes in place, instead of
/// making a `String` and calling `init(rawValue:)`, halves the cost of a load.
struct Vocabulary<Value: Sendable>: Sendable {
    /// Every spelling, one after another.
    private let bytes: [UInt8]
    /// For each value, where its spelling starts in `bytes` and how long it is.
    private let entries: [(start: Int, count: Int, value: Value)]

    /// Makes a vocabulary of `values`, each spelled as `spelling` gives.
    init(_ values: [Value], spelling: (Value) -> String) {
        var bytes: [UInt8] = []
        var entries: [(start: Int, count: Int, value: Value)] = []
        for value in values {
            let text = Array(spelling(value).utf8)
            entries.append((bytes.count, text.count, value))
            bytes += text
        }
        self.bytes = bytes
        self.entries = entries
    }

    /// The value spelled by `text`, or nil when it spells none.
    func value(_ text: UnsafeRawBufferPointer) -> Value? {
        guard let base = text.baseAddress else { return entries.first { $0.count == 0 }?.value }
        return bytes.withUnsafeBytes { all -> Value? in
            guard let start = all.baseAddress else { return nil }
            for entry in entries where entry.count == text.count {
                if memcmp(start + entry.start, base, text.count) == 0 { return entry.value }
            }
            return nil
        }
    }
}

extension Vocabulary where Value: RawRepresentable<String> & CaseIterable, Value.AllCases == [Value] {
    /// Every case, spelled as its raw value.
    init() {
        self.init(Value.allCases) { $0.rawValue }
    }
}

/// The vocabularies of the stored enum columns.
enum Vocabularies {
    static let terms = Vocabulary<Term>()
    static let pupilGroups = Vocabulary<PupilGroup>()
    static let yearGroups = Vocabulary(YearGroup.allCases) { $0.rawValue }
    static let subjects = Vocabulary<Subject>()
    static let measures = Vocabulary<ScoreMeasure>()
    static let bases = Vocabulary<AttainmentRecord.Basis>()
    static let phases = Vocabulary<Phase>()
    static let ofstedJudgements = Vocabulary<Academy.Ofsted>()
    static let kpis = Vocabulary(KPI.allCases) { $0.key }
}

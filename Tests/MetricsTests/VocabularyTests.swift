import Testing

@testable import Metrics

/// Words matched on bytes, in any case, including words longer than the eight bytes a
/// match compares at once.
@Suite struct VocabularyTests {
    static let words = Vocabulary([
        ("autumn", 1), ("disadvantaged", 2), ("disadvantagex", 3), ("not_disadvantaged", 4), ("abcdefgh", 5),
        ("abcdefghi", 6),
    ])

    static func match(_ text: String) -> Int? {
        let bytes = Array(("  " + text + "  ").utf8)
        return bytes.withUnsafeBufferPointer { words.match($0, 2..<bytes.count - 2) }
    }

    @Test func wordsOfEveryLengthMatchInAnyCase() {
        #expect(Self.match("autumn") == 1)
        #expect(Self.match("AUTUMN") == 1)
        #expect(Self.match("Disadvantaged") == 2)
        #expect(Self.match("DISADVANTAGEX") == 3)
        #expect(Self.match("not_DISADVANTAGED") == 4)
        #expect(Self.match("abcdefgh") == 5)
        #expect(Self.match("ABCDEFGHI") == 6)
    }

    /// The same first eight bytes are not enough, nor the right bytes at another length.
    @Test func nearMissesDoNotMatch() {
        #expect(Self.match("disadvantagey") == nil)
        #expect(Self.match("disadvantage") == nil)
        #expect(Self.match("disadvantagedd") == nil)
        #expect(Self.match("autum") == nil)
        #expect(Self.match("autumn_") == nil)
        #expect(Self.match("abcdefgj") == nil)
        #expect(Self.match("") == nil)
        // Only A–Z fold to lower case: "_" (0x5F) folded like a letter would be DEL (0x7F),
        // so DEL must not match the "_" of a word.
        #expect(Self.match("not\u{7F}disadvantaged") == nil)
    }

    /// Words longer than 8, 16 and 24 bytes are compared whole, in any case: a word that
    /// differs only in its 9th–16th, 17th–24th or a later byte does not match, read with
    /// bytes to spare after it or at the very end of the text.
    @Test func longWordsAreComparedPastEachEightBytes() {
        let word = "teacher_assessment_and_more_of_it"
        let long = Vocabulary([
            ("teacher_assessment", 1), ("teacher_assessmenx", 2), ("teacher_assessment_and_mor", 3),
            (word, 4), ("abcdefgh_abcdefg", 5),
        ])
        func match(_ text: String, atEnd: Bool) -> Int? {
            let spare = String(repeating: " ", count: 30)
            let bytes = Array(((atEnd ? "" : "  ") + text + (atEnd ? "" : spare)).utf8)
            let start = atEnd ? 0 : 2
            return bytes.withUnsafeBufferPointer { long.match($0, start..<start + text.utf8.count) }
        }
        for atEnd in [false, true] {
            #expect(match("Teacher_Assessment", atEnd: atEnd) == 1)
            #expect(match("TEACHER_ASSESSMENX", atEnd: atEnd) == 2)
            #expect(match("teacher_assessmenY", atEnd: atEnd) == nil)
            #expect(match("teacher_assessment_and_mor", atEnd: atEnd) == 3)
            #expect(match("teacher_assessment_and_moR", atEnd: atEnd) == 3)
            #expect(match("teacher_assessment_and_mox", atEnd: atEnd) == nil)
            #expect(match(word.uppercased(), atEnd: atEnd) == 4)
            #expect(match(String(word.dropLast()) + "u", atEnd: atEnd) == nil)
            #expect(match("teacher_assessment_and_more_of_i", atEnd: atEnd) == nil)
            #expect(match("ABCDEFGH_ABCDEFG", atEnd: atEnd) == 5)
            #expect(match("abcdefgh_abcdefh", atEnd: atEnd) == nil)
            #expect(match("abcdefgi_abcdefg", atEnd: atEnd) == nil)
        }
        let bytes = Array("xx teacher_assessment".utf8)
        #expect(bytes.withUnsafeBufferPointer { long.index($0, 3..<bytes.count) } == 0)
        #expect(long.value(at: 3) == 4)
    }

    /// Every byte value, alone and before a word's last seven letters, read with eight bytes
    /// to spare (one load) and at the very end of the text (byte by byte): only A–Z and
    /// a–z match the lower-case letter.
    @Test func everyByteValueFoldsOnlyCapitals() {
        let letters = Vocabulary((0..<26).map { (String(UnicodeScalar(UInt8(0x61 + $0))), $0) })
        let long = Vocabulary((0..<26).map { (String(UnicodeScalar(UInt8(0x61 + $0))) + "bcdefgh", $0) })
        for byte in UInt8.min...UInt8.max {
            let expected: Int? =
                (0x41...0x5A).contains(byte)
                ? Int(byte - 0x41) : (0x61...0x7A).contains(byte) ? Int(byte - 0x61) : nil
            let spare = [byte] + Array("        ".utf8)
            let atEnd = Array("xx".utf8) + [byte]
            #expect(spare.withUnsafeBufferPointer { letters.match($0, 0..<1) } == expected, "byte \(byte)")
            #expect(
                atEnd.withUnsafeBufferPointer { letters.match($0, 2..<3) } == expected,
                "byte \(byte) at the end")
            let word = [byte] + Array("BCDEFGH".utf8)
            #expect(
                word.withUnsafeBufferPointer { long.match($0, 0..<8) } == expected, "byte \(byte) in a word")
            let shortAtEnd = Array("x".utf8) + [byte] + Array("bcdefg".utf8)
            #expect(
                shortAtEnd.withUnsafeBufferPointer { long.match($0, 1..<8) } == nil,
                "seven bytes never match eight")
        }
    }

    /// Words found by the table rather than in turn: each of 300 words (which crowd the
    /// slots, many sharing their first eight bytes) is found, in any case, and no other; of
    /// a word given twice the first value is found; an empty vocabulary finds nothing.
    @Test func manyWordsEachFoundAndTheFirstOfTwoEqualWords() {
        let names = (0..<300).map { "word_\($0 % 10)_\($0)" }
        let many = Vocabulary(names.enumerated().map { ($0.element, $0.offset) })
        for (index, name) in names.enumerated() {
            let bytes = Array(name.uppercased().utf8)
            #expect(bytes.withUnsafeBufferPointer { many.match($0, 0..<bytes.count) } == index, "\(name)")
        }
        let missing = Array("word_1_300".utf8)
        #expect(missing.withUnsafeBufferPointer { many.match($0, 0..<missing.count) } == nil)
        let twice = Vocabulary([("spring", 1), ("summer", 2), ("spring", 3)])
        let spring = Array("Spring".utf8)
        #expect(spring.withUnsafeBufferPointer { twice.match($0, 0..<spring.count) } == 1)
        let none = Vocabulary<Int>([])
        #expect(spring.withUnsafeBufferPointer { none.match($0, 0..<spring.count) } == nil)
    }

    /// Every word of the data-drop format's vocabularies finds its own value.
    @Test func everyWordOfTheFormatIsFound() {
        func check<Value: Equatable>(_ vocabulary: Vocabulary<Value>) {
            for (word, value) in vocabulary.entries {
                #expect(word.withUnsafeBufferPointer { vocabulary.match($0, 0..<word.count) } == value)
            }
        }
        check(Vocabularies.term)
        check(Vocabularies.phase)
        check(Vocabularies.pupilGroup)
        check(Vocabularies.subject)
        check(Vocabularies.scoreMeasure)
        check(Vocabularies.basis)
        check(Vocabularies.ofsted)
        check(Vocabularies.yearGroup)
        check(Vocabularies.kpi)
    }
}

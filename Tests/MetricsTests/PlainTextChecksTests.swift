import Testing

@testable import Metrics

/// The checks of an academies row's text that take plain ASCII at a glance (a name by
/// `NameRules.plainASCII`, a date by `DropFileParser.plainDate`) decide every text as the
/// checks by scalars and by parts decide it: generated names and dates that keep the
/// rules, break them by a byte, or come near their limits.
@Suite("Plain names and dates checked at a glance")
struct PlainTextChecksTests {
    /// Characters a generated name is made of: printable ASCII, spaces, controls, line
    /// breaks, DEL, a C1 control, accents, a zero-width space, a bidi override and a mark,
    /// an emoji and a combining accent.
    static let pieces: [String] = [
        "a", "Z", "0", "9", "'", "-", "&", "~", " ", " ", " ", "\t", "\n", "\r", "\r\n", "\u{7F}", "\u{85}",
        "\u{1B}", "é", "Ö", "\u{200B}", "\u{202E}", "\u{200E}", "\u{FEFF}", "\u{AD}", "😀", "e\u{301}",
        "\u{3000}", "\u{A0}",
    ]

    @Test func namesAreJudgedAsScalarByScalar() {
        var random = SplitMix(state: 14_011)
        for round in 0..<20_000 {
            // Mostly around the longest allowed, and mostly plain.
            let length = random.chance(30) ? random.int(195...205) : random.int(0...12)
            let plain = random.chance(60)
            var name = ""
            for _ in 0..<length {
                name += plain ? random.pick(Array(Self.pieces.prefix(11))) : random.pick(Self.pieces)
            }
            for breaks in [false, true] {
                let fast = NameRules.problem(in: name, allowingLineBreaks: breaks)
                let slow = NameRules.problemScalarByScalar(in: name, allowingLineBreaks: breaks)
                #expect(fast == slow, "round \(round): \(name.debugDescription)")
            }
        }
    }

    @Test func plainNamesAreTakenAtAGlance() {
        #expect(NameRules.plainASCII("Oakmead C of E Primary Academy") == true)
        #expect(NameRules.plainASCII("   ") == false)
        #expect(NameRules.plainASCII("") == false)
        #expect(NameRules.plainASCII(String(repeating: "a", count: 200)) == true)
        #expect(NameRules.plainASCII(String(repeating: "a", count: 201)) == nil)
        #expect(NameRules.plainASCII("St Mary's\tAcademy") == nil)
        #expect(NameRules.plainASCII("Ysgol Gymraeg Bro Ôgwr") == nil)
        #expect(NameRules.problem(in: "   ") == .invisible)
    }

    @Test func datesAreJudgedAsByParts() {
        var random = SplitMix(state: 2_612)
        let bytes = Array("0123456789-+ /a".utf8) + [0xC3, 0xA9]
        for round in 0..<50_000 {
            var date: [UInt8]
            if random.chance(70) {
                // Near a real date: a year from 1890 to 2210, a month to 13, a day to 32.
                let text =
                    String(random.int(1890...2210)) + "-" + Self.twoDigits(random.int(0...13)) + "-"
                    + Self.twoDigits(random.int(0...32))
                date = Array(text.utf8)
                if random.chance(20) { date[random.int(0...date.count - 1)] = random.pick(bytes) }
            } else {
                date = (0..<random.int(8...12)).map { _ in random.pick(bytes) }
            }
            let text = String(decoding: date, as: UTF8.self)
            #expect(
                DropFileParser.isDate(text) == DropFileParser.isDateByParts(text),
                "round \(round): \(text.debugDescription)")
        }
    }

    @Test func plainDatesAreTakenAtAGlance() {
        #expect(DropFileParser.plainDate("2021-09-01") == true)
        #expect(DropFileParser.plainDate("2024-02-29") == true)
        #expect(DropFileParser.plainDate("2023-02-29") == false)
        #expect(DropFileParser.plainDate("2000-02-29") == true)
        #expect(DropFileParser.plainDate("2100-02-29") == false)
        #expect(DropFileParser.plainDate("2021-04-31") == false)
        #expect(DropFileParser.plainDate("1899-12-31") == false)
        #expect(DropFileParser.plainDate("2021-00-10") == false)
        #expect(DropFileParser.plainDate("2021-+1-01") == nil)
        #expect(DropFileParser.isDate("2021-+1-01") == DropFileParser.isDateByParts("2021-+1-01"))
        #expect(DropFileParser.plainDate("2021/09/01") == nil)
        #expect(DropFileParser.plainDate("2021-9-1") == nil)
    }

    private static func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}

import Foundation
import Testing

@testable import Metrics

/// Text a terminal would obey, for the tests of issue 15.
enum Hostile {
    /// Sequences a terminal obeys: a hidden link, the other screen, a window title ended
    /// by BEL, and clearing the screen.
    static let sequences = [
        "\u{1B}]8;;http://evil.example/\u{1B}\\", "\u{1B}[?1049h", "\u{1B}]0;title\u{07}", "\u{1B}[2J",
    ]

    /// True when `text` holds a character that a terminal acts on: any C0 control but LF,
    /// DEL, or a C1 control.
    static func reachesTheTerminal(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    /// The messages of a batch.
    static func messages(_ batch: DropBatch) -> [String] { batch.issues.map(\.description) }
}

/// Text from outside printed escaped (issue 15, "Control characters reach the
/// terminal"): `TerminalText` itself, and the messages that quote file names, columns and
/// values.
@Suite("Text from outside is printed escaped")
struct TerminalTextTests {
    @Test("inline escapes every control, the separators and the bidi controls; message keeps LF")
    func inlineAndMessage() {
        let text = "A\u{1B}]0;t\u{07}\tB\r\nC\u{9B}D\u{7F}\u{2028}\u{202E}\u{2066}E\u{200F}"
        #expect(
            TerminalText.inline(text)
                == "A\\u{1B}]0;t\\u{7}\\tB\\r\\nC\\u{9B}D\\u{7F}\\u{2028}\\u{202E}\\u{2066}E\\u{200F}")
        #expect(
            TerminalText.message(text)
                == "A\\u{1B}]0;t\\u{7}\\tB\\r\nC\\u{9B}D\\u{7F}\\u{2028}\\u{202E}\\u{2066}E\\u{200F}")
        // Escapes hold no control character, so cleaning again changes nothing.
        #expect(TerminalText.message(TerminalText.message(text)) == TerminalText.message(text))
        // Names of every script are left alone, joiners and all.
        let names = "Ysgol Glan-y-Môr, 学校, مدرسة, e\u{301}, 👨\u{200D}👩\u{200D}👧"
        #expect(TerminalText.inline(names) == names)
    }

    @Test("shown escapes invisible characters too, and cuts at 60 characters")
    func shown() {
        #expect(TerminalText.shown("urn\u{200B}\u{FEFF}\u{AD}") == "urn\\u{200B}\\u{FEFF}\\u{AD}")
        // A variation selector shows as part of the character before it.
        #expect(TerminalText.shown("❤\u{FE0F}") == "❤\u{FE0F}")
        #expect(
            TerminalText.shown(String(repeating: "a", count: 61)) == String(repeating: "a", count: 60) + "…")
    }

    @Test("a report keeps tabs, line breaks and CR, and loses only what changes a terminal")
    func report() {
        let csv = "drop,academy\n2024/25-autumn,\"A\r\nB\tC\"\n"
        #expect(TerminalText.report(csv) == csv)
        #expect(
            TerminalText.report("A\u{1B}[2J,\u{07}\u{9B}\u{7F}\n") == "A\\u{1B}[2J,\\u{7}\\u{9B}\\u{7F}\n")
        // U+00C2 followed by an ordinary character is no C1 control.
        #expect(TerminalText.report("Â¢\n") == "Â¢\n")
    }

    @Test(
        "a file name with an escape sequence is printed escaped in every message",
        arguments: Hostile.sequences)
    func escapeInFileName(sequence: String) {
        let name = "academies\(sequence).csv"
        let batch = Fixtures.read([(name, "urn,name,phase\n900101,Alpha,primary,extra\n")])
        let messages = Hostile.messages(batch)
        #expect(!messages.isEmpty)
        #expect(!messages.contains(where: Hostile.reachesTheTerminal), "\(messages)")
        #expect(messages.allSatisfy { $0.hasPrefix("academies\\u{1B}") }, "\(messages)")
    }

    @Test("every part of an issue is printed escaped: file, column, value, problem and fix")
    func issueEscapesEveryPart() {
        let issue = DropIssue(
            .warning, file: "a\u{1B}[2J.csv", line: 3, column: "c\u{07}", value: "v\u{9B}",
            problem: "p\r", fix: "f\u{1B}")
        #expect(
            issue.description
                == "a\\u{1B}[2J.csv:3: warning: column 'c\\u{7}', value 'v\\u{9B}': p\\r; f\\u{1B}")
    }

    @Test("a settings error names a file with an escape in it escaped")
    func configErrorEscapesTheFileName() {
        do {
            _ = try RatingConfig.parse("bogus: 1\n", file: "t\u{1B}]0;x\u{07}.yaml")
            Issue.record("accepted an unknown key")
        } catch {
            #expect(
                error.description.hasPrefix("t\\u{1B}]0;x\\u{7}.yaml:1: unknown key 'bogus'"),
                "\(error.description)")
        }
    }
}

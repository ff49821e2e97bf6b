import Metrics
import Testing

/// `TerminalText.report(bytes:)`, which the CSV report is written through: the same bytes
/// as `report(_:)` of the same text.
@Suite("A report's bytes are printed escaped as its text is")
struct TerminalTextBytesTests {
    @Test("clean text, tabs and line breaks pass through unchanged")
    func clean() {
        let text = "urn,academy\n100000,\"St Mary's, Leeds\"\tÉcole\r\n"
        #expect(TerminalText.report(bytes: Array(text.utf8)) == Array(text.utf8))
    }

    @Test("an escape sequence, DEL and a C1 control are escaped as report(_:) escapes them")
    func escaped() {
        // ESC is 1B, DEL 7F, and U+0085 (NEL) is C2 85 in UTF-8: each is written \u{…}.
        let text = "a\u{1B}[2Jb\u{7F}c\u{85}d\n"
        let bytes = TerminalText.report(bytes: Array(text.utf8))
        #expect(String(decoding: bytes, as: UTF8.self) == "a\\u{1B}[2Jb\\u{7F}c\\u{85}d\n")
        #expect(bytes == Array(TerminalText.report(text).utf8))
    }

    @Test("bytes that are not UTF-8 are repaired as String(decoding:) repairs them")
    func invalid() {
        // FF is never UTF-8: decoding makes it U+FFFD, EF BF BD.
        let bytes: [UInt8] = [0x61, 0xFF, 0x62]
        #expect(TerminalText.report(bytes: bytes) == [0x61, 0xEF, 0xBF, 0xBD, 0x62])
    }
}

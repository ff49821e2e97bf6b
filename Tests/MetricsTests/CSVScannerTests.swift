import Testing

@testable import Metrics

@Suite("CSV scanning (RFC 4180)")
struct CSVScannerTests {
    /// Scans `text` and returns each record's line and field texts, plus problems.
    func scan(_ text: String) -> (records: [(Int, [String])], problems: [String]) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var fields: [CSVScanner.Field] = []
            var problems: [CSVScanner.Problem] = []
            var records: [(Int, [String])] = []
            while let line = scanner.next(into: &fields, problems: &problems) {
                let texts = fields.map { field -> String in
                    var out = String(
                        decoding: UnsafeBufferPointer(rebasing: buffer[field.start..<field.end]),
                        as: UTF8.self)
                    if field.hasDoubledQuotes { out = out.replacingOccurrences(of: "\"\"", with: "\"") }
                    return out
                }
                records.append((line, texts))
            }
            return (records, problems.map { "\($0.line):\($0.field): \($0.message)" })
        }
    }

    @Test func plainFieldsAndLines() {
        let result = scan("a,b,c\n1,2,3\n")
        #expect(result.records.map(\.0) == [1, 2])
        #expect(result.records.map(\.1) == [["a", "b", "c"], ["1", "2", "3"]])
        #expect(result.problems.isEmpty)
    }

    @Test func crlfAndMissingFinalNewline() {
        let result = scan("a,b\r\n1,2\r\n3,4")
        #expect(result.records.map(\.1) == [["a", "b"], ["1", "2"], ["3", "4"]])
        #expect(result.records.map(\.0) == [1, 2, 3])
    }

    @Test func quotedCommaDoubledQuoteAndLineBreak() {
        let result = scan(
            "name,n\n\"Castle Rise, Northbrook\",1\n\"The \"\"Old\"\" School\",2\n\"Two\r\nlines\",3\nlast,4\n"
        )
        #expect(
            result.records.map(\.1) == [
                ["name", "n"], ["Castle Rise, Northbrook", "1"], ["The \"Old\" School", "2"],
                ["Two\r\nlines", "3"],
                ["last", "4"],
            ])
        // The record after the two-line field starts on line 6, not 5.
        #expect(result.records.map(\.0) == [1, 2, 3, 4, 6])
    }

    @Test func emptyFieldsAndEmptyQuoted() {
        let result = scan("a,,\"\",d\n")
        #expect(result.records.first?.1 == ["a", "", "", "d"])
    }

    @Test func unterminatedQuoteIsAProblemOnItsOpeningLine() {
        let result = scan("a,b\n1,\"never\nends\n")
        #expect(result.problems == ["2:1: a quoted value that starts here never closes"])
    }

    @Test func textAfterClosingQuoteAndStrayQuoteAreProblems() {
        let result = scan("a,b\n\"x\"y,2\n3,ab\"c\n")
        #expect(
            result.problems == [
                "2:0: text after the closing quote mark", "3:1: a quote mark inside an unquoted value",
            ])
    }

    /// Whether the scanner flags the first field of the second record of `text`.
    func secondRecordFlagged(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer -> Bool in
            var scanner = CSVScanner(buffer)
            var fields: [CSVScanner.Field] = []
            var problems: [CSVScanner.Problem] = []
            _ = scanner.next(into: &fields, problems: &problems)
            _ = scanner.next(into: &fields, problems: &problems)
            return fields[0].hasControl
        }
    }

    @Test(arguments: ["a\u{1B}[31m", "nul\u{0}", "tab\there", "c1\u{85}x", "del\u{7F}"])
    func controlCharactersAreFlagged(_ value: String) {
        #expect(secondRecordFlagged("v\n\(value)\n"))
    }

    @Test func lineBreakInsideQuotesIsNotAControl() {
        #expect(!secondRecordFlagged("v\n\"two\nlines\"\n"))
    }

    @Test func nonASCIILettersAreNotControls() {
        // "ô" is 0xC3 0xB4 and "Â" is 0xC3 0x82: neither is a C1 control.
        #expect(!secondRecordFlagged("v\nGlan-y-Môr Â\n"))
    }
}

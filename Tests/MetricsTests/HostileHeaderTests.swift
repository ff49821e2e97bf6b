import Foundation
import Testing

@testable import Metrics

/// Header cells that once reached the terminal raw or were misread (issue 15): escape
/// sequences and a tab in a header cell, the list of columns found, and a header of
/// 100,000 unknown columns.
@Suite("Hostile input: headers")
struct HostileHeaderTests {
    @Test(
        "a header cell holding an escape sequence refuses the file and is printed escaped",
        arguments: Hostile.sequences)
    func escapeInHeader(sequence: String) {
        let batch = Fixtures.read([("academies.csv", "urn,name,phase,\(sequence)\n900101,Alpha,primary,x\n")])
        let messages = Hostile.messages(batch)
        // Before, the file was accepted with a warning that printed the cell raw.
        #expect(batch.academies.isEmpty)
        #expect(batch.errors.count == 1, "\(messages)")
        #expect(!messages.contains(where: Hostile.reachesTheTerminal), "\(messages)")
        // The ESC is written as \u{1B}, so the reader sees what the cell holds.
        #expect(
            messages.first?.hasPrefix("academies.csv:1: value '\\u{1B}") == true
                && messages.first?.contains("header cell 4 holds a control character (\\u{1B})") == true,
            "\(messages)")
    }

    @Test("a header cell 'urn<TAB>' says that it holds a tab, and that it was meant as urn")
    func tabInHeader() {
        let batch = Fixtures.read([("academies.csv", "urn\t,name,phase\n900101,Alpha,primary\n")])
        let messages = Hostile.messages(batch)
        // Before: "lacks the required column urn; … the columns found were: urn<TAB>, name, phase".
        #expect(
            messages == [
                "academies.csv:1: value 'urn\\t': header cell 1 holds a tab as well as 'urn', so it is not read "
                    + "as the column 'urn' it seems meant to be; delete the tab so that the cell holds 'urn' "
                    + "alone (such characters come with text pasted from elsewhere)"
            ])
    }

    @Test("a zero-width space in a header cell is named, not listed invisibly")
    func invisibleInHeader() {
        let batch = Fixtures.read([("academies.csv", "urn,name\u{200B},phase\n900101,Alpha,primary\n")])
        let messages = Hostile.messages(batch)
        #expect(
            messages.first?.contains(
                "value 'name\\u{200B}': header cell 2 holds an invisible character (\\u{200B}) as well as 'name'"
            )
                == true, "\(messages)")
    }

    @Test("the columns found are listed 30 at most, each cut short")
    func columnsFoundAreCapped() throws {
        // 40,000 columns c0 … c39999 and no `phase`: the error lists c0 … c27 after urn and
        // name (30 in all), then says 40,002 − 30 = 39,972 more.
        let header = "urn,name," + (0..<40_000).map { "c\($0)" }.joined(separator: ",")
        let batch = Fixtures.read([("academies.csv", header + "\n")])
        let message = try #require(Hostile.messages(batch).first)
        #expect(
            message.hasSuffix(
                "the columns found were: urn, name, c0, c1, c2, c3, c4, c5, c6, c7, c8, c9, "
                    + "c10, c11, c12, c13, c14, c15, c16, c17, c18, c19, c20, c21, c22, c23, c24, c25, c26, c27 "
                    + "and 39972 more"), "\(message.suffix(300))")
    }

    // MARK: - Warnings capped

    @Test("a header of 100,000 unknown columns gives ten warnings and one line counting the rest")
    func warningsAreCapped() throws {
        let header = "urn,name,phase," + (0..<100_000).map { "c\($0)" }.joined(separator: ",")
        let row = "900101,Alpha,primary" + String(repeating: ",", count: 100_000)
        let batch = Fixtures.read([("academies.csv", header + "\n" + row + "\n")])
        #expect(batch.errors.isEmpty)
        // Every warning is still counted for the file.
        #expect(batch.files.first?.warnings == 100_000)
        let messages = Hostile.messages(batch)
        // c0 … c9 in full, then 100,000 − 10 = 99,990 counted on one line.
        #expect(messages.count == 11)
        #expect(
            messages.first
                == "academies.csv:1: warning: column 'c0': is not a column of an academies file and is ignored; "
                + "the known columns are: urn, name, phase, local_authority, sil, joined, ofsted")
        #expect(messages[9].hasPrefix("academies.csv:1: warning: column 'c9':"))
        #expect(
            messages.last
                == "academies.csv:1: warning: 99990 more warnings that say \"is not a column of an academies file "
                + "and is ignored\" are not listed")
        // Before, 100,000 lines of about 160 bytes: 16 MB.
        #expect(messages.joined(separator: "\n").utf8.count < 3_000)
    }

    @Test("warnings are capped by kind, then at 200 in all, and every one is counted")
    func warningsAreCappedByKindAndInAll() {
        var log = IssueLog(file: "f.csv")
        for line in 1...15 { log.warning(line: line, "kind a") }
        for line in 16...18 { log.warning(line: line, "kind b") }
        // 15 of kind a: 10 listed, 5 counted; all 3 of kind b listed.
        #expect(log.warnings == 18)
        #expect(
            log.report.map(\.description)
                == (1...10).map { "f.csv:\($0): warning: kind a" }
                + (16...18).map { "f.csv:\($0): warning: kind b" }
                + ["f.csv:10: warning: 5 more warnings that say \"kind a\" are not listed"])

        // 300 kinds of one warning each: the first 200 listed, then one line for the 100 more.
        var many = IssueLog(file: "f.csv")
        for line in 1...300 { many.warning(line: line, "kind \(line)") }
        let report = many.report.map(\.description)
        #expect(many.warnings == 300)
        #expect(report.count == 201)
        #expect(report[199] == "f.csv:200: warning: kind 200")
        #expect(report.last == "f.csv:200: warning: 100 more warnings are not listed")
    }
}

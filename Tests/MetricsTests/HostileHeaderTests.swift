import Foundation
import Testing

@testable import Metrics

/// Headers that once gave too much (issue 15): a header of 100,000 unknown columns.
@Suite("Hostile input: headers")
struct HostileHeaderTests {
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
                == "academies.csv:1: warning: column 'c0': is not a column of a academies file and is ignored; "
                + "the known columns are: urn, name, phase, local_authority, sil, joined, ofsted")
        #expect(messages[9].hasPrefix("academies.csv:1: warning: column 'c9':"))
        #expect(
            messages.last
                == "academies.csv:1: warning: 99990 more warnings that say \"is not a column of a academies file "
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

import Foundation
import Testing

@testable import Metrics

/// The fast scanner against `ReferenceCSVScanner`, the byte-at-a-time one it replaced, on
/// random text full of what CSV gets wrong: quotes, commas, CR, LF, CRLF, spaces, tabs,
/// DEL, C1 controls written in UTF-8, other UTF-8, and runs long enough to cross the
/// 8-byte words the fast scanner reads. Records, fields (ranges and flags), problems (with
/// their lines) and the final line must all agree.
///
/// It runs a few thousand texts in an ordinary `swift test`; for a long run set
/// `CSV_FUZZ_SECONDS` (`CSV_FUZZ_SECONDS=600 swift test --skip-build --filter
/// CSVScannerFuzzTests`). A disagreement prints the text as bytes, to add as a test below.
@Suite struct CSVScannerFuzzTests {
    /// What a scanner made of a text, in a form that compares.
    struct Scan: Equatable {
        var records: [String] = []
        var problems: [String] = []
        var endLine = 0
    }

    static func fast(_ bytes: [UInt8]) -> Scan {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            var scan = Scan()
            var fields: [CSVScanner.Field] = []
            var problems: [CSVScanner.Problem] = []
            while let line = scanner.next(into: &fields, problems: &problems) {
                scan.records.append("\(line): " + fields.map(describe).joined(separator: " | "))
            }
            scan.problems = problems.map { "\($0.line):\($0.field): \($0.message)" }
            scan.endLine = scanner.line
            return scan
        }
    }

    static func reference(_ bytes: [UInt8]) -> Scan {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = ReferenceCSVScanner(buffer)
            var scan = Scan()
            var fields: [CSVScanner.Field] = []
            var problems: [CSVScanner.Problem] = []
            while let line = scanner.next(into: &fields, problems: &problems) {
                scan.records.append("\(line): " + fields.map(describe).joined(separator: " | "))
            }
            scan.problems = problems.map { "\($0.line):\($0.field): \($0.message)" }
            scan.endLine = scanner.line
            return scan
        }
    }

    static func describe(_ field: CSVScanner.Field) -> String {
        "\(field.start)-\(field.end) q\(field.quoted ? 1 : 0)d\(field.hasDoubledQuotes ? 1 : 0)c\(field.hasControl ? 1 : 0)"
    }

    /// Pieces random texts are made of, chosen for the scanner's edge cases.
    static let pieces: [[UInt8]] = [
        Array("a".utf8), Array("Castle".utf8), Array("12345678".utf8), Array("46.2".utf8), Array(",".utf8),
        Array(",".utf8), Array("\"".utf8), Array("\"\"".utf8), Array("\n".utf8), Array("\r".utf8),
        Array("\r\n".utf8), Array(" ".utf8), Array("   ".utf8), [0x09], [0x7F], [0x00], [0x1B],
        [0xC2, 0x80], [0xC2, 0x9F], [0xC2, 0xA0], [0xC2], Array("é".utf8), Array("€".utf8), [0xFF],
        Array("abcdefghijklmnopqrstuvwxyz".utf8), Array("ABCDEFGH,IJKLMNOP".utf8),
    ]

    static func randomText(_ random: inout SplitMix) -> [UInt8] {
        var bytes: [UInt8] = []
        let count = Int.random(in: 0..<60, using: &random)
        for _ in 0..<count {
            if Int.random(in: 0..<10, using: &random) == 0 {
                bytes.append(UInt8.random(in: 0...255, using: &random))
            } else {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
        }
        return bytes
    }

    static func shown(_ bytes: [UInt8]) -> String {
        "[" + bytes.map { String(format: "0x%02X", $0) }.joined(separator: ", ") + "]"
    }

    @Test func agreesWithTheReferenceOnRandomText() {
        let seconds = ProcessInfo.processInfo.environment["CSV_FUZZ_SECONDS"].flatMap(Double.init)
        let seed = ProcessInfo.processInfo.environment["CSV_FUZZ_SEED"].flatMap(UInt64.init) ?? 14
        var random = SplitMix(state: seed)
        let start = Date()
        var texts = 0
        var disagreements = 0
        while seconds.map({ Date().timeIntervalSince(start) < $0 }) ?? (texts < 5_000) {
            let bytes = Self.randomText(&random)
            texts += 1
            let fast = Self.fast(bytes)
            let reference = Self.reference(bytes)
            if fast != reference {
                disagreements += 1
                Issue.record("disagreement on \(Self.shown(bytes)):\nfast \(fast)\nreference \(reference)")
                if disagreements >= 5 { break }
            }
        }
        if seconds != nil { print("CSVScannerFuzzTests: \(texts) texts, \(disagreements) disagreements") }
        #expect(texts > 0)
    }

    /// Texts that end inside a word, start with spaces before a quote, or hold a stop byte
    /// at every position of a word: each agrees with the reference.
    @Test(arguments: 0..<16)
    func aStopByteAtEveryOffsetOfAWord(offset: Int) {
        for stop: [UInt8] in [
            [0x2C], [0x22], [0x0A], [0x0D], [0x09], [0x7F], [0xC2, 0x85], [0xC2, 0xA0], [0xC3, 0xA9],
        ] {
            var plain = [UInt8](repeating: 0x61, count: 24)
            plain.replaceSubrange(offset..<offset + 1, with: stop)
            var quoted = [0x22] + plain + [0x22, 0x2C, 0x62, 0x0A]
            #expect(Self.fast(plain) == Self.reference(plain), "plain \(Self.shown(plain))")
            #expect(Self.fast(quoted) == Self.reference(quoted), "quoted \(Self.shown(quoted))")
            quoted.removeLast(3)
            #expect(Self.fast(quoted) == Self.reference(quoted), "quoted at the end \(Self.shown(quoted))")
        }
    }
}

import Foundation
import Testing

@testable import Metrics

/// The scanner's fast path for plain records (sixteen bytes at a time, in C) against the
/// byte-at-a-time reference scanner, at every length across two 16-byte blocks, with each
/// line end (LF, CRLF, a lone CR, none, CR CR LF) and with each byte that must send a record
/// to the byte loops (a quote, a tab, DEL, a C1 control, an accented letter, a lone CR)
/// placed at every offset: records, fields, problems and lines must all agree.
@Suite("Plain records read sixteen bytes at a time")
struct PlainRecordTests {
    static let ends: [[UInt8]] = [[0x0A], [0x0D, 0x0A], [0x0D], [], [0x0D, 0x0D, 0x0A]]
    static let odd: [[UInt8]] = [[0x22], [0x09], [0x7F], [0xC2, 0x85], [0xC3, 0xA9], [0x0D], [0x20, 0x22]]

    /// `length` bytes of plain text with commas and spaces in it.
    static func plain(_ length: Int) -> [UInt8] {
        let pattern = Array("ab,c d,,123,x".utf8)
        return (0..<length).map { pattern[$0 % pattern.count] }
    }

    static func expectAgreement(_ bytes: [UInt8]) {
        let fast = CSVScannerFuzzTests.fast(bytes)
        let reference = CSVScannerFuzzTests.reference(bytes)
        #expect(fast == reference, "\(CSVScannerFuzzTests.shown(bytes))")
    }

    @Test func everyLengthAndLineEnd() {
        for length in 0..<40 {
            for end in Self.ends {
                // The record alone, then followed by a second one.
                let record = Self.plain(length) + end
                Self.expectAgreement(record)
                Self.expectAgreement(record + Array("1,2\n".utf8))
            }
        }
    }

    @Test func anOddByteAnywhereGoesToTheByteLoops() {
        for length in 1..<36 {
            for offset in 0..<length {
                for odd in Self.odd {
                    for end in Self.ends {
                        var record = Self.plain(length)
                        record.replaceSubrange(offset..<offset + 1, with: odd)
                        Self.expectAgreement(record + end + Array("1,2\n".utf8))
                    }
                }
            }
        }
    }

    /// Plain records are written over the fields of the record before, which may have had
    /// more fields, fewer, or flags set by the byte loops (a quoted value, doubled quotes,
    /// a control character): none of it may be left over.
    @Test func aRecordWrittenOverOneOfAnotherWidthOrKind() {
        let records = [
            "a,b,c\n", "1\n", "1,2,3,4,5\n", "x,y\n", "\"q\"\"d\",\"e\u{85}\",f\n", "g,h,i\n", "\"\"\n",
            ",\n", "p,q,r,s,t,u,v,w,x,y,z\n", "1,2\n", "solo\n",
        ]
        for rotation in records.indices {
            let text = (records[rotation...] + records[..<rotation]).joined()
            Self.expectAgreement(Array(text.utf8))
        }
        var fields: [CSVScanner.Field] = []
        var problems: [CSVScanner.Problem] = []
        Array("\"a\"\"b\",c\u{85},d\n1,2\n".utf8).withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            #expect(scanner.next(into: &fields, problems: &problems) == 1)
            #expect(
                fields.count == 3 && fields[0].quoted && fields[0].hasDoubledQuotes && fields[1].hasControl)
            #expect(scanner.next(into: &fields, problems: &problems) == 2)
            #expect(fields.count == 2)
            #expect(fields.allSatisfy { !$0.quoted && !$0.hasDoubledQuotes && !$0.hasControl })
            #expect(fields.map(\.start) == [13, 15] && fields.map(\.end) == [14, 16])
        }
    }

    @Test func aRecordWithMoreCommasThanTheFirstBufferHolds() {
        // 64 offsets fit the first buffer; 200 commas make the scanner grow it.
        let record = Array(repeating: UInt8(ascii: ","), count: 200) + [0x0A]
        Self.expectAgreement(record + record)
        var fields: [CSVScanner.Field] = []
        var problems: [CSVScanner.Problem] = []
        record.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(buffer)
            #expect(scanner.next(into: &fields, problems: &problems) == 1)
        }
        #expect(fields.count == 201)
        #expect(problems.isEmpty)
    }

    /// The UTF-8 check in C against Swift's own decoding, on random bytes that are mostly
    /// ASCII with sequences of every length, valid and not, in among them.
    @Test func theUTF8CheckAgreesWithSwift() {
        var random = SplitMix(state: 21)
        let pieces: [[UInt8]] = [
            Array("abc,12\n".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xC0, 0x80], [0xC2],
            [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80],
            [0x80],
            [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xE2, 0x82], Array("0123456789abcdef".utf8),
        ]
        for _ in 0..<5_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0..<8, using: &random) {
                bytes += pieces[Int.random(in: 0..<pieces.count, using: &random)]
            }
            let swift = String(validating: bytes, as: UTF8.self) != nil
            let fast = bytes.withUnsafeBufferPointer { CSVText.isValidUTF8($0) }
            #expect(fast == swift, "\(CSVScannerFuzzTests.shown(bytes))")
            // Checked in two halves, as a large text is.
            let halves = bytes.withUnsafeBufferPointer { CSVText.isValidUTF8($0, halvesFrom: 0) }
            #expect(halves == swift, "\(CSVScannerFuzzTests.shown(bytes))")
        }
    }

    /// A text checked in two halves is split before an ASCII byte near its middle, so a
    /// sequence across the middle, cut short there or not, is judged as in one go; a text
    /// with no ASCII byte near its middle is checked in one go.
    @Test func theUTF8CheckInHalvesAgreesAcrossTheMiddle() {
        let sequences: [[UInt8]] = [
            Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0xE2, 0x82], [0x80], [0xF0, 0x90],
            Array(repeating: 0xC3, count: 70), Array(String(repeating: "é", count: 40).utf8),
        ]
        for sequence in sequences {
            for length in 60...80 {
                for at in max(0, length / 2 - 5)...length / 2 + 1 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                    bytes.replaceSubrange(at..<min(length, at + sequence.count), with: sequence)
                    let swift = String(validating: bytes, as: UTF8.self) != nil
                    let halves = bytes.withUnsafeBufferPointer { CSVText.isValidUTF8($0, halvesFrom: 0) }
                    #expect(halves == swift, "\(CSVScannerFuzzTests.shown(bytes))")
                }
            }
        }
    }
}

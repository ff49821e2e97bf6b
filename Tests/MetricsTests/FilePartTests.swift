import Foundation
import Testing

@testable import Metrics

/// A file read in two halves, the second on another thread (`FilePart`), gives exactly what
/// reading it in one go gives: the same records with the same lines, the same errors on the
/// same lines, the same summary. Each text is read whole, then split at every offset (or
/// at random ones), where the split may fall inside a quoted value holding line breaks,
/// between a carriage return and its line feed, or on the last line of a file that ends
/// without one.
///
/// The random texts run a few hundred in an ordinary `swift test`; for a long run set
/// `CSV_FUZZ_SECONDS` (`CSV_FUZZ_SECONDS=600 swift test --skip-build --filter
/// FilePartTests`). A disagreement prints the text, to add as a test below.
@Suite("Large files read in two halves")
struct FilePartTests {
    /// What a batch holds, in a form that compares.
    struct Read: Equatable {
        var issues: [String]
        var files: [DropFileSummary]
        var records: [String]
    }

    static let academies = Set([900_101, 900_102].compactMap(URN.init))

    static func read(_ text: [UInt8], splitNear: Int?) -> Read {
        var reader = DropReader(knownAcademies: academies)
        reader.splitNear = splitNear
        let batch = reader.read(files: [("a.csv", text)])
        func lines<Record>(_ rows: [Sourced<Record>]) -> [String] {
            rows.map { "\($0.file):\($0.line) \($0.record)" }
        }
        let records =
            lines(batch.academies) + lines(batch.attendance) + lines(batch.attainment) + lines(batch.scores)
            + lines(batch.inclusion) + lines(batch.benchmarks) + lines(batch.context)
            + lines(batch.rejectedRows)
        return Read(issues: batch.issues.map(\.description), files: batch.files, records: records)
    }

    static let attendanceHeader =
        "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees"

    /// Texts with what splitting could get wrong; each has errors on known lines too.
    static let texts: [String] = [
        // Line feeds; an error on line 3; the last line without a line feed.
        "\(attendanceHeader)\n900101,2024/25,spring,300,75000,3600,40\n900101,2024/25,summer,x,1,0,0\n"
            + "900102,2024/25,spring,10,100,5,1",
        // CRLF throughout, a blank line, a quoted value holding CRLF (an error on line 4).
        "\(attendanceHeader)\r\n900101,2024/25,spring,300,75000,3600,40\r\n\r\n"
            + "900101,\"2024/25\r\n\",autumn,1,1,0,0\r\n900102,2024/25,spring,10,100,5,1\r\n",
        // A byte-order mark; a quoted term holding two line feeds; bare carriage returns.
        "\u{FEFF}\(attendanceHeader)\n900101,2024/25,\"spr\n\ning\",1,1,0,0\r900102,2024/25,summer,1,1,0,0\r"
            + "900101,2024/25,summer,1,1,0,0\n",
        // A quoted value that never closes, from line 3 to the end.
        "\(attendanceHeader)\n900101,2024/25,spring,1,1,0,0\n900102,\"2024/25,spring,1,1,0,0\n"
            + "900101,2024/25,summer,1,1,0,0\n900101,2024/25,autumn,1,1,0,0\n",
        // A row given twice (line 4 repeats line 2), ragged rows, a stray quote.
        "\(attendanceHeader)\n900101,2024/25,spring,1,1,0,0\n900102,2024/25,spring,1,1,0\n"
            + "900101,2024/25,spring,1,1,0,0\n900102,2024/\"25,summer,1,1,0,0\n900102,2024/25,autumn,2,2,1,1\n",
        // Attainment with a blank-looking row that has text after a closing quote.
        "urn,academic_year,term,subject,cohort,expected\n900101,2024/25,spring,rwm,30,18\n\"\" x\n"
            + "900102,2024/25,spring,rwm,31,40\n900102,2024/25,summer,rwm,31,4\n",
    ]

    @Test(arguments: texts.indices)
    func splittingAtAnyOffsetReadsAsWhole(index: Int) {
        let bytes = Array(Self.texts[index].utf8)
        let whole = Self.read(bytes, splitNear: nil)
        #expect(!whole.records.isEmpty)
        for offset in 0...bytes.count {
            let split = Self.read(bytes, splitNear: offset)
            #expect(split == whole, "split near \(offset)")
            if split != whole { break }
        }
    }

    @Test func aBlankLookingRowWithAStrayQuoteIsAnErrorOnItsOwnLine() {
        // Line 3 is `"" x`: an empty quoted value with text after it. Its error is on line
        // 3, and line 4 is read and checked as a row of its own (40 expected of a cohort
        // of 31 is an error there; line 5 is sound).
        let bytes = Array(Self.texts[5].utf8)
        let read = Self.read(bytes, splitNear: nil)
        #expect(
            read.issues == [
                "a.csv:3: column 'urn': text after the closing quote mark; put the whole value inside the quotes",
                "a.csv:4: column 'expected', value '40': is more than cohort (31); "
                    + "pupils at the expected standard are part of the cohort; check the export",
            ])
        #expect(read.files.first?.rows == 4)
    }

    @Test func theLineOfAnyOffsetIsTheScannersLine() {
        var random = SplitMix(state: 7)
        for _ in 0..<2_000 {
            let bytes = CSVScannerFuzzTests.randomText(&random)
            bytes.withUnsafeBufferPointer { buffer in
                var scanner = CSVScanner(buffer)
                var fields: [CSVScanner.Field] = []
                var problems: [CSVScanner.Problem] = []
                while true {
                    let start = scanner.position
                    guard let line = scanner.next(into: &fields, problems: &problems) else { break }
                    #expect(
                        CSVScanner.line(at: start, in: buffer) == line, "\(CSVScannerFuzzTests.shown(bytes))")
                }
                #expect(CSVScanner.line(at: buffer.count, in: buffer) == scanner.line)
            }
        }
    }

    /// The line of an offset in long texts, counted in C in runs of 255 sixteen-byte blocks,
    /// against a count byte by byte: line feeds, CRLFs and lone CRs, sparse or dense, at
    /// the edges of blocks and runs, and a CR as the last byte counted (the byte after it
    /// decides).
    @Test func theLineOfAnOffsetInALongTextIsCountedExactly() {
        var random = SplitMix(state: 11)
        func reference(_ bytes: [UInt8], _ offset: Int) -> Int {
            var line = 1
            for index in 0..<offset where bytes[index] == 0x0A || bytes[index] == 0x0D {
                if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { continue }
                line += 1
            }
            return line
        }
        for round in 0..<60 {
            let length = Int.random(in: 1..<12_000, using: &random)
            let density = [2, 40, 4_000][round % 3]
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
            for index in bytes.indices where Int.random(in: 0..<density, using: &random) == 0 {
                bytes[index] = [0x0A, 0x0D, 0x0A, UInt8(ascii: ",")][Int.random(in: 0..<4, using: &random)]
            }
            // Line ends at the edges of a run of 255 blocks (4,080 bytes) and of a block.
            for edge in [4_079, 4_080, 4_081, 8_159, 8_160, 15, 16] where edge < length {
                bytes[edge] = round % 2 == 0 ? 0x0D : 0x0A
            }
            let offsets =
                [0, 1, length - 1, length, 4_080, 4_081, 8_160]
                + (0..<8).map { _ in Int.random(in: 0...length, using: &random) }
            bytes.withUnsafeBufferPointer { buffer in
                for offset in offsets where offset >= 0 && offset <= length {
                    #expect(
                        CSVScanner.line(at: offset, in: buffer) == reference(bytes, offset),
                        "length \(length), offset \(offset)")
                }
            }
        }
    }

    /// Pieces of rows: good values, bad ones, and what CSV gets wrong.
    static let pieces: [String] = [
        "900101", "900102", "900103", "2024/25", "2023/24", "spring", "summer", "autumn", "rwm", "30", "18",
        "0",
        "1", "40", "x", "", " ", "\"\"", "\"", "\"a\nb\"", "\"a\r\nb\"", "\"spring\"", "\"2024/25\"",
        "\"a,b\"",
        "\"a\"\"b\"", "\"\" x", "\r", "\u{85}", "é",
    ]

    static func randomText(_ random: inout SplitMix) -> [UInt8] {
        let header =
            Bool.random(using: &random)
            ? "urn,academic_year,term,subject,cohort,expected" : attendanceHeader
        var text = Int.random(in: 0..<4, using: &random) == 0 ? "\u{FEFF}" : ""
        text += header
        let ends = ["\n", "\r\n", "\r", "\n\n", "\n \n"]
        for _ in 0..<Int.random(in: 0..<12, using: &random) {
            text += ends[Int.random(in: 0..<ends.count, using: &random)]
            let width = Int.random(in: 5..<9, using: &random)
            text += (0..<width).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }
                .joined(separator: ",")
        }
        if Bool.random(using: &random) { text += "\n" }
        return Array(text.utf8)
    }

    @Test func randomFilesReadAsWholeWhereverTheyAreSplit() {
        let seconds = ProcessInfo.processInfo.environment["CSV_FUZZ_SECONDS"].flatMap(Double.init)
        let seed = ProcessInfo.processInfo.environment["CSV_FUZZ_SEED"].flatMap(UInt64.init) ?? 14
        var random = SplitMix(state: seed)
        let start = Date()
        var texts = 0
        var disagreements = 0
        while seconds.map({ Date().timeIntervalSince(start) < $0 }) ?? (texts < 300) {
            let bytes = Self.randomText(&random)
            texts += 1
            let whole = Self.read(bytes, splitNear: nil)
            for _ in 0..<4 {
                let offset = Int.random(in: 0...bytes.count, using: &random)
                let split = Self.read(bytes, splitNear: offset)
                if split != whole {
                    disagreements += 1
                    Issue.record(
                        "split near \(offset) of \(CSVScannerFuzzTests.shown(bytes)):\nsplit \(split)\nwhole \(whole)"
                    )
                    break
                }
            }
            if disagreements >= 5 { break }
        }
        if seconds != nil { print("FilePartTests: \(texts) texts, \(disagreements) disagreements") }
        #expect(texts > 0)
    }
}

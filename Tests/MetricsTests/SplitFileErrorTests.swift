import Foundation
import Testing

@testable import Metrics

/// Errors in a file read in two parts (the second on another thread) are named on the line
/// and column they are on, and in the order they would be read in one go: on the last line
/// of the first part, on the first line of the second, across a quoted value holding a line
/// break where the split falls, with CRLF line ends and after a byte-order mark. Each split
/// is placed by hand (`splitNear`: just after the first line feed at or after that offset
/// of the text, without its byte-order mark), and each expected error is worked out from
/// the rows written here.
@Suite("Errors in a file read in two parts")
struct SplitFileErrorTests {
    static let header = "urn,academic_year,term,pupils,possible_sessions,absent_sessions,persistent_absentees"
    static let academies = Set([900_101, 900_102].compactMap(URN.init))

    static func read(_ text: String, splitNear: Int?, known: Set<URN> = academies) -> DropBatch {
        var reader = DropReader(knownAcademies: known)
        reader.splitNear = splitNear
        return reader.read(files: [("a.csv", Array(text.utf8))])
    }

    /// Where each issue is: line, column and value.
    static func places(_ batch: DropBatch) -> [String] {
        batch.issues.map { "\($0.line ?? 0) \($0.column ?? "-") \($0.value ?? "-")" }
    }

    /// The offset, in UTF-8 bytes, of the first `needle` in `text`.
    static func offset(of needle: String, in text: String) -> Int {
        guard let range = text.range(of: needle) else { return -1 }
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }

    /// Rows 1–5 with errors on lines 3 (pupils `x`) and 4 (URN `abc`), ended by `end`.
    static func rows(_ end: String) -> String {
        [
            header, "900101,2024/25,spring,30,6000,300,4", "900101,2024/25,summer,x,6000,300,4",
            "abc,2024/25,autumn,30,6000,300,4", "900102,2024/25,spring,30,6000,300,4",
        ].joined(separator: end) + end
    }

    @Test func errorsOnTheLastLineOfThePartAndTheFirstOfTheNext() {
        let text = Self.rows("\n")
        // The line feed that ends line 3: the second part starts on line 4.
        let split = Self.offset(of: "x,6000,300,4\n", in: text) + "x,6000,300,4".utf8.count
        let batch = Self.read(text, splitNear: split)
        #expect(
            batch.issues.map(\.description) == [
                "a.csv:3: column 'pupils', value 'x': is not a count; write a whole number of 0 or more in plain digits, such as 312 (no commas, signs or decimals)",
                "a.csv:4: column 'urn', value 'abc': is not a URN; write the academy's six-digit DfE URN, 100000–999999",
            ])
        #expect(batch.files.first?.rows == 4)
        // Lines 2 and 5 are sound.
        #expect(batch.attendance.map(\.line) == [2, 5])
    }

    @Test func crlfLineEndsSplitBetweenTheCarriageReturnAndItsLineFeed() {
        let text = Self.rows("\r\n")
        // At the CR that ends line 3: the split is just after its line feed.
        let split = Self.offset(of: "x,6000,300,4\r\n", in: text) + "x,6000,300,4".utf8.count
        for near in [split, split + 1] {
            let batch = Self.read(text, splitNear: near)
            #expect(Self.places(batch) == ["3 pupils x", "4 urn abc"])
            #expect(batch.attendance.map(\.line) == [2, 5])
        }
    }

    @Test func afterAByteOrderMarkTheLinesAreTheFilesOwn() {
        let text = Self.rows("\n")
        let split = Self.offset(of: "x,6000,300,4\n", in: text) + "x,6000,300,4".utf8.count
        // The offsets are of the text without its mark, so the split is where it was.
        let batch = Self.read("\u{FEFF}" + text, splitNear: split)
        #expect(Self.places(batch) == ["3 pupils x", "4 urn abc"])
        #expect(batch.attendance.map(\.line) == [2, 5])
    }

    @Test func aSplitInsideAQuotedLineBreakIsNoRecordBoundary() {
        // Line 2 holds a name over two lines (2 and 3); the split falls on its line feed,
        // which the reader finds to be inside quotes, so the file is read on from the
        // record's real end. Line 4's phase is wrong, and line 5 is given twice.
        let text =
            "urn,name,phase,local_authority,sil\n"
            + "900101,\"Hollybank\nPrimary\",primary,Northshire,R. Okafor\n"
            + "900102,Castle Rise,tertiary,Northshire,J. Patel\n"
            + "900103,Moor Lane,primary,Northshire,J. Patel\n"
            + "900103,Moor Lane Two,primary,Northshire,J. Patel\n"
        let split = Self.offset(of: "\nPrimary", in: text)
        let batch = Self.read(text, splitNear: split)
        #expect(Self.places(batch) == ["4 phase tertiary", "6 - -"])
        #expect(batch.issues.last?.problem == "gives academy 900103 again; it was first given at a.csv:5")
        // Line 6 is read (the check across rows then finds it given twice); line 4 is not.
        #expect(batch.academies.map(\.line) == [2, 5, 6])
        #expect(batch.academies.first?.record.name == "Hollybank\nPrimary")
        // Four records, the first over two lines.
        #expect(batch.files.first?.rows == 4)
    }

    @Test func anErrorAfterAQuotedValueOverSeveralLinesIsOnItsOwnLine() {
        // Line 2's term is quoted over lines 2–4 (two line feeds inside it), so it is no
        // term: an error on line 2. Line 5 counts `y` pupils. The split is after line 4's
        // line feed, where the second part starts at line 5 exactly.
        let text =
            "\(Self.header)\n900101,2024/25,\"spr\n\ning\",30,6000,300,4\n900102,2024/25,spring,y,6000,300,4\n"
            + "900102,2024/25,summer,30,6000,300,4\n"
        let split = Self.offset(of: "ing\"", in: text)
        let batch = Self.read(text, splitNear: split)
        #expect(Self.places(batch).map { $0.prefix(9) } == ["2 term sp", "5 pupils "])
        #expect(batch.issues.map(\.line) == [2, 5])
        #expect(batch.issues.last?.value == "y")
        #expect(batch.attendance.map(\.line) == [6])
    }

    @Test func aKeyGivenInBothPartsNamesTheFirstPartsLine() {
        let text =
            "\(Self.header)\n900101,2024/25,spring,30,6000,300,4\n900102,2024/25,spring,30,6000,300,4\n"
            + "900101,2024/25,spring,31,6000,300,4\n"
        let split = Self.offset(of: "900102", in: text)
        let batch = Self.read(text, splitNear: split)
        #expect(
            batch.issues.map(\.description) == [
                "a.csv:4: gives attendance for 900101, 2024/25 spring, all pupils, all years again; it was first given at a.csv:2; keep one of the two rows (a later batch may correct a value)"
            ])
    }

    /// Enough rows (70,000, 2.5 MB) that the file is read in two parts without being told
    /// where: the rows given twice and the unknown URN are named on their lines, in line
    /// order, as with a small file.
    @Test func keysGivenTwiceAmongSeventyThousandRows() {
        let urns = (0..<70_000).map { 100_000 + $0 }
        var text = Self.header + "\n"
        for urn in urns { text += "\(urn),2024/25,spring,30,6000,300,4\n" }
        // Line 70,002 repeats URN 100005 (line 7), 70,003 URN 100007 (line 9); 70,004 names
        // a URN that is not an academy of the trust.
        text += "100005,2024/25,spring,31,6000,300,4\n100007,2024/25,spring,31,6000,300,4\n"
        text += "999999,2024/25,spring,30,6000,300,4\n"
        let batch = Self.read(text, splitNear: nil, known: Set(urns.compactMap(URN.init)))
        let again = "all pupils, all years again; it was first given at a.csv:"
        let fix = "; keep one of the two rows (a later batch may correct a value)"
        #expect(
            batch.issues.map(\.description) == [
                "a.csv:70002: gives attendance for 100005, 2024/25 spring, \(again)7\(fix)",
                "a.csv:70003: gives attendance for 100007, 2024/25 spring, \(again)9\(fix)",
                "a.csv:70004: column 'urn', value '999999': is not an academy of the trust; "
                    + "add it to an academies file in this batch, or ingest that file first",
            ])
        #expect(batch.attendance.count == 70_003)
    }

    /// An academies file of 1.6 MB, over the size from which files are read in two parts
    /// (1 MiB, so that a national academies file is): a phase that is not one in the
    /// second part, and an academy of the first part given again at the end, each on its line.
    @Test func anAcademiesFileOverOneMebibyteReadInTwoParts() {
        var lines = ["urn,name,phase,local_authority,sil"]
        for number in 0..<24_000 {
            // Line 20,002 (URN 120000) is well into the second part.
            let phase = number == 20_000 ? "tertiary" : "primary"
            lines.append(
                "\(100_000 + number),Academy Number \(number) Primary School,\(phase),Northshire,J. Patel")
        }
        // Line 24,002 gives URN 100003 (line 5) again.
        lines.append("100003,Academy Given Again,primary,Northshire,J. Patel")
        let text = lines.joined(separator: "\n") + "\n"
        #expect(text.utf8.count > DropReader().twoHalvesFrom)
        let batch = Self.read(text, splitNear: nil, known: [])
        #expect(Self.places(batch) == ["20002 phase tertiary", "24002 - -"])
        #expect(batch.issues.last?.problem == "gives academy 100003 again; it was first given at a.csv:5")
        #expect(batch.academies.count == 24_000)
        #expect(batch.academies.first?.line == 2)
        #expect(batch.academies.last?.line == 24_002)
        #expect(batch.files.first?.rows == 24_001)
    }
}

import Testing

@testable import Metrics

@Suite("Decoding files to text")
struct CSVTextTests {
    @Test func utf8BOMIsRemoved() throws {
        let text = try CSVText(decoding: [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8))
        #expect(text.utf8 == Array("a,b\n".utf8))
        #expect(text.encoding == .utf8)
    }

    @Test func utf16LittleAndBigEndian() throws {
        let source = "urn,name\n1,Môr\n"
        let units = Array(source.utf16)
        let little: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let big: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(try CSVText(decoding: little).utf8 == Array(source.utf8))
        #expect(try CSVText(decoding: little).encoding == .utf16LittleEndian)
        #expect(try CSVText(decoding: big).utf8 == Array(source.utf8))
    }

    @Test func windows1252Fallback() throws {
        // "St Mary’s Café": 0x92 is ’ and 0xE9 is é in Windows-1252.
        let bytes: [UInt8] = Array("St Mary".utf8) + [0x92] + Array("s Caf".utf8) + [0xE9]
        let text = try CSVText(decoding: bytes)
        #expect(text.encoding == .windows1252)
        #expect(String(decoding: text.utf8, as: UTF8.self) == "St Mary’s Café")
    }

    @Test func emptyAndBlankFilesAreEmpty() {
        #expect(throws: CSVText.Failure.empty) { try CSVText(decoding: []) }
        #expect(throws: CSVText.Failure.empty) {
            try CSVText(decoding: [0xEF, 0xBB, 0xBF, 0x0A, 0x0D, 0x0A])
        }
    }

    @Test func binaryIsRefused() {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]
        #expect(throws: CSVText.Failure.binary(offset: 8)) { try CSVText(decoding: png) }
    }

    @Test func oddLengthUTF16IsInvalid() {
        #expect(throws: CSVText.Failure.invalidUTF16) { try CSVText(decoding: [0xFF, 0xFE, 0x41]) }
    }
}

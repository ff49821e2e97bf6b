import Foundation
import Testing

@testable import Metrics

@Suite("Reading a CSV file's header from its first bytes")
struct CSVHeaderTests {
    @Test func quotedNamesKeepTheirCommas() {
        let names = CSVHeader.names(Array("\"Trust, as named\",school_urn\n1,2\n".utf8))
        #expect(names == ["trust, as named", "school_urn"])
    }

    @Test func doubledQuotesAreUndoubled() {
        let names = CSVHeader.names(Array("\"say \"\"hi\"\"\",b\n".utf8))
        #expect(names == ["say \"hi\"", "b"])
    }

    @Test func aQuotedLineBreakStaysInsideItsName() {
        // Splitting on the first line break would end the header after `"note`.
        let names = CSVHeader.names(Array("\"note\nfield\",time_period\n1,2\n".utf8))
        #expect(names == ["note\nfield", "time_period"])
    }

    @Test func byteOrderMarkAndSpacesAndCaseAreDropped() {
        let names = CSVHeader.names([0xEF, 0xBB, 0xBF] + Array(" Time_Period , X\n".utf8))
        #expect(names == ["time_period", "x"])
    }

    @Test func aUTF16FileCutInTheMiddleOfACharacterReads() {
        // "a,b\n" in UTF-16LE after its byte-order mark, then half of the next character.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0, 0x2C, 0, 0x62, 0, 0x0A, 0, 0x31]
        #expect(CSVHeader.names(bytes) == ["a", "b"])
    }

    @Test func emptyOrBinaryBytesHaveNoHeader() {
        #expect(CSVHeader.names([]) == nil)
        #expect(CSVHeader.names([0x61, 0x00, 0x62]) == nil)
    }
}

import Testing

@testable import Metrics

/// `CSVRowWriter.append(_:owner:comparison:)` writes an owner's cells on the stack with
/// the rest of the row when they fit its room (256 bytes), and appends them on their own
/// when they do not. Either way the row must be the report row's CSV, byte for byte.
@Suite("Owners' cells of every length are written as the report's rows")
struct LongOwnerCellsTests {
    /// The owner's cells of `academy` in `drop`, as the report writes them.
    private func ownerCells(_ academy: Academy, in drop: DataDrop) -> [UInt8] {
        CSVRowWriter.ownerCells(
            ReportRow.Owner(drop: drop, academy: academy, urn: academy.urn, trustName: "Trust"))
    }

    @Test("names that put the owner's cells just under, at and just over the room, and far over it")
    func namesAroundTheRoom() {
        var data = ReportCSVPathTests.sample
        let drop = data.drops[data.drops.count - 1]
        // The owner's cells grow by a byte with each letter of a name with no comma or quote.
        data.academies[0].name = "A"
        let oneLetter = ownerCells(data.academies[0], in: drop).count
        let lengths = [255, 256, 257, 600]
        for (index, length) in lengths.enumerated() {
            data.academies[index].name = String(repeating: "n", count: length - oneLetter + 1)
            #expect(ownerCells(data.academies[index], in: drop).count == length)
        }
        // One name a cell must quote, its owner's cells over the room.
        data.academies[4].name = "Long, \"Quoted\" " + String(repeating: "q", count: 300)
        #expect(ownerCells(data.academies[4], in: drop).count > 256)
        let report = TrustReport(
            DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Trust")
        var written: [UInt8] = []
        report.writeCSV { written += $0 }
        #expect(written == Array(ReportFormat.csv(report.rows).utf8))
        for academy in data.academies[0..<5] {
            #expect(written.contains(ownerCells(academy, in: drop)), "\(academy.urn)")
        }
    }
}

extension [UInt8] {
    /// True when `part` is somewhere in these bytes.
    fileprivate func contains(_ part: [UInt8]) -> Bool {
        guard !part.isEmpty, part.count <= count else { return part.isEmpty }
        return (0...(count - part.count)).contains { self[$0..<$0 + part.count].elementsEqual(part) }
    }
}

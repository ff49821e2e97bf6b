import Testing

@testable import Metrics

/// `FixedCells`, the packed KPI, pupil group and year group cells a CSV report writes on
/// every row, and `SmallGroupProtection.apply(to:key:hiddenKeys:)`, which protects a
/// figure in place where `applied(to:key:hiddenKeys:)` returned a copy.
@Suite("Cells kept packed, and figures protected in place")
struct FixedCellsTests {
    /// The bytes of every cell, in order.
    private func unpacked(_ cells: FixedCells) -> [[UInt8]] {
        (0..<cells.count).map { Array(cells[$0]) }
    }

    @Test("each cell is read back whole by its position, an empty one among them")
    func cellsReadBack() {
        let cells: [[UInt8]] = [Array("attendance_rate,".utf8), [], Array(",".utf8), Array("\"a,b\",".utf8)]
        let packed = FixedCells(cells)
        #expect(packed.count == 4)
        #expect(unpacked(packed) == cells)
        #expect(Array(packed[3]) == Array("\"a,b\",".utf8))
        #expect(packed[1].isEmpty)
    }

    @Test("no cells at all")
    func noCells() {
        #expect(FixedCells([]).count == 0)
    }

    /// A cell as the writer writes any text cell: escaped where it must be, then its comma.
    private func written(_ text: String) -> [UInt8] {
        var writer = CSVRowWriter()
        writer.text(text)
        writer.bytes.append(UInt8(ascii: ","))
        return writer.bytes
    }

    @Test("every KPI, pupil group and year group cell is the text cell the writer writes")
    func reportCells() {
        for kpi in KPI.allCases {
            #expect(Array(CSVRowWriter.kpiCells[kpi.index]) == written(kpi.key))
        }
        for group in PupilGroup.allCases {
            #expect(Array(CSVRowWriter.groupCells[group.index]) == written(group.rawValue))
        }
        for yearGroup in YearGroup.allCases {
            #expect(Array(CSVRowWriter.yearCells[yearGroup.code]) == written(yearGroup.rawValue))
        }
        #expect(Array(CSVRowWriter.yearCells[YearGroup.year(7).code]) == Array("7,".utf8))
        #expect(Array(CSVRowWriter.kpiCells[KPI.attendanceRate.index]) == Array("attendance_rate,".utf8))
    }

    @Test("a cell is appended after what is written already")
    func appendedToWritten() {
        let packed = FixedCells([Array("ab,".utf8), Array("cde,".utf8)])
        let bytes = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 16) { room in
            var cells = CellBytes(room)
            cells.byte(UInt8(ascii: "x"))
            cells.append(packed[1])
            cells.append(packed[0])
            return Array(cells.written)
        }
        #expect(bytes == Array("xcde,ab,".utf8))
    }

    private let drop = DataDrop(year: AcademicYear(2024), term: .spring)

    private func figure(pupils: Int) -> Figure {
        Figure(
            owner: .academy(Fixtures.urn(900101)), kpi: .attendanceRate, drop: drop,
            group: .disadvantaged, yearGroup: .all, numerator: 900, denominator: 1_000, pupils: pupils)
    }

    @Test("a figure whose key is hidden is protected in place, as the copy was")
    func protectedInPlace() {
        var figure = figure(pupils: 30)
        let key = FigureCalculator.smallKey(figure)
        SmallGroupProtection.apply(to: &figure, key: key, hiddenKeys: [key])
        #expect(figure.protectsSmallGroup)
        #expect(figure.isSuppressed)
        #expect(
            figure == SmallGroupProtection.applied(to: self.figure(pupils: 30), key: key, hiddenKeys: [key]))
    }

    @Test("a figure whose key is not hidden, or that is suppressed already, is left as it is")
    func leftAsItIs() {
        var shown = figure(pupils: 30)
        let key = FigureCalculator.smallKey(shown)
        SmallGroupProtection.apply(to: &shown, key: key, hiddenKeys: [key + 1])
        #expect(shown == figure(pupils: 30))
        #expect(!shown.isSuppressed)
        var small = figure(pupils: 4)
        SmallGroupProtection.apply(to: &small, key: key, hiddenKeys: [key])
        #expect(small == figure(pupils: 4))
        #expect(!small.protectsSmallGroup)
        #expect(small.isSuppressed)
    }
}

import Metrics
import Testing

@testable import Dashboard

/// An overview row keeps each figure as the overview draws it (`OverviewCell`), not the
/// whole rated figure, and its explanation rates the figure again from the view's rated
/// drop: each cell is the cell of the figure the row was made from, and each explained
/// figure is that very figure, on generated trusts full of small groups, with last year's
/// figures for a change, in every row and the trust's.
@Suite("Overview rows keep only what the overview draws")
struct OverviewCellTests {
    static let drop = OverviewFiguresTests.drop

    /// `OverviewFiguresTests`' generated trust, with another generated trust's records as
    /// the same term last year's, so that figures have a previous value and a change.
    static func view(seed: UInt64) -> TrustView {
        var data = OverviewFiguresTests.trust(seed: seed)
        let earlier = OverviewFiguresTests.trust(seed: seed &+ 1_000)
        data.attendance += lastYears(earlier.attendance, \.drop)
        data.attainment += lastYears(earlier.attainment, \.drop)
        data.scores += lastYears(earlier.scores, \.drop)
        data.inclusion += lastYears(earlier.inclusion, \.drop)
        return TrustView(data: data, config: RatingConfig(), trustName: "Generated Trust", isSample: false)
    }

    /// `records` moved to the same term last year.
    static func lastYears<Record>(_ records: [Record], _ drop: WritableKeyPath<Record, DataDrop>) -> [Record]
    {
        records.map {
            var record = $0
            record[keyPath: drop] = Self.drop.sameTermLastYear
            return record
        }
    }

    /// The figures of `row` in the order of its slots: the four cells, the two phase
    /// columns, writing and suspensions.
    static func slots(_ row: OverviewRow) -> [OverviewCell?] {
        row.cells + row.phaseHeadlines.map(\.cell) + [row.writing, row.suspensions]
    }

    /// The rated figures the row was made of, as it was made (`TrustView.overviewRows`):
    /// the academy's overview figures of all pupils, the last of a key winning.
    static func madeOf(_ urn: URN, rated: LazyRatedDrop) -> (OverviewCell?) -> RatedFigure? {
        let figures = rated.rater.rated(urn, keys: rated.allPupilsHeadlineKeys)
        return { cell in
            cell.flatMap { cell in figures.last { FigureCalculator.smallKey($0.figure) == cell.smallKey } }
        }
    }

    @Test(
        "each cell is its rated figure's, and each explained figure the row's own",
        arguments: Array(UInt64(1)...UInt64(20)))
    func cellsAndExplanations(seed: UInt64) throws {
        let view = Self.view(seed: seed)
        let rated = view.rated(Self.drop)
        let rows = view.overviewRows(Self.drop)
        var changes = 0
        var hidden = 0
        for row in rows {
            let urn = try #require(row.urn)
            let figure = Self.madeOf(urn, rated: rated)
            for cell in Self.slots(row) {
                #expect(cell == figure(cell).map(OverviewCell.init), "seed \(seed), \(urn)")
                if cell?.change != nil { changes += 1 }
                if cell?.rating == .suppressed { hidden += 1 }
            }
            let explained = row.explained(in: rated)
            #expect(explained == row.explainedCells.map(figure), "seed \(seed), \(urn)")
            #expect(explained.map { $0.map(OverviewCell.init) } == row.explainedCells, "seed \(seed), \(urn)")
        }
        let trust = view.trustRow(Self.drop)
        for cell in Self.slots(trust) {
            let figure = cell.flatMap {
                rated.figure(.trust, $0.kpi, group: $0.group, yearGroup: $0.yearGroup)
            }
            #expect(cell == figure.map(OverviewCell.init), "seed \(seed), the trust")
        }
        #expect(trust.explained(in: rated).map { $0.map(OverviewCell.init) } == trust.explainedCells)
        #expect(rows.count > 3)
        #expect(changes > 0, "seed \(seed): no figure had a change")
        #expect(hidden > 0, "seed \(seed): no figure was hidden")
    }

    @Test("a cell keeps what the overview draws of its rated figure")
    func aCellOfARatedFigure() throws {
        let view = TestTrust.view()
        let rated = view.rated(TestTrust.now)
        let academy = try #require(rated.figure(.academy(TestTrust.alder), .attendanceRate))
        let cell = OverviewCell(academy)
        #expect(cell.kpi == .attendanceRate)
        #expect(cell.group == .all)
        #expect(cell.yearGroup == .all)
        #expect(cell.rating == academy.rating)
        #expect(cell.shown == academy.shown)
        #expect(cell.change == academy.change)
        #expect(cell.change != nil)
        #expect(cell.changeIsBetter == academy.changeIsBetter)
        #expect(cell.isApproximate == academy.isApproximate)
        #expect(cell.benchmark == academy.benchmark?.benchmark.value)
        #expect(cell.benchmark != nil)
        #expect(cell.similarExpected == academy.similarExpected)
        #expect(cell.smallKey == FigureCalculator.smallKey(academy.figure))
    }
}

import Testing

@testable import Metrics

/// `DropRater.keyOrder` puts an owner's figures in report order by sorting packed integers
/// rather than positions through a closure. It must give exactly the order the closure's
/// stable sort gave: by small key, equal keys in the order the figures came.
@Suite("Figures put in report order by their packed keys")
struct FigureKeyOrderTests {
    /// The order the rater used before: positions sorted by their keys, stably.
    private func closureOrder(_ keys: [Int]) -> [Int] {
        keys.indices.sorted { keys[$0] < keys[$1] }
    }

    @Test("the same order as sorting the positions by their keys, on seeded lists of small keys")
    func sameAsSortingPositions() {
        var random = SplitMix(state: 14)
        for _ in 0..<500 {
            let count = random.int(0...300)
            // Few distinct keys, so that many are equal and their order matters.
            let distinct = random.int(1...40)
            let pool = (0..<distinct).map { _ in
                random.int(0...(KPI.allCases.count - 1)) << 16 | random.int(0...15) << 8 | random.int(0...15)
            }
            let keys = (0..<count).map { _ in random.pick(pool) }
            #expect(DropRater.keyOrder(keys) == closureOrder(keys))
        }
    }

    @Test("real figures' keys: a generated academy's figures in the order the closure gave")
    func realFigures() {
        let figures = FigureCalculator.figures(
            of: AttendanceRecord(
                urn: URN(100_001)!, drop: DataDrop(year: AcademicYear(2024), term: .spring), group: .all,
                yearGroup: .all, pupils: 40, possibleSessions: 4000, absentSessions: 300,
                persistentAbsentees: 5, severeAbsentees: 1))
        let keys = (figures + figures.reversed()).map(FigureCalculator.smallKey)
        #expect(!keys.isEmpty)
        #expect(DropRater.keyOrder(keys) == closureOrder(keys))
    }

    @Test("keys too large to pack, or negative, are sorted as before")
    func unpackableKeys() {
        let keys = [Int.max, 3, -7, 3, 1 << 50, 0]
        #expect(DropRater.keyOrder(keys) == closureOrder(keys))
        #expect(DropRater.keyOrder([]) == [])
    }
}

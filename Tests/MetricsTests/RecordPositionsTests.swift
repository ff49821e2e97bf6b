import Testing

@testable import Metrics

/// `RecordPositions` holds the positions appended, in order, whether they make one run
/// (as a store gives them) or not (as data made by hand may).
@Suite("Record positions")
struct RecordPositionsTests {
    @Test("the positions appended, in order", arguments: Array(UInt64(1)...UInt64(40)))
    func appended(seed: UInt64) {
        var random = SplitMix(state: seed)
        var positions = RecordPositions()
        var expected: [Int32] = []
        var next = Int32(random.int(0...50))
        for _ in 0..<random.int(0...60) {
            // Mostly the next position, sometimes a jump ahead or back.
            if random.chance(10) { next = Int32(random.int(0...200)) }
            positions.append(next)
            expected.append(next)
            next += 1
        }
        #expect(Array(positions) == expected, "seed \(seed)")
        #expect(positions.count == expected.count)
        #expect(positions.isEmpty == expected.isEmpty)
    }

    @Test("one run, a run broken, and none")
    func runs() {
        var run = RecordPositions()
        for position in Int32(7)...Int32(11) { run.append(position) }
        #expect(Array(run) == [7, 8, 9, 10, 11])
        var broken = run
        broken.append(3)
        broken.append(4)
        #expect(Array(broken) == [7, 8, 9, 10, 11, 3, 4])
        #expect(Array(run) == [7, 8, 9, 10, 11])
        var repeated = RecordPositions()
        repeated.append(5)
        repeated.append(5)
        #expect(Array(repeated) == [5, 5])
        #expect(RecordPositions().isEmpty)
    }

    @Test("an index of records in any order finds each academy's figures as one in store order")
    func indexInAnyOrder() {
        let data = SmallGroupTrust(seed: 11).data
        var shuffled = data
        var random = SplitMix(state: 11)
        shuffled.attendance.shuffle(using: &random)
        shuffled.attainment.shuffle(using: &random)
        shuffled.scores.shuffle(using: &random)
        let inOrder = FigureCalculator(data: data)
        let anyOrder = FigureCalculator(data: shuffled)
        let drop = ProtectionEquivalenceTests.drop
        let urns = inOrder.index.academies(in: drop)
        #expect(!urns.isEmpty)
        #expect(anyOrder.index.academies(in: drop) == urns)
        for urn in urns {
            let key = { (figure: Figure) in FigureCalculator.smallKey(figure) }
            let sorted = inOrder.figures(of: urn, in: drop).sorted { key($0) < key($1) }
            #expect(anyOrder.figures(of: urn, in: drop).sorted { key($0) < key($1) } == sorted)
        }
    }
}

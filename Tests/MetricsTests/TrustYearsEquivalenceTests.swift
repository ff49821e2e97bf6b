import Testing

@testable import Metrics

/// `FigureCalculator.trustYears`, one walk over the academies of two drops, gives the
/// trust's figures of each drop exactly as `trustFigures(in:keys:eachSummed:)` sums them
/// (in the same order, each part passed on in the same order) and each comparison as the
/// dictionary way did (`LikeForLikeReference`), on generated trusts of many small groups
/// whose academies join and leave between the two years.
@Suite("The trust's two years from one walk, as from three")
struct TrustYearsEquivalenceTests {
    static let drop = ProtectionEquivalenceTests.drop

    /// The generated trust of `seed`, and whether each of its figures of the drop or the
    /// same term last year is hidden, by each year's own protection.
    static func protected(_ seed: UInt64) -> (FigureCalculator, @Sendable (Figure) -> Bool) {
        let calculator = FigureCalculator(data: SmallGroupTrust(seed: seed).data)
        let protection = SmallGroupProtection(calculator: calculator, drop: drop)
        let protectionLastYear = SmallGroupProtection(calculator: calculator, drop: drop.sameTermLastYear)
        return (
            calculator,
            { $0.drop == drop ? protection.hides($0) : protectionLastYear.hides($0) }
        )
    }

    @Test("generated trusts, all keys and a few", arguments: Array(UInt64(1)...UInt64(30)))
    func generated(seed: UInt64) {
        let (calculator, hides) = Self.protected(seed)
        let lastYear = Self.drop.sameTermLastYear
        let every = calculator.trustFigures(in: Self.drop).map(FigureCalculator.smallKey).sorted()
        let some = Set(every.enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        for keys in [nil, some] {
            var parts: [String] = []
            let years = calculator.trustYears(
                in: Self.drop, with: lastYear, keys: keys, eachSummed: { parts.append("\($0) \($1)") },
                hides: hides)
            var oldParts: [String] = []
            let now = calculator.trustFigures(in: Self.drop, keys: keys) { oldParts.append("\($0) \($1)") }
            let then = calculator.trustFigures(in: lastYear, keys: keys)
            #expect(!now.isEmpty && !then.isEmpty, "seed \(seed): nothing summed")
            #expect(years.now.map { "\($0)" } == now.map { "\($0)" }, "seed \(seed)")
            #expect(years.then.map { "\($0)" } == then.map { "\($0)" }, "seed \(seed)")
            #expect(parts == oldParts, "seed \(seed)")
            let old = LikeForLikeReference.trustComparisons(
                calculator, in: Self.drop, with: lastYear, keys: keys, hides: hides)
            #expect(years.comparisons.count == old.count, "seed \(seed)")
            for (key, comparison) in old {
                #expect(
                    LikeForLikeEquivalenceTests.describe(years.comparisons[key])
                        == LikeForLikeEquivalenceTests.describe(comparison), "seed \(seed), key \(key)")
            }
        }
    }

    @Test(
        "comparing some KPIs sums and compares theirs as among every figure",
        arguments: Array(UInt64(1)...UInt64(30)))
    func comparingSome(seed: UInt64) {
        let (calculator, hides) = Self.protected(seed)
        let lastYear = Self.drop.sameTermLastYear
        let kpis: Set<KPI> = [.attendanceRate, .expected(.reading)]
        let all = calculator.trustYears(in: Self.drop, with: lastYear, hides: hides)
        let some = calculator.trustYears(in: Self.drop, with: lastYear, comparing: kpis, hides: hides)
        #expect(some.now.map { "\($0)" } == all.now.map { "\($0)" }, "seed \(seed)")
        let then = all.then.filter { kpis.contains($0.kpi) }
        #expect(!then.isEmpty && then.count < all.then.count, "seed \(seed)")
        #expect(some.then.map { "\($0)" } == then.map { "\($0)" }, "seed \(seed)")
        let compared = all.comparisons.filter { key, _ in kpis.contains { $0.index == key >> 16 } }
        #expect(!compared.isEmpty, "seed \(seed)")
        #expect(some.comparisons.count == compared.count, "seed \(seed)")
        for (key, comparison) in compared {
            #expect(
                LikeForLikeEquivalenceTests.describe(some.comparisons[key])
                    == LikeForLikeEquivalenceTests.describe(comparison), "seed \(seed), key \(key)")
        }
        let none = calculator.trustYears(in: Self.drop, with: lastYear, comparing: [], hides: hides)
        #expect(none.then.isEmpty && none.comparisons.isEmpty, "seed \(seed)")
    }

    @Test("the generated trusts have academies in one year only, on each side")
    func academiesJoinAndLeave() {
        var joined = false
        var left = false
        for seed in UInt64(1)...UInt64(30) {
            let calculator = FigureCalculator(data: SmallGroupTrust(seed: seed).data)
            calculator.forEachAcademy(in: Self.drop, and: Self.drop.sameTermLastYear) {
                _, inLater, inEarlier in
                if inLater && !inEarlier { joined = true }
                if inEarlier && !inLater { left = true }
            }
        }
        #expect(joined && left)
    }

    @Test("each academy of either drop is walked once, in URN order, with the drops it is in")
    func walk() {
        let drop = Self.drop
        var data = TrustData()
        let later = [3, 1, 5, 8]
        let earlier = [2, 3, 8, 9]
        for (numbers, when) in [(later, drop), (earlier, drop.sameTermLastYear)] {
            for number in numbers {
                data.attendance.append(
                    AttendanceRecord(
                        urn: Fixtures.urn(600_000 + number), drop: when, yearGroup: .all, pupils: 30,
                        possibleSessions: 3000, absentSessions: 100, persistentAbsentees: 1))
            }
        }
        var walked: [String] = []
        FigureCalculator(data: data).forEachAcademy(in: drop, and: drop.sameTermLastYear) {
            urn, inLater, inEarlier in
            walked.append("\(urn) \(inLater ? "now" : "-") \(inEarlier ? "then" : "-")")
        }
        let expected = [1, 2, 3, 5, 8, 9].map { number in
            let urn = Fixtures.urn(600_000 + number)
            return "\(urn) \(later.contains(number) ? "now" : "-") \(earlier.contains(number) ? "then" : "-")"
        }
        #expect(walked == expected)
    }

    @Test("with no academy in the earlier drop, nothing is compared or summed for it")
    func noEarlierDrop() {
        let drop = Self.drop
        var data = TrustData()
        data.attendance.append(
            AttendanceRecord(
                urn: Fixtures.urn(600_001), drop: drop, yearGroup: .all, pupils: 30, possibleSessions: 3000,
                absentSessions: 100, persistentAbsentees: 1))
        let years = FigureCalculator(data: data).trustYears(in: drop, with: drop.sameTermLastYear) { _ in
            false
        }
        #expect(!years.now.isEmpty)
        #expect(years.then.isEmpty)
        #expect(years.comparisons.isEmpty)
    }
}

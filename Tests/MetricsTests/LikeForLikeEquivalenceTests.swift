import Testing

@testable import Metrics

/// `FigureCalculator.trustComparisons`, gathering by slot, compares each trust figure with
/// the year before exactly as it did by dictionary (`LikeForLikeReference`), on generated
/// trusts of many small groups whose academies join and leave between the two years.
@Suite("Like-for-like comparisons as they always were")
struct LikeForLikeEquivalenceTests {
    static let drop = ProtectionEquivalenceTests.drop

    @Test("generated trusts, all keys and a few", arguments: Array(UInt64(1)...UInt64(30)))
    func generated(seed: UInt64) {
        let calculator = FigureCalculator(data: SmallGroupTrust(seed: seed).data)
        let protection = SmallGroupProtection(calculator: calculator, drop: Self.drop)
        let lastYear = SmallGroupProtection(calculator: calculator, drop: Self.drop.sameTermLastYear)
        func hides(_ figure: Figure) -> Bool {
            figure.drop == Self.drop ? protection.hides(figure) : lastYear.hides(figure)
        }
        let all = calculator.trustComparisons(in: Self.drop, with: Self.drop.sameTermLastYear, hides: hides)
        let some = Set(all.keys.sorted().enumerated().filter { $0.offset % 3 == 0 }.map(\.element))
        var seen: [String: Int] = [:]
        for keys in [nil, some] {
            let new = calculator.trustComparisons(
                in: Self.drop, with: Self.drop.sameTermLastYear, keys: keys, hides: hides)
            let old = LikeForLikeReference.trustComparisons(
                calculator, in: Self.drop, with: Self.drop.sameTermLastYear, keys: keys, hides: hides)
            #expect(new.count == old.count, "seed \(seed)")
            #expect(!new.isEmpty, "seed \(seed): nothing compared")
            for (key, comparison) in old {
                #expect(Self.describe(new[key]) == Self.describe(comparison), "seed \(seed), key \(key)")
                seen[Self.describe(comparison).prefix { $0 != "(" }.description, default: 0] += 1
            }
        }
        #expect(seen["sameAcademies"] != nil || seen["likeForLike"] != nil, "seed \(seed): \(seen)")
    }

    @Test("the generated trusts give every kind of comparison, so each is compared")
    func everyKind() {
        var seen = Set<String>()
        for seed in UInt64(1)...UInt64(30) {
            let calculator = FigureCalculator(data: SmallGroupTrust(seed: seed).data)
            let protection = SmallGroupProtection(calculator: calculator, drop: Self.drop)
            let lastYear = SmallGroupProtection(calculator: calculator, drop: Self.drop.sameTermLastYear)
            let comparisons = calculator.trustComparisons(in: Self.drop, with: Self.drop.sameTermLastYear) {
                $0.drop == Self.drop ? protection.hides($0) : lastYear.hides($0)
            }
            for comparison in comparisons.values {
                seen.insert(Self.describe(comparison).prefix { $0 != "(" }.description)
            }
        }
        #expect(seen == ["sameAcademies", "likeForLike", "withheld", "nothingInCommon"])
    }

    @Test("a key no store holds (a year group past Year 14) is compared too")
    func keyOutsideTheSlots() {
        let drop = Self.drop
        var data = TrustData()
        for (number, years) in [(1, [20, 6]), (2, [20])] {
            let urn = Fixtures.urn(500_000 + number)
            data.academies.append(Academy(urn: urn, name: "A\(number)", phase: .secondary))
            for (year, when) in years.map({ ($0, drop) }) + [(20, drop.sameTermLastYear)] {
                data.attendance.append(
                    AttendanceRecord(
                        urn: urn, drop: when, yearGroup: .year(year), pupils: 30 + number,
                        possibleSessions: 3000, absentSessions: 100 * number, persistentAbsentees: number))
            }
        }
        let calculator = FigureCalculator(data: data)
        let new = calculator.trustComparisons(in: drop, with: drop.sameTermLastYear) { _ in false }
        let old = LikeForLikeReference.trustComparisons(calculator, in: drop, with: drop.sameTermLastYear) {
            _ in false
        }
        #expect(new.count == old.count)
        #expect(new.keys.contains { $0 & 0xFF == 21 })
        for (key, comparison) in old { #expect(Self.describe(new[key]) == Self.describe(comparison)) }
    }

    /// A comparison as text, its sums in full.
    static func describe(_ comparison: FigureCalculator.TrustComparison?) -> String {
        switch comparison {
        case .sameAcademies: "sameAcademies"
        case .likeForLike(let pair): "likeForLike(\(pair.now), \(pair.then))"
        case .withheld: "withheld"
        case .nothingInCommon: "nothingInCommon"
        case nil: "none"
        }
    }
}

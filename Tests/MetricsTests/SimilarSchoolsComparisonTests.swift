import Foundation
import Testing

@testable import Metrics

/// An academy's figure against its similar schools': median, interquartile range, rank
/// and quartile, worked by hand.
@Suite("A figure is ranked among its similar schools")
struct SimilarSchoolsComparisonTests {
    typealias National = SimilarSchoolsFixtures

    /// A group of nine members, URN 100001–100009, at made-up distances.
    static var group: SimilarSchools {
        let members = (1...9).map {
            SimilarSchools.Member(
                school: National.school(100_000 + $0), distance: Double($0), differences: [:])
        }
        return SimilarSchools(
            academy: National.academy, phase: .primary, year: National.year, members: members, requested: 9,
            candidates: 9, leftOut: 0, spread: [:])
    }

    /// Eight members' values; 100008 has none. A school outside the group (100500) has a
    /// value that must be ignored.
    static let values: [URN: Double] = [
        Fixtures.urn(100_001): 94.0, Fixtures.urn(100_002): 95.5, Fixtures.urn(100_003): 93.2,
        Fixtures.urn(100_004): 96.1, Fixtures.urn(100_005): 92.8, Fixtures.urn(100_006): 95.0,
        Fixtures.urn(100_007): 94.4, Fixtures.urn(100_009): 97.0, Fixtures.urn(100_500): 10.0,
    ]

    // Sorted: 92.8, 93.2, 94.0, 94.4, 95.0, 95.5, 96.1, 97.0 (n = 8).
    // Lower quartile: h = 7 × 0.25 = 1.75: 93.2 + 0.75 × (94.0 − 93.2) = 93.8.
    // Median: h = 3.5: 94.4 + 0.5 × (95.0 − 94.4) = 94.7.
    // Upper quartile: h = 5.25: 95.5 + 0.25 × (96.1 − 95.5) = 95.65.

    @Test("median and quartiles by linear interpolation; a member with no value is counted")
    func medianAndQuartiles() throws {
        let comparison = try #require(
            SimilarSchoolsComparison(
                value: 95.5, direction: .higherIsBetter, group: Self.group, values: Self.values))
        #expect(comparison.membersWithValue == 8)
        #expect(comparison.membersWithoutValue == 1)
        #expect(abs(comparison.lowerQuartile - 93.8) < 1e-9)
        #expect(abs(comparison.median - 94.7) < 1e-9)
        #expect(abs(comparison.upperQuartile - 95.65) < 1e-9)
        #expect(comparison.year == National.year)
    }

    @Test("higher is better: 96.1 and 97.0 are better, 95.5 ties and shares the better rank")
    func higherIsBetter() throws {
        let comparison = try #require(
            SimilarSchoolsComparison(
                value: 95.5, direction: .higherIsBetter, group: Self.group, values: Self.values))
        #expect(comparison.rank == 3)
        #expect(comparison.outOf == 9)
        #expect(comparison.rankText == "3rd best of 9")
        // 95.5 is below the upper quartile 95.65, at or above the median 94.7: second.
        #expect(comparison.quartile == 2)
    }

    @Test("lower is better: only 92.8 is better than 93.0, which is under the lower quartile")
    func lowerIsBetter() throws {
        let comparison = try #require(
            SimilarSchoolsComparison(
                value: 93.0, direction: .lowerIsBetter, group: Self.group, values: Self.values))
        #expect(comparison.rankText == "2nd best of 9")
        #expect(comparison.quartile == 1)
        let worst = try #require(
            SimilarSchoolsComparison(
                value: 99, direction: .lowerIsBetter, group: Self.group, values: Self.values))
        #expect(worst.rankText == "9th best of 9")
        #expect(worst.quartile == 4)
        // 95.0 lies between the median 94.7 and the upper quartile 95.65: third.
        let third = try #require(
            SimilarSchoolsComparison(
                value: 95.0, direction: .lowerIsBetter, group: Self.group, values: Self.values))
        #expect(third.quartile == 3)
        #expect(third.rank == 5)
    }

    /// The nearest five of the hand-made national set (twins 100110 and 100120, ±1 in
    /// 100130 and 100131, then 100140 of the ±2 tie) with a measure that 100130 has no
    /// value for. 100141 (not in the five) and the academy itself have values that must
    /// not count.
    @Test("on the hand-made national set: one member without a value, worked by hand")
    func nationalSet() throws {
        let finder = SimilarSchoolsFinder(schools: National.national, count: 5)
        let group = try #require(finder.group(for: National.academy).group)
        let values: [URN: Double] = [
            Fixtures.urn(100_110): 95.1, Fixtures.urn(100_120): 93.0, Fixtures.urn(100_131): 96.4,
            Fixtures.urn(100_140): 94.2, Fixtures.urn(100_141): 99.0, Fixtures.urn(100_100): 50.0,
        ]
        let comparison = try #require(
            SimilarSchoolsComparison(value: 94.2, direction: .higherIsBetter, group: group, values: values))
        // Sorted: 93.0, 94.2, 95.1, 96.4 (n = 4). Lower quartile: h = 0.75: 93.0 + 0.75 × 1.2
        // = 93.9. Median: h = 1.5: 94.2 + 0.5 × 0.9 = 94.65. Upper: h = 2.25: 95.1 + 0.25 ×
        // 1.3 = 95.425.
        #expect(comparison.membersWithValue == 4)
        #expect(comparison.membersWithoutValue == 1)
        #expect(abs(comparison.lowerQuartile - 93.9) < 1e-9)
        #expect(abs(comparison.median - 94.65) < 1e-9)
        #expect(abs(comparison.upperQuartile - 95.425) < 1e-9)
        // Better: 95.1 and 96.4; 100140's 94.2 ties and does not rank above: 3rd of 5.
        #expect(comparison.rankText == "3rd best of 5")
        // Below the median 94.65, at or above the lower quartile 93.9: third quarter.
        #expect(comparison.quartile == 3)
    }

    @Test("no member with a value gives no comparison")
    func noValues() {
        let comparison = SimilarSchoolsComparison(
            value: 95, direction: .higherIsBetter, group: Self.group, values: [Fixtures.urn(100_500): 90])
        #expect(comparison == nil)
    }

    @Test(
        "ordinals in words",
        arguments: [
            (1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
            (21, "21st"), (22, "22nd"), (23, "23rd"), (101, "101st"), (111, "111th"),
        ])
    func ordinals(number: Int, text: String) {
        #expect(SimilarSchoolsComparison.ordinal(number) == text)
    }

    @Test("a later figure is compared with its own year or the one before, never across the pandemic")
    func yearCompared() {
        func compared(_ year: Int, _ years: [Int]) -> AcademicYear? {
            SimilarSchoolsComparison.yearCompared(
                for: AcademicYear(year), yearsWithData: years.map(AcademicYear.init))
        }
        #expect(compared(2018, [2018]) == AcademicYear(2018))
        #expect(compared(2024, [2022, 2023]) == AcademicYear(2023))
        #expect(compared(2024, [2022]) == nil)
        #expect(compared(2019, [2018, 2019]) == nil)
        #expect(compared(2021, [2020]) == nil)
        #expect(compared(2022, [2021]) == AcademicYear(2021))
    }
}

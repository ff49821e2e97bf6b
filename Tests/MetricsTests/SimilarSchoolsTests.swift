import Foundation
import Testing

@testable import Metrics

/// Each academy's similar schools: the nearest state-funded schools of its phase and
/// year, by standardised differences in intake and size.
@Suite("Similar schools are the nearest of the phase and year, by intake and size")
struct SimilarSchoolsTests {
    typealias National = SimilarSchoolsFixtures

    @Test("the nearest five: twins, then ±1, then the lower URN of the ±2 tie")
    func nearestFive() throws {
        let finder = SimilarSchoolsFinder(schools: National.national, count: 5)
        let group = try #require(finder.group(for: National.academy).group)
        #expect(group.urns == National.urns([100_110, 100_120, 100_130, 100_131, 100_140]))
        #expect(group.phase == .primary)
        #expect(group.year == National.year)
        #expect(group.requested == 5)
        // Primary 2018/19 with every characteristic: the academy, 2 twins, 6 near, 25 far
        // = 34; the academy is not a candidate: 33. Left out: EHCP NA, pupils NA, 0 pupils.
        #expect(group.candidates == 33)
        #expect(group.leftOut == 3)
        #expect(group.members[0].distance == 0)
        #expect(group.members[1].distance == 0)
        // ±1 and ±2 differ only in disadvantaged %, so their distances are 1 and 2 points
        // over the same standard deviation: the ±2 school is twice as far.
        let one = group.members[2].distance
        #expect(one > 0)
        #expect(abs(group.members[3].distance - one) < 1e-12)
        #expect(abs(group.members[4].distance - 2 * one) < 1e-12)
        #expect((group.members[2].differences[.disadvantaged] ?? 0) < 0)
        #expect((group.members[3].differences[.disadvantaged] ?? 0) > 0)
        #expect(group.members[3].differences[.eal] == 0)
    }

    @Test("the default twenty: the eight near schools, then the far cluster's twelve lowest URNs")
    func defaultTwenty() throws {
        let finder = SimilarSchoolsFinder(schools: National.national)
        #expect(finder.count == 20)
        let group = try #require(finder.group(for: National.academy).group)
        let near = [100_110, 100_120, 100_130, 100_131, 100_140, 100_141, 100_150, 100_151]
        #expect(group.urns == National.urns(near + (1...12).map { 100_200 + $0 }))
        let never = National.urns([100_100, 100_301, 100_302, 100_303, 100_401, 100_402, 100_403])
        #expect(Set(group.urns).isDisjoint(with: never))
    }

    @Test("a group larger than the candidates holds every candidate")
    func allCandidates() throws {
        let finder = SimilarSchoolsFinder(schools: National.national, count: 100)
        let group = try #require(finder.group(for: National.academy).group)
        #expect(group.members.count == 33)
        #expect(group.requested == 100)
    }

    /// A pool whose standard deviations are worked by hand: disadvantaged {10, 10, 20, 20}
    /// (mean 15, SD 5), EAL {0, 8, 0, 8} (SD 4), SEN support all 12 (SD 0, so it adds
    /// nothing), EHCP {1, 1, 3, 3} (SD 1), pupils {100, 400, 100, 400} (log SD ln 2).
    @Test("distances are the Euclidean sum of standardised differences, worked by hand")
    func distancesByHand() throws {
        let pool = [
            National.school(100_001, pupils: 100, disadvantaged: 10, eal: 0, ehcp: 1),
            National.school(100_002, pupils: 400, disadvantaged: 10, eal: 8, ehcp: 1),
            National.school(100_003, pupils: 100, disadvantaged: 20, eal: 0, ehcp: 3),
            National.school(100_004, pupils: 400, disadvantaged: 20, eal: 8, ehcp: 3),
        ]
        // The academy, from a context file, is not in the pool: 200 pupils, 10%, 0%, SEN
        // support 40% (no matter: SD 0), EHCP 1%.
        let context = SchoolContext(
            urn: National.academyURN, year: National.year, pupils: 200, disadvantagedPercent: 10,
            ealPercent: 0, senSupportPercent: 40, ehcpPercent: 1)
        let academy = SchoolCharacteristics(context: context, phase: .primary)
        #expect(academy.source == .context)
        let finder = SimilarSchoolsFinder(schools: pool)
        let group = try #require(finder.group(for: academy).group)
        // 100001: size ln(100/200) = −ln 2 = −1 SD: distance 1.
        // 100002: EAL 8/4 = 2, size +1: √5.   100003: disadvantaged 2, EHCP 2, size −1: 3.
        // 100004: 2, 2, 2, +1: √13.
        #expect(group.urns == National.urns([100_001, 100_002, 100_003, 100_004]))
        let expected = [1, 5.0.squareRoot(), 3, 13.0.squareRoot()]
        for (member, distance) in zip(group.members, expected) {
            #expect(abs(member.distance - distance) < 1e-9, "\(member.urn)")
        }
        #expect(abs((group.members[0].differences[.size] ?? 0) + 1) < 1e-9)
        #expect(group.members[0].differences[.senSupport] == 0)
        #expect(abs((group.spread[.disadvantaged] ?? 0) - 5) < 1e-9)
        #expect(abs((group.spread[.eal] ?? 0) - 4) < 1e-9)
        #expect(group.spread[.senSupport] == 0)
        #expect(abs((group.spread[.ehcp] ?? 0) - 1) < 1e-9)
        #expect(abs((group.spread[.size] ?? 0) - log(2.0)) < 1e-9)
    }

    @Test("an academy lacking a characteristic has no group, and says which")
    func academyMissingCharacteristic() {
        let finder = SimilarSchoolsFinder(schools: National.national)
        let academy = National.school(100_100, pupils: nil, ehcp: nil)
        let miss = finder.group(for: academy).miss
        #expect(miss == .missingCharacteristics(National.academyURN, National.year, [.ehcp, .size]))
        #expect(miss?.reason.contains("EHCP %, pupils") == true)
    }

    @Test("an academy with no phase, or of a year with no census, has no group")
    func noPhaseOrNoCensus() {
        let finder = SimilarSchoolsFinder(schools: National.national)
        #expect(
            finder.group(for: National.school(100_100, phase: nil)).miss
                == .noPhase(National.academyURN, National.year))
        let later = National.school(100_100, year: AcademicYear(2023))
        #expect(
            finder.group(for: later).miss == .noSchools(National.academyURN, .primary, AcademicYear(2023)))
        // Special schools: none in the census above.
        #expect(finder.group(for: National.school(100_100, phase: .special)).miss != nil)
    }

    @Test("an all-through academy is compared with secondary schools")
    func allThrough() throws {
        let finder = SimilarSchoolsFinder(schools: National.national)
        let group = try #require(finder.group(for: National.school(100_999, phase: .allThrough)).group)
        #expect(group.phase == .secondary)
        #expect(group.urns == National.urns([100_401]))
    }
}

/// Which source an academy's characteristics come from.
@Suite("An academy's characteristics: the census, else its context line")
struct AcademyCharacteristicsTests {
    static let year = AcademicYear(2018)
    static let urn = Fixtures.urn(900_101)

    static func census(ehcp: Double?) -> SchoolCensus {
        SchoolCensus(
            urn: urn, year: year, schoolType: "State-funded secondary", phase: .secondary, pupils: 900,
            disadvantagedPercent: 20, ealPercent: 5, senSupportPercent: 11, ehcpPercent: ehcp)
    }

    static let context = SchoolContext(
        urn: urn, year: year, pupils: 950, disadvantagedPercent: 21, ealPercent: 6, senSupportPercent: 12,
        ehcpPercent: 2)

    @Test("a complete census line wins, with the academy's own phase")
    func censusWins() throws {
        let academy = try #require(
            SchoolCharacteristics.academy(
                census: Self.census(ehcp: 1.5), context: Self.context, phase: .allThrough))
        #expect(academy.source == .census)
        #expect(academy.pupils == 900)
        #expect(academy.phase == .allThrough)
    }

    @Test("a census line with NA gives way to the context line, which takes the census's phase if need be")
    func contextFillsIn() throws {
        let academy = try #require(
            SchoolCharacteristics.academy(census: Self.census(ehcp: nil), context: Self.context, phase: nil))
        #expect(academy.source == .context)
        #expect(academy.pupils == 950)
        #expect(academy.phase == .secondary)
    }

    @Test("without a context line the incomplete census line is kept, so the reason names what is missing")
    func incompleteCensusKept() throws {
        let academy = try #require(
            SchoolCharacteristics.academy(census: Self.census(ehcp: nil), context: nil, phase: nil))
        #expect(academy.missing == [.ehcp])
        #expect(SchoolCharacteristics.academy(census: nil, context: nil, phase: .primary) == nil)
        let onlyContext = SchoolCharacteristics.academy(census: nil, context: Self.context, phase: .primary)
        #expect(onlyContext?.source == .context)
        #expect(onlyContext?.phase == .primary)
    }
}

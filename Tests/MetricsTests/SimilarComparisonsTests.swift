import Foundation
import Testing

@testable import Metrics

/// The report's similar-schools comparisons on a hand-made census of four secondary
/// schools: which figures are compared, with which year, and the errors of `similar`.
@Suite struct SimilarComparisonsTests {
    let year = AcademicYear(2022)

    private func school(_ urn: Int, pupils: Int, disadvantaged: Double) -> SchoolCensus {
        SchoolCensus(
            urn: Fixtures.urn(urn), year: year, schoolType: "State-funded secondary", phase: .secondary,
            pupils: pupils, disadvantagedPercent: disadvantaged, ealPercent: 10, senSupportPercent: 12,
            ehcpPercent: 2)
    }

    /// The academy 100001 and three other secondaries; with a group of 3, all three are in it.
    private var census: [SchoolCensus] {
        [
            school(100_001, pupils: 1_000, disadvantaged: 20),
            school(100_002, pupils: 900, disadvantaged: 22),
            school(100_003, pupils: 1_100, disadvantaged: 18),
            school(100_004, pupils: 1_200, disadvantaged: 30),
            SchoolCensus(
                urn: Fixtures.urn(100_005), year: year, schoolType: "Independent school", phase: nil),
        ]
    }

    private var comparisons: SimilarComparisons {
        let drop = DataDrop(year: year, term: .summer)
        var outcomes = SchoolOutcomes(drop: drop)
        for (urn, value) in [(100_002, 95.0), (100_003, 96.0), (100_004, 94.0)] {
            outcomes.add(
                SchoolOutcome(urn: Fixtures.urn(urn), drop: drop, kpi: .attendanceRate, value: value))
        }
        outcomes.add(
            SchoolOutcome(urn: Fixtures.urn(100_002), drop: drop, kpi: .score(.attainment8), value: 44))
        let academy = Academy(urn: Fixtures.urn(100_001), name: "Oak Academy", phase: .secondary)
        return SimilarComparisons(census: census, academies: [academy], outcomes: [outcomes], count: 3)
    }

    private func compare(
        _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all, year: Int = 2022,
        term: Term = .summer, value: Double = 95.5
    ) -> SimilarSchoolsComparison? {
        comparisons.comparison(
            urn: Fixtures.urn(100_001), kpi: kpi, group: group, yearGroup: yearGroup,
            drop: DataDrop(year: AcademicYear(year), term: term), value: value)
    }

    @Test func wholeSchoolAttendanceIsComparedWithTheGroupsPublishedFigures() throws {
        let comparison = try #require(compare(.attendanceRate))
        // 94.0, 95.0, 96.0: median 95.0; only 96.0 beats 95.5, so 2nd of the three and the academy.
        #expect(comparison.median == 95)
        #expect(comparison.rank == 2)
        #expect(comparison.outOf == 4)
        #expect(comparison.year == year)
        // The autumn of the next year is compared with 2022/23, a year older.
        #expect(compare(.attendanceRate, year: 2023, term: .autumn)?.year == year)
    }

    @Test func figuresTheDfEDoesNotPublishSchoolBySchoolAreNotCompared() {
        // Another group or year group than the DfE's file covers.
        #expect(compare(.attendanceRate, group: .disadvantaged) == nil)
        #expect(compare(.attendanceRate, yearGroup: .year(9)) == nil)
        #expect(compare(.score(.attainment8), yearGroup: .all) == nil)
        #expect(compare(.score(.attainment8), yearGroup: .year(11), value: 50)?.rank == 1)
        // No school-level severe absence; no value of progress 8 for any member.
        #expect(compare(.severeAbsenceRate) == nil)
        #expect(compare(.score(.progress8), yearGroup: .year(11)) == nil)
        // Two years on: never.
        #expect(compare(.attendanceRate, year: 2024) == nil)
    }

    @Test func neverAcrossThePandemicYears() {
        // 2021/22 may not reach back to 2020/21, nor 2020/21 to 2019/20; with figures of those
        // years stored, neither is compared.
        let lines = census.map { line -> SchoolCensus in
            var line = line
            line.year = AcademicYear(2020)
            return line
        }
        let drop = DataDrop(year: AcademicYear(2020), term: .summer)
        var outcomes = SchoolOutcomes(drop: drop)
        for urn in [100_002, 100_003] {
            outcomes.add(SchoolOutcome(urn: Fixtures.urn(urn), drop: drop, kpi: .attendanceRate, value: 95))
        }
        let academy = Academy(urn: Fixtures.urn(100_001), name: "Oak Academy", phase: .secondary)
        let pandemic = SimilarComparisons(census: lines, academies: [academy], outcomes: [outcomes], count: 3)
        for figureYear in [2020, 2021] {
            #expect(
                pandemic.comparison(
                    urn: Fixtures.urn(100_001), kpi: .attendanceRate, group: .all, yearGroup: .all,
                    drop: DataDrop(year: AcademicYear(figureYear), term: .summer), value: 95) == nil)
        }
    }

    @Test func theYearGroupOfEachDfEFigure() {
        #expect(SimilarComparisons.yearGroup(of: .persistentAbsenceRate) == .all)
        #expect(SimilarComparisons.yearGroup(of: .expected(.englishMaths)) == .year(11))
        #expect(SimilarComparisons.yearGroup(of: .expected(.rwm)) == .year(6))
        #expect(SimilarComparisons.yearGroup(of: .score(.mathsProgress)) == .year(6))
        #expect(SimilarComparisons.yearGroup(of: .expected(.phonics)) == nil)
    }

    @Test func similarSaysWhyThereIsNoGroup() throws {
        #expect(throws: SimilarSchoolsRequest.Failure.noCensus) {
            try SimilarSchoolsRequest.year(asked: nil, stored: [])
        }
        #expect(
            try SimilarSchoolsRequest.year(asked: nil, stored: [AcademicYear(2017), AcademicYear(2018)])
                == AcademicYear(2018))
        let missing = SimilarSchoolsRequest.Failure.yearNotStored(
            AcademicYear(2019), stored: [AcademicYear(2017), AcademicYear(2018)])
        #expect(throws: missing) {
            try SimilarSchoolsRequest.year(
                asked: AcademicYear(2019), stored: [AcademicYear(2017), AcademicYear(2018)])
        }
        #expect(
            missing.description.contains(
                "no school census for 2019/20 is stored (the store has 2017/18 and 2018/19)"))
        #expect(missing.description.contains("trustboard ingest --year 2019/20"))
        #expect(throws: SimilarSchoolsRequest.Failure.notInCensus(Fixtures.urn(100_009), year, schools: 5)) {
            try SimilarSchoolsRequest.group(of: Fixtures.urn(100_009), in: census, year: year)
        }
        #expect(
            throws: SimilarSchoolsRequest.Failure.noPhase(
                Fixtures.urn(100_005), year, schoolType: "Independent school")
        ) {
            try SimilarSchoolsRequest.group(of: Fixtures.urn(100_005), in: census, year: year)
        }
        let group = try SimilarSchoolsRequest.group(
            of: Fixtures.urn(100_001), in: census, year: year, count: 2)
        // 100002 and 100003 differ from 100001 by 2 points of disadvantage and by size in
        // opposite directions; 100004 by 10 points: the two nearest are the first two.
        #expect(Set(group.urns) == [Fixtures.urn(100_002), Fixtures.urn(100_003)])
    }
}

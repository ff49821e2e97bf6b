import Testing

@testable import Metrics

@Suite("No stale benchmark, and none across the pandemic years")
struct BenchmarkAgeTests {
    typealias F = BenchmarkFixtures

    func summer(_ year: Int) -> DataDrop { DataDrop(year: AcademicYear(year), term: .summer) }

    /// A primary school missing 600 of 10,000 sessions (absence 6.0), rated in `drop`
    /// against `benchmarks`.
    func absence(in drop: DataDrop, _ benchmarks: [Benchmark]) throws -> RatedFigure {
        let rater = F.rater(
            [F.academy(100_001, .primary)],
            [F.attendance(100_001, drop, pupils: 80, possible: 10_000, absent: 600, persistent: 10)],
            benchmarks,
            drop: drop)
        return try #require(F.figure(rater.rated(Fixtures.urn(100_001)), .absenceRate))
    }

    @Test func a2021FigureIsNeverRatedAgainst2018() throws {
        // Beckfoot's case: the latest before 2021/22 is 2018/19, three years and the
        // pandemic away.
        let rated = try absence(in: summer(2021), [F.bench(.absenceRate, 2018, phase: .primary, 4.0)])
        #expect(rated.rating == .none)
        #expect(rated.benchmark == nil)
        #expect(
            F.benchmarkText(rated)
                == "no national figure for 2021/22 (the latest, 2018/19 full year, is from before the pandemic), "
                + "so not rated")
    }

    @Test func lastYearsFigureIsUsedAndSaysSo() throws {
        // 6.0 against last year's 5.9: amber (≤ 6.9).
        let rated = try absence(in: summer(2023), [F.bench(.absenceRate, 2022, phase: .primary, 5.9)])
        #expect(rated.benchmark?.benchmark.value == 5.9)
        #expect(rated.benchmark?.period == .earlierYearSameTerm)
        #expect(rated.rating == .amber)
        #expect(
            F.benchmarkText(rated)
                == "5.9%  national, primary, all pupils, 2022/23 full year (test release)\n"
                + "the previous year's: no 2023/24 full year figure yet")
    }

    @Test func twoYearsOlderIsTooOld() throws {
        let rated = try absence(in: summer(2024), [F.bench(.absenceRate, 2022, phase: .primary, 5.9)])
        #expect(rated.rating == .none)
        #expect(
            F.benchmarkText(rated)
                == "no national figure for 2024/25 or 2023/24 (the latest, 2022/23 full year, is more than a "
                + "year older), so not rated")
    }

    @Test func aTooOldPhaseFigureGivesWayToARecentAllSchoolsOne() throws {
        // The primary figure is two years older; all schools' this year: 6.0 ≤ 7.1, green.
        let rated = try absence(
            in: summer(2023),
            [F.bench(.absenceRate, 2021, phase: .primary, 6.3), F.bench(.absenceRate, 2023, 7.1)])
        #expect(rated.benchmark?.benchmark.value == 7.1)
        #expect(rated.rating == .green)
    }

    @Test func noBenchmarkFromThePandemicYears() throws {
        // 2020/21's own figure is never used, for a 2021/22 figure or for 2020/21's.
        let pandemic = [F.bench(.absenceRate, 2020, phase: .primary, 3.6), F.bench(.absenceRate, 2019, 4.4)]
        let next = try absence(in: summer(2021), pandemic)
        #expect(next.rating == .none)
        #expect(
            F.benchmarkText(next)
                == "no national figure for 2021/22 (the latest, 2020/21 full year, is from a pandemic year), "
                + "so not rated")
        let during = try absence(in: summer(2020), pandemic)
        #expect(during.rating == .none)
        #expect(
            F.benchmarkText(during)
                == "2020/21 is a pandemic year (2019/20 and 2020/21 are): its figures are never compared with "
                + "national ones, so not rated")
        // Nor is an autumn 2019 figure rated against 2018/19: that crosses into the gap.
        let autumn2019 = try absence(
            in: DataDrop(year: AcademicYear(2019), term: .autumn), [F.bench(.absenceRate, 2018, 4.7)])
        #expect(autumn2019.rating == .none)
    }

    @Test func afterThePandemicTheYearBeforeIsFine() throws {
        // 2022/23 against 2021/22 does not cross the gap: 6.0 ≤ 6.3, green.
        let rated = try absence(in: summer(2022), [F.bench(.absenceRate, 2021, phase: .primary, 6.3)])
        #expect(rated.benchmark?.benchmark.value == 6.3)
        #expect(rated.rating == .green)
    }

    @Test func aFigureRatedByFixedLinesDoesNotSayItIsNotRated() throws {
        // Progress 8 is rated by fixed lines (green ≥ 0.00), so a missing benchmark does not
        // stop it: 0.25 over 100 pupils is green. (2023/24: Progress 8 exists that year.)
        let drop = summer(2023)
        let figure = Figure(
            owner: .academy(Fixtures.urn(100_001)), kpi: .score(.progress8), drop: drop, group: .all,
            yearGroup: .year(11), numerator: 25, denominator: 100, pupils: 100)
        let rated = Rater(config: RatingConfig(), academies: [F.academy(100_001, .secondary)], benchmarks: [])
            .rate(figure)
        #expect(rated.rating == .green)
        #expect(F.benchmarkText(rated) == "no national figure for 2023/24 or 2022/23")
    }

    @Test func usableYears() {
        #expect(
            BenchmarkMatcher.usableYears(for: AcademicYear(2024)) == [AcademicYear(2024), AcademicYear(2023)])
        #expect(BenchmarkMatcher.usableYears(for: AcademicYear(2021)) == [AcademicYear(2021)])
        #expect(BenchmarkMatcher.usableYears(for: AcademicYear(2020)).isEmpty)
        #expect(BenchmarkMatcher.usableYears(for: AcademicYear(2019)).isEmpty)
        #expect(
            BenchmarkMatcher.usableYears(for: AcademicYear(2018)) == [AcademicYear(2018), AcademicYear(2017)])
    }
}

import Testing

@testable import Metrics

@Suite("Benchmark matching and fallback")
struct BenchmarkMatcherTests {
    let spring25 = DataDrop(year: AcademicYear(2025), term: .spring)

    func bench(
        _ year: Int, _ term: Term = .summer, phase: Phase? = nil, group: PupilGroup = .all,
        scope: Benchmark.Scope = .national, value: Double
    ) -> Benchmark {
        Benchmark(
            kpi: .attendanceRate, year: AcademicYear(year), term: term, phase: phase, group: group,
            scope: scope, value: value)
    }

    @Test func sameYearAndTermFirst() {
        let matcher = BenchmarkMatcher(benchmarks: [
            bench(2025, .spring, value: 1), bench(2024, .spring, value: 2),
        ])
        let match = matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .all)
        #expect(match?.benchmark.value == 1)
        #expect(match?.period == .sameDrop)
    }

    @Test func thenThePreviousYearWithTheSameTerm() {
        // 2023/24 spring is two years older than 2025/26 spring, so it is never used; last
        // year's spring (the same period) wins over this year's autumn (another period).
        let matcher = BenchmarkMatcher(benchmarks: [
            bench(2023, .spring, value: 1), bench(2024, .spring, value: 2), bench(2025, .autumn, value: 3),
        ])
        let match = matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .all)
        #expect(match?.benchmark.value == 2)
        #expect(match?.period == .earlierYearSameTerm)
    }

    @Test func thenLatestEarlierOfAnyTerm() {
        let matcher = BenchmarkMatcher(benchmarks: [
            bench(2023, .summer, value: 1), bench(2024, .summer, value: 2), bench(2025, .summer, value: 9),
        ])
        let match = matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .all)
        // 2025/26 summer is later than the drop, so it cannot be used.
        #expect(match?.benchmark.value == 2)
        #expect(match?.period == .latestEarlier)
    }

    @Test func phaseFigureBeatsAllPhasesThenFallsBack() {
        let matcher = BenchmarkMatcher(benchmarks: [
            bench(2024, phase: .primary, value: 1), bench(2025, .autumn, value: 2),
        ])
        // Last year's primary figure wins over this year's all-phases one for a primary school.
        #expect(
            matcher.match(kpi: .attendanceRate, drop: spring25, phase: .primary, group: .all)?.benchmark.value
                == 1)
        // A secondary school has no phase figure, so the all-phases one.
        #expect(
            matcher.match(kpi: .attendanceRate, drop: spring25, phase: .secondary, group: .all)?.benchmark
                .value == 2)
        // Asked with no phase, the all-phases figure.
        #expect(
            matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .all)?.benchmark.value == 2
        )
    }

    @Test func pupilGroupThenAll() {
        let matcher = BenchmarkMatcher(benchmarks: [
            bench(2024, group: .disadvantaged, value: 1), bench(2024, value: 2),
        ])
        #expect(
            matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .disadvantaged)?.benchmark
                .value == 1)
        #expect(
            matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .eal)?.benchmark.value == 2
        )
    }

    @Test func scopeIsNationalUnlessConfigured() {
        let benchmarks = [bench(2024, value: 1), bench(2024, scope: .localAuthority("Northshire"), value: 2)]
        #expect(
            BenchmarkMatcher(benchmarks: benchmarks).match(
                kpi: .attendanceRate, drop: spring25, phase: nil, group: .all)?.benchmark.value == 1)
        let local = BenchmarkMatcher(benchmarks: benchmarks, scope: .localAuthority("Northshire"))
        #expect(
            local.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .all)?.benchmark.value == 2)
    }

    @Test func nothingEarlierMeansNoMatch() {
        let matcher = BenchmarkMatcher(benchmarks: [bench(2025, .summer, value: 1)])
        #expect(matcher.match(kpi: .attendanceRate, drop: spring25, phase: nil, group: .all) == nil)
        #expect(matcher.match(kpi: .absenceRate, drop: spring25, phase: nil, group: .all) == nil)
    }

    @Test func builtInBenchmarksGiveTheDomainFigures() {
        let matcher = BenchmarkMatcher(benchmarks: BuiltInBenchmarks.all)
        let drop = DataDrop(year: AcademicYear(2024), term: .spring)
        // The 2024/25 autumn-and-spring release: primary absence 5.16, attendance 100 − 5.16.
        #expect(
            matcher.match(kpi: .absenceRate, drop: drop, phase: .primary, group: .all)?.benchmark.value
                == 5.16)
        #expect(
            matcher.match(kpi: .attendanceRate, drop: drop, phase: .primary, group: .all)?.benchmark.value
                == 94.84)
        // No 2024/25 persistent absence for secondary schools: the 2023/24 full year's 25.56.
        #expect(
            matcher.match(kpi: .persistentAbsenceRate, drop: drop, phase: .secondary, group: .all)?.benchmark
                .value == 25.56)
        // Attainment in spring: last summer's results (2024/25's come after the drop).
        #expect(
            matcher.match(kpi: .expected(.rwm), drop: drop, phase: .primary, group: .disadvantaged)?.benchmark
                .value == 45)
        #expect(
            matcher.match(kpi: .score(.attainment8), drop: drop, phase: .secondary, group: .all)?.benchmark
                .value == 46.1)
    }
}

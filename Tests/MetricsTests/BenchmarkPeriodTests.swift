import Testing

@testable import Metrics

@Suite("Same period, or say so")
struct BenchmarkPeriodTests {
    typealias F = BenchmarkFixtures
    let autumn = DataDrop(year: AcademicYear(2024), term: .autumn)
    let spring = DataDrop(year: AcademicYear(2024), term: .spring)

    /// A secondary school missing 780 of 10,000 sessions (absence 7.8, attendance 92.2) in
    /// `drop`, rated against `benchmarks`.
    func rated(in drop: DataDrop, _ benchmarks: [Benchmark]) -> [RatedFigure] {
        F.rater(
            [F.academy(100_001, .secondary)],
            [F.attendance(100_001, drop, pupils: 80, possible: 10_000, absent: 780, persistent: 10)],
            benchmarks,
            drop: drop
        ).rated(Fixtures.urn(100_001))
    }

    @Test func theAutumnFigureIsRatedAgainstTheAutumnTerm() throws {
        // The autumn term's 7.66 for secondary schools, not the previous full year's 8.89:
        // 7.8 ≤ 7.66 + 1 is amber, where against 8.89 it would be green.
        let figures = rated(
            in: autumn,
            [
                F.bench(.absenceRate, 2023, phase: .secondary, 8.89),
                F.bench(.absenceRate, 2024, .autumn, phase: .secondary, 7.66),
            ])
        let absence = try #require(F.figure(figures, .absenceRate))
        #expect(absence.benchmark?.benchmark.value == 7.66)
        #expect(absence.benchmark?.period == .sameDrop)
        #expect(absence.benchmark?.periodText == "2024/25 autumn")
        #expect(absence.rating == .amber)
        #expect(
            F.benchmarkText(absence)
                == "7.7% (7.66 before rounding)  national, secondary, all pupils, 2024/25 autumn (test release)"
        )
    }

    @Test func lastAutumnBeatsLastFullYearForAnAutumnFigure() throws {
        let figures = rated(
            in: autumn,
            [
                F.bench(.absenceRate, 2023, phase: .secondary, 8.89),
                F.bench(.absenceRate, 2023, .autumn, phase: .secondary, 8.15),
            ])
        let absence = try #require(F.figure(figures, .absenceRate))
        #expect(absence.benchmark?.benchmark.value == 8.15)
        #expect(absence.benchmark?.periodText == "2023/24 autumn")
        #expect(
            F.benchmarkText(absence)
                == "8.2% (8.15 before rounding)  national, secondary, all pupils, 2023/24 autumn (test release)\n"
                + "the previous year's: no 2024/25 autumn figure yet")
    }

    @Test func anotherPeriodIsNamed() throws {
        // Spring (autumn and spring together) with only this autumn's figure and last full
        // year's: the latest, this autumn's, and the explanation says it is another period.
        let figures = rated(
            in: spring,
            [
                F.bench(.absenceRate, 2023, phase: .secondary, 8.89),
                F.bench(.absenceRate, 2024, .autumn, phase: .secondary, 7.66),
            ])
        let absence = try #require(F.figure(figures, .absenceRate))
        #expect(absence.benchmark?.benchmark.value == 7.66)
        #expect(absence.benchmark?.period == .latestEarlier)
        #expect(
            F.benchmarkText(absence)
                == "7.7% (7.66 before rounding)  national, secondary, all pupils, 2024/25 autumn (test release)\n"
                + "another period: this figure is 2024/25 autumn and spring, and no national figure for that "
                + "period is known yet")
    }

    @Test func periodsInWords() {
        let drop = { (term: Term) in DataDrop(year: AcademicYear(2023), term: term) }
        #expect(Benchmark.period(of: drop(.autumn), kpi: .attendanceRate) == "2023/24 autumn")
        #expect(
            Benchmark.period(of: drop(.spring), kpi: .persistentAbsenceRate) == "2023/24 autumn and spring")
        #expect(Benchmark.period(of: drop(.summer), kpi: .severeAbsenceRate) == "2023/24 full year")
        // Attainment: the year of the results, or an in-year term.
        #expect(Benchmark.period(of: drop(.summer), kpi: .expected(.rwm)) == "2023/24")
        #expect(Benchmark.period(of: drop(.autumn), kpi: .score(.attainment8)) == "2023/24 autumn")
    }

    @Test func anInYearAssessmentIsComparedWithTheLatestResults() throws {
        // Autumn teacher assessment of Year 6 RWM, 18 of 30 = 60.0, against last summer's
        // national results, 61: amber (≥ 56).
        let drop = DataDrop(year: AcademicYear(2024), term: .autumn)
        let data = TrustData(
            academies: [F.academy(100_001, .primary)],
            attainment: [
                AttainmentRecord(
                    urn: Fixtures.urn(100_001), drop: drop, yearGroup: .year(6), subject: .rwm, cohort: 30,
                    expected: 18, basis: .teacherAssessment)
            ],
            benchmarks: [F.bench(.expected(.rwm), 2023, 61, source: "DfE KS2 2023/24")])
        let rated = DropRater(data: data, drop: drop, config: RatingConfig()).rated(Fixtures.urn(100_001))
        let rwm = try #require(rated.first { $0.figure.kpi == .expected(.rwm) })
        #expect(rwm.rating == .amber)
        #expect(rwm.benchmark?.periodText == "2023/24")
        #expect(
            F.benchmarkText(rwm)
                == "61.0%  national, all phases, all pupils, 2023/24 (DfE KS2 2023/24)\n"
                + "the latest national results (2023/24): in-year figures are compared with the latest results"
        )
    }
}

import Testing

@testable import Metrics

@Suite("Special schools and alternative provision are compared only with their own kind")
struct SpecialSchoolBenchmarkTests {
    typealias F = BenchmarkFixtures
    let summer2122 = DataDrop(year: AcademicYear(2021), term: .summer)
    let summer2324 = DataDrop(year: AcademicYear(2023), term: .summer)

    @Test func aSpecialSchoolWithNoSpecialFigureIsNotRatedAndSaysWhy() throws {
        // 1,100 of 10,000 sessions missed → absence 11.0. All schools' 7.6 for 2021/22 is
        // there, but a special school is never held to it; the special schools' 10.1 is
        // 2018/19's, from before the pandemic.
        let rater = F.rater(
            [F.academy(100_001, .special)],
            [F.attendance(100_001, summer2122, pupils: 80, possible: 10_000, absent: 1_100, persistent: 30)],
            [F.bench(.absenceRate, 2021, 7.6), F.bench(.absenceRate, 2018, phase: .special, 10.1)],
            drop: summer2122)
        let absence = try #require(F.figure(rater.rated(Fixtures.urn(100_001)), .absenceRate))
        #expect(absence.shown == 11.0)
        #expect(absence.rating == .none)
        #expect(absence.benchmark == nil)
        #expect(
            F.benchmarkText(absence)
                == "no national figure for special schools for 2021/22 (the latest, 2018/19 full year, "
                + "is from before the pandemic), so not rated; special schools are compared only with "
                + "special schools")
        #expect(
            RatingExplanation(absence).ruleText
                == "rated against the benchmark, and there is none, so no rating")
        // Persistent absence has no special figure at all: no "latest" to name.
        let persistent = try #require(F.figure(rater.rated(Fixtures.urn(100_001)), .persistentAbsenceRate))
        #expect(persistent.rating == .none)
        #expect(
            F.benchmarkText(persistent)
                == "no national figure for special schools for 2021/22, so not rated; special schools are "
                + "compared only with special schools")
    }

    @Test func aSpecialSchoolIsRatedAgainstTheSpecialFigure() throws {
        // 1,250 of 10,000 missed → absence 12.5, attendance 87.5. Against special schools'
        // 13.0 (attendance 87.0) both are green; against all schools' 7.1 they would be red.
        let rater = F.rater(
            [F.academy(100_001, .special)],
            [F.attendance(100_001, summer2324, pupils: 80, possible: 10_000, absent: 1_250, persistent: 30)],
            [
                F.bench(.absenceRate, 2023, 7.1), F.bench(.absenceRate, 2023, phase: .special, 13.0),
                F.bench(.attendanceRate, 2023, 92.9), F.bench(.attendanceRate, 2023, phase: .special, 87.0),
            ],
            drop: summer2324)
        let rated = rater.rated(Fixtures.urn(100_001))
        let absence = try #require(F.figure(rated, .absenceRate))
        #expect(absence.shown == 12.5)
        #expect(absence.benchmark?.benchmark.value == 13.0)
        #expect(absence.benchmark?.benchmark.phase == .special)
        #expect(absence.rating == .green)
        let attendance = try #require(F.figure(rated, .attendanceRate))
        #expect(attendance.benchmark?.benchmark.value == 87.0)
        #expect(attendance.rating == .green)
        #expect(
            F.benchmarkText(attendance)
                == "87.0%  national, special, all pupils, 2023/24 full year (test release)")
    }

    @Test func alternativeProvisionIsNotHeldToMainstreamFigures() throws {
        let rater = F.rater(
            [F.academy(100_001, .alternativeProvision)],
            [F.attendance(100_001, summer2324, pupils: 40, possible: 5_000, absent: 2_000, persistent: 30)],
            [F.bench(.absenceRate, 2023, 7.1), F.bench(.absenceRate, 2023, phase: .secondary, 8.9)],
            drop: summer2324)
        let absence = try #require(F.figure(rater.rated(Fixtures.urn(100_001)), .absenceRate))
        #expect(absence.shown == 40.0)
        #expect(absence.rating == .none)
        #expect(
            F.benchmarkText(absence)
                == "no national figure for alternative provision schools for 2023/24 or 2022/23, so not rated; "
                + "alternative provision schools are compared only with alternative provision schools")
    }

    @Test func allThroughAndMainstreamFallBackToAllSchools() throws {
        // 700 of 10,000 missed → 7.0 ≤ 7.1: green against the all-schools figure, the only one.
        let rater = F.rater(
            [F.academy(100_001, .allThrough), F.academy(100_002, .primary)],
            [
                F.attendance(100_001, summer2324, pupils: 80, possible: 10_000, absent: 700, persistent: 10),
                F.attendance(100_002, summer2324, pupils: 80, possible: 10_000, absent: 700, persistent: 10),
            ],
            [F.bench(.absenceRate, 2023, 7.1)],
            drop: summer2324)
        for urn in [100_001, 100_002] {
            let absence = try #require(F.figure(rater.rated(Fixtures.urn(urn)), .absenceRate))
            #expect(absence.benchmark?.benchmark.value == 7.1)
            #expect(absence.rating == .green)
        }
    }
}

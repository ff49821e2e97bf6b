import Testing

@testable import Metrics

@Suite("Rating: boundaries, display rounding, targets, suppression, trends")
struct RatingTests {
    let drop = Fixtures.spring2425
    let urn = Fixtures.urn(900101)
    let academies = [Academy(urn: Fixtures.urn(900101), name: "Hollybank", phase: .primary)]

    func figure(
        _ kpi: KPI, _ numerator: Double, _ denominator: Double, pupils: Int = 300, drop: DataDrop? = nil
    )
        -> Figure
    {
        Figure(
            owner: .academy(urn), kpi: kpi, drop: drop ?? self.drop, group: .all, yearGroup: .all,
            numerator: numerator, denominator: denominator, pupils: pupils)
    }

    func rater(_ benchmarks: [Benchmark], config: RatingConfig = RatingConfig()) -> Rater {
        Rater(config: config, academies: academies, benchmarks: benchmarks)
    }

    let attendanceBench = Benchmark(
        kpi: .attendanceRate, year: AcademicYear(2023), phase: .primary, value: 94.5)

    @Test func attendanceBoundariesAgainstBenchmark() {
        // Green ≥ 94.5, amber ≥ 93.5, red below.
        let rater = rater([attendanceBench])
        #expect(rater.rate(figure(.attendanceRate, 9450, 10000)).rating == .green)
        #expect(rater.rate(figure(.attendanceRate, 9449, 10000)).rating == .green)  // 94.49 shows 94.5
        #expect(rater.rate(figure(.attendanceRate, 9444, 10000)).rating == .amber)  // 94.4
        #expect(rater.rate(figure(.attendanceRate, 9350, 10000)).rating == .amber)  // 93.5
        #expect(rater.rate(figure(.attendanceRate, 9344, 10000)).rating == .red)  // 93.4
    }

    @Test func ratingIsDecidedOnTheShownValue() {
        // 93.46% shows as 93.5 and so meets the amber line of 93.5 exactly.
        let rater = rater([attendanceBench])
        let rated = rater.rate(figure(.attendanceRate, 9346, 10000))
        #expect(rated.shown == 93.5)
        #expect(rated.rating == .amber)
        // 94.46% shows as 94.5 and is green, though the exact value is under 94.5.
        #expect(rater.rate(figure(.attendanceRate, 9446, 10000)).rating == .green)
    }

    @Test func lowerIsBetterForPersistentAbsence() {
        // Bench 14.56 is shown as 14.6, and lines are compared as shown: green ≤ 14.6,
        // amber ≤ 14.6 + 5.0 = 19.6.
        let bench = Benchmark(
            kpi: .persistentAbsenceRate, year: AcademicYear(2023), phase: .primary, value: 14.56)
        let rater = rater([bench])
        #expect(rater.rate(figure(.persistentAbsenceRate, 146, 1000)).rating == .green)  // 14.6
        #expect(rater.rate(figure(.persistentAbsenceRate, 147, 1000)).rating == .amber)  // 14.7
        #expect(rater.rate(figure(.persistentAbsenceRate, 196, 1000)).rating == .amber)  // 19.6
        #expect(rater.rate(figure(.persistentAbsenceRate, 197, 1000)).rating == .red)  // 19.7
        let rated = rater.rate(figure(.persistentAbsenceRate, 146, 1000))
        #expect(rated.greenLine == 14.6 && rated.amberLine == 19.6)
    }

    @Test func progress8UsesAbsoluteLinesWithoutABenchmark() {
        let rater = rater([])
        // 2023/24: Progress 8 does not exist for this suite's 2024/25 (see ProgressEightYearsTests).
        let summer2324 = DataDrop(year: AcademicYear(2023), term: .summer)
        func p8(_ average: Double) -> RAGRating {
            rater.rate(figure(.score(.progress8), average * 100, 100, drop: summer2324)).rating
        }
        #expect(p8(0.0) == .green)
        #expect(p8(-0.004) == .green)  // shows -0.00
        #expect(p8(-0.01) == .amber)
        #expect(p8(-0.5) == .amber)
        #expect(p8(-0.495) == .amber)  // shows -0.50
        #expect(p8(-0.51) == .red)
    }

    @Test func noBenchmarkMeansNoRating() {
        let rated = rater([]).rate(figure(.attendanceRate, 9500, 10000))
        #expect(rated.rating == .none)
        #expect(rated.shown == 95.0)
    }

    @Test func scoresWithoutARuleAreUnrated() {
        let bench = Benchmark(kpi: .score(.readingScaled), year: AcademicYear(2023), value: 105)
        #expect(rater([bench]).rate(figure(.score(.readingScaled), 3180, 30, pupils: 30)).rating == .none)
    }

    @Test func suppressionBelowSixPupils() {
        let rater = rater([attendanceBench])
        let five = rater.rate(figure(.attendanceRate, 9000, 10000, pupils: 5))
        #expect(five.rating == .suppressed)
        #expect(five.shown == nil)
        let six = rater.rate(figure(.attendanceRate, 9000, 10000, pupils: 6))
        #expect(six.rating == .red)
        #expect(six.shown == 90.0)
    }

    @Test func academyTargetOverridesTrustRule() {
        var config = RatingConfig()
        config.targets[urn] = [.attendanceRate: RatingTarget(green: 96.0)]
        let rater = rater([attendanceBench], config: config)
        // 95.0 is green against national 94.5 but amber against a 96.0 target (amber ≥ 95.0).
        let rated = rater.rate(figure(.attendanceRate, 9500, 10000))
        #expect(rated.rating == .amber)
        #expect(rated.origin == .academyTarget)
        #expect(rated.greenLine == 96.0)
        #expect(rated.amberLine == 95.0)
        config.targets[urn] = [.attendanceRate: RatingTarget(green: 96.0, amber: 95.5)]
        #expect(
            self.rater([attendanceBench], config: config).rate(figure(.attendanceRate, 9500, 10000)).rating
                == .red)
    }

    @Test func configAbsoluteRuleReplacesBuiltIn() {
        var config = RatingConfig()
        config.rules[.attendanceRate] = .absolute(green: 96, amber: 94)
        let rater = rater([attendanceBench], config: config)
        let rated = rater.rate(figure(.attendanceRate, 9500, 10000))
        #expect(rated.rating == .amber)
        #expect(rated.origin == .config)
    }

    @Test func changeIsOnShownValuesAgainstSameTermLastYear() {
        let rater = rater([attendanceBench])
        // Now 93.46% (shows 93.5); a year ago 92.14% (shows 92.1): change +1.4.
        let previous = figure(.attendanceRate, 9214, 10000, drop: drop.sameTermLastYear)
        let rated = rater.rate(figure(.attendanceRate, 9346, 10000), previous: previous)
        #expect(rated.previousShown == 92.1)
        #expect(rated.change == 1.4)
        #expect(rated.changeIsBetter == true)
        let worse = rater.rate(
            figure(.persistentAbsenceRate, 200, 1000), previous: figure(.persistentAbsenceRate, 150, 1000))
        #expect(worse.change == 5.0)
        #expect(worse.changeIsBetter == false)
    }

    @Test func suppressedPreviousGivesNoChange() {
        let rater = rater([attendanceBench])
        let previous = figure(.attendanceRate, 900, 1000, pupils: 5, drop: drop.sameTermLastYear)
        let rated = rater.rate(figure(.attendanceRate, 9346, 10000), previous: previous)
        #expect(rated.previousShown == nil)
        #expect(rated.change == nil)
    }

    @Test func explanationNamesCountsBenchmarkRuleAndPrevious() {
        let bench = Benchmark(
            kpi: .attendanceRate, year: AcademicYear(2023), phase: .primary, value: 94.5,
            source: "DfE absence 2023/24")
        let previous = figure(.attendanceRate, 9214, 10000, drop: drop.sameTermLastYear)
        let rated = rater([bench]).rate(figure(.attendanceRate, 9346, 10000), previous: previous)
        let lines = RatingExplanation(rated).lines.map { "\($0.label): \($0.text)" }
        #expect(
            lines == [
                "Value: 93.5% = 9,346 of 10,000 possible sessions attended",
                "Benchmark: 94.5%  national, primary, all pupils, 2023/24 full year (DfE absence 2023/24)",
                ": another period and the previous year's: this figure is 2024/25 autumn and spring, "
                    + "and no national figure for that period is known yet",
                "Rule: green ≥ 94.5 · amber ≥ 93.5 · red below   (trust default)",
                "Target: none for this academy",
                "Last spring: 92.1% in 2023/24 spring → change +1.4",
            ])
    }
}

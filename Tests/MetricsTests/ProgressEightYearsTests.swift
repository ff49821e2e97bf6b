import Testing

@testable import Metrics

/// Progress 8 does not exist for 2019/20, 2020/21 (no GCSE exams) and 2024/25, 2025/26
/// (those pupils sat no KS2 tests): such figures are warned about on ingest, kept, shown
/// and never rated.
@Suite("Progress 8 in years it does not exist")
struct ProgressEightYearsTests {
    static let urn = Fixtures.urn(900_102)

    static func progress8(_ year: Int, _ average: Double) -> Figure {
        Figure(
            owner: .academy(urn), kpi: .score(.progress8),
            drop: DataDrop(year: AcademicYear(year), term: .summer),
            group: .all, yearGroup: .year(11), numerator: average * 150, denominator: 150, pupils: 150)
    }

    static let rater = Rater(
        config: RatingConfig(), academies: [Academy(urn: urn, name: "Castle Rise", phase: .secondary)],
        benchmarks: [])

    @Test(arguments: [2019, 2020, 2024, 2025])
    func noRatingInAYearWithoutProgress8(year: Int) {
        // -0.60 would be red by the absolute rule (red below -0.50) in any other year.
        let rated = Self.rater.rate(Self.progress8(year, -0.6))
        #expect(rated.rating == .none)
        #expect(rated.shown == -0.6)
        let rule = RatingExplanation(rated).ruleText
        #expect(rule.hasPrefix("no rating: Progress 8 does not exist for \(AcademicYear(year))"), "\(rule)")
    }

    @Test(arguments: [2018, 2021, 2023])
    func ratedInOtherYears(year: Int) {
        #expect(Self.rater.rate(Self.progress8(year, -0.6)).rating == .red)
        #expect(Self.rater.rate(Self.progress8(year, 0.1)).rating == .green)
    }

    @Test func theExplanationSaysWhy() {
        let gcse = RatingExplanation(Self.rater.rate(Self.progress8(2020, 0.1))).ruleText
        #expect(
            gcse
                == "no rating: Progress 8 does not exist for 2020/21: GCSE exams were cancelled in 2020 and 2021, "
                + "and the DfE published no Progress 8")
        let ks2 = RatingExplanation(Self.rater.rate(Self.progress8(2024, 0.1))).ruleText
        #expect(
            ks2
                == "no rating: Progress 8 does not exist for 2024/25: these pupils sat no KS2 tests (cancelled in "
                + "2020 and 2021), so they have no starting point to measure progress from")
    }

    @Test func ingestWarnsOnceAFileNamingTheFirstLine() {
        // Lines 2 and 4 are 2024/25 Progress 8, line 3 Attainment 8, line 5 2023/24 Progress 8,
        // line 6 2025/26 Progress 8.
        let text =
            "urn,academic_year,term,year_group,measure,pupil_group,cohort,average\n"
            + "900102,2024/25,summer,11,progress8,all,150,-0.35\n"
            + "900102,2024/25,summer,11,attainment8,all,150,44.1\n"
            + "900102,2024/25,summer,11,progress8,disadvantaged,40,-0.71\n"
            + "900102,2023/24,summer,11,progress8,all,148,-0.20\n"
            + "900102,2025/26,summer,11,progress8,all,151,0.05\n"
        let batch = Fixtures.readWithAcademies("scores.csv", text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        // Every row is kept.
        #expect(batch.scores.count == 5)
        #expect(
            batch.warnings.map(\.description) == [
                "scores.csv:2: warning: column 'measure', value 'progress8': Progress 8 does not exist for "
                    + "2024/25: these pupils sat no KS2 tests (cancelled in 2020 and 2021), so they have no "
                    + "starting point to measure progress from (2 rows, the first on this line); the figures are "
                    + "stored and shown, but never rated",
                "scores.csv:6: warning: column 'measure', value 'progress8': Progress 8 does not exist for "
                    + "2025/26: these pupils sat no KS2 tests (cancelled in 2020 and 2021), so they have no "
                    + "starting point to measure progress from (1 row); the figures are stored and shown, but "
                    + "never rated",
            ])
        #expect(batch.files.last?.warnings == 2)
    }

    @Test func theTrustsProgress8IsNotRatedEither() {
        let data = TrustData(
            academies: [Academy(urn: Self.urn, name: "Castle Rise", phase: .secondary)],
            scores: [
                ScoreRecord(
                    urn: Self.urn, drop: DataDrop(year: AcademicYear(2024), term: .summer),
                    yearGroup: .year(11),
                    measure: .progress8, cohort: 150, average: -0.6)
            ])
        let trust = DropRater(
            data: data, drop: DataDrop(year: AcademicYear(2024), term: .summer), config: RatingConfig()
        ).ratedTrust()
        let p8 = trust.first { $0.figure.kpi == .score(.progress8) }
        #expect(p8?.rating == RAGRating.none)
        #expect(p8?.shown == -0.6)
    }
}

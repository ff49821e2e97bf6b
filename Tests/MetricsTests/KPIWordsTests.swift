import Testing

@testable import Metrics

/// The names people read for the DfE's measures, in the DfE's words; the keys stay as
/// they are.
@Suite("The DfE's words for its measures")
struct KPIWordsTests {
    @Test func gcseEnglishAndMathsArePasses() {
        #expect(KPI.expected(.englishMaths).label == "Eng & maths standard pass")
        #expect(KPI.greaterDepth(.englishMaths).label == "Eng & maths strong pass")
        #expect(KPI.expected(.englishMaths).label(in: .year(11)) == "Eng & maths standard pass")
        #expect(KPI.expected(.englishMaths).key == "english_maths_expected")
        #expect(KPI.greaterDepth(.englishMaths).key == "english_maths_greater_depth")
    }

    @Test(arguments: [Subject.reading, .maths, .gps, .rwm])
    func year6TestsReportTheHigherStandard(subject: Subject) {
        #expect(KPI.greaterDepth(subject).label(in: .year(6)) == "\(subject.label) higher standard")
        // Without a year group, as the DfE names the KS2 measure.
        #expect(KPI.greaterDepth(subject).label == "\(subject.label) higher standard")
        // In Year 2 it is a teacher's judgement: greater depth.
        #expect(KPI.greaterDepth(subject).label(in: .year(2)) == "\(subject.label) greater depth")
        #expect(KPI.greaterDepth(subject).key == "\(subject.rawValue)_greater_depth")
    }

    @Test func writingIsTeacherAssessedSoStaysGreaterDepth() {
        #expect(KPI.greaterDepth(.writing).label(in: .year(6)) == "Writing greater depth")
        #expect(KPI.greaterDepth(.writing).label(in: .year(2)) == "Writing greater depth")
    }

    @Test func theMultiplicationTablesCheckHasNoExpectedStandard() {
        #expect(KPI.expected(.mtc).label(in: .year(4)) == "MTC full marks")
        #expect(KPI.score(.mtcAverage).label == "MTC average score")
        #expect(
            KPI.expected(.mtc).achievement(in: .year(4))
                == "with full marks (25 out of 25) in the multiplication tables check")
        #expect(KPI.expected(.mtc).key == "mtc_expected")
        #expect(KPI.score(.mtcAverage).key == "mtc_average")
    }

    @Test func theExplanationCountsPupilsInTheDfEsWords() {
        func text(_ kpi: KPI, _ yearGroup: YearGroup, _ expected: Int, _ cohort: Int) -> String {
            let figure = Figure(
                owner: .academy(Fixtures.urn(100_001)), kpi: kpi, drop: Fixtures.spring2425, group: .all,
                yearGroup: yearGroup, numerator: Double(expected), denominator: Double(cohort), pupils: cohort
            )
            return RatingExplanation(RatedFigure(figure: figure, rating: .none)).valueText
        }
        // 120 of 200 = 60.0%; 90 of 200 = 45.0%; 9 of 30 = 30.0%; 6 of 30 = 20.0%; 12 of 40 = 30.0%.
        #expect(
            text(.expected(.englishMaths), .year(11), 120, 200)
                == "60.0% = 120 of 200 pupils with grade 4 or above in both English and maths (the standard pass)"
        )
        #expect(
            text(.greaterDepth(.englishMaths), .year(11), 90, 200)
                == "45.0% = 90 of 200 pupils with grade 5 or above in both English and maths (the strong pass)"
        )
        #expect(
            text(.greaterDepth(.reading), .year(6), 9, 30)
                == "30.0% = 9 of 30 pupils at the higher standard (a scaled score of 110 or more)")
        #expect(text(.greaterDepth(.writing), .year(6), 6, 30) == "20.0% = 6 of 30 pupils at greater depth")
        #expect(
            text(.expected(.mtc), .year(4), 12, 40)
                == "30.0% = 12 of 40 pupils with full marks (25 out of 25) in the multiplication tables check"
        )
    }

    @Test func theMultiplicationTablesCheckIsRatedOnlyByARuleOfItsOwn() throws {
        // SUBJECT_expected stands for every subject's expected standard; the check has none.
        let config = try RatingConfig.parse(
            "rules:\n  SUBJECT_expected: { green: 70, amber: 60 }\n", file: "test.yaml")
        #expect(config.rule(for: .expected(.reading)) == .absolute(green: 70, amber: 60))
        #expect(config.rule(for: .expected(.mtc)) == .benchmark(amberWithin: 5.0))
        // With no benchmark for the share with full marks, it has no rating.
        let figure = Figure(
            owner: .academy(Fixtures.urn(100_001)), kpi: .expected(.mtc), drop: Fixtures.spring2425,
            group: .all,
            yearGroup: .year(4), numerator: 12, denominator: 40, pupils: 40)
        let rater = Rater(config: config, academies: [], benchmarks: [])
        #expect(rater.rate(figure).rating == .none)
        let named = try RatingConfig.parse(
            "rules:\n  mtc_expected: { green: 30, amber: 20 }\n", file: "test.yaml")
        #expect(Rater(config: named, academies: [], benchmarks: []).rate(figure).rating == .green)
    }
}

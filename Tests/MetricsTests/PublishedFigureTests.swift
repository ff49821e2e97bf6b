import Testing

@testable import Metrics

@Suite("Figures the DfE published without counts, and national percentiles")
struct PublishedFigureTests {
    let drop = DataDrop(year: AcademicYear(2018), term: .summer)
    let oak = Fixtures.urn(900201)
    let elm = Fixtures.urn(900202)
    let ash = Fixtures.urn(900203)

    func published(
        _ urn: URN, _ value: Double?, kpi: KPI = .expected(.rwm), pupils: Int?,
        interval: ClosedRange<Double>? = nil
    ) -> PublishedFigure {
        PublishedFigure(
            urn: urn, drop: drop, kpi: kpi, yearGroup: kpi.isAttendance ? .all : .year(6), value: value,
            pupils: pupils, interval: interval, source: "DfE test file")
    }

    func academies() -> [Academy] {
        [oak, elm, ash].map { Academy(urn: $0, name: "School \($0)", phase: .primary) }
    }

    func trustFigure(_ data: TrustData, _ kpi: KPI) -> Figure? {
        FigureCalculator(data: data).trustFigures(in: drop).first { $0.kpi == kpi }
    }

    /// The academies the trust's `kpi` figure leaves out.
    func leftOut(_ data: TrustData, _ kpi: KPI) -> [URN] {
        let figure = trustFigure(data, kpi).map(FigureCalculator.smallKey) ?? -1
        return FigureCalculator(data: data).leftOut(in: drop)[figure] ?? []
    }

    @Test func anAcademysPublishedValueIsShownAsPublished() {
        let figure = FigureCalculator.figure(of: published(oak, 78, pupils: 30))
        #expect(figure.shown == 78.0)
        #expect(figure.pupils == 30)
        #expect(figure.knownPupils == 30)
        #expect(!figure.isSuppressed)
        let bare = FigureCalculator.figure(of: published(oak, 4.3, kpi: .absenceRate, pupils: nil))
        #expect(bare.shown == 4.3)
        #expect(bare.knownPupils == nil)
        #expect(!bare.isSuppressed, "a rate the DfE published for all to see is not hidden")
    }

    @Test func theTrustWeightsPublishedRatesByPupils() throws {
        // Oak 78% of 30 pupils, Elm 50% of 20: (0.78 × 30 + 0.50 × 20) / 50 = 33.4 / 50
        // = 66.8%, not the 64.0 an average of the two percentages gives.
        let data = TrustData(
            academies: academies(),
            published: [published(oak, 78, pupils: 30), published(elm, 50, pupils: 20)])
        let trust = try #require(trustFigure(data, .expected(.rwm)))
        #expect(trust.shown == 66.8)
        #expect(trust.pupils == 50)
        #expect(trust.academies == 2)
        #expect(leftOut(data, .expected(.rwm)).isEmpty)
    }

    @Test func aRateWithoutPupilsIsLeftOutOfTheTrustAndNamed() throws {
        // Oak 78% of 30 pupils is summed; Elm has no pupil number and Ash was SUPP, so both
        // are left out and named, and the trust's figure is Oak's alone.
        let data = TrustData(
            academies: academies(),
            published: [
                published(oak, 78, pupils: 30), published(elm, 50, pupils: nil),
                published(ash, nil, pupils: 4),
            ])
        let trust = try #require(trustFigure(data, .expected(.rwm)))
        #expect(trust.shown == 78.0)
        #expect(trust.academies == 1)
        #expect(leftOut(data, .expected(.rwm)) == [elm, ash])
        // With every academy left out there is no value, and nothing is suppressed.
        let none = TrustData(
            academies: academies(),
            published: [
                published(oak, 4.3, kpi: .absenceRate, pupils: nil),
                published(elm, 5.0, kpi: .absenceRate, pupils: nil),
            ]
        )
        let empty = try #require(trustFigure(none, .absenceRate))
        #expect(empty.shown == nil)
        #expect(!empty.isSuppressed)
        #expect(leftOut(none, .absenceRate) == [oak, elm])
        #expect(leftOut(none, .attendanceRate).isEmpty, "no academy published attendance")
        let rated = Rater(config: RatingConfig(), academies: academies(), benchmarks: []).rate(empty)
        #expect(rated.rating == RAGRating.none)
        let explanation = RatingExplanation(rated, leftOut: ["Oak (\(oak))", "Elm (\(elm))"])
        #expect(
            explanation.valueText == "no value: every academy's figure was published without pupil numbers")
        #expect(
            explanation.lines.contains {
                $0.label == "Left out" && $0.text.hasPrefix("Oak (\(oak)), Elm (\(elm)): published as a rate")
            })
    }

    @Test func supIsKeptAsSuppressed() {
        let figure = FigureCalculator.figure(of: published(ash, nil, pupils: 4))
        #expect(figure.isSuppressed)
        let rated = Rater(config: RatingConfig(), academies: academies(), benchmarks: []).rate(figure)
        #expect(rated.rating == .suppressed)
        #expect(rated.shown == nil)
        // A SUPP without a pupil number is suppressed too.
        #expect(FigureCalculator.figure(of: published(ash, nil, pupils: nil)).isSuppressed)
    }

    @Test func countsWinOverAPublishedFigureForTheSameKPI() throws {
        // Counts: 6,239 of 135,644 sessions missed = 4.599…% → 4.6; published 4.9 is ignored.
        let counts = AttendanceRecord(
            urn: oak, drop: drop, pupils: 363, possibleSessions: 135_644, absentSessions: 6_239,
            persistentAbsentees: 35)
        let data = TrustData(
            academies: academies(), attendance: [counts],
            published: [published(oak, 4.9, kpi: .absenceRate, pupils: nil)])
        let figures = FigureCalculator(data: data).figures(of: oak, in: drop).filter {
            $0.kpi == .absenceRate
        }
        #expect(figures.count == 1)
        #expect(figures.first?.shown == 4.6)
        #expect(figures.first?.publication == nil)
        #expect(data.drops == [drop])
    }

    @Test func progressIsRatedOnItsConfidenceIntervalAsTheDfEDoes() {
        let rater = Rater(config: RatingConfig(), academies: academies(), benchmarks: [])
        func rating(_ value: Double, _ interval: ClosedRange<Double>) -> RatedFigure {
            rater.rate(
                FigureCalculator.figure(
                    of: published(oak, value, kpi: .score(.progress8), pupils: 120, interval: interval)))
        }
        // 0.40 with 0.08 to 0.72: wholly above 0 → green, though the absolute rule agrees.
        #expect(rating(0.40, 0.08...0.72).rating == .green)
        // 0.14 with -0.02 to 0.30 spans 0 → amber; the absolute rule alone would say green.
        let spans = rating(0.14, -0.02...0.30)
        #expect(spans.rating == .amber)
        #expect(spans.origin == .confidenceInterval)
        #expect(
            RatingExplanation(spans).ruleText.hasPrefix(
                "the DfE's 95% confidence interval -0.02 to 0.30 spans 0"))
        // -0.30 with -0.47 to -0.14: wholly below 0 → red; the absolute rule would say amber.
        #expect(rating(-0.30, -0.47 ... -0.14).rating == .red)
        // Without an interval the trust rule applies: -0.30 ≥ -0.5 → amber.
        let bare = rater.rate(
            FigureCalculator.figure(of: published(oak, -0.30, kpi: .score(.progress8), pupils: 120)))
        #expect(bare.rating == .amber)
    }

    @Test func percentileIsTheShareOfSchoolsWorseTiesCountedHalf() {
        // Values 1, 2, 2, 3, 5 where higher is better. For 2: one worse (1), two equal,
        // so 100 × (1 + 2/2) / 5 = 40. For 4 (not in the list): four worse → 80.
        let higher = NationalDistribution(
            kpi: .expected(.rwm), drop: drop, phase: .primary, values: [5, 2, 1, 3, 2], source: "test")
        #expect(higher.percentile(of: 2) == 40)
        #expect(higher.percentile(of: 4) == 80)
        #expect(higher.percentile(of: 5) == 90)
        #expect(higher.percentile(of: 0) == 0)
        // Lower is better for absence: for 2, the worse are 3 and 5 → 100 × (2 + 1) / 5 = 60.
        let lower = NationalDistribution(
            kpi: .absenceRate, drop: drop, phase: .primary, values: [5, 2, 1, 3, 2], source: "test")
        #expect(lower.percentile(of: 2) == 60)
        #expect(lower.percentile(of: 1) == 90)
        // Rounded down: 1 of 3 worse, none equal → 33.3 → 33; 2.5 of 3 → 83.3 → 83.
        let three = NationalDistribution(
            kpi: .attendanceRate, drop: drop, phase: .primary, values: [90, 95, 96], source: "test")
        #expect(three.percentile(of: 94) == 33)
        #expect(three.percentile(of: 96) == 83)
        let empty = NationalDistribution(
            kpi: .attendanceRate, drop: drop, phase: .primary, values: [], source: "")
        #expect(empty.percentile(of: 94) == nil)
    }

    @Test func anAcademysFigureCarriesItsNationalStandingAndTheTrustsDoesNot() throws {
        // Oak's RWM 78 among 1, 2, … 100 (step 1) in primary schools: 77 worse, 1 equal →
        // 100 × 77.5 / 100 = 77.5 → 77.
        let distribution = NationalDistribution(
            kpi: .expected(.rwm), drop: drop, phase: .primary, values: (1...100).map(Double.init),
            source: "KS2")
        let data = TrustData(
            academies: academies(),
            published: [published(oak, 78, pupils: 30), published(ash, nil, pupils: 4)],
            distributions: [distribution])
        let rater = DropRater(data: data, drop: drop, config: RatingConfig())
        let oakRWM = try #require(rater.rated(oak).first { $0.figure.kpi == .expected(.rwm) })
        #expect(oakRWM.nationalPercentile?.percentile == 77)
        #expect(oakRWM.nationalPercentile?.text == "better than 77% of primary schools in England")
        #expect(oakRWM.nationalPercentile?.schools == 100)
        let row = ReportRow(oakRWM, academy: nil, trustName: "T")
        #expect(row.nationalPercentile == 77)
        let ashRWM = try #require(rater.rated(ash).first { $0.figure.kpi == .expected(.rwm) })
        #expect(ashRWM.nationalPercentile == nil, "a suppressed figure has no standing")
        let trust = try #require(rater.ratedTrust().first { $0.figure.kpi == .expected(.rwm) })
        #expect(trust.nationalPercentile == nil)
    }

    @Test func theSamePublishedFigureTwiceInABatchIsAnError() {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(name: "a.csv", sha256: ""), DropFileSummary(name: "b.csv", sha256: ""),
        ]
        batch.published = [
            Sourced(published(oak, 78, pupils: 30), file: 0, line: 5),
            Sourced(published(oak, 80, pupils: 30), file: 1, line: 9),
        ]
        var checker = BatchChecker(batch: batch, knownAcademies: [oak])
        checker.check()
        let problems = checker.issues.map(\.description)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("b.csv:9") == true)
        #expect(problems.first?.contains("gives published rwm_expected for \(oak)") == true)
        #expect(problems.first?.contains("first given at a.csv:5") == true)
    }
}

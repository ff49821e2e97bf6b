import Testing

@testable import Metrics

/// The trust's Progress 8 is rated by the same rule as its academies': by a confidence
/// interval when every academy's score comes with the DfE's, else by the absolute lines.
///
/// The trust's interval: each school's standard error is its half-width ÷ 1.96; the trust's
/// score is the schools' weighted by pupils n, and its standard error √(Σ n² SE²) ÷ Σ n.
@Suite("The trust's Progress 8 interval")
struct TrustProgressIntervalTests {
    static let drop = DataDrop(year: AcademicYear(2018), term: .summer)
    static let ash = Fixtures.urn(100_001)
    static let beech = Fixtures.urn(100_002)

    static func p8(_ urn: URN, _ value: Double, _ interval: ClosedRange<Double>?, pupils: Int)
        -> PublishedFigure
    {
        PublishedFigure(
            urn: urn, drop: drop, kpi: .score(.progress8), yearGroup: .year(11), value: value, pupils: pupils,
            interval: interval, source: "DfE KS4 performance tables 2018/19")
    }

    static func trust(published: [PublishedFigure], scores: [ScoreRecord] = []) throws -> RatedFigure {
        let data = TrustData(
            academies: [
                Academy(urn: ash, name: "Ash High", phase: .secondary),
                Academy(urn: beech, name: "Beech High", phase: .secondary),
            ],
            scores: scores, published: published)
        let rated = DropRater(data: data, drop: drop, config: RatingConfig()).ratedTrust()
        return try #require(rated.first { $0.figure.kpi == .score(.progress8) })
    }

    @Test func anIntervalThatSpans0IsAmberThoughTheScoreIsAbove0() throws {
        // Ash 0.05 (−0.25 to 0.35) and Beech 0.02 (−0.28 to 0.32), 50 pupils each.
        // Half-widths 0.30, so SE = 0.30 / 1.96 = 0.153061 each; Σ n² SE² = 2 × 2500 × 0.0234277
        // = 117.1387; √ = 10.82307; ÷ 100 = 0.108231; × 1.96 = 0.212132.
        // Score (2.5 + 1.0) / 100 = 0.035, shown 0.04: green by the absolute lines, but its
        // interval 0.035 ∓ 0.212 = −0.177 to 0.247 → −0.18 to 0.25 spans 0: amber.
        let trust = try Self.trust(published: [
            Self.p8(Self.ash, 0.05, -0.25...0.35, pupils: 50),
            Self.p8(Self.beech, 0.02, -0.28...0.32, pupils: 50),
        ])
        #expect(trust.shown == 0.04)
        #expect(trust.figure.publication?.interval == -0.18...0.25)
        #expect(trust.origin == .confidenceInterval)
        #expect(trust.rating == .amber)
        #expect(
            RatingExplanation(trust).ruleText
                == "the 95% confidence interval worked out from the academies' published intervals, weighted by "
                + "pupils, -0.18 to 0.25 spans 0: green when wholly above 0, red when wholly below, amber when it "
                + "spans 0")
    }

    @Test func anIntervalWhollyAbove0IsGreen() throws {
        // Ash 0.14 (−0.02 to 0.30) over 128 pupils, Beech 0.40 (0.20 to 0.60) over 100.
        // SE 0.16 / 1.96 = 0.0816327 and 0.20 / 1.96 = 0.1020408; Σ n² SE² = 16384 × 0.00666389
        // + 10000 × 0.0104123 = 109.1812 + 104.1233 = 213.3045; √ = 14.60495; ÷ 228 = 0.0640568;
        // × 1.96 = 0.125551. Score (17.92 + 40) / 228 = 0.254035: 0.128 to 0.380 → 0.13 to 0.38.
        let trust = try Self.trust(published: [
            Self.p8(Self.ash, 0.14, -0.02...0.30, pupils: 128),
            Self.p8(Self.beech, 0.40, 0.20...0.60, pupils: 100),
        ])
        #expect(trust.shown == 0.25)
        #expect(trust.figure.publication?.interval == 0.13...0.38)
        #expect(trust.rating == .green)
    }

    @Test func anAcademyWithoutAnIntervalLeavesTheTrustOnTheAbsoluteLines() throws {
        // Ash's score comes from the trust's own scores file, with no interval; Beech's is
        // published with one. The trust's 0.035 → 0.04 is green by the absolute lines.
        let ownScore = ScoreRecord(
            urn: Self.ash, drop: Self.drop, yearGroup: .year(11), measure: .progress8, cohort: 50,
            average: 0.05)
        let trust = try Self.trust(
            published: [Self.p8(Self.beech, 0.02, -0.28...0.32, pupils: 50)], scores: [ownScore])
        #expect(trust.figure.publication?.interval == nil)
        #expect(trust.origin == .builtIn)
        #expect(trust.rating == .green)
    }
}

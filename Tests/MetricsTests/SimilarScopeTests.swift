import Foundation
import Testing

@testable import Metrics

/// `benchmark_scope: similar`: an academy figure with a similar-schools comparison is rated
/// against the group's median with the national rules and margins, any other figure
/// against the national benchmark, saying so; and the trust's expected figure, its
/// academies' medians weighted as the trust figure weights them.
@Suite("Rating against similar schools")
struct SimilarScopeTests {
    typealias F = BenchmarkFixtures
    let summer = DataDrop(year: AcademicYear(2022), term: .summer)

    private func line(_ urn: Int, disadvantaged: Double) -> SchoolCensus {
        SchoolCensus(
            urn: Fixtures.urn(urn), year: summer.year, schoolType: "State-funded secondary",
            phase: .secondary,
            pupils: 1_000, disadvantagedPercent: disadvantaged, ealPercent: 10, senSupportPercent: 12,
            ehcpPercent: 2)
    }

    /// Two secondary academies, in groups of 3 that differ only in disadvantaged %:
    /// - 100001 (disadvantaged 20%): 200 pupils, 3,500 of 50,000 sessions missed, so
    ///   attendance (50,000 − 3,500) / 50,000 = 93.0%; 30 persistently absent, 15.0%. Its
    ///   nearest are 100011 (21), 100012 (19) and 100013 (22), with attendance 93.5, 92.0
    ///   and 92.5: median 92.5. 100002 (60) is 40 points away.
    /// - 100002 (disadvantaged 60%): 100 pupils, 1,000 of 20,000 sessions missed, so 95.0%;
    ///   10 persistently absent, 10.0%. Its nearest are 100021 (61), 100022 (59) and 100023
    ///   (62), with attendance 94.0, 93.0 and 95.5: median 94.0.
    /// No school has a persistent absence figure, so that measure has no comparison.
    /// National (secondary, 2022/23): attendance 93.8, persistent absence 20.0.
    func rater(similarScope: Bool, withSimilar: Bool = true) -> DropRater {
        let academies = [F.academy(100_001, .secondary), F.academy(100_002, .secondary)]
        let data = TrustData(
            trustName: "Test Trust", academies: academies,
            attendance: [
                F.attendance(100_001, summer, pupils: 200, possible: 50_000, absent: 3_500, persistent: 30),
                F.attendance(100_002, summer, pupils: 100, possible: 20_000, absent: 1_000, persistent: 10),
            ],
            benchmarks: [
                F.bench(.attendanceRate, 2022, phase: .secondary, 93.8),
                F.bench(.persistentAbsenceRate, 2022, phase: .secondary, 20.0),
            ])
        let census = [
            line(100_001, disadvantaged: 20), line(100_011, disadvantaged: 21),
            line(100_012, disadvantaged: 19),
            line(100_013, disadvantaged: 22), line(100_002, disadvantaged: 60),
            line(100_021, disadvantaged: 61),
            line(100_022, disadvantaged: 59), line(100_023, disadvantaged: 62),
        ]
        var outcomes = SchoolOutcomes(drop: summer)
        for (urn, attendance) in [
            (100_011, 93.5), (100_012, 92.0), (100_013, 92.5), (100_021, 94.0), (100_022, 93.0),
            (100_023, 95.5),
        ] {
            outcomes.add(
                SchoolOutcome(urn: Fixtures.urn(urn), drop: summer, kpi: .attendanceRate, value: attendance))
        }
        let similar = SimilarComparisons(census: census, academies: academies, outcomes: [outcomes], count: 3)
        var config = RatingConfig()
        config.ratesAgainstSimilarSchools = similarScope
        return DropRater(data: data, drop: summer, config: config, similar: withSimilar ? similar : nil)
    }

    @Test func theConfigReadsSimilar() throws {
        let config = try RatingConfig.parse("benchmark_scope: similar\n", file: "test.yaml")
        #expect(config.ratesAgainstSimilarSchools)
        // Its fallback, national, need not be in the store: there is nothing to check.
        #expect(try config.check(against: TrustData()).isEmpty)
        #expect(
            try RatingConfig.parse("benchmark_scope: national\n", file: "test.yaml")
                .ratesAgainstSimilarSchools == false)
    }

    @Test func nationalAmberBecomesSimilarGreen() throws {
        // National: 93.0 is below 93.8 but within 1.0 of it (93.8 − 1.0 = 92.8): amber.
        let national = try #require(
            F.figure(rater(similarScope: false).rated(Fixtures.urn(100_001)), .attendanceRate))
        #expect(national.rating == .amber)
        #expect(national.greenLine == 93.8)
        #expect(national.similarFallback == nil)
        // Similar: the median of 92.0, 92.5, 93.5 is 92.5, and 93.0 ≥ 92.5: green; amber line
        // 92.5 − 1.0 = 91.5, the national margin.
        let similar = try #require(
            F.figure(rater(similarScope: true).rated(Fixtures.urn(100_001)), .attendanceRate))
        #expect(similar.rating == .green)
        #expect(similar.greenLine == 92.5)
        #expect(similar.amberLine == 91.5)
        #expect(similar.benchmark?.similar?.membersWithValue == 3)
        #expect(similar.similarFallback == nil)
        #expect(F.benchmarkText(similar) == "92.5%  similar schools' median, 3 schools, 2022/23")
        let lines = RatingExplanation(similar).lines
        #expect(!lines.contains { $0.label == "Scope" })
        // The report's benchmark column is the median that rated it.
        let report = TrustReport(rater(similarScope: true), trustName: "Test Trust").write(.csv)
        let row = try #require(
            report.split(separator: "\n").first {
                $0.hasPrefix("2022/23-summer,100001,") && $0.contains(",attendance_rate,all,all,")
            })
        #expect(row.contains(",93.0,green,92.5,"))
    }

    @Test func aFigureWithoutAComparisonFallsBackToNationalAndSaysSo() throws {
        // No school has a persistent absence figure: 15.0 against national 20.0 (lower is
        // better, 15.0 ≤ 20.0): green, against the national benchmark.
        let rated = try #require(
            F.figure(rater(similarScope: true).rated(Fixtures.urn(100_001)), .persistentAbsenceRate))
        #expect(rated.rating == .green)
        #expect(rated.greenLine == 20.0)
        #expect(rated.benchmark?.similar == nil)
        let scope = try #require(RatingExplanation(rated).lines.first { $0.label == "Scope" })
        #expect(
            scope.text
                == "national: benchmark_scope is similar, but no similar schools' figure is known for this one"
        )
        // With no similar schools at all for the drop, every figure falls back, and says why.
        let none = try #require(
            F.figure(
                rater(similarScope: true, withSimilar: false).rated(Fixtures.urn(100_001)), .attendanceRate))
        #expect(none.rating == .amber)
        #expect(none.similarFallback == "no similar schools were found for this drop")
    }

    @Test func aRatingAgainstSimilarSchoolsIsNotAChangeFromOneAgainstNational() throws {
        let urn = Fixtures.urn(100_001)
        let national = try #require(F.figure(rater(similarScope: false).rated(urn), .attendanceRate))
        let similar = try #require(F.figure(rater(similarScope: true).rated(urn), .attendanceRate))
        // Amber against national 93.8, green against the median 92.5: not an improvement.
        #expect(RatingChange(old: national, new: similar, comparedWith: .lastYear, name: "A") == nil)
        // The same green against the national benchmark would be one.
        var greenAgainstNational = similar
        greenAgainstNational.benchmark = national.benchmark
        #expect(
            RatingChange(old: national, new: greenAgainstNational, comparedWith: .lastYear, name: "A")?.band
                == .improved)
    }

    @Test func theTrustsExpectedFigureIsTheMediansWeightedAsTheTrustFigure() throws {
        let trust = rater(similarScope: false).ratedTrust()
        let attendance = try #require(F.figure(trust, .attendanceRate))
        // The trust's attendance sums sessions: (46,500 + 19,000) / 70,000 = 93.571…, shown 93.6.
        #expect(attendance.shown == 93.6)
        // Its expected figure weights each median by the academy's possible sessions, as the
        // trust figure does: (50,000 × 92.5 + 20,000 × 94.0) / 70,000 = 6,505,000 / 70,000
        // = 92.928…; by pupils it would be (200 × 92.5 + 100 × 94.0) / 300 = 93.0.
        let expected = try #require(attendance.similarExpected)
        #expect(abs(expected - 6_505_000.0 / 70_000.0) < 1e-9)
        // Persistent absence has no comparison for either academy: no expected figure.
        #expect(F.figure(trust, .persistentAbsenceRate)?.similarExpected == nil)
        // An academy has none.
        #expect(
            F.figure(rater(similarScope: false).rated(Fixtures.urn(100_001)), .attendanceRate)?
                .similarExpected == nil)
        // The explanation and report: 93.6 − 92.9 = 0.7 points better.
        let text = try #require(RatingExplanation(attendance).lines.first { $0.label == "Expected" }?.text)
        #expect(text.hasPrefix("92.9% if each academy matched its similar schools' median"))
        #expect(text.hasSuffix(": 0.7 points better than schools like ours"))
    }

    @Test func theReportWritesTheExpectedFigureOnTrustRows() throws {
        let report = TrustReport(rater(similarScope: false), trustName: "Test Trust")
        let lines = report.write(.csv).split(separator: "\n").map(String.init)
        #expect(lines.first?.hasSuffix(",similar_median,similar_rank,similar_count,similar_expected") == true)
        func row(_ urn: String, _ kpi: String) -> String? {
            lines.first { $0.hasPrefix("2022/23-summer,\(urn),") && $0.contains(",\(kpi),all,all,") }
        }
        // The trust: 92.9 expected, no rank. 100001: 93.0 among 92.0, 92.5, 93.5: median
        // 92.5, 2nd of 4, no expected figure.
        #expect(row("trust", "attendance_rate")?.hasSuffix(",,,,92.9") == true)
        #expect(row("trust", "persistent_absence_rate")?.hasSuffix(",,,,") == true)
        #expect(row("100001", "attendance_rate")?.hasSuffix(",92.5,2,4,") == true)
        let text = report.write(.text)
        #expect(text.contains("0.7 points better than schools like ours"))
        let json = report.write(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let trust = try #require(
            rows.first { $0["urn"] as? String == "trust" && $0["kpi"] as? String == "attendance_rate" })
        #expect(trust["similar_expected"] as? Double == 92.9)
        let academy = try #require(
            rows.first { $0["urn"] as? String == "100001" && $0["kpi"] as? String == "attendance_rate" })
        #expect(academy["similar_expected"] is NSNull)
    }

    @Test func theExpectedPhraseFollowsTheMeasuresDirection() {
        // Persistent absence, lower is better: 12.0 against 13.5 is 1.5 points better.
        #expect(
            ReportRow.expectedText(value: 12.0, expected: 13.5, decimals: 1, direction: .lowerIsBetter)
                == "1.5 points better than schools like ours")
        #expect(
            ReportRow.expectedText(value: 93.0, expected: 94.3, decimals: 1, direction: .higherIsBetter)
                == "1.3 points worse than schools like ours")
        #expect(
            ReportRow.expectedText(value: 93.0, expected: 93.04, decimals: 1, direction: .higherIsBetter)
                == "the same as schools like ours")
    }
}

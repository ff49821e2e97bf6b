import Metrics
import Testing

@testable import Dashboard

/// An approximate trust-wide figure carries `≈` (`~` in ASCII) wherever its value shows.
///
/// Ash Primary published 67% of 60 pupils for Year 6 RWM in 2017/18 (only 40 of 60 rounds
/// to 67), Beech Primary 76% of 156 (118 and 119 both round to 76, so no count): the trust's
/// figure is (40 + 0.76 × 156) / 216 = 73.41 → ≈73.4, green against 64.
@Suite("The approximate mark on screen")
struct ApproximateMarkTests {
    static let drop = DataDrop(year: AcademicYear(2017), term: .summer)

    static func view() -> TrustView {
        let ash = TestTrust.urn(100_001)
        let beech = TestTrust.urn(100_002)
        func rwm(_ urn: URN, _ value: Double, _ pupils: Int) -> PublishedFigure {
            PublishedFigure(
                urn: urn, drop: drop, kpi: .expected(.rwm), yearGroup: .year(6), value: value, pupils: pupils,
                source: "DfE KS2 performance tables 2017/18")
        }
        let data = TrustData(
            trustName: "Test Trust",
            academies: [
                Academy(urn: ash, name: "Ash Primary", phase: .primary),
                Academy(urn: beech, name: "Beech Primary", phase: .primary),
            ],
            published: [rwm(ash, 67, 60), rwm(beech, 76, 156)],
            benchmarks: [Benchmark(kpi: .expected(.rwm), year: AcademicYear(2017), value: 64)])
        return TrustView(data: data, config: RatingConfig(), trustName: "Test Trust", isSample: false)
    }

    @Test(arguments: [false, true])
    func theOverviewsTrustRowIsMarked(ascii: Bool) {
        let view = Self.view()
        let state = DashboardState(view: view, width: 120, height: 20, ascii: ascii)
        let lines = DashboardRenderer.render(state, view: view).text.split(separator: "\n")
        let trust = lines.first { $0.contains("Trust (2 of 2)") }
        let mark = ascii ? "G RWM ~73.4" : "● RWM ≈73.4"
        #expect(trust?.contains(mark) == true, "\(trust ?? "")")
        // The academies' own figures are as the DfE published them.
        #expect(lines.first { $0.contains("Ash Primary") }?.contains("RWM  67.0") == true)
    }

    @Test func theExplanationsRatingLineIsMarked() throws {
        let view = Self.view()
        let rated = try #require(view.rated(Self.drop).figure(.trust, .expected(.rwm), yearGroup: .year(6)))
        #expect(ExplainOverlay.ratingText(rated, ascii: false) == "● GREEN  ≈73.4%")
        #expect(ExplainOverlay.ratingText(rated, ascii: true) == "G GREEN  ~73.4%")
    }
}

import Dashboard
import Metrics
import Testing

/// The trust page with its expected figure from the academies' similar schools
/// (`SimilarTrust`, where every group and median is worked out by hand).
@Suite("The trust against its academies' similar schools")
struct SimilarTrustPageTests {
    func trustPage(_ view: TrustView, width: Int = 160, height: Int = 48, ascii: Bool = false)
        -> DashboardState
    {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        state.openTrust()
        return state
    }

    /// The trust's Year 6 RWM sums Alder's 18 of 30 and Cedar's 17 of 29: 35 of 59 =
    /// 59.32 → 59.3. Its expected figure weights each academy's similar-schools median by
    /// the cohort the trust's sum gives it: Alder's 60.0 (201 70.0, 202 50.0, 203 60.0)
    /// and Cedar's 52.0 (204 50.0, 205 56.0, 206 52.0), so (30 × 60.0 + 29 × 52.0) / 59 =
    /// (1,800 + 1,508) / 59 = 3,308 / 59 = 56.07 → 56.1. Higher is better, and 59.3 − 56.1
    /// = 3.2: 3.2 points better. (The unrounded 59.32 − 56.07 = 3.25 would round to 3.3:
    /// the page gives the difference of the two figures it shows.)
    @Test func rwmIsComparedWithWhatItsAcademiesSimilarSchoolsExpect() throws {
        let view = SimilarTrust.view()
        let rated = view.rated(TestTrust.now)
        let rwm = try #require(rated.figure(.trust, .expected(.rwm), yearGroup: .year(6)))
        let expected = try #require(rwm.similarExpected)
        #expect(abs(expected - 3_308.0 / 59.0) < 1e-9)
        // Birch has no census line, so attendance and absence expect nothing of the trust.
        #expect(rated.figure(.trust, .attendanceRate)?.similarExpected == nil)
        #expect(rated.figure(.trust, .persistentAbsenceRate)?.similarExpected == nil)

        // Named short in a 160-column terminal's panel, whole in a wider one.
        let text = DashboardRenderer.render(trustPage(view), view: view).text
        #expect(
            text.contains("RWM exp. vs similar: expected 56.1 · 3.2 points better than schools like ours"),
            "\(text)")
        let wide = DashboardRenderer.render(trustPage(view, width: 240), view: view).text
        #expect(
            wide.contains(
                "RWM expected standard vs similar schools: expected 56.1 · 3.2 points better than schools like ours"
            ), "\(wide)")
        #expect(text.split(separator: "\n").filter { $0.contains("vs similar") }.count == 1, "\(text)")
        #expect(!text.contains("Similar schools: expected"), "\(text)")
    }

    @Test func pageWithoutSimilarSchoolsHasNoExpectedFigure() {
        let view = TestTrust.view()
        let text = DashboardRenderer.render(trustPage(view), view: view).text
        #expect(!text.contains("imilar"))
    }

    /// The words are the report's, on the figures as shown: lower is better for
    /// persistent absence, so 24.17 against 22.33 (24.2 against 22.3) is 1.9 points worse;
    /// equal figures as shown are "the same".
    @Test func wordsFollowTheDirectionOnTheFiguresShown() {
        #expect(
            ReportRow.expectedText(value: 24.1667, expected: 22.3333, decimals: 1, direction: .lowerIsBetter)
                == "1.9 points worse than schools like ours")
        #expect(
            ReportRow.expectedText(value: 22.3333, expected: 24.1667, decimals: 1, direction: .lowerIsBetter)
                == "1.9 points better than schools like ours")
        #expect(
            ReportRow.expectedText(value: 95.04, expected: 94.96, decimals: 1, direction: .higherIsBetter)
                == "the same as schools like ours")
    }

    /// The trust page with the expected line, as reviewed frames.
    @Test(arguments: [(120, 40), (80, 24)])
    func goldenFrames(width: Int, height: Int) throws {
        let view = SimilarTrust.view()
        for ascii in [false, true] {
            let state = trustPage(view, width: width, height: height, ascii: ascii)
            try Golden.check(
                DashboardRenderer.render(state, view: view),
                "similar-trust-\(width)x\(height)-\(ascii ? "ascii" : "dark")")
        }
    }
}

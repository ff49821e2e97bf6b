import Dashboard
import Metrics
import Testing

/// The wide overview's suspensions column: `s` sorts by it while it is shown, and `e` on a
/// row explains it after the four other figures.
@Suite("Suspensions column on the overview")
struct SuspensionsColumnTests {
    /// `InclusionTrust` with Alder at 2 suspensions for 200 pupils (1.00 per 100) and Cedar at
    /// 30 for 300 (10.00); Birch has 37 for 412 (8.98); Damson and Elm have none.
    static func view() -> TrustView {
        var data = InclusionTrust.data
        data.inclusion += [
            InclusionRecord(
                urn: TestTrust.alder, drop: TestTrust.now, group: .all, pupils: 200, suspensions: 2,
                pupilsSuspended: 2, permanentExclusions: 0),
            InclusionRecord(
                urn: TestTrust.cedar, drop: TestTrust.now, group: .all, pupils: 300, suspensions: 30,
                pupilsSuspended: 12, permanentExclusions: 0),
        ]
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    /// At 200 columns the column is shown, and the seventh `s` sorts by it: most suspensions
    /// first (fewer is better), Cedar 10.00, Birch 8.98, Alder 1.00, then those with none by
    /// name. Reversed, the academies with figures run the other way.
    @Test func sSortsBySuspensionsWhereTheColumnIsShown() {
        let view = Self.view()
        var state = DashboardState(view: view, width: 200, height: 60, ascii: false)
        for _ in 0..<7 { state.apply(.sortNext, view: view) }
        #expect(state.overview.sort == .suspensions)
        #expect(
            state.visibleRows(view).map(\.name)
                == [
                    "St Cedar’s C of E Primary", "Birch Academy", "Alder Primary", "Damson School",
                    "Elm Hospital School",
                ])
        #expect(DashboardRenderer.render(state, view: view).text.contains("sorted: suspensions per 100"))
        state.apply(.sortNext, view: view)
        #expect(state.overview.sort == .worst)
    }

    /// Narrower, where the column is not shown, `s` never sorts by it: after the headline
    /// comes worst first again.
    @Test func sSkipsTheColumnWhereItIsNotShown() {
        let view = Self.view()
        var state = DashboardState(view: view, width: 120, height: 40, ascii: false)
        var seen: [OverviewColumn] = []
        for _ in 0..<7 {
            state.apply(.sortNext, view: view)
            seen.append(state.overview.sort)
        }
        #expect(!seen.contains(.suspensions))
        #expect(seen.last == .worst)
    }

    /// `e` on Birch's row, then Tab four times: the fifth figure, suspensions, 37 for 412
    /// pupils = 8.98 per 100. A fifth Tab goes back to the first. A row with no suspensions
    /// figure has the four only.
    @Test func eExplainsTheSuspensionsOfTheRow() {
        let view = Self.view()
        var state = DashboardState(view: view, width: 200, height: 60, ascii: false)
        state.overview.selected = TestTrust.birch
        state.apply(.explain, view: view)
        for _ in 0..<4 { state.apply(.nextPanel, view: view) }
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("Birch Academy · figure 5 of 5"))
        #expect(text.contains("8.98 = 37 suspensions"))
        state.apply(.nextPanel, view: view)
        #expect(DashboardRenderer.render(state, view: view).text.contains("Birch Academy · figure 1 of 5"))
        var damson = DashboardState(view: view, width: 200, height: 60, ascii: false)
        damson.overview.selected = TestTrust.damson
        damson.apply(.explain, view: view)
        #expect(DashboardRenderer.render(damson, view: view).text.contains("Damson School · figure 1 of 4"))
    }
}

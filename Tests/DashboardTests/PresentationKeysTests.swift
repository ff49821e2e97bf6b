import Dashboard
import Metrics
import Testing

/// `?` and `[` `]` work in presentation mode as everywhere else.
@Suite("Keys in presentation mode")
struct PresentationKeysTests {
    let view = TestTrust.view()

    /// Presenting from the overview, on St Cedar's slide (the first, worst first).
    func presenting(_ width: Int = 120, _ height: Int = 40, ascii: Bool = false) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        state.apply(.present, view: view)
        return state
    }

    @Test func questionMarkShowsHelpOverTheSlides() {
        var state = presenting()
        state.press(.character("?"), view: view)
        #expect(state.presentation != nil)
        #expect(state.overlay == .help)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("Keys: presentation"))
        #expect(text.contains("pause the show, or resume it"))
        #expect(text.contains("the previous and next drop"))
        // Keys go to the help while it is open: → does not move the show on; nor does
        // time, though the show is not paused.
        let slide = state.presentation?.index
        state.press(.right, view: view)
        state.presentation?.tick(seconds: 60)
        #expect(state.presentation?.index == slide)
        #expect(state.presentation?.paused == false)
        #expect(state.presentation?.elapsed == 0)
        // Esc closes the help and keeps presenting; a second Esc leaves the show.
        state.press(.escape, view: view)
        #expect(state.overlay == nil)
        #expect(state.presentation != nil)
        state.presentation?.tick(seconds: 3)
        #expect(state.presentation?.elapsed == 3, "time runs again once the help is closed")
        state.press(.escape, view: view)
        #expect(state.presentation == nil)
    }

    /// `[` moves to 2024/25 spring, a year earlier, where St Cedar's attendance was 5,425
    /// of 77,500 missed, 93.0; `]` back to 2025/26 spring and 92.0.
    @Test func bracketsStepThroughDrops() {
        var state = presenting()
        #expect(state.drop(view) == TestTrust.now)
        let now = DashboardRenderer.render(state, view: view).text
        #expect(now.contains("2025/26 spring"))
        #expect(PresentationTests.shows(now, big: "92.0%", scale: 2))
        state.press(.character("["), view: view)
        #expect(state.drop(view) == TestTrust.lastYear)
        #expect(state.presentation?.urn == TestTrust.cedar, "the slide stays on St Cedar's")
        let before = DashboardRenderer.render(state, view: view).text
        #expect(before.contains("2024/25 spring"))
        #expect(PresentationTests.shows(before, big: "93.0%", scale: 2))
        state.press(.character("["), view: view)
        #expect(state.drop(view) == TestTrust.lastYear, "no drop before the first")
        state.press(.character("]"), view: view)
        #expect(state.drop(view) == TestTrust.now)
    }

    @Test func goldenHelpOverTheSlides() throws {
        var state = presenting(80, 24)
        state.press(.character("?"), view: view)
        try Golden.check(DashboardRenderer.render(state, view: view), "presentation-help-80x24-unicode")
    }
}

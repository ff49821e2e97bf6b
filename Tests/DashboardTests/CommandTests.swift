import Dashboard
import Metrics
import Testing

@Suite("Keys in, state out")
struct CommandTests {
    func press(_ keys: [Key], _ state: inout DashboardState, _ view: TrustView) {
        for key in keys {
            if let command = KeyTable.command(for: key, in: state.context) {
                state.apply(command, view: view)
            }
        }
    }

    @Test func enterOpensTheSelectedAcademyAndEscGoesBack() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.down, .enter], &state, view)
        #expect(state.academy?.urn == TestTrust.birch)
        press([.escape], &state, view)
        #expect(state.page == .overview)
        #expect(state.overview.selected == TestTrust.birch)
    }

    @Test func cOpensWhatChangedAndEscGoesBack() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.character("c")], &state, view)
        #expect(state.changesPage != nil)
        #expect(DashboardRenderer.render(state, view: view).text.contains("What changed in 2025/26 spring"))
        press([.end, .escape], &state, view)
        #expect(state.page == .overview)
    }

    @Test func vimKeysMove() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.character("j"), .character("j"), .character("k")], &state, view)
        #expect(state.overview.selected == TestTrust.birch)
        press([.character("G")], &state, view)
        #expect(state.overview.selected == TestTrust.elm)
        press([.character("g")], &state, view)
        #expect(state.overview.selected == TestTrust.cedar)
    }

    @Test func academyKeysMovePanelsGroupsAndAcademies() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.enter], &state, view)
        #expect(state.academy?.urn == TestTrust.cedar)
        press([.tab], &state, view)
        #expect(state.academy?.panel == .attendance)
        press([.tab, .tab], &state, view)
        #expect(state.academy?.panel == .attainment)
        press([.character("z")], &state, view)
        #expect(state.academy?.zoomed == true)
        press([.character("p")], &state, view)
        #expect(state.group == .disadvantaged)
        press([.right], &state, view)
        #expect(state.academy?.urn == TestTrust.birch)
        press([.left, .left], &state, view)
        #expect(state.academy?.urn == TestTrust.elm)
    }

    @Test func helpOpensEverywhereAndEscCloses() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.character("?")], &state, view)
        #expect(state.overlay == .help)
        press([.down], &state, view)
        #expect(state.overview.selected == TestTrust.cedar)  // keys under an overlay do nothing
        press([.escape], &state, view)
        #expect(state.overlay == nil)
        press([.character("q")], &state, view)
        #expect(state.quitRequested)
    }

    @Test func searchTypesLettersNotCommands() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.character("/"), .character("q"), .character("s")], &state, view)
        #expect(state.overview.search == "qs")
        #expect(!state.quitRequested)
        press([.backspace, .escape], &state, view)
        #expect(state.overview.search.isEmpty)
        #expect(!state.overview.searching)
    }

    @Test func footerAndHelpComeFromTheSameTable() {
        let view = TestTrust.view()
        let state = DashboardState(view: view, width: 200, height: 40)
        let footer =
            DashboardRenderer.render(state, view: view).text.split(separator: "\n").last.map(String.init)
            ?? ""
        for binding in KeyTable.bindings(.overview) where binding.inFooter {
            #expect(footer.contains("\(binding.label) \(binding.short)"), "\(binding.label)")
        }
        var help = state
        help.overlay = .help
        let text = DashboardRenderer.render(help, view: view).text
        for binding in KeyTable.bindings(.overview) where binding.inHelp {
            #expect(text.contains(binding.long), "\(binding.long)")
        }
    }
}

@Suite("New data while running")
struct LiveDataTests {
    /// The test trust with its last-year drop only, as a store would hold it before the
    /// newer ingest.
    static func olderView() -> TrustView {
        var data = TestTrust.data
        data.attendance = data.attendance.filter { $0.drop == TestTrust.lastYear }
        data.attainment = data.attainment.filter { $0.drop == TestTrust.lastYear }
        data.scores = data.scores.filter { $0.drop == TestTrust.lastYear }
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    @Test func newDropIsShownAndTheSelectionKept() {
        let old = Self.olderView()
        var state = DashboardState(view: old, width: 120, height: 40)
        state.apply(.down, view: old)
        let selected = state.overview.selected
        let fresh = TestTrust.view()
        state.adopt(fresh, replacing: old)
        #expect(state.drop(fresh) == TestTrust.now)
        #expect(state.overview.selected == selected)
        #expect(state.notice == "New data: 2025/26 spring, ingested 14 Mar 2026 10:42")
        let text = DashboardRenderer.render(state, view: fresh).text
        #expect(text.contains("New data: 2025/26 spring, ingested 14 Mar 2026 10:42"))
    }

    @Test func aDropPickedByHandStays() {
        let old = TestTrust.view()
        var state = DashboardState(view: old, width: 120, height: 40)
        state.apply(.previousDrop, view: old)
        state.adopt(TestTrust.view(), replacing: old)
        #expect(state.drop(old) == TestTrust.lastYear)
        #expect(state.dropPicked)
    }
}

@Suite("Presentation keys")
struct PresentationKeyTests {
    @Test func pStartsOnTheSelectedAcademyEscLeavesQQuits() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 40)
        state.press(.down, view: view)
        state.press(.character("p"), view: view)
        #expect(state.presentation?.urn == TestTrust.birch)
        let frame = DashboardRenderer.render(state, view: view).text
        #expect(frame.hasPrefix(" Birch Academy"))
        state.press(.right, view: view)
        #expect(state.presentation?.urn == TestTrust.alder)
        state.press(.character(" "), view: view)
        #expect(state.presentation?.paused == true)
        state.press(.resize(width: 80, height: 24), view: view)
        #expect(state.width == 80)
        #expect(state.presentation != nil)
        state.press(.escape, view: view)
        #expect(state.presentation == nil)
        #expect(!state.quitRequested)
        state.press(.character("p"), view: view)
        state.press(.character("q"), view: view)
        #expect(state.quitRequested)
    }
}

@Suite("New data while presenting")
struct LiveDataPresentingTests {
    @Test func theNoticeShowsOverThePresentationToo() {
        let old = LiveDataTests.olderView()
        var state = DashboardState(view: old, width: 120, height: 40)
        state.press(.character("p"), view: old)
        let fresh = TestTrust.view()
        state.adopt(fresh, replacing: old)
        #expect(state.presentation != nil)
        let text = DashboardRenderer.render(state, view: fresh).text
        #expect(text.contains("New data: 2025/26 spring, ingested 14 Mar 2026 10:42"))
        #expect(text.split(separator: "\n", omittingEmptySubsequences: false).count == 41)
    }
}

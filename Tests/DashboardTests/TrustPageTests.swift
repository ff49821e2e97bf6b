import Dashboard
import Metrics
import Testing

/// The trust's page: Enter on the overview's trust row opens it; every trust figure with
/// its benchmark, rating, coverage and explanation; both phases' headlines. Every value
/// is worked out here from `TestTrust`'s rows.
@Suite("The trust page")
struct TrustPageTests {
    let view = TestTrust.view()

    func press(_ keys: [Key], _ state: inout DashboardState, view: TrustView? = nil) {
        for key in keys { state.press(key, view: view ?? self.view) }
    }

    func text(_ state: DashboardState, view: TrustView? = nil) -> String {
        DashboardRenderer.render(state, view: view ?? self.view).text
    }

    /// The line of `text` that contains `needle`, for checking a row's other columns.
    func line(_ text: String, _ needle: String) -> String {
        text.split(separator: "\n").first { $0.contains(needle) }.map(String.init) ?? ""
    }

    /// True when `parts` appear in `line` in this order, whatever the spacing between them.
    static func inOrder(_ line: String, _ parts: [String]) -> Bool {
        var rest = Substring(line)
        for part in parts {
            guard let found = rest.range(of: part) else { return false }
            rest = rest[found.upperBound...]
        }
        return true
    }

    /// `TestTrust` without Damson and Elm, so that every academy in each trust figure has
    /// a benchmark of its own and the trust's figures are rated against their phase mix.
    static func ratedTrustView() -> TrustView {
        var data = TestTrust.data
        let kept: Set<URN> = [TestTrust.alder, TestTrust.birch, TestTrust.cedar]
        data.academies = data.academies.filter { kept.contains($0.urn) }
        data.attendance = data.attendance.filter { kept.contains($0.urn) }
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    /// `PandemicTrust` on 2021/22 summer: the trust's attendance, (55,200 + 42,300) ÷
    /// (60,000 + 45,000) = 92.857 → 92.9 (Ash missed 4,800, Birch 2,700), has last summer's
    /// figure in the store but not compared; its trend marks four drops from 2017/18 and
    /// names the pandemic year among them.
    @Test("Across the pandemic the trust page says the change is not made and the trend crosses it")
    func acrossThePandemic() {
        let pandemic = PandemicTrust.view()
        var state = DashboardState(view: pandemic, width: 160, height: 48)
        press([.up, .enter], &state, view: pandemic)
        let page = text(state, view: pandemic)
        let figure = line(page, "92.9 %")
        #expect(figure.contains("not compared (pandemic)"), "\(page)")
        #expect(!page.contains("no change to show"))
        #expect(
            page.contains("2017/18 summer → 2021/22 summer; 2020/21 a pandemic year"), "\(page)")
    }

    @Test(
        "↑ Enter opens the trust page; e on the trust row still explains; Esc returns with the row selected")
    func openAndReturn() {
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.up, .character("e")], &state)
        #expect(state.overlay == .explain && state.page == .overview)
        press([.escape, .enter], &state)
        #expect(state.trustPage != nil && state.overlay == nil)
        #expect(state.context == .trust)
        #expect(text(state).contains("Trust attainment · all pupils"))
        press([.escape], &state)
        #expect(state.page == .overview && state.overview.trustSelected)
        #expect(text(state).split(separator: "\n").contains { $0.hasPrefix("▶ Trust (5 of 5)") })
    }

    @Test("both phases' headlines, each with its benchmark, change and the academies it covers")
    func bothHeadlines() {
        var state = DashboardState(view: view, width: 160, height: 48)
        state.openTrust()
        let page = text(state)
        // RWM: Alder 18 of 30 and Cedar 17 of 29 → 35 of 59 = 59.32 → 59.3; a year ago 16 of
        // 28 and 21 of 30 → 37 of 58 = 63.79 → 63.8, so −4.5. Both primaries have the
        // national 62 (2024/25), so the mix is 62.0; 59.3 ≥ 62 − 5: amber. 2 of the 2
        // primary academies.
        let rwm = line(page, "RWM expected standard")
        #expect(
            Self.inOrder(rwm, ["RWM expected standard", "▲  59.3", "62.0", "↓ 4.5", "2 of 2", "63.8"]),
            "\(rwm)")
        // Attainment 8: Birch alone, 44.3 over 150 pupils → 44.3; a year ago 45.1, so −0.8.
        // Birch's benchmark is the secondary 46.0; 44.3 ≥ 46.0 − 2.0: amber. 1 of 1.
        let a8 = line(page, "Attainment 8")
        #expect(Self.inOrder(a8, ["Attainment 8", "▲  44.3", "46.0", "↓ 0.8", "1 of 1", "45.1"]), "\(a8)")
        #expect(page.contains("Secondary · Year 11 (GCSE)"))
        #expect(page.contains("Primary · Year 6 (KS2)"))
    }

    @Test("coverage: attendance 5 of 5 academies, severe absence 3 of 5, RWM 2 of 2 primary")
    func coverage() {
        var state = DashboardState(view: view, width: 160, height: 48)
        state.openTrust()
        let page = text(state)
        // Every academy has attendance rows; Damson and Elm gave no severe absence, so the
        // trust's severe figure sums Alder, Birch and Cedar: 38 of 1,500 → 2.5, 3 of 5.
        #expect(line(page, "91.7 %").contains("5 of 5 academies"), "\(line(page, "91.7 %"))")
        #expect(line(page, "severe 2.5 %").contains("3 of 5 academies"), "\(line(page, "severe 2.5 %"))")
        // Explaining RWM (the first attainment figure) says 2 of 2 primary academies.
        press([.character("e")], &state)
        let explained = text(state)
        #expect(
            Self.inOrder(line(explained, "Covers"), ["Covers", "2 of 2 primary academies"]), "\(explained)")
        #expect(explained.contains("Why is the trust's RWM (Year 6, all pupils) amber?"))
    }

    @Test("a trust figure with no benchmark says why; one with a phase mix shows it")
    func benchmarks() {
        // All five academies: attendance not rated, as Elm (alternative provision) has no
        // national figure of its own.
        var state = DashboardState(view: view, width: 160, height: 48)
        state.openTrust()
        #expect(
            text(state).contains("not rated: no benchmark of its own for Elm Hospital School"),
            "\(text(state))")
        // Without Damson and Elm: attendance 31,000 of 375,000 missed → 91.73 → 91.7;
        // benchmark (94.84 × 125,000 primary + 91.91 × 250,000 secondary) / 375,000
        // = 34,832,500 / 375,000 = 92.89 → 92.9; 91.7 < 92.9 − 1.0: red.
        let rated = Self.ratedTrustView()
        var wide = DashboardState(view: rated, width: 160, height: 48)
        wide.openTrust()
        let page = text(wide, view: rated)
        #expect(line(page, "91.7 %").contains("■ 91.7 %  national 92.9"), "\(line(page, "91.7 %"))")
        // Persistent absence: 350 of 1,500 → 23.3; benchmark (14.56 × 500 + 25.56 × 1,000)
        // / 1,500 = 32,840 / 1,500 = 21.89 → 21.9; 23.3 ≤ 21.9 + 5.0: amber.
        #expect(line(page, "PA 23.3 %").contains("▲ PA 23.3 %  national 21.9"), "\(line(page, "PA 23.3 %"))")
        // The explanation shows the working.
        wide.trustPage?.panel = .attendance
        press([.character("e")], &wide, view: rated)
        let explained = text(wide, view: rated)
        #expect(
            explained.contains("92.89 = (94.84 × 125,000 primary + 91.91 × 250,000 secondary)"),
            "\(explained)")
    }

    @Test("small groups stay hidden: the trust's SEN support attendance is Alder's 5 pupils")
    func smallGroups() {
        var state = DashboardState(view: view, width: 160, height: 48)
        state.openTrust()
        state.trustPage?.panel = .attendance
        let page = text(state)
        // Alder alone has SEN support rows: 5 pupils, too few to show.
        let sen = line(page, "SEN support")
        #expect(sen.contains("SUPP") && !sen.contains("92.0"), "\(sen)")
        // Disadvantaged: Alder's 1,200 of 15,000 missed → 92.0; others 1,300 of 35,000
        // → 96.3.
        #expect(line(page, "not disadvantaged").contains("96.3"))
        // The gaps: attendance 96.3 − 92.0 = 4.3; RWM, Alder's alone as Cedar has no group
        // rows: others 14 of 20 = 70.0, disadvantaged 4 of 10 = 40.0, so 30.0.
        #expect(page.contains("Attendance gap: disadvantaged 92.0, others 96.3: 4.3 points"), "\(page)")
        #expect(
            page.contains("RWM expected standard gap: disadvantaged 40.0, others 70.0: 30.0 points"),
            "\(page)")
    }

    @Test("↑↓ reach every figure, e explains each; [ ] step drops on the page")
    func moveAndStep() {
        var state = DashboardState(view: view, width: 120, height: 40)
        state.openTrust()
        // Attainment: RWM, RWM higher standard (3 of 30 at Alder; Cedar gave none), A8.
        press([.down, .down, .down, .down], &state)
        #expect(state.trustPage?.panelRow == 2)
        press([.home], &state)
        #expect(state.trustPage?.panelRow == 0)
        press([.end, .enter], &state)
        #expect(state.trustPage?.panelRow == 2)
        #expect(text(state).contains("Why is the trust's Attainment 8 (Year 11, all pupils) amber?"))
        press([.escape, .tab, .character("["), .character("e")], &state)
        #expect(state.trustPage != nil && state.dropIndex == 0)
        // 2024/25 spring: 29,450 of 372,250 missed → 92.09 → 92.1, 5 of 5.
        #expect(text(state).contains("92.1%"), "\(text(state))")
    }

    @Test("new data with fewer figures keeps the focus on one of them")
    func reloadKeepsFocus() {
        var state = DashboardState(view: view, width: 120, height: 40)
        state.openTrust()
        press([.end], &state)
        #expect(state.trustPage?.panelRow == 2)
        // Without Birch's Attainment 8 the attainment panel has RWM and RWM higher standard.
        var data = TestTrust.data
        data.scores = []
        let fewer = TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        state.adopt(fewer, replacing: view)
        #expect(state.trustPage != nil && state.trustPage?.panelRow == 1)
        #expect(TrustScreen.focusedFigure(state, view: fewer)?.figure.kpi == .greaterDepth(.rwm))
    }

    @Test("golden frames of the trust page", arguments: [(80, 24), (160, 48)])
    func golden(width: Int, height: Int) throws {
        for ascii in [false, true] {
            var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
            state.openTrust()
            try Golden.check(
                DashboardRenderer.render(state, view: view),
                "trust-\(width)x\(height)-\(ascii ? "ascii" : "dark")")
        }
    }
}

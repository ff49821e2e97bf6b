import Dashboard
import Metrics
import Testing

/// The absence bands on the persistent-absence panel: the bar, its privacy, and the at-risk
/// line rated on its change. Every expected value is worked out in `BandsTrust` or below
/// from the counts.
@Suite("Absence bands panel")
struct AbsenceBandsPanelTests {
    func bands(_ counts: [Int]) -> AbsenceBands {
        AbsenceBands(
            underFive: counts[0], atRisk: counts[1], tenToTwenty: counts[2], twentyToFifty: counts[3],
            fiftyPlus: counts[4])
    }

    func opened(width: Int = 160, height: Int = 48, ascii: Bool = false, view: TrustView) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        state.openAcademy(BandsTrust.birch, view: view)
        state.apply(.nextPanel, view: view)
        state.apply(.nextPanel, view: view)
        return state
    }

    // MARK: - The bar and what it may show

    /// Birch, all pupils: 560, 180, 171, 64, 25 of 1,000: shares 56, 18, 17, 6, 3 (2.5
    /// rounds half away from zero); 20 cells 11, 4, 3, 1, 1 (worked in `BandsTrust`).
    @Test func sharesAndCellsByHand() throws {
        let bar = try #require(
            AbsenceBandBar(
                bands([560, 180, 171, 64, 25]), atRiskShown: true, persistentShown: true, severeShown: true))
        #expect(bar.parts.map(\.label) == ["<5%", "5–10%", "10–20%", "20–50%", "50%+"])
        #expect(bar.parts.map(\.share) == [56, 18, 17, 6, 3])
        #expect(!bar.splitHidden)
        #expect(bar.cells(20) == [11, 4, 3, 1, 1])
        // 10 cells: 5 r 600, 1 r 800, 1 r 710, 0 r 640, 0 r 250 → 7; three left, to 800, 710, 640.
        #expect(bar.cells(10) == [5, 2, 2, 1, 0])
    }

    /// Fewer than 6 pupils: no bar, however the bands fall; 6 is enough.
    @Test func noBarForASmallGroup() {
        #expect(
            AbsenceBandBar(
                bands([3, 1, 1, 0, 0]), atRiskShown: true, persistentShown: true, severeShown: true)
                == nil)
        #expect(
            AbsenceBandBar(
                bands([6, 0, 0, 0, 0]), atRiskShown: true, persistentShown: true, severeShown: true)
                != nil)
    }

    /// A hidden at-risk or persistent-absence figure (complementary suppression, say) means
    /// no bar: its shares would give the figure back.
    @Test func noBarBesideAHiddenFigure() {
        let counts = bands([50, 20, 20, 8, 2])
        #expect(AbsenceBandBar(counts, atRiskShown: false, persistentShown: true, severeShown: true) == nil)
        #expect(AbsenceBandBar(counts, atRiskShown: true, persistentShown: false, severeShown: true) == nil)
    }

    /// A band of 1–5 pupils in the split of the persistently absent hides the split: 10–20%
    /// and 20–50% become one segment, whose count (PA minus severe) the panel already gives.
    /// 148, 62, 70, 3, 17 of 300: 49.33 → 49, 20.67 → 21, 73 → 24.33 → 24, 5.67 → 6.
    @Test func aSmallBandHidesTheSplitNotJustItself() throws {
        let bar = try #require(
            AbsenceBandBar(
                bands([148, 62, 70, 3, 17]), atRiskShown: true, persistentShown: true, severeShown: true))
        #expect(bar.splitHidden)
        #expect(bar.parts.map(\.label) == ["<5%", "5–10%", "10–50%", "50%+"])
        #expect(bar.parts.map(\.share) == [49, 21, 24, 6])
        // No share of 20–50% alone, nor of 10–20% alone (70 → 23%), is anywhere in it.
        #expect(!bar.parts.contains { $0.bands == 3...3 || $0.bands == 2...2 })
    }

    /// Without a severe absence figure the 50%+ band is not known from the panel either, so
    /// it joins the split: 3 pupils at 50%+ make one segment 10%+ (20 + 8 + 3 = 31 of 100).
    @Test func withoutSevereAbsenceTheSplitIncludesFiftyPlus() throws {
        let bar = try #require(
            AbsenceBandBar(
                bands([49, 20, 20, 8, 3]), atRiskShown: true, persistentShown: true, severeShown: false))
        #expect(bar.parts.map(\.label) == ["<5%", "5–10%", "10%+"])
        #expect(bar.parts.map(\.share) == [49, 20, 31])
        // With severe absence shown, the same 3 pupils are already given by it: the split
        // 20 / 8 has no small band and is shown.
        let shown = try #require(
            AbsenceBandBar(
                bands([49, 20, 20, 8, 3]), atRiskShown: true, persistentShown: true, severeShown: true))
        #expect(shown.parts.map(\.share) == [49, 20, 20, 8, 3])
    }

    /// A band of 0 pupils is not small: it is shown, as the DfE shows zeros.
    @Test func aZeroBandIsShown() throws {
        let bar = try #require(
            AbsenceBandBar(
                bands([80, 10, 10, 0, 0]), atRiskShown: true, persistentShown: true, severeShown: true))
        #expect(!bar.splitHidden)
        #expect(bar.parts.map(\.share) == [80, 10, 10, 0, 0])
        #expect(bar.cells(20) == [16, 2, 2, 0, 0])
    }

    // MARK: - On the page

    /// The panel shows the at-risk line, rated on its change, and the bar with its legend,
    /// in glyphs that read without colour.
    @Test(arguments: [false, true])
    func thePanelShowsTheBandsAndTheAtRiskLine(ascii: Bool) {
        let view = BandsTrust.view()
        let state = opened(ascii: ascii, view: view)
        let text = DashboardRenderer.render(state, view: view).text
        let mark = ascii ? "A" : "▲"
        let up = ascii ? "^" : "↑"
        #expect(text.contains("\(mark) at risk 18.0 %  rated on change  \(up) 2.7 on last spring"))
        let legend =
            ascii
            ? "Bands . <5% 56%  - 5-10% 18%  + 10-20% 17%  # 20-50% 6%  @ 50%+ 3%"
            : "Bands · <5% 56%  ░ 5–10% 18%  ▒ 10–20% 17%  ▓ 20–50% 6%  █ 50%+ 3%"
        #expect(text.contains(legend))
        // Under it, the bar as wide as the legend, 60 cells: 560×60/1000 = 33 r 600,
        // 180×60 = 10 r 800, 171×60 = 10 r 260, 64×60 = 3 r 840, 25×60 = 1 r 500; 57 cells,
        // the three left to 840, 800 and 600: 34, 11, 10, 4, 1.
        let glyphs = ascii ? [".", "-", "+", "#", "@"] : ["·", "░", "▒", "▓", "█"]
        let bar = zip(glyphs, [34, 11, 10, 4, 1]).map { String(repeating: $0, count: $1) }.joined()
        #expect(text.contains(String(repeating: " ", count: 7) + bar + " "))
    }

    /// The disadvantaged group's bar hides its split (3 pupils at 20–50%).
    @Test func theDisadvantagedBarHidesItsSplit() {
        let view = BandsTrust.view()
        var state = opened(view: view)
        while state.group != .disadvantaged { state.apply(.cycleGroup, view: view) }
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("· <5% 49%  ░ 5–10% 21%  ▒ 10–50% 24%  █ 50%+ 6%"))
        #expect(!text.contains("20–50%"))
        #expect(text.contains("at risk 20.7 %"))
    }

    /// An academy with no bands (an aggregate file without band columns) has neither line.
    @Test func noBandsNoLines() {
        let view = BandsTrust.view()
        var state = DashboardState(view: view, width: 160, height: 48, ascii: false)
        state.openAcademy(TestTrust.alder, view: view)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(!text.contains("at risk"))
        #expect(!text.contains("Bands"))
    }

    /// ↓ from PA and severe reaches the at-risk line; `e` explains it with the rule and why
    /// it is amber: 18.0 − 15.3 = +2.7, above green's +1.0, within amber's +3.0.
    @Test func theAtRiskLineIsFocusedAndExplained() throws {
        let view = BandsTrust.view()
        var state = opened(view: view)
        state.apply(.down, view: view)
        state.apply(.down, view: view)
        let rated = try #require(AcademyScreen.focusedFigure(state, view: view, urn: BandsTrust.birch))
        #expect(rated.figure.kpi == .absenceBand(.atRiskRate))
        #expect(rated.figure.numerator == 180 && rated.figure.denominator == 1_000)
        #expect(rated.shown == 18.0 && rated.previousShown == 15.3 && rated.change == 2.7)
        #expect(rated.rating == .amber)
        let rule = RatingExplanation(rated).ruleText
        #expect(rule.hasPrefix("rated on its change since 2024/25 spring, not its level"))
        #expect(rule.contains("green when the change is ≤ +1.0 points · amber ≤ +3.0 · red above"))
        #expect(
            rule.contains("; the change, +2.7 points, is above green's +1.0 and within amber's +3.0: amber"))
        #expect(rule.hasSuffix("(trust default)"))
        state.apply(.explain, view: view)
        #expect(state.overlay == .explain)
        #expect(DashboardRenderer.render(state, view: view).text.contains("rated on its change"))
        // The next ↓ is the first other pupil group's PA, as before the bands were added.
        state.apply(.back, view: view)
        state.apply(.down, view: view)
        let group = try #require(AcademyScreen.focusedFigure(state, view: view, urn: BandsTrust.birch))
        #expect(group.figure.kpi == .persistentAbsenceRate && group.figure.group == .disadvantaged)
    }

    /// Every group's at-risk rating from its change (worked in `BandsTrust`), and the trust's,
    /// which is Birch's as Birch alone has bands.
    @Test func ratingsOnTheChange() throws {
        let view = BandsTrust.view()
        let rated = view.rated(TestTrust.now)
        let kpi = KPI.absenceBand(.atRiskRate)
        let owner = Figure.Owner.academy(BandsTrust.birch)
        let all = try #require(rated.figure(owner, kpi))
        let disadvantaged = try #require(rated.figure(owner, kpi, group: .disadvantaged))
        let others = try #require(rated.figure(owner, kpi, group: .notDisadvantaged))
        #expect(all.change == 2.7 && all.rating == .amber)
        #expect(disadvantaged.shown == 20.7 && disadvantaged.change == 6.9 && disadvantaged.rating == .red)
        #expect(others.shown == 16.9 && others.change == 1.0 && others.rating == .green)
        let trust = try #require(rated.figure(.trust, kpi))
        #expect(trust.shown == 18.0 && trust.change == 2.7 && trust.rating == .amber)
    }

    /// At 80×24 the legend and the bar fit whole.
    @Test func theBandsFitEightyColumns() {
        let view = BandsTrust.view()
        let state = opened(width: 80, height: 24, view: view)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("┃ Bands · <5% 56%  ░ 5–10% 18%  ▒ 10–20% 17%  ▓ 20–50% 6%  █ 50%+ 3%"))
        #expect(text.contains("┃       ··································░░░░░░░░░░░▒▒▒▒▒▒▒▒▒▒▓▓▓▓█ "))
    }

    /// Golden frames of Birch's page with the persistent-absence panel focused on the
    /// at-risk line, at 80×24 and 160×48: the dark theme's characters, and ASCII with each
    /// cell's look in the monochrome theme.
    @Test(arguments: [(80, 24), (160, 48)])
    func goldenFrames(width: Int, height: Int) throws {
        let view = BandsTrust.view()
        for ascii in [false, true] {
            var state = opened(width: width, height: height, ascii: ascii, view: view)
            state.apply(.down, view: view)
            state.apply(.down, view: view)
            let screen = DashboardRenderer.render(state, view: view)
            if ascii {
                try Golden.check(screen, looks: .mono, "bands-academy-\(width)x\(height)-ascii-mono")
            } else {
                try Golden.check(screen, "bands-academy-\(width)x\(height)-dark")
            }
        }
    }
}

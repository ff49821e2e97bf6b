import Dashboard
import Metrics
import Testing

/// The trust row on the overview can be selected and explained, as an academy's figures
/// can. Figures are `TestTrust`'s, worked out there by hand.
@Suite("The trust row: selected and explained")
struct TrustRowTests {
    let view = TestTrust.view()

    func press(_ keys: [Key], _ state: inout DashboardState) {
        for key in keys { state.press(key, view: view) }
    }

    @Test("↑ from the first academy selects the trust row, ↓ comes back")
    func selectTrustRow() {
        var state = DashboardState(view: view, width: 120, height: 30)
        #expect(state.overview.selected == TestTrust.cedar && !state.overview.trustSelected)
        press([.up], &state)
        #expect(state.overview.trustSelected)
        let lines = DashboardRenderer.render(state, view: view).text.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("▶ Trust (5 of 5)") })
        #expect(!lines.contains { $0.hasPrefix("▶ St Cedar") })
        press([.up], &state)
        #expect(state.overview.trustSelected)
        press([.down], &state)
        #expect(!state.overview.trustSelected && state.overview.selected == TestTrust.cedar)
    }

    @Test("e on the trust row explains its attendance; Tab moves to persistent absence")
    func explainTrust() {
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.up, .character("e")], &state)
        #expect(state.overlay == .explain && state.page == .overview)
        var text = DashboardRenderer.render(state, view: view).text
        // 31,333 of 377,250 missed: 345,917 attended → 91.7. Not rated: the trust's benchmark
        // weights each academy's own, and Elm (alternative provision) has none.
        #expect(text.contains("Why does the trust's Attendance (all pupils) have no rating?"))
        #expect(text.contains("Elm Hospital"))
        #expect(text.contains("91.7% = 345,917 of 377,250 possible sessions attended across 5 academies"))
        #expect(text.contains("figure 1 of 4"))
        press([.tab], &state)
        text = DashboardRenderer.render(state, view: view).text
        // 353 of 1,509 → 23.4; last spring 325 of 1,489 = 21.8, the same five academies.
        #expect(text.contains("Why does the trust's Persistent absence (all pupils) have no rating?"))
        #expect(
            text.contains("23.4% = 353 of 1,509 pupils missed 10% or more of sessions across 5 academies"))
        #expect(text.contains("21.8% in 2024/25 spring, the same 5 academies → change +1.6"))
        press([.escape], &state)
        #expect(state.overlay == nil && state.overview.trustSelected)
    }

    @Test("e on an academy row explains its figures without opening it")
    func explainAcademyRow() {
        var state = DashboardState(view: view, width: 120, height: 40)
        press([.character("e")], &state)
        #expect(state.overlay == .explain && state.page == .overview)
        let text = DashboardRenderer.render(state, view: view).text
        // St Cedar's: 6,000 of 75,000 missed → 92.0.
        #expect(text.contains("St Cedar’s C of E Primary · figure 1 of 4"))
        #expect(text.contains("92.0% = 69,000 of 75,000 possible sessions attended"))
    }
}

/// When an academy's target, not the benchmark, rates a figure, the page says so.
@Suite("A target that rates a figure is shown where the benchmark would be")
struct TargetShownTests {
    @Test("Alder's attendance target 96.0 and RWM target 70: the page shows the targets")
    func targetsOnTheAcademyPage() {
        var config = RatingConfig()
        config.targets[TestTrust.alder] = [
            .attendanceRate: RatingTarget(green: 96.0), .expected(.rwm): RatingTarget(green: 70, amber: 65),
        ]
        let view = TrustView(
            data: TestTrust.data, config: config, trustName: "Test Learning Trust", isSample: false)
        var state = DashboardState(view: view, width: 160, height: 48)
        state.openAcademy(TestTrust.alder, view: view)
        let text = DashboardRenderer.render(state, view: view).text
        // Attendance 95.0 is below the target 96.0 and within the trust rule's 1.0: amber,
        // though it is above the national 94.8 (100 − 5.16, 2024/25 autumn and spring).
        #expect(text.contains("▲ 95.0 %  target 96.0  national 94.8"))
        // RWM 18 of 30 = 60.0 is below the target's amber line 65: red, the target in the
        // benchmark column.
        #expect(text.contains("T 70.0"))
        #expect(text.contains("T: this academy's target rates the figure."))
        let rated = view.rated(TestTrust.now).figure(
            .academy(TestTrust.alder), .expected(.rwm), yearGroup: .year(6))
        #expect(rated?.rating == .red)
        let row = rated.map { ReportRow($0, academy: nil, trustName: "T") }
        #expect(row?.target == 70.0)
        #expect(row?.benchmark == 62.0)
    }
}

/// Search finds names as people type them (issue 10).
@Suite("Search folds case, accents and apostrophes")
struct SearchFoldingTests {
    @Test(
        "what people type finds the name as written",
        arguments: [
            ("St Mary's", "St Mary’s C of E Primary"), ("bronte", "Ashby Brontë Academy"),
            ("BRONTË", "Ashby Brontë Academy"), ("st mary’s", "St Mary’s C of E Primary"),
        ])
    func folded(query: String, name: String) {
        #expect(SearchText.matches(name, query))
    }

    @Test("a plain ASCII name is lower-cased, and nothing else changes")
    func asciiFolding() {
        #expect(SearchText.fold("St Mary's ACADEMY (Y7-11) & Co.") == "st mary's academy (y7-11) & co.")
        // Every printable ASCII character folds as Foundation folds it.
        for byte in UInt8(0x20)...UInt8(0x7E) {
            let text = String(decoding: [byte], as: UTF8.self)
            #expect(
                SearchText.fold(text)
                    == text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
        }
    }

    @Test("a search that does not match finds nothing")
    func noMatch() {
        #expect(!SearchText.matches("Ashby Brontë Academy", "bronze"))
    }

    @Test("typing /st cedar's on the overview finds St Cedar’s")
    func overviewSearch() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 30)
        for key in [Key.character("/")] + "st cedar's".map(Key.character) + [.enter] {
            state.press(key, view: view)
        }
        #expect(state.visibleRows(view).map(\.name) == ["St Cedar’s C of E Primary"])
    }
}

/// The overview's header counts every rated figure on screen, the trust row's included,
/// and follows the filters (issue 10).
@Suite("The overview header counts what is on screen")
struct HeaderCountTests {
    @Test("all rows: 2 green, 10 amber, 2 red; primaries only: 2 green, 6 amber, 2 red")
    func countsIncludeTheTrustAndFollowFilters() {
        // TestTrust, 2025/26 spring: Cedar ■ ■ ▲ ▲, Birch ▲ ▲ ▲ ▲, Alder ● ▲ ● ▲, Damson and
        // Elm nothing rated; the trust · · ▲ ▲. So 2 green, 2 + 4 + 2 + 2 = 10 amber, 2 red.
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 30)
        let all = DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1]
        #expect(all.contains("● 2 green   ▲ 10 amber   ■ 2 red"), "\(all)")
        // Primaries (Cedar, Alder) and the trust: 2 green, 2 + 2 + 2 = 6 amber, 2 red.
        state.overview.phaseFilter = .primary
        let primaries = DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1]
        #expect(primaries.contains("● 2 green   ▲ 6 amber   ■ 2 red"), "\(primaries)")
    }
}

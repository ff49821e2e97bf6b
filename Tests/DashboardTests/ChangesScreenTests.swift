import Metrics
import Testing

@testable import Dashboard

/// The changes screen over the test trust with a 2025/26 autumn drop added, so that
/// 2025/26 spring is compared with both the previous drop and last year.
///
/// Against last year (see `TestTrust`) St Cedar’s turned red on attendance (93.0 → 92.0)
/// and persistent absence (12.9 → 20.0). Autumn adds:
/// - Alder: 1,500 of 25,000 missed → attendance 94.0, persistent absence 40 of 200 → 20.0;
/// - Birch: 11,000 of 125,000 → 91.2, PA 270 of 1,000 → 27.0;
/// - St Cedar’s: 2,700 of 37,500 → 92.8, PA 45 of 300 → 15.0; Year 6 RWM 20 of 29 → 69.0.
@Suite("Changes screen")
struct ChangesScreenTests {
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)

    static func view() -> TrustView {
        var data = TestTrust.data
        data.attendance += [
            TestTrust.attendance(
                TestTrust.alder, autumn, pupils: 200, possible: 25_000, absent: 1_500, persistent: 40,
                severe: 2),
            TestTrust.attendance(
                TestTrust.birch, autumn, pupils: 1_000, possible: 125_000, absent: 11_000, persistent: 270,
                severe: 22),
            TestTrust.attendance(
                TestTrust.cedar, autumn, pupils: 300, possible: 37_500, absent: 2_700, persistent: 45,
                severe: 3),
        ]
        data.attainment.append(
            AttainmentRecord(
                urn: TestTrust.cedar, drop: autumn, yearGroup: .year(6), subject: .rwm, cohort: 29,
                expected: 20))
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    /// A frame as the dashboard will draw it: the header, then the changes page down to
    /// the footer row (left blank here; the footer's keys belong to the key table), after
    /// `keys` pressed on the page opened with `c` from the overview.
    static func frame(
        _ width: Int, _ height: Int, ascii: Bool, scroll: Int? = nil, view: TrustView = view(),
        drop: DataDrop? = nil, keys: [Key] = []
    ) -> Screen {
        let state = opened(view: view, width: width, height: height, ascii: ascii, drop: drop, keys: keys)
        var screen = Screen(width: width, height: height, style: TextStyle(ascii: ascii))
        DashboardRenderer.header(state, view: view, into: &screen)
        ChangesScreen.render(
            state, view: view, into: &screen, top: 1, bottom: height - 1,
            scroll: scroll ?? state.changesPage?.scroll ?? 0)
        return screen
    }

    /// The state after `c` on the overview, then `keys`.
    static func opened(
        view: TrustView, width: Int = 120, height: Int = 40, ascii: Bool = false, drop: DataDrop? = nil,
        keys: [Key] = []
    ) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        if let drop, let index = view.drops.firstIndex(of: drop) { state.dropIndex = index }
        for key in [Key.character("c")] + keys { state.press(key, view: view) }
        return state
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func goldenFrames(_ width: Int, _ height: Int) throws {
        for ascii in [false, true] {
            let name = "changes-\(width)x\(height)-\(ascii ? "ascii" : "dark")"
            try Golden.check(Self.frame(width, height, ascii: ascii), name)
        }
    }

    /// Against 2025/26 autumn (the header's comparison in spring), 13 lines of the report
    /// but 10 on the page, the 3 absence lines mirroring attendance ones left out
    /// (TestTrust's figures and the autumn rows above):
    /// 0 St Cedar's PA 15.0 → 20.0 turned red; 1 St Cedar's attendance 92.8 → 92.0 red and
    /// worse; now amber: 2 St Cedar's RWM Y6 69.0 → 58.6, 3 trust RWM 69.0 → 59.3, 4 St
    /// Cedar's severe 1.0 → 3.0, 5 trust severe 1.8 → 2.5, 6 Birch severe 2.2 → 2.5;
    /// improved: 7 Alder PA 20.0 → 15.0, 8 Alder attendance 94.0 → 95.0, 9 Birch
    /// attendance 91.2 → 91.0. Every one could be chance: the largest, St Cedar's PA, 45 of
    /// 300 then 60 of 300, pooled p = 105/600 = 0.175, SE = √(0.175 × 0.825 × 2/300) =
    /// 0.031024, z = 0.05 / 0.031024 = 1.61.
    static let againstAutumn = [
        "St Cedar’s C of E Primary persistent_absence_rate", "St Cedar’s C of E Primary attendance_rate",
        "St Cedar’s C of E Primary rwm_expected", "Test Learning Trust rwm_expected",
        "St Cedar’s C of E Primary severe_absence_rate", "Test Learning Trust severe_absence_rate",
        "Birch Academy severe_absence_rate", "Alder Primary persistent_absence_rate",
        "Alder Primary attendance_rate", "Birch Academy attendance_rate",
    ]

    static func names(_ state: DashboardState, _ view: TrustView) -> [String] {
        ChangesList(state, view: view)?.changes.map { "\($0.name) \($0.kpi.key)" } ?? []
    }

    @Test func opensOnTheHeadersComparisonWithoutMirroredAbsence() throws {
        let view = Self.view()
        let state = Self.opened(view: view)
        #expect(Self.names(state, view) == Self.againstAutumn)
        let list = try #require(ChangesList(state, view: view))
        #expect(list.comparison == .previousDrop)
        #expect(list.changes.allSatisfy { $0.significance.verdict == .couldBeChance })
        // The report keeps the three absence lines.
        let report = list.all.changes.filter { $0.comparedWith == .previousDrop }
        #expect(report.count == 13)
        #expect(
            report.filter { $0.kpi == .absenceRate }.map(\.name) == [
                "St Cedar’s C of E Primary", "Alder Primary", "Birch Academy",
            ])
    }

    /// The overview's header and the page's first heading say the same number, with and
    /// without a search: 1 (St Cedar's PA) for all academies and for "cedar"; 0 for
    /// "alder", whose page has no "Turned red" heading.
    @Test func theHeaderCountIsThePagesCount() {
        let view = Self.view()
        for (search, count) in [("", 1), ("cedar", 1), ("alder", 0)] {
            var state = DashboardState(view: view, width: 120, height: 40)
            state.overview.search = search
            let overview = DashboardRenderer.render(state, view: view).text
            #expect(
                overview.contains("\(count) figure\(count == 1 ? "" : "s") turned red since 2025/26 autumn"),
                "\(search)")
            state.press(.character("c"), view: view)
            let page = DashboardRenderer.render(state, view: view).text
            if count > 0 {
                #expect(page.contains("Turned red since 2025/26 autumn (\(count))"), "\(search)")
            } else {
                #expect(!page.contains("Turned red"), "\(search)")
            }
            #expect(page.contains("search: \(search)") == !search.isEmpty)
        }
    }

    /// `c` switches to the same term last year (2024/25 spring), from TestTrust: St
    /// Cedar's PA 40 of 310 = 12.9 → 60 of 300 = 20.0 turned red, pooled p = 100/610 =
    /// 0.163934, SE = √(0.163934 × 0.836066 × (1/310 + 1/300)) = 0.029983, z = 0.070968 /
    /// 0.029983 = 2.367: beyond chance; St Cedar's attendance 93.0 → 92.0 red and worse, of
    /// 310 then 300 pupils: pooled p = 0.925082, SE = √(0.925082 × 0.074918 × 0.0065591) =
    /// 0.021321, z = −0.01 / 0.021321 = −0.47: could be chance.
    @Test func cSwitchesToLastYear() throws {
        let view = Self.view()
        let state = Self.opened(view: view, keys: [.character("c")])
        let list = try #require(ChangesList(state, view: view))
        #expect(list.comparison == .lastYear)
        let first = try #require(list.changes.first)
        #expect(first.name == "St Cedar’s C of E Primary" && first.kpi == .persistentAbsenceRate)
        #expect(first.significance.verdict == .beyondChance)
        #expect(abs((first.significance.z ?? 0) - 2.367) < 0.001)
        let attendance = try #require(
            list.changes.first { $0.kpi == .attendanceRate && $0.band == .redAndWorse })
        #expect(attendance.significance.verdict == .couldBeChance)
        for ascii in [false, true] {
            try Golden.check(
                Self.frame(120, 40, ascii: ascii, keys: [.character("c")]),
                "changes-120x40-lastyear-\(ascii ? "ascii" : "dark")")
        }
        // And back.
        let back = Self.opened(view: view, keys: [.character("c"), .character("c")])
        #expect(ChangesList(back, view: view)?.comparison == .previousDrop)
    }

    /// `a` keeps the selected change's academy (St Cedar's: 4 changes against autumn), `m`
    /// its KPI too (1), `p` its pupil group; Esc clears the page's filters, then goes back.
    @Test func filtersByAcademyKPIAndGroup() throws {
        let view = Self.view()
        var state = Self.opened(view: view, keys: [.character("a")])
        #expect(Self.names(state, view) == Array(Self.againstAutumn[0...2]) + [Self.againstAutumn[4]])
        try Golden.check(
            Self.frame(120, 40, ascii: false, keys: [.character("a")]), "changes-120x40-academy-dark")
        state.press(.character("m"), view: view)
        #expect(Self.names(state, view) == [Self.againstAutumn[0]])
        state.press(.character("p"), view: view)
        #expect(state.changesPage?.group == .all)
        let title = DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1]
        #expect(
            title.contains("academy: St Cedar’s C of E Primary · KPI: Persistent absence · group: all pupils")
        )
        state.press(.escape, view: view)
        #expect(Self.names(state, view) == Self.againstAutumn)
        #expect(state.changesPage != nil)
        state.press(.escape, view: view)
        #expect(state.page == .overview)
    }

    /// The filters' words are never cut for the title at 80 columns: the title shortens.
    @Test func filtersShowInFullWhenNarrow() throws {
        let frame = Self.frame(80, 24, ascii: true, keys: [.character("a"), .character("m")])
        let title = String(frame.text.split(separator: "\n")[1])
        #expect(title.contains("academy: St Cedar's C of E Primary . KPI: Persistent absence"), "\(title)")
        try Golden.check(frame, "changes-80x24-filtered-ascii")
    }

    /// `/birch` on the page: Birch's changes and the trust's (whose row is always shown):
    /// trust RWM, trust severe, Birch severe, Birch attendance.
    @Test func searchOnThePage() {
        let view = Self.view()
        let keys: [Key] = [.character("/")] + "birch".map { Key.character($0) } + [.enter]
        let state = Self.opened(view: view, keys: keys)
        #expect(!state.overview.searching)
        #expect(Self.names(state, view) == [3, 5, 6, 9].map { Self.againstAutumn[$0] })
    }

    /// Enter on St Cedar's Year 6 RWM opens St Cedar's with attainment focused on Year 6,
    /// all pupils, the RWM line; Esc comes back to the page on the same change. St Cedar's
    /// severe absence focuses the persistent-absence panel's severe line; a trust line
    /// opens the trust's page on that figure.
    @Test func enterOpensTheFigure() throws {
        let view = Self.view()
        var state = Self.opened(view: view, keys: [.down, .down, .enter])
        #expect(state.academy?.urn == TestTrust.cedar)
        #expect(state.academy?.panel == .attainment)
        #expect(state.academy?.yearGroup == .year(6))
        #expect(state.group == .all)
        let rwm = try #require(AcademyScreen.focusedFigure(state, view: view, urn: TestTrust.cedar))
        #expect(rwm.figure.kpi == .expected(.rwm) && rwm.figure.yearGroup == .year(6))
        state.press(.escape, view: view)
        #expect(state.changesPage != nil)
        #expect(state.changesPage?.selected == 2)
        state.press(.down, view: view)
        state.press(.down, view: view)
        state.press(.enter, view: view)
        #expect(state.academy?.panel == .persistentAbsence)
        let severe = try #require(AcademyScreen.focusedFigure(state, view: view, urn: TestTrust.cedar))
        #expect(severe.figure.kpi == .severeAbsenceRate)
        // Esc again goes back to the changes page; the line above is the trust's Year 6
        // RWM, which opens the trust's page with that figure focused, and Esc comes
        // back to the list.
        state.press(.escape, view: view)
        state.press(.up, view: view)
        state.press(.enter, view: view)
        #expect(state.trustPage != nil)
        #expect(state.overview.trustSelected)
        let trust = try #require(TrustScreen.focusedFigure(state, view: view))
        #expect(trust.figure.owner == .trust)
        #expect(trust.figure.kpi == .expected(.rwm) && trust.figure.yearGroup == .year(6))
        #expect(trust.figure.group == .all)
        state.press(.escape, view: view)
        #expect(state.changesPage != nil)
    }

    /// 60×15 leaves 9 list rows for 17 (4 headings, 3 gaps, 10 changes): End selects the
    /// last change and scrolls to show it; the rule counts changes, not rows.
    @Test func scrolledToTheEnd() throws {
        let view = Self.view()
        let state = Self.opened(view: view, width: 60, height: 15, ascii: true, keys: [.end])
        #expect(state.changesPage?.selected == 9)
        #expect(state.changesPage?.scroll == 17 - 9)
        let frame = Self.frame(60, 15, ascii: true, view: view, keys: [.end])
        // List rows 8…16 of 0 heading, 1 change 0, 2 gap, 3 heading, 4 change 1, 5 gap,
        // 6 heading, 7…11 changes 2…6, 12 gap, 13 heading, 14…16 changes 7…9: changes 3…9,
        // the 4th to the 10th.
        #expect(frame.text.contains(" 4-10 of 10 changes "))
        try Golden.check(frame, "changes-60x15-end-ascii")
        #expect(
            Self.frame(60, 15, ascii: true, scroll: 50, view: view, keys: [.end])
                == frame)
    }

    @Test func emptyState() throws {
        // 2024/25 spring is the earliest drop: nothing to compare with.
        let screen = Self.frame(80, 24, ascii: false, drop: TestTrust.lastYear)
        #expect(screen.text.contains("No data for 2024/25 autumn or 2023/24 spring to compare with."))
        // TestTrust alone has no 2025/26 autumn: the page opens on last year, as the header
        // counts, and `c` says there is no autumn data.
        let view = TrustView(
            data: TestTrust.data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        #expect(ChangesList(Self.opened(view: view), view: view)?.comparison == .lastYear)
        let autumn = Self.frame(80, 24, ascii: false, view: view, keys: [.character("c")])
        #expect(autumn.text.contains("No data for 2025/26 autumn to compare with."))
        try Golden.check(screen, "changes-80x24-empty-dark")
    }

    @Test func linesFitAndASCIIIsASCII() {
        let view = Self.view()
        for (width, height) in [(120, 40), (80, 24), (60, 15)] {
            for ascii in [false, true] {
                for keys in [[], [Key.character("c")], [.character("a"), .character("m"), .character("p")]] {
                    let screen = Self.frame(width, height, ascii: ascii, view: view, keys: keys)
                    let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
                        .dropLast()
                    #expect(lines.count == height)
                    for line in lines {
                        #expect(
                            DisplayWidth.of(String(line)) <= width, "too wide at \(width)×\(height): \(line)")
                        let isASCII = line.unicodeScalars.allSatisfy { $0.isASCII }
                        if ascii { #expect(isASCII, "not ASCII: \(line)") }
                    }
                }
            }
        }
    }

    @Test func handWorkedLines() {
        // St Cedar's persistent absence against autumn: 45 of 300 = 15.0 amber, now 60 of
        // 300 = 20.0 red, up 5.0.
        #expect(Self.frame(120, 40, ascii: true).text.contains("15.0 A ->  20.0 R  ^5.0    could be chance"))
        // Against last year: 40 of 310 = 12.9 green, up 7.1, beyond chance (blank).
        let lastYear = Self.frame(120, 40, ascii: true, keys: [.character("c")]).text
        #expect(lastYear.contains("12.9 G ->  20.0 R  ^7.1\n"))
    }

    @Test func footerAndHelpListTheKeys() {
        let view = Self.view()
        let state = Self.opened(view: view, width: 200)
        let footer =
            DashboardRenderer.render(state, view: view).text.split(separator: "\n").last.map(String.init)
            ?? ""
        #expect(footer.contains("c against"))
        for binding in KeyTable.bindings(.changes) where binding.inFooter {
            #expect(footer.contains("\(binding.label) \(binding.short)"), "\(binding.label)")
        }
        var help = state
        help.overlay = .help
        let text = DashboardRenderer.render(help, view: view).text
        #expect(text.contains("compare with the previous drop or the same term last year"))
    }
}

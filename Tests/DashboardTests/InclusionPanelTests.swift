import Dashboard
import Metrics
import Testing

/// The Inclusion panel of the academy and trust pages, and the overview's suspensions column,
/// on `InclusionTrust`: Birch Academy has inclusion rows, the other academies none.
@Suite("Inclusion panel")
struct InclusionPanelTests {
    func opened(_ urn: URN, width: Int = 160, height: Int = 48, view: TrustView) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height, ascii: false)
        state.openAcademy(urn, view: view)
        return state
    }

    /// Tab steps through the four panels where the academy has inclusion figures, and
    /// through three (no Inclusion) where it has none.
    @Test func tabReachesInclusionOnlyWhereThereAreFigures() {
        let view = InclusionTrust.view()
        var birch = opened(InclusionTrust.birch, view: view)
        var visited: [Panel] = []
        for _ in 0..<4 {
            birch.apply(.nextPanel, view: view)
            visited.append(birch.academy?.panel ?? .attainment)
        }
        #expect(visited == [.attendance, .persistentAbsence, .inclusion, .attainment])
        birch.apply(.previousPanel, view: view)
        #expect(birch.academy?.panel == .inclusion)
        var alder = opened(TestTrust.alder, view: view)
        visited = []
        for _ in 0..<3 {
            alder.apply(.nextPanel, view: view)
            visited.append(alder.academy?.panel ?? .attainment)
        }
        #expect(visited == [.attendance, .persistentAbsence, .attainment])
        let text = DashboardRenderer.render(alder, view: view).text
        #expect(!text.contains("Inclusion"))
    }

    /// ↑↓ move over the three headline figures, then the other pupil groups; `e` explains
    /// each. Every value is worked out in `InclusionTrust` from the rows.
    @Test func focusMovesOverTheFiguresWithHandWorkedValues() throws {
        let view = InclusionTrust.view()
        var state = opened(InclusionTrust.birch, view: view)
        for _ in 0..<3 { state.apply(.nextPanel, view: view) }
        func focused() throws -> RatedFigure {
            try #require(AcademyScreen.focusedFigure(state, view: view, urn: InclusionTrust.birch))
        }
        // 37 suspensions for 412 pupils: 37 × 100 / 412 = 8.980 → 8.98; was 30 for 400 = 7.50.
        let suspensions = try focused()
        #expect(suspensions.figure.kpi == .inclusion(.suspensionRate))
        #expect(suspensions.figure.numerator == 37 && suspensions.figure.denominator == 412)
        #expect(suspensions.shown == 8.98 && suspensions.change == 1.48)
        #expect(suspensions.rating == .none)
        state.apply(.down, view: view)
        // 21 of 412 suspended: 5.097 → 5.10.
        #expect(try focused().figure.kpi == .inclusion(.pupilsSuspendedRate))
        #expect(try focused().shown == 5.10)
        state.apply(.down, view: view)
        // 1 permanent exclusion for 412: 0.243 → 0.24.
        #expect(try focused().figure.kpi == .inclusion(.permanentExclusionRate))
        #expect(try focused().shown == 0.24)
        state.apply(.down, view: view)
        // Then the other groups in data-drop order, disadvantaged first: 22 for 120 → 18.33.
        let disadvantaged = try focused()
        #expect(disadvantaged.figure.group == .disadvantaged && disadvantaged.shown == 18.33)
        state.apply(.explain, view: view)
        #expect(state.overlay == .explain)
    }

    /// The panel's words: the unit, the change, the gaps as suspensions per 100 with the
    /// groups' figures, and the small EAL group hidden.
    @Test func thePanelShowsTheFiguresAndGaps() throws {
        let view = InclusionTrust.view()
        var state = opened(InclusionTrust.birch, view: view)
        for _ in 0..<3 { state.apply(.nextPanel, view: view) }
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("Inclusion · all pupils"))
        #expect(text.contains("· suspensions 8.98 per 100  no benchmark  ↑ 1.48 on last spring"))
        #expect(text.contains("· pupils suspended 5.10 %"))
        #expect(text.contains("· perm. exclusions 0.24 per 100"))
        // Others 5.14 − disadvantaged 18.33: disadvantaged behind by 13.19; a year ago 8.47.
        #expect(text.contains("13.19 per 100"))
        #expect(text.contains("disadv. 18.33 vs others 5.14"))
        // 18.33 − 13.64 = 4.69 and 5.14 − 5.17 = −0.03.
        // More suspensions put a group further behind: a rise "worsened", a fall "improved".
        #expect(text.contains("8.47 a year ago, widened: disadv. worsened, others improved"))
        // No SEN 5.88 − SEN support 23.33 = −17.45.
        #expect(text.contains("17.45 per 100"))
        let eal = try #require(
            text.split(separator: "\n").first { $0.contains("EAL  ") && $0.contains("SUPP") })
        #expect(eal.contains("<6"))
    }

    /// A change of two decimals and two digits keeps to its column: disadvantaged 60
    /// suspensions for 120 pupils = 50.00, was 15 for 110 = 13.64, so +36.36, written
    /// "↑36.36" without its space so that it does not run into "120 pupils".
    @Test func aLargeChangeKeepsToItsColumn() throws {
        var data = InclusionTrust.data
        data.inclusion = data.inclusion.map { record in
            guard record.drop == TestTrust.now, record.group == .disadvantaged else { return record }
            return InclusionRecord(
                urn: record.urn, drop: record.drop, group: .disadvantaged, pupils: 120, suspensions: 60,
                pupilsSuspended: 30, permanentExclusions: 1)
        }
        let view = TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        var state = opened(InclusionTrust.birch, view: view)
        for _ in 0..<3 { state.apply(.nextPanel, view: view) }
        let text = DashboardRenderer.render(state, view: view).text
        let line = try #require(
            text.split(separator: "\n").first { $0.contains("disadvantaged     · 50.00") })
        #expect(line.contains("· 50.00  ↑36.36  120 pupils"), "\(line)")
    }

    /// A change to an inclusion figure opens the academy on the Inclusion panel with that
    /// figure focused. With a rule of green at 8 or fewer and amber at 10 or fewer, Birch's
    /// 7.50 (green) a year ago became 8.98 (amber): a rating change the changes page lists.
    @Test func enterOnAnInclusionChangeOpensTheInclusionPanel() throws {
        var config = RatingConfig()
        config.rules[.inclusion(.suspensionRate)] = .absolute(green: 8, amber: 10)
        let view = InclusionTrust.view(config: config)
        var state = DashboardState(view: view, width: 120, height: 40, ascii: false)
        state.apply(.showChanges, view: view)
        let changes = view.changes(TestTrust.now).changes
        let index = try #require(
            changes.firstIndex {
                $0.kpi == .inclusion(.suspensionRate) && $0.owner == .academy(InclusionTrust.birch)
                    && $0.group == .all
            })
        #expect(changes[index].oldRating == .green && changes[index].newRating == .amber)
        // Enter on each change in turn until Birch's all-pupils suspensions opens.
        var found: (panel: Panel?, figure: Figure?)
        for _ in 0..<changes.count where found.figure == nil {
            state.press(.enter, view: view)
            if let page = state.academy,
                let focused = AcademyScreen.focusedFigure(state, view: view, urn: page.urn)?.figure,
                focused.owner == .academy(InclusionTrust.birch), focused.kpi == .inclusion(.suspensionRate),
                focused.group == .all
            {
                found = (page.panel, focused)
            } else {
                if state.academy != nil || state.trustPage != nil { state.press(.escape, view: view) }
                state.press(.down, view: view)
            }
        }
        #expect(found.figure != nil)
        #expect(found.panel == .inclusion)
        #expect(state.academy?.panelRow == 0)
    }

    /// The trust page lists the Inclusion panel when the trust has inclusion figures: the
    /// trust's are Birch's, 8.98 per 100, and the gap 18.33 − 5.14 = 13.19 per 100.
    @Test func theTrustPageHasAnInclusionPanel() {
        let view = InclusionTrust.view()
        var state = DashboardState(view: view, width: 160, height: 48, ascii: false)
        state.openTrust()
        for _ in 0..<3 { state.apply(.nextPanel, view: view) }
        #expect(state.trustPage?.panel == .inclusion)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("Trust inclusion · all pupils"))
        #expect(text.contains("· suspensions 8.98 per 100"))
        #expect(text.contains("disadvantaged 18.33, others 5.14: 13.19 per 100"))
        var plain = DashboardState(view: TestTrust.view(), width: 160, height: 48, ascii: false)
        plain.openTrust()
        for _ in 0..<3 { plain.apply(.nextPanel, view: TestTrust.view()) }
        #expect(plain.trustPage?.panel == .attainment)
    }

    /// A wide overview has a suspensions column when the trust has inclusion figures: Birch's
    /// 8.98 with its change, a dash for academies with none; none without inclusion rows.
    @Test func theWideOverviewHasASuspensionsColumn() throws {
        let view = InclusionTrust.view()
        let state = DashboardState(view: view, width: 200, height: 60, ascii: false)
        let lines = DashboardRenderer.render(state, view: view).text.split(separator: "\n")
        #expect(lines.contains { $0.contains("Susp./100") })
        let birch = try #require(lines.first { $0.contains("Birch Academy") })
        #expect(birch.contains("·  8.98 ↑1.48"))
        let plain = DashboardState(view: TestTrust.view(), width: 200, height: 60, ascii: false)
        #expect(!DashboardRenderer.render(plain, view: TestTrust.view()).text.contains("Susp./100"))
        let narrow = DashboardState(view: view, width: 120, height: 40, ascii: false)
        #expect(!DashboardRenderer.render(narrow, view: view).text.contains("Susp./100"))
    }

    /// Golden frames: Birch's page with the Inclusion panel focused, at 80×24 and 160×48, in
    /// the dark theme's characters and in ASCII; and the 200-column overview with its
    /// suspensions column.
    @Test(arguments: [(80, 24), (160, 48)])
    func goldenFrames(width: Int, height: Int) throws {
        let view = InclusionTrust.view()
        for ascii in [false, true] {
            var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
            state.openAcademy(InclusionTrust.birch, view: view)
            for _ in 0..<3 { state.apply(.nextPanel, view: view) }
            try Golden.check(
                DashboardRenderer.render(state, view: view),
                "inclusion-academy-\(width)x\(height)-\(ascii ? "ascii" : "dark")")
        }
    }

    @Test func goldenWideOverview() throws {
        let view = InclusionTrust.view()
        let state = DashboardState(view: view, width: 200, height: 60, ascii: false)
        try Golden.check(DashboardRenderer.render(state, view: view), "inclusion-overview-200x60-dark")
    }
}

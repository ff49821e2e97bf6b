import Dashboard
import Metrics
import Testing

/// Similar schools on the overview: the trust row's expected figure and the explanations
/// of its rows (`SimilarTrust`, where every group and median is worked out by hand), and a
/// store that fails while loading them.
@Suite("Similar schools on the overview")
struct SimilarOverviewTests {
    /// The overview with `urn`'s row selected (the trust's when nil) and, with `column`,
    /// that figure explained.
    func overview(
        _ view: TrustView, width: Int = 120, height: Int = 40, select urn: URN? = nil,
        explain column: Int? = nil
    ) -> String {
        var state = DashboardState(view: view, width: width, height: height, ascii: false)
        if let urn {
            state.overview.selected = urn
        } else {
            state.overview.trustSelected = true
        }
        if let column {
            state.apply(.explain, view: view)
            state.overview.explainedColumn = column
        }
        return DashboardRenderer.render(state, view: view).text
    }

    /// The trust's Year 6 RWM expects (30 × 60.0 + 29 × 52.0) / 59 = 3,308 / 59 = 56.07 →
    /// 56.1 (`SimilarTrustPageTests`); its attendance and absence expect nothing (Birch,
    /// Damson and Elm have no census line). The name column is 46 wide at 120 columns and
    /// 52 at 200: "Trust (5 of 5) · expected vs similar: RWM 56.1" is exactly 46; at 80
    /// columns it does not fit and the name stands alone.
    @Test func trustRowShowsItsExpectedFigureWhereItFits() throws {
        let view = SimilarTrust.view()
        for width in [120, 200] {
            let text = overview(view, width: width)
            let line = try #require(text.split(separator: "\n").first { $0.contains("Trust (5 of 5)") })
            #expect(line.contains("Trust (5 of 5) · expected vs similar: RWM 56.1 "), "\(text)")
        }
        let narrow = overview(view, width: 80, height: 24)
        #expect(!narrow.contains("expected"), "\(narrow)")
        #expect(narrow.contains("Trust"))
        // Without similar schools the row is as before.
        let plain = overview(TestTrust.view())
        #expect(!plain.contains("expected vs"))
    }

    /// A trust of Alder and St Cedar's alone, both with similar schools, so that its
    /// attendance and persistent absence have expected figures too. Attendance: Alder's
    /// median 94.0 (93, 94, 97) over 50,000 possible sessions and Cedar's 94.5 (204 90.0,
    /// 205 99.0; 206 has none) over 75,000: (4,700,000 + 7,087,500) / 125,000 = 94.3.
    /// Persistent absence: Alder's 14.0 (12, 16) for 200 pupils and Cedar's 17.5 (30, 5)
    /// for 300: (2,800 + 5,250) / 500 = 16.1. RWM 56.1 as above. Named as briefly as the
    /// row's cells, in their order, as many as fit: at 200 columns (a 52-column name)
    /// "Trust (2 of 2) · expected vs similar: att. 94.3" (47; a second figure would make
    /// 57, or 53 with "exp."), at 120 (46) the short lead, 43.
    @Test func trustRowNamesEachExpectedFigureBriefly() throws {
        let both: Set<URN> = [TestTrust.alder, TestTrust.cedar]
        let data = TestTrust.data
        let small = TrustData(
            trustName: data.trustName, academies: data.academies.filter { both.contains($0.urn) },
            attendance: data.attendance.filter { both.contains($0.urn) },
            attainment: data.attainment.filter { both.contains($0.urn) },
            scores: data.scores.filter { both.contains($0.urn) }, benchmarks: data.benchmarks)
        let view = TrustView(
            data: small, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false,
            similar: SimilarTrust.loader())
        let rated = view.rated(TestTrust.now)
        let attendance = try #require(rated.figure(.trust, .attendanceRate)?.similarExpected)
        #expect(abs(attendance - 11_787_500.0 / 125_000.0) < 1e-9)
        let absence = try #require(rated.figure(.trust, .persistentAbsenceRate)?.similarExpected)
        #expect(abs(absence - 8_050.0 / 500.0) < 1e-9)
        let wide = overview(view, width: 200)
        #expect(wide.contains("Trust (2 of 2) · expected vs similar: att. 94.3 "), "\(wide)")
        #expect(!wide.contains("PA 16.1"))
        let text = overview(view, width: 120)
        #expect(text.contains("Trust (2 of 2) · exp. vs similar: att. 94.3 "), "\(text)")
    }

    /// `e` on the trust row's RWM (the fourth figure): the expected line, then each
    /// academy's group median. Alder's group 70.0, 50.0, 60.0 → median 60.0, and its 60.0
    /// is beaten by 70.0 alone: 2nd best of 4. St Cedar's group 50.0, 56.0, 52.0 → median
    /// 52.0, and its 17 of 29 = 58.6 beats all three: 1st best of 4.
    @Test func trustRowExplanationListsEachAcademysGroupMedian() throws {
        let text = overview(SimilarTrust.view(), explain: 3)
        #expect(text.contains("Why is the trust's RWM"), "\(text)")
        #expect(text.contains("56.1% if each academy matched its similar"), "\(text)")
        #expect(text.contains("2 of the trust's academies compared with their similar schools"), "\(text)")
        let lines = text.split(separator: "\n").map(String.init)
        let rows = [
            "Academies    median  URN     rank           academy",
            "  60.0  100101  2nd best of 4  Alder Primary",
            "  52.0  100103  1st best of 4  St Cedar’s C of E Primary",
        ]
        let found = try rows.map { row in
            try #require(lines.firstIndex { $0.contains(row) }, "\(row)\n\(text)")
        }
        #expect(found == found.sorted() && Set(found).count == 3)
    }

    /// `e` on Alder's row, RWM: the same group as the academy page's explanation, with
    /// each school's characteristics (`SimilarSchoolsScreenTests.explanationListsTheGroup`).
    @Test func academyRowExplanationListsTheGroup() throws {
        let text = overview(SimilarTrust.view(), select: TestTrust.alder, explain: 3)
        #expect(text.contains("Alder Primary · figure 4 of 4"), "\(text)")
        #expect(text.contains("median 60.0, interquartile range 55.0 to 65.0, of 3 schools"), "\(text)")
        #expect(text.contains(" 60.0  100101   200   20.0  10.0  12.0   2.0  this academy"), "\(text)")
        #expect(text.contains("national          —   23.0  21.2  12.6   1.6  primary schools"), "\(text)")
        #expect(
            text.contains(" 70.0  100201   210   21.0  10.0  12.0   2.0  Hazel Primary (LA 380)"), "\(text)")
        // Birch has no census line: its explanation has no group.
        let birch = overview(SimilarTrust.view(), select: TestTrust.birch, explain: 0)
        #expect(!birch.contains("Schools      value"), "\(birch)")
    }

    /// A store that fails while the comparisons load: the figures are still shown, and the
    /// line above the footer says why similar schools are not, with the store's message.
    @Test func aStoreErrorWhileLoadingReachesTheScreen() throws {
        struct Unreadable: Error, CustomStringConvertible {
            var description: String { "trust.sqlite: disk I/O error while reading school_census" }
        }
        let loader = SimilarSchoolsLoader(
            comparisons: { _ in throw Unreadable() }, names: { _ in [:] })
        let view = TrustView(
            data: TestTrust.data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false,
            similar: loader)
        let text = overview(view)
        #expect(
            text.contains(
                "Similar schools not shown: trust.sqlite: disk I/O error while reading "
                    + "school_census"), "\(text)")
        #expect(text.contains("Alder Primary"))
        #expect(view.similar(TestTrust.now) == nil)
        // The names failing is reported the same way.
        let names = SimilarSchoolsLoader(
            comparisons: { drop in try SimilarTrust.loader().comparisons(drop) },
            names: { _ in throw Unreadable() })
        let named = TrustView(
            data: TestTrust.data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false,
            similar: names)
        #expect(overview(named).contains("Similar schools not shown: trust.sqlite"))
        // A store that loads says nothing.
        #expect(!overview(SimilarTrust.view()).contains("not shown"))
    }
}

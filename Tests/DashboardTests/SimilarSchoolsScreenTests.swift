import Dashboard
import Metrics
import Testing

/// The academy page and explanation with similar schools (`SimilarTrust`, where every
/// expected value is worked out by hand).
@Suite("Similar schools on the academy page")
struct SimilarSchoolsScreenTests {
    func academyPage(_ view: TrustView, _ width: Int = 120, _ height: Int = 40, explain: Bool = false)
        -> (DashboardState, String)
    {
        var state = DashboardState(view: view, width: width, height: height, ascii: false)
        state.openAcademy(TestTrust.alder, view: view)
        if explain { state.apply(.explain, view: view) }
        return (state, DashboardRenderer.render(state, view: view).text)
    }

    @Test func comparisonsAreWorkedOutFromTheGroup() throws {
        let view = SimilarTrust.view()
        let rated = view.rated(TestTrust.now)
        let attendance = try #require(rated.figure(.academy(TestTrust.alder), .attendanceRate))
        let compared = try #require(view.similarComparison(attendance))
        #expect(compared.median == 94.0)
        #expect(compared.lowerQuartile == 93.5)
        #expect(compared.upperQuartile == 95.5)
        #expect(compared.rank == 2)
        #expect(compared.outOf == 4)
        #expect(compared.quartile == 2)
        #expect(compared.year == SimilarTrust.year)
        let absence = try #require(rated.figure(.academy(TestTrust.alder), .persistentAbsenceRate))
        let pa = try #require(view.similarComparison(absence))
        #expect(pa.median == 14.0)
        #expect(pa.rank == 2)
        #expect(pa.outOf == 3)
        #expect(pa.membersWithoutValue == 1)
        #expect(pa.quartile == 3)
        // Birch has no census line, and the trust is compared with no one.
        let birch = try #require(rated.figure(.academy(TestTrust.birch), .attendanceRate))
        #expect(view.similarComparison(birch) == nil)
        let trust = try #require(rated.figure(.trust, .attendanceRate))
        #expect(view.similarComparison(trust) == nil)
    }

    /// Under `benchmark_scope: similar` the dashboard rates as `report` does: Alder's
    /// attendance against its similar schools' median, 94.0 (worked out above), and the
    /// attendance panel names that benchmark; under the default scope, the national figure.
    @Test func similarScopeRatesAgainstTheMedianOnScreen() throws {
        var config = RatingConfig()
        config.ratesAgainstSimilarSchools = true
        let view = SimilarTrust.view(config: config)
        let attendance = try #require(
            view.rated(TestTrust.now).figure(.academy(TestTrust.alder), .attendanceRate))
        let match = try #require(attendance.benchmark)
        #expect(match.benchmark.value == 94.0)
        #expect(match.similar?.median == 94.0)
        var state = DashboardState(view: view, width: 120, height: 40)
        state.openAcademy(TestTrust.alder, view: view)
        state.apply(.nextPanel, view: view)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("similar schools 94.0"), "\(text)")
        let national = try #require(
            SimilarTrust.view().rated(TestTrust.now).figure(.academy(TestTrust.alder), .attendanceRate)?
                .benchmark)
        #expect(national.similar == nil)
        #expect(national.benchmark.value != 94.0)
    }

    @Test func eachDropIsLoadedOnce() throws {
        let calls = SimilarTrust.Calls()
        let view = SimilarTrust.view(calls: calls)
        _ = academyPage(view)
        _ = academyPage(view)
        _ = academyPage(view, explain: true)
        // The drop shown, and the earlier drop its changes are rated against (rating uses
        // the similar schools too, for `benchmark_scope: similar` and the trust's expected
        // figure): each loaded once, however often the page is drawn.
        #expect(calls.drops.contains(TestTrust.now))
        #expect(Set(calls.drops).count == calls.drops.count, "\(calls.drops)")
        #expect(calls.drops.count <= 2, "\(calls.drops)")
    }

    /// Alder's census line (200 pupils; 20.0, 10.0, 12.0, 2.0) beside the national primary
    /// row (`SimilarTrust.national`: 23.0, 21.2, 12.6, 1.6); pupils have none beside them.
    @Test func pageShowsTheContextAndEachPanelsComparison() {
        let (_, text) = academyPage(SimilarTrust.view())
        #expect(
            text.contains(
                "200 pupils · disadvantaged 20.0% (national 23.0%) · EAL 10.0% (21.2%) · SEN support 12.0% "
                    + "(12.6%) · EHCP 2.0% (1.6%)"
            ), "\(text)")
        // The panels' lines shortened to fit 120 columns.
        #expect(text.contains("Similar: median 94.0 · 2nd best of 4 · 2nd quarter"))
        #expect(text.contains("Similar: median 14.0 · 2nd best of 3 · 3rd quarter"))
        #expect(text.contains("RWM exp. vs similar: median 60.0 · 2nd best of 4 · 2nd quarter"))
        // Whole, with the year compared, where there is room.
        let (_, wide) = academyPage(SimilarTrust.view(), 220, 40)
        #expect(wide.contains("Similar schools: median 94.0 · 2nd best of 4 · 2nd quarter (2024/25)"))
        #expect(wide.contains("Similar schools: median 14.0 · 2nd best of 3 · 3rd quarter (2024/25)"))
        #expect(
            wide.contains(
                "RWM expected vs similar schools: median 60.0 · 2nd best of 4 · 2nd quarter (2024/25)"))
    }

    /// The fullest context line that fits: the phase named and the census year where there
    /// is room, the national figures left to the explanation at 80 columns.
    @Test func contextLineNamesThePhaseWhereThereIsRoomAndGivesWayAt80Columns() {
        let (_, wide) = academyPage(SimilarTrust.view(), 160, 40)
        #expect(
            wide.contains(
                "200 pupils · disadvantaged 20.0% (national primary 23.0%) · EAL 10.0% (21.2%) · SEN support "
                    + "12.0% (12.6%) · EHCP 2.0% (1.6%) (census 2024/25)"), "\(wide)")
        let (_, narrow) = academyPage(SimilarTrust.view(), 80, 24)
        #expect(
            narrow.contains("200 pupils · disadvantaged 20.0% · EAL 10.0% · SEN support 12.0% · EHCP 2.0%"),
            "\(narrow)")
        #expect(!narrow.contains("23.0%"))
        // No national row stored: the characteristics alone, with their census year.
        let (_, bare) = academyPage(SimilarTrust.view(national: []))
        #expect(
            bare.contains(
                "200 pupils · disadvantaged 20.0% · EAL 10.0% · SEN support 12.0% · EHCP 2.0% (census 2024/25)"
            ))
        #expect(!bare.contains("(national"))
    }

    /// A census whose national row is for all schools, not the phase, says so in every
    /// form that shows it, and never "national 24.5%" alone, which would pass for the
    /// phase's.
    @Test func aNationalRowForAllSchoolsSaysSo() {
        let all = NationalCensus(
            year: SimilarTrust.year, schoolType: "All schools", phase: nil, disadvantagedPercent: 24.5,
            ealPercent: 19.0, senSupportPercent: 12.0, ehcpPercent: 3.0)
        let view = SimilarTrust.view(national: [all])
        let (_, wide) = academyPage(view, 160, 40)
        #expect(
            wide.contains(
                "200 pupils · disadvantaged 20.0% (national, all schools 24.5%) · EAL 10.0% (19.0%) · "
                    + "SEN support 12.0% (12.0%) · EHCP 2.0% (3.0%)"), "\(wide)")
        for width in [80, 100, 120] {
            let (_, text) = academyPage(view, width, 40)
            #expect(!text.contains("(national 24.5%)"), "\(text)")
        }
        let (_, explained) = academyPage(view, 160, 40, explain: true)
        #expect(
            explained.contains("national          —   24.5  19.0  12.0   3.0  all schools"), "\(explained)")
    }

    @Test func contextLineGivesWayWhenRowsAreShort() {
        let (_, short) = academyPage(SimilarTrust.view(), 120, 16)
        #expect(!short.contains("200 pupils"))
    }

    @Test func pageWithoutCensusShowsNone() {
        let (_, text) = academyPage(TestTrust.view())
        #expect(!text.contains("pupils ·"))
        #expect(!text.contains("imilar"))
    }

    /// The page opens on RWM (Year 6): 201 70.0, 202 50.0, 203 60.0; sorted 50, 60, 70, so
    /// the median is 60.0 and the quartiles 55.0 and 65.0 (half-way between neighbours).
    @Test func explanationListsTheGroup() throws {
        let (_, text) = academyPage(SimilarTrust.view(), explain: true)
        #expect(text.contains("2nd best of 4 similar schools"))
        #expect(text.contains("median 60.0, interquartile range 55.0 to 65.0, of 3 schools"))
        // Headings, the academy with its own figure (60.0) and census line, the national
        // primary row (no pupils: its NOR is England's total), then the group in its order,
        // each with its census line (`SimilarTrust.census`); 203 with no name known.
        let lines = text.split(separator: "\n").map(String.init)
        let rows = [
            "Schools      value  URN   pupils disad%  EAL%  SEN% EHCP%  name",
            " 60.0  100101   200   20.0  10.0  12.0   2.0  this academy",
            "national          —   23.0  21.2  12.6   1.6  primary schools",
            " 70.0  100201   210   21.0  10.0  12.0   2.0  Hazel Primary (LA 380)",
            " 50.0  100202   190   19.0  10.0  12.0   2.0  Rowan Primary ",
            " 60.0  100203   200   22.0  11.0  12.0   2.0 ",
        ]
        let found = try rows.map { row in
            try #require(lines.firstIndex { $0.contains(row) }, "\(row)\n\(text)")
        }
        #expect(found == found.sorted() && Set(found).count == rows.count, "\(text)")
        #expect(!text.contains("100204") && !text.contains("100205"))
        #expect(!text.contains("more"))
    }

    @Test func explanationSaysHowManyMoreWhenCut() throws {
        // Too few rows for the whole list: the explanation's own rows take the box, and
        // the schools end with how many were left out.
        var cut: String?
        for height in stride(from: 40, through: 12, by: -1) {
            let (_, text) = academyPage(SimilarTrust.view(), 120, height, explain: true)
            if text.contains("and 1 more") || text.contains("and 2 more") || text.contains("and 3 more") {
                cut = text
                break
            }
        }
        let text = try #require(cut)
        let shown = ["100201", "100202", "100203"].filter { text.contains($0) }.count
        #expect(text.contains("and \(3 - shown) more"))
    }

    /// The academy page with its context line and similar-schools lines, and the
    /// explanation with the group, as reviewed frames.
    @Test(arguments: [(120, 40), (80, 24)])
    func goldenFrames(width: Int, height: Int) throws {
        let view = SimilarTrust.view()
        for ascii in [false, true] {
            var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
            state.openAcademy(TestTrust.alder, view: view)
            let style = ascii ? "ascii" : "dark"
            try Golden.check(
                DashboardRenderer.render(state, view: view), "similar-\(width)x\(height)-\(style)")
            state.apply(.explain, view: view)
            try Golden.check(
                DashboardRenderer.render(state, view: view), "similar-explain-\(width)x\(height)-\(style)")
        }
    }
}

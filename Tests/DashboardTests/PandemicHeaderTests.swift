import Metrics
import Testing

@testable import Dashboard

/// The overview's header and the changes page for a drop whose only comparison is across
/// a pandemic year: they say it is not compared, never "0 figures turned red".
@Suite("Dashboard across a pandemic year")
struct PandemicHeaderTests {
    static let ash = TestTrust.urn(431_101)
    static let lastYear = DataDrop(year: AcademicYear(2020), term: .summer)
    static let now = DataDrop(year: AcademicYear(2021), term: .summer)

    /// Ash misses 500 of 10,000 sessions in 2020/21 summer and 1,500 in 2021/22 summer:
    /// attendance falls from 95.0% to 85.0%, which would have turned red if compared.
    static func view() -> TrustView {
        let data = TrustData(
            trustName: "Pandemic Trust",
            academies: [Academy(urn: ash, name: "Ash Primary", phase: .primary)],
            attendance: [(lastYear, 500), (now, 1_500)].map { drop, absent in
                AttendanceRecord(
                    urn: ash, drop: drop, pupils: 200, possibleSessions: 10_000, absentSessions: absent,
                    persistentAbsentees: 20)
            },
            benchmarks: BuiltInBenchmarks.all)
        return TrustView(data: data, config: RatingConfig(), trustName: "Pandemic Trust", isSample: false)
    }

    @Test(arguments: [
        (160, 30, "turned red since 2020/21 summer: not compared (pandemic years)"),
        (80, 24, "not compared (pandemic)"),
    ])
    func header(_ width: Int, _ height: Int, _ words: String) {
        let view = Self.view()
        let state = DashboardState(view: view, width: width, height: height)
        let header = String(DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1])
        #expect(header.contains(words))
        #expect(!header.contains("0 figures turned red"))
        #expect(!header.contains("0 turned red"))
    }

    /// Ash's attendance in two terms of one school year, `spring` and `summer` absent
    /// sessions of 10,000, with the national benchmarks when `benchmarked`.
    static func inYearView(_ year: Int, benchmarked: Bool) -> TrustView {
        let data = TrustData(
            trustName: "In-year Trust",
            academies: [Academy(urn: ash, name: "Ash Primary", phase: .primary)],
            attendance: [(Term.spring, 500), (.summer, 1_500)].map { term, absent in
                AttendanceRecord(
                    urn: ash, drop: DataDrop(year: AcademicYear(year), term: term), pupils: 200,
                    possibleSessions: 10_000, absentSessions: absent, persistentAbsentees: 20)
            },
            benchmarks: benchmarked ? BuiltInBenchmarks.all : [])
        return TrustView(data: data, config: RatingConfig(), trustName: "In-year Trust", isSample: false)
    }

    /// 2020/21 summer set beside 2020/21 spring: the same school year, so compared, but no
    /// figure of a pandemic year is rated against a benchmark, so nothing is rated and
    /// "0 figures turned red" would read as good news. The header says why there are none.
    @Test(arguments: [
        (160, 30, "none rated, so none turned red: 2020/21 is a pandemic year"),
        (80, 24, "none rated"),
    ])
    func withinAPandemicYear(_ width: Int, _ height: Int, _ words: String) {
        let view = Self.inYearView(2020, benchmarked: true)
        let state = DashboardState(view: view, width: width, height: height)
        let header = String(DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1])
        #expect(header.contains(words))
        #expect(!header.contains("turned red since"))
    }

    /// Outside the pandemic years, with nothing to rate against (no national figures), the
    /// header says nothing is rated rather than that none turned red; with them, it counts.
    @Test func nothingRatedElsewhere() {
        func header(benchmarked: Bool) -> String {
            let view = Self.inYearView(2023, benchmarked: benchmarked)
            let state = DashboardState(view: view, width: 160, height: 30)
            return String(DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1])
        }
        #expect(header(benchmarked: false).contains("no figure rated, so none turned red"))
        #expect(!header(benchmarked: false).contains("turned red since"))
        #expect(header(benchmarked: true).contains("turned red since 2023/24 spring"))
        #expect(!header(benchmarked: true).contains("none rated"))
    }

    /// A drop with no earlier one to compare with, where nothing is rated, says so beside
    /// "● 0 ▲ 0 ■ 0" too, without a word of turning red: 2020/21 summer alone (a pandemic
    /// year), and 2023/24 summer alone without national figures.
    @Test func nothingRatedNorCompared() {
        func header(_ year: Int, benchmarked: Bool) -> String {
            let drop = DataDrop(year: AcademicYear(year), term: .summer)
            let data = TrustData(
                trustName: "One-drop Trust",
                academies: [Academy(urn: Self.ash, name: "Ash Primary", phase: .primary)],
                attendance: [
                    AttendanceRecord(
                        urn: Self.ash, drop: drop, pupils: 200, possibleSessions: 10_000, absentSessions: 900,
                        persistentAbsentees: 20)
                ],
                benchmarks: benchmarked ? BuiltInBenchmarks.all : [])
            let view = TrustView(
                data: data, config: RatingConfig(), trustName: "One-drop Trust", isSample: false)
            let state = DashboardState(view: view, width: 160, height: 30)
            return String(DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1])
        }
        let pandemic = header(2020, benchmarked: true)
        #expect(pandemic.contains("none rated: 2020/21 is a pandemic year"), "\(pandemic)")
        #expect(!pandemic.contains("turned red"))
        let unbenchmarked = header(2023, benchmarked: false)
        #expect(unbenchmarked.contains("no figure rated"), "\(unbenchmarked)")
        #expect(!unbenchmarked.contains("turned red"))
        #expect(!header(2023, benchmarked: true).contains("rated"))
    }

    @Test func changesPage() {
        let view = Self.view()
        let screen = ChangesScreenTests.frame(80, 24, ascii: false, view: view)
        #expect(
            screen.text.contains("2020/21 is a pandemic year: its figures are compared with no other year."))
        #expect(!screen.text.contains("No rating changed"))
    }

    /// The changes page within a pandemic year (2020/21 summer against 2020/21 spring,
    /// attendance 95.0% then 85.0%): no figure is rated, so it says none could change.
    @Test func changesPageWithinAPandemicYear() {
        let view = Self.inYearView(2020, benchmarked: true)
        let screen = ChangesScreenTests.frame(160, 24, ascii: false, view: view)
        #expect(
            screen.text.contains(
                "No figure of 2020/21 summer is rated, so no rating could change: 2020/21 is a pandemic year, "
                    + "whose figures are never compared with national ones."),
            "\(screen.text)")
        // At 80 columns the reason is wrapped onto the next line, not cut.
        let narrow = ChangesScreenTests.frame(80, 24, ascii: false, view: view).text.split(separator: "\n")
            .map {
                String($0.reversed().drop { $0 == " " }.reversed())
            }
        let at = narrow.firstIndex(
            of: "  No figure of 2020/21 summer is rated, so no rating could change: 2020/21 is")
        #expect(
            at.map { narrow[$0 + 1] }
                == "  a pandemic year, whose figures are never compared with national ones.")
        #expect(!screen.text.contains("No rating changed"))
        // In another year the same figures are rated, and the page lists the change.
        let rated = ChangesScreenTests.frame(
            160, 24, ascii: false, view: Self.inYearView(2023, benchmarked: true))
        #expect(!rated.text.contains("is rated, so no rating could change"))
        #expect(rated.text.contains("Ash Primary"))
    }
}

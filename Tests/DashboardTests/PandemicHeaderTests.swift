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

    @Test func changesPage() {
        let view = Self.view()
        let screen = ChangesScreenTests.frame(80, 24, ascii: false, view: view)
        #expect(
            screen.text.contains("2020/21 is a pandemic year: its figures are compared with no other year."))
        #expect(!screen.text.contains("No rating changed"))
    }
}

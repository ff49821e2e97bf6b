import Dashboard
import Metrics
import Testing

/// Opening a large store rates only what the first frame shows: each academy's overview
/// figures, the trust's, and the header's count of figures turned red, which keeps no
/// academy's figures. Every other figure of an academy is rated when its page asks.
@Suite("Opening a large store rates only what is shown")
struct LazyRatingTests {
    static let count = 300
    static let now = TestTrust.now
    static let lastYear = TestTrust.lastYear

    /// 300 primary academies in two springs. All pupils: 2,000 of 50,000 sessions missed
    /// (96.0%) and 20 of 300 pupils persistently absent in both years. Year 3: 30 pupils,
    /// 10,000 sessions; 300 missed last year (97.0%, green), and this year 1,500 (85.0%,
    /// far below any primary benchmark: red) at every tenth academy, 300 at the rest.
    static func view() -> TrustView {
        var academies: [Academy] = []
        var attendance: [AttendanceRecord] = []
        for index in 0..<count {
            let urn = TestTrust.urn(300_000 + index)
            academies.append(Academy(urn: urn, name: "Academy \(index)", phase: .primary))
            for drop in [lastYear, now] {
                attendance.append(
                    AttendanceRecord(
                        urn: urn, drop: drop, pupils: 300, possibleSessions: 50_000, absentSessions: 2_000,
                        persistentAbsentees: 20, severeAbsentees: 0))
                let absent = drop == now && index % 10 == 0 ? 1_500 : 300
                attendance.append(
                    AttendanceRecord(
                        urn: urn, drop: drop, yearGroup: .year(3), pupils: 30, possibleSessions: 10_000,
                        absentSessions: absent, persistentAbsentees: 0, severeAbsentees: 0))
            }
        }
        let data = TrustData(academies: academies, attendance: attendance, benchmarks: BuiltInBenchmarks.all)
        return TrustView(data: data, config: RatingConfig(), trustName: "Big Trust", isSample: false)
    }

    @Test func theFirstFrameRatesNoAcademysEveryFigure() {
        let view = Self.view()
        let state = DashboardState(view: view, width: 200, height: 60)
        let text = DashboardRenderer.render(state, view: view).text
        let rated = view.rated(Self.now)
        // Every academy's overview figures are rated (the rows are sorted by them), and
        // not one academy's Year 3 lines. Each row keeps its own figures, so the rated
        // drop keeps only those of the rows drawn (their wide columns ask it), not all 300.
        #expect(view.overviewRows(Self.now).count == Self.count)
        #expect(view.overviewRows(Self.now).allSatisfy { $0.attendance?.shown == 96.0 })
        #expect(rated.headlinesRated <= state.overviewRowsShown)
        #expect(rated.fullyRated == 0)
        // The header still counts every figure: one Year 3 attendance figure turned red
        // at every tenth academy since last spring (its absence line mirrors it and is
        // not counted again).
        #expect(view.turnedRed(Self.now).count == Self.count / 10)
        #expect(text.contains("30 figures turned red since 2024/25 spring"))
        #expect(rated.fullyRated == 0)
    }

    @Test func theLiveHeaderSaysItIsCountingUntilTheCountIsKnown() {
        let view = Self.view()
        // Every drop counted in the background, however few its academies.
        view.countsChangesInBackgroundFrom = 1
        let state = DashboardState(view: view, width: 200, height: 60)
        // The count starts with the first frame, which shows no number for it.
        let first = DashboardRenderer.render(state, view: view).text
        #expect(first.contains("counting figures turned red since 2024/25 spring…"))
        #expect(!first.contains("30 figures"))
        // Waiting for it gives every tenth academy's Year 3 attendance, as counted at once.
        #expect(view.turnedRed(Self.now).count == Self.count / 10)
        #expect(view.changes(Self.now).turnedRedForHeader == Self.count / 10)
        let counted = DashboardRenderer.render(state, view: view).text
        #expect(counted.contains("30 figures turned red since 2024/25 spring"))
        #expect(!counted.contains("counting"))
    }

    @Test func anAcademysPageRatesThatAcademyAlone() throws {
        let view = Self.view()
        var state = DashboardState(view: view, width: 200, height: 60)
        _ = DashboardRenderer.render(state, view: view)
        let urn = TestTrust.urn(300_000)
        state.openAcademy(urn, view: view)
        _ = DashboardRenderer.render(state, view: view)
        let rated = view.rated(Self.now)
        #expect(rated.fullyRated == 1)
        // Academy 0's Year 3: 1,500 of 10,000 sessions missed, 85.0%.
        let year3 = try #require(rated.figure(.academy(urn), .attendanceRate, yearGroup: .year(3)))
        #expect(year3.shown == 85.0)
        #expect(year3.rating == .red)
        #expect(rated.fullyRated == 1)
    }

    @Test func anAcademysFiguresAreKeptForOnlyTheLastFewOpened() {
        let view = Self.view()
        let rated = view.rated(Self.now)
        let opened = LazyRatedDrop.fullyRatedKept + 1
        for index in 0..<opened {
            _ = rated.figure(.academy(TestTrust.urn(300_000 + index)), .attendanceRate, yearGroup: .year(3))
        }
        #expect(rated.fullyRated == opened)
        // The first academy opened was let go, so asking again rates it again; the last is
        // still kept.
        _ = rated.figure(.academy(TestTrust.urn(300_000 + opened - 1)), .absenceRate, yearGroup: .year(3))
        #expect(rated.fullyRated == opened)
        _ = rated.figure(.academy(TestTrust.urn(300_000)), .absenceRate, yearGroup: .year(3))
        #expect(rated.fullyRated == opened + 1)
    }
}

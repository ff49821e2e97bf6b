import Dashboard
import Metrics
import Testing

/// A store of many drops opens on the few drops its first frame draws
/// (`TrustView.firstFrameDrops`), and that frame is the one a view of every drop draws.
@Suite("Opening a store of many drops on the drops the first frame needs")
struct FirstFrameDropsTests {
    /// Three drops a year (autumn, spring, summer) from 2019/20 autumn to 2025/26 spring:
    /// 6 × 3 + 2 = 20 drops. The drop at index i is year 2019 + i / 3, term i % 3.
    static let drops: [DataDrop] = (0..<20).map { index in
        DataDrop(year: AcademicYear(2019 + index / 3), term: [.autumn, .spring, .summer][index % 3])
    }

    /// The latest drop's trend is the 12 drops from index 8 (2021/22 summer) to 19; the
    /// same term a year before each adds index 5 (2020/21 summer), 6 (2021/22 autumn) and
    /// 7 (2021/22 spring), whose own are not needed; the drop before the latest (18) and
    /// the same term last year (16) are in the trend already. So indexes 5 to 19: 15 drops.
    @Test func theLatestDropNeedsItsTrendAndAYearBeforeIt() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        #expect(needed == Set(Self.drops[5...19]))
        #expect(needed.count == 15)
        #expect(!needed.contains(DataDrop(year: AcademicYear(2020), term: .spring)))
        #expect(needed.contains(DataDrop(year: AcademicYear(2020), term: .summer)))
    }

    /// 2020/21 spring (index 4): its trend is indexes 0 to 4, and a year before each is
    /// before the store's first drop, or among them: indexes 0 to 4.
    @Test func anEarlyDropNeedsOnlyTheDropsBeforeIt() {
        let spring = DataDrop(year: AcademicYear(2020), term: .spring)
        #expect(TrustView.firstFrameDrops(showing: spring, among: Self.drops) == Set(Self.drops[0...4]))
    }

    /// Springs only, 2015/16 to 2025/26: 11 drops, all of them in the latest one's trend.
    @Test func aFewDropsAreAllNeeded() {
        let springs = (2015...2025).map { DataDrop(year: AcademicYear($0), term: .spring) }
        #expect(TrustView.firstFrameDrops(showing: nil, among: springs) == Set(springs))
        #expect(TrustView.firstFrameDrops(showing: nil, among: []).isEmpty)
        let elsewhere = DataDrop(year: AcademicYear(2030), term: .spring)
        #expect(TrustView.firstFrameDrops(showing: elsewhere, among: springs).isEmpty)
    }

    /// Four primary academies with attendance in all 20 drops, each drop's figures
    /// different (academy k, drop i: 200 pupils, 50,000 sessions, 1,000 + 100 k + 50 i
    /// missed), and a Year 3 line of 5 pupils in every drop, which is suppressed and
    /// hides another figure to protect it.
    static func data() -> TrustData {
        var academies: [Academy] = []
        var attendance: [AttendanceRecord] = []
        for academy in 0..<4 {
            let urn = TestTrust.urn(400_000 + academy)
            academies.append(Academy(urn: urn, name: "Academy \(academy)", phase: .primary))
            for (index, drop) in drops.enumerated() {
                let absent = 1_000 + 100 * academy + 50 * index
                attendance.append(
                    AttendanceRecord(
                        urn: urn, drop: drop, pupils: 200, possibleSessions: 50_000, absentSessions: absent,
                        persistentAbsentees: 20 + index, severeAbsentees: 2))
                attendance.append(
                    AttendanceRecord(
                        urn: urn, drop: drop, yearGroup: .year(3), pupils: 5, possibleSessions: 1_250,
                        absentSessions: 60, persistentAbsentees: 1, severeAbsentees: 0))
            }
        }
        return TrustData(academies: academies, attendance: attendance, benchmarks: BuiltInBenchmarks.all)
    }

    static func view(of drops: Set<DataDrop>?) -> TrustView {
        var data = data()
        if let drops { data.attendance = data.attendance.filter { drops.contains($0.drop) } }
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Many Drops Trust", isSample: false,
            partOf: drops == nil ? nil : Self.drops)
    }

    /// The first frame from the 15 drops is the frame from all 20, at every width that
    /// shows a trend and at one that does not, and with the help over it.
    @Test(arguments: [200, 160, 120])
    func theFirstFrameIsTheSame(width: Int) {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let whole = Self.view(of: nil)
        let some = Self.view(of: needed)
        #expect(some.drops == Self.drops)
        #expect(some.data.drops.count == 15)
        #expect(whole.loadedDrops == nil)
        #expect(some.loadedDrops == needed)
        var state = DashboardState(view: some, width: width, height: 60)
        let wholeState = DashboardState(view: whole, width: width, height: 60)
        #expect(some.draws(state))
        let frame = DashboardRenderer.render(state, view: some).text
        #expect(frame == DashboardRenderer.render(wholeState, view: whole).text)
        // Academy 0's latest attendance: 50,000 − (1,000 + 50 × 19) = 48,050 of 50,000 = 96.1.
        #expect(frame.contains("96.1"))
        state.overlay = .help
        var wholeHelp = wholeState
        wholeHelp.overlay = .help
        #expect(
            DashboardRenderer.render(state, view: some).text
                == DashboardRenderer.render(wholeHelp, view: whole).text)
    }

    /// The trend at 200 columns has 12 marks, the most it shows, so the 15 drops are all
    /// the first frame asks for: any other drop would be rated from no records.
    @Test func theFirstFrameRatesOnlyLoadedDrops() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let some = Self.view(of: needed)
        let state = DashboardState(view: some, width: 200, height: 60)
        _ = DashboardRenderer.render(state, view: some)
        let trend = OverviewScreen.attendanceTrend(
            .trust, view: some, dropIndex: state.dropIndex, count: TrustView.mostTrendDrops)
        #expect(trend.count == 12)
        #expect(!trend.contains(" "))
    }

    /// The whole store adopted in place of the view of some drops is no news: no notice,
    /// and the latest drop still shown.
    @Test func adoptingTheWholeStoreSaysNothingNew() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let some = Self.view(of: needed)
        let whole = Self.view(of: nil)
        var state = DashboardState(view: some, width: 200, height: 60)
        state.adopt(whole, replacing: some)
        #expect(state.notice == nil)
        #expect(state.dropIndex == 19)
    }

    /// A view of some drops draws the overview of the latest drop, but not an academy's
    /// page (its trend runs over every drop), an explanation, or a drop whose trend
    /// reaches a drop not loaded: for those the live dashboard waits for every drop.
    @Test func aViewOfSomeDropsSaysWhatItCannotDraw() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let some = Self.view(of: needed)
        let whole = Self.view(of: nil)
        let state = DashboardState(view: some, width: 200, height: 60)
        #expect(some.draws(state))

        var opened = state
        opened.press(.enter, view: some)
        #expect(opened.academy != nil)
        #expect(!some.draws(opened))
        #expect(whole.draws(opened))

        var explained = state
        explained.overlay = .explain
        #expect(!some.draws(explained))

        // One drop back (index 18) needs indexes 4 (2020/21 spring) to 18: index 4 is not loaded.
        var earlier = state
        earlier.press(.character("["), view: some)
        #expect(earlier.dropIndex == 18)
        #expect(!some.draws(earlier))
        #expect(whole.draws(earlier))
        #expect(!some.hasLoaded(Self.drops[4]))
        #expect(some.hasLoaded(Self.drops[5]))
        #expect(whole.hasLoaded(Self.drops[0]))
    }
}

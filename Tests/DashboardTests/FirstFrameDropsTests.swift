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

    /// The latest drop's trend is the 12 drops from index 8 (2021/22 summer) to 19. The
    /// drops it rates are 19, the drop before it (18, which the header's count compares it
    /// with), and the same term a year before each of those (16, 15), all in the trend.
    /// The same term last year's own last year (13) is not rated: the header does not
    /// compare with last year while the drop before is in the store. So indexes 8 to 19:
    /// 12 drops, of which 8–14 and 17 are shown only in the trend.
    @Test func theLatestDropNeedsItsTrendAndTheDropsItRates() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        #expect(needed == Set(Self.drops[8...19]))
        #expect(needed.count == 12)
        #expect(!needed.contains(DataDrop(year: AcademicYear(2021), term: .spring)))
        #expect(needed.contains(DataDrop(year: AcademicYear(2021), term: .summer)))
        #expect(
            TrustView.trendOnlyDrops(showing: nil, among: Self.drops)
                == Set([8, 9, 10, 11, 12, 13, 14, 17].map { Self.drops[$0] }))
    }

    /// 2020/21 spring (index 4): its trend is indexes 0 to 4; it rates 4, 3 and 1, and a
    /// year before those 1 and 0 (a year before 2019/20 spring is not in the store). Only
    /// index 2 is shown in the trend alone.
    @Test func anEarlyDropNeedsOnlyTheDropsBeforeIt() {
        let spring = DataDrop(year: AcademicYear(2020), term: .spring)
        #expect(TrustView.firstFrameDrops(showing: spring, among: Self.drops) == Set(Self.drops[0...4]))
        #expect(TrustView.trendOnlyDrops(showing: spring, among: Self.drops) == [Self.drops[2]])
    }

    /// 2025/26 autumn (index 18): its trend is indexes 7 to 18. The drop before it (17,
    /// last summer) is of another school year, so the header's count compares it with the
    /// same term last year (15) instead, and rates that and the autumn before (12); the
    /// summer is shown only in the trend, with the rest.
    @Test func anAutumnDropRatesLastAutumnNotLastSummer() {
        let autumn = Self.drops[18]
        #expect(autumn == DataDrop(year: AcademicYear(2025), term: .autumn))
        #expect(TrustView.firstFrameDrops(showing: autumn, among: Self.drops) == Set(Self.drops[7...18]))
        #expect(
            TrustView.trendOnlyDrops(showing: autumn, among: Self.drops)
                == Set([7, 8, 9, 10, 11, 13, 14, 16, 17].map { Self.drops[$0] }))
    }

    /// Springs only, 2015/16 to 2025/26: 11 drops, all of them in the latest one's trend.
    @Test func aFewDropsAreAllNeeded() {
        let springs = (2015...2025).map { DataDrop(year: AcademicYear($0), term: .spring) }
        #expect(TrustView.firstFrameDrops(showing: nil, among: springs) == Set(springs))
        // Rated: 2025/26, 2024/25 (the same term last year) and 2023/24 (a year before
        // that); the drop before, 2025/26 autumn, is not in the store.
        #expect(TrustView.trendOnlyDrops(showing: nil, among: springs) == Set(springs[0...7]))
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
        Self.view(of: drops, data: data())
    }

    /// The view `TrustSource` opens on `drops` of `data`: every record of the drops the
    /// first frame rates, and only the attendance and published records of those it shows
    /// in the trend alone; every drop when `drops` is nil.
    static func view(of drops: Set<DataDrop>?, data whole: TrustData) -> TrustView {
        var data = whole
        let trendOnly = drops == nil ? [] : TrustView.trendOnlyDrops(showing: nil, among: Self.drops)
        if let drops {
            let rated = drops.subtracting(trendOnly)
            data.attendance = data.attendance.filter { drops.contains($0.drop) }
            data.published = data.published.filter { drops.contains($0.drop) }
            data.attainment = data.attainment.filter { rated.contains($0.drop) }
            data.scores = data.scores.filter { rated.contains($0.drop) }
            data.inclusion = data.inclusion.filter { rated.contains($0.drop) }
        }
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Many Drops Trust", isSample: false,
            partOf: drops == nil ? nil : Self.drops, trendOnly: trendOnly)
    }

    /// The first frame from the 12 drops is the frame from all 20, at every width that
    /// shows a trend and at one that does not, and with the help over it.
    @Test(arguments: [200, 160, 120])
    func theFirstFrameIsTheSame(width: Int) {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let trendOnly = TrustView.trendOnlyDrops(showing: nil, among: Self.drops)
        let whole = Self.view(of: nil)
        let some = Self.view(of: needed)
        #expect(some.drops == Self.drops)
        #expect(some.data.drops.count == 12)
        #expect(whole.loadedDrops == nil)
        #expect(some.loadedDrops == needed.subtracting(trendOnly))
        #expect(some.trendLoadedDrops == trendOnly)
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

    /// The trend at 200 columns has 12 marks, the most it shows, so the 12 drops are all
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

        // One drop back (index 18) needs indexes 7 (2021/22 spring) to 18: index 7 is not
        // loaded, and 17 and 14, which 18 rates (the drop before it and a year before
        // that), were loaded only for the trend; 15 (18's same term last year) is whole.
        var earlier = state
        earlier.press(.character("["), view: some)
        #expect(earlier.dropIndex == 18)
        #expect(!some.draws(earlier))
        #expect(whole.draws(earlier))
        #expect(!some.hasLoaded(Self.drops[7]))
        #expect(!some.hasLoaded(Self.drops[14]))
        #expect(some.hasLoaded(Self.drops[15]))
        #expect(whole.hasLoaded(Self.drops[0]))
    }

    /// Three primary academies in all 20 drops: A (URN 500001) 300 pupils, 75,000 possible
    /// sessions, 3,000 + 10 i missed in drop i; B (500002) 100 pupils, 25,000 sessions,
    /// 1,500 + 20 i missed; C (500003) 50 pupils, 12,500 sessions, 600 missed, except in
    /// drop 9 (2022/23 autumn), where it has 4 pupils and 1,000 sessions. A has Year 6
    /// reading attainment in every drop too.
    static func protectedData() -> TrustData {
        let (a, b, c) = (TestTrust.urn(500_001), TestTrust.urn(500_002), TestTrust.urn(500_003))
        var attendance: [AttendanceRecord] = []
        var attainment: [AttainmentRecord] = []
        for (index, drop) in drops.enumerated() {
            attendance.append(
                AttendanceRecord(
                    urn: a, drop: drop, pupils: 300, possibleSessions: 75_000,
                    absentSessions: 3_000 + 10 * index,
                    persistentAbsentees: 30, severeAbsentees: 3))
            attendance.append(
                AttendanceRecord(
                    urn: b, drop: drop, pupils: 100, possibleSessions: 25_000,
                    absentSessions: 1_500 + 20 * index,
                    persistentAbsentees: 10, severeAbsentees: 1))
            let tiny = index == 9
            attendance.append(
                AttendanceRecord(
                    urn: c, drop: drop, pupils: tiny ? 4 : 50, possibleSessions: tiny ? 1_000 : 12_500,
                    absentSessions: 600, persistentAbsentees: 2, severeAbsentees: 0))
            attainment.append(
                AttainmentRecord(
                    urn: a, drop: drop, yearGroup: .year(6), subject: .reading, cohort: 40, expected: 30))
        }
        let academies = [(a, "Academy A"), (b, "Academy B"), (c, "Academy C")].map {
            Academy(urn: $0.0, name: $0.1, phase: .primary)
        }
        return TrustData(
            academies: academies, attendance: attendance, attainment: attainment,
            benchmarks: BuiltInBenchmarks.all)
    }

    /// In drop 9, shown only in the trend, C's 4 pupils are hidden, and the trust's
    /// attendance is the sum of A, B and C, so the smallest academy still shown, B (100
    /// pupils against A's 300), is hidden too: B's trend (drops 8 to 19) has a gap at its
    /// second mark, A's and the trust's none. Read from the drop's attendance alone, as
    /// the view of some drops reads it, the protection hides the same figure, and the
    /// first frame is the one every drop draws.
    @Test func theTrendOfADropReadForItAloneIsProtectedAsAWholeDrop() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let some = Self.view(of: needed, data: Self.protectedData())
        let whole = Self.view(of: nil, data: Self.protectedData())
        #expect(some.trendLoadedDrops.contains(Self.drops[9]))
        // The view of some drops holds no attainment of the drops read for the trend.
        #expect(!some.data.attainment.contains { some.trendLoadedDrops.contains($0.drop) })
        #expect(whole.data.attainment.count == 20)
        for view in [some, whole] {
            let trend = { (owner: Figure.Owner) in
                Array(OverviewScreen.attendanceTrend(owner, view: view, dropIndex: 19, count: 12))
            }
            let b = trend(.academy(TestTrust.urn(500_002)))
            #expect(b.count == 12)
            #expect(b[1] == " ")
            #expect(b.enumerated().allSatisfy { $0.offset == 1 || $0.element != " " })
            #expect(!trend(.academy(TestTrust.urn(500_001))).contains(" "))
            #expect(!trend(.trust).contains(" "))
        }
        for width in [200, 160] {
            let state = DashboardState(view: some, width: width, height: 60)
            #expect(some.draws(state))
            #expect(
                DashboardRenderer.render(state, view: some).text
                    == DashboardRenderer.render(
                        DashboardState(view: whole, width: width, height: 60), view: whole
                    )
                    .text)
        }
    }

    /// The view `TrustSource` opens on the first frame's drops of `whole` from a store that
    /// keeps what the trend shows of each drop (`TrustData.shownAttendance`): the drops it
    /// shows only the trend of are not read as records at all.
    static func viewKeepingTrend(data whole: TrustData) -> TrustView {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let trendOnly = TrustView.trendOnlyDrops(showing: nil, among: Self.drops)
        var data = whole.keeping(needed.subtracting(trendOnly))
        for drop in trendOnly { data.shownAttendance[drop] = whole.keptTrend(of: drop) }
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Many Drops Trust", isSample: false,
            partOf: Self.drops, trendOnly: trendOnly)
    }

    /// What the store keeps of a drop for the trend (`ShownAttendance`), worked out from the
    /// drop's attendance alone, is what a view of every drop shows, small groups and all.
    /// In drop 9, C's 4 pupils are hidden and B (the smallest academy still shown) with
    /// them; A is 100 × (75,000 − 3,090) / 75,000 = 95.88, shown 95.9; the trust is
    /// 100 × (101,000 − 5,370) / 101,000 = 94.68, shown 94.7. In drop 0, A is
    /// 100 × (75,000 − 3,000) / 75,000 = 96.0, B 100 × (25,000 − 1,500) / 25,000 = 94.0,
    /// C 100 × (12,500 − 600) / 12,500 = 95.2, and the trust
    /// 100 × (112,500 − 5,100) / 112,500 = 95.47, shown 95.5. The first frame drawn from the
    /// kept figures is the frame drawn from every drop.
    @Test func theTrendKeptByTheStoreIsWhatEveryDropShows() {
        let whole = Self.view(of: nil, data: Self.protectedData())
        let (a, b, c) = (TestTrust.urn(500_001), TestTrust.urn(500_002), TestTrust.urn(500_003))
        let owners: [Figure.Owner] = [.academy(a), .academy(b), .academy(c), .trust]
        var ofDrop = [DataDrop: ShownAttendance]()
        for drop in Self.drops {
            let kept = whole.data.keptTrend(of: drop)
            ofDrop[drop] = kept
            for owner in owners {
                #expect(
                    kept.shown(owner) == whole.rated(drop).shown(owner, .attendanceRate), "\(drop) \(owner)")
            }
        }
        #expect(
            ofDrop[Self.drops[9]] == ShownAttendance(drop: Self.drops[9], trust: 94.7, academies: [a: 95.9]))
        #expect(
            ofDrop[Self.drops[0]]
                == ShownAttendance(drop: Self.drops[0], trust: 95.5, academies: [a: 96.0, b: 94.0, c: 95.2]))

        let kept = Self.viewKeepingTrend(data: Self.protectedData())
        #expect(kept.data.shownAttendance.keys.contains(Self.drops[9]))
        #expect(!kept.data.attendance.contains { $0.drop == Self.drops[9] })
        #expect(!kept.data.drops.contains(Self.drops[9]))
        for width in [200, 160, 120] {
            let state = DashboardState(view: kept, width: width, height: 60)
            #expect(kept.draws(state))
            #expect(
                DashboardRenderer.render(state, view: kept).text
                    == DashboardRenderer.render(
                        DashboardState(view: whole, width: width, height: 60), view: whole
                    )
                    .text)
        }
    }

    /// Of a view of some drops, the drop shown (19) and the one the header's count
    /// compares it with (18) are rated whole; every other drop, loaded whole (16, the same
    /// term last year) or for the trend alone (14), only for the trend's attendance, and
    /// it gives no other figure. A view of every drop rates every drop whole.
    @Test func onlyTheShownAndComparedDropsAreRatedWhole() {
        let needed = TrustView.firstFrameDrops(showing: nil, among: Self.drops)
        let some = Self.view(of: needed)
        let whole = Self.view(of: nil)
        let urn = TestTrust.urn(400_000)
        for index in [19, 18] {
            #expect(some.rated(Self.drops[index]).kpis == nil)
            #expect(some.rated(Self.drops[index]).figure(.academy(urn), .persistentAbsenceRate) != nil)
        }
        for index in [16, 14] {
            let rated = some.rated(Self.drops[index])
            #expect(rated.kpis == [.attendanceRate])
            #expect(rated.shown(.academy(urn), .attendanceRate) != nil)
            #expect(rated.shown(.trust, .attendanceRate) != nil)
            #expect(
                rated.shown(.academy(urn), .attendanceRate)
                    == whole.rated(Self.drops[index]).shown(.academy(urn), .attendanceRate))
            #expect(rated.figure(.academy(urn), .persistentAbsenceRate) == nil)
            #expect(whole.rated(Self.drops[index]).kpis == nil)
        }
    }
}

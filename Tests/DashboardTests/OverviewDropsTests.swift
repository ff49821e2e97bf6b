import Dashboard
import Metrics
import Testing

/// The live dashboard's first frame of a store of many drops opens on the records of the
/// overview's own KPIs (`TrustView.overviewKPIs`) of each drop the frame rates, and the
/// attendance of the trend's drops, as `TrustSource` reads them from the store
/// (`TrustStore.load(drops:only:attendanceOf:)`): its rows, every cell of them, and the
/// frame but the header's count of figures turned red are those of the whole store, on
/// generated trusts of twelve drops full of small groups, with academies joining and
/// leaving and pandemic years. The count waits for the whole store's view
/// (`TrustView.holdsOverviewFiguresOnly`), or for one counted from whole drops
/// (`TurnedRedCountAheadTests`).
@Suite("Opening a store of many drops on the overview's figures alone")
struct OverviewDropsTests {
    /// Twelve drops, oldest first: springs through the pandemic years (2019/20, 2020/21),
    /// then autumns, springs and one summer.
    static let drops: [DataDrop] = [
        DataDrop(year: AcademicYear(2019), term: .spring), DataDrop(year: AcademicYear(2020), term: .spring),
        DataDrop(year: AcademicYear(2021), term: .spring), DataDrop(year: AcademicYear(2022), term: .autumn),
        DataDrop(year: AcademicYear(2022), term: .spring), DataDrop(year: AcademicYear(2023), term: .autumn),
        DataDrop(year: AcademicYear(2023), term: .spring), DataDrop(year: AcademicYear(2024), term: .autumn),
        DataDrop(year: AcademicYear(2024), term: .spring), DataDrop(year: AcademicYear(2024), term: .summer),
        DataDrop(year: AcademicYear(2025), term: .autumn), DataDrop(year: AcademicYear(2025), term: .spring),
    ]

    /// Each drop's records from `OverviewFiguresTests.trust` with its own seed: a drop has
    /// from 4 to 33 academies, so academies join and leave from drop to drop, and now and
    /// then one is in the trust with no records. An academy is as the first drop that
    /// has it says.
    static func trust(seed: UInt64) -> TrustData {
        var data = TrustData()
        var known = Set<URN>()
        for index in drops.indices {
            let one = OverviewFiguresTests.trust(seed: seed &* 1_000 &+ UInt64(index))
            for academy in one.academies where known.insert(academy.urn).inserted {
                data.academies.append(academy)
            }
            // Each kind by its own type: a record's drop is settable on the type alone.
            func moved<Record>(_ records: [Record], _ drop: WritableKeyPath<Record, DataDrop>) -> [Record] {
                records.map { record in
                    var record = record
                    record[keyPath: drop] = Self.drops[index]
                    return record
                }
            }
            data.attendance += moved(one.attendance, \.drop)
            data.attainment += moved(one.attainment, \.drop)
            data.scores += moved(one.scores, \.drop)
            data.published += moved(one.published, \.drop)
            data.inclusion += moved(one.inclusion, \.drop)
        }
        data.academies.sort { $0.urn < $1.urn }
        data.benchmarks = BuiltInBenchmarks.all
        return data
    }

    /// The view the live dashboard opens on for the first frame of `shown`: of the drops
    /// it rates (`TrustView.overviewRatedDrops`: the drop and the same term last year), the
    /// records of the overview's KPIs alone; of the others the trend draws (the header's
    /// comparison drop among them), what the store keeps of them for the trend
    /// (`TrustData.shownAttendance`, worked out from each drop's own records as an ingest
    /// does) with `keptTrend`, else the attendance and the published figures of those KPIs;
    /// nothing of the others.
    static func part(
        of whole: TrustData, showing shown: DataDrop, config: RatingConfig, keptTrend: Bool = false
    )
        -> TrustView
    {
        let rated = TrustView.overviewRatedDrops(showing: shown, among: drops)
        let trendOnly = TrustView.firstFrameDrops(showing: shown, among: drops).subtracting(rated)
        let trendRead = keptTrend ? [] : trendOnly
        var data = OverviewFiguresTests.overviewRecords(of: whole, config: config)
        data.attendance = data.attendance.filter { rated.union(trendRead).contains($0.drop) }
        data.published = data.published.filter { rated.union(trendRead).contains($0.drop) }
        data.attainment = data.attainment.filter { rated.contains($0.drop) }
        data.scores = data.scores.filter { rated.contains($0.drop) }
        data.inclusion = data.inclusion.filter { rated.contains($0.drop) }
        if keptTrend {
            for drop in trendOnly { data.shownAttendance[drop] = whole.keptTrend(of: drop) }
        }
        let view = TrustView(
            data: data, config: config, trustName: "Generated Trust", isSample: false, partOf: drops,
            trendOnly: trendOnly)
        view.holdsOverviewFiguresOnly = true
        view.countsChangesInBackgroundFrom = TrustView.backgroundCountThreshold
        return view
    }

    /// Every cell of a row the overview draws.
    static func cells(_ row: OverviewRow) -> [OverviewCell?] {
        row.cells + row.phaseHeadlines.map(\.cell) + [row.writing, row.suspensions]
    }

    /// The lines of a frame, the header's cut where it says the count of figures turned
    /// red (or that it is counting), which a view of the overview's records never counts.
    static func linesButTheCount(_ text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            guard let count = line.firstRange(of: #/\s+(\d+ (figures? )?(turned|new) red|counting)/#) else {
                return String(line)
            }
            return String(line[..<count.lowerBound])
        }
    }

    /// The state of the overview of the drop at `index`, sorted by `column`, as the live
    /// dashboard opens it: its first row selected.
    static func state(_ view: TrustView, index: Int, width: Int, height: Int, sortedBy column: OverviewColumn)
        -> DashboardState
    {
        var state = DashboardState(view: view, width: width, height: height)
        state.dropIndex = index
        state.dropPicked = true
        state.overview.sort = column
        state.overview.selected = state.visibleRows(view).first?.urn
        return state
    }

    @Test(
        "the rows, every cell and the first frame, at every size and sort",
        arguments: Array(UInt64(1)...UInt64(12)))
    func sameFirstFrame(seed: UInt64) {
        let config = RatingConfig()
        let data = Self.trust(seed: seed)
        let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
        // The latest drop (compared with the autumn before it), one compared with a summer
        // before it, and one whose header's comparison crosses the pandemic.
        for shown in [Self.drops[11], Self.drops[9], Self.drops[2]] {
            for keptTrend in [false, true] {
                let part = Self.part(of: data, showing: shown, config: config, keptTrend: keptTrend)
                // Fewer records than those drops have whole: the subjects the overview does not show.
                let rated = Set(part.data.drops).subtracting(part.trendLoadedDrops)
                #expect(
                    part.data.attainment.count
                        < whole.data.attainment.filter { rated.contains($0.drop) }.count)
                #expect(part.rated(shown).academiesWithData == whole.rated(shown).academiesWithData)
                let wholeRows = whole.overviewRows(shown)
                let partRows = part.overviewRows(shown)
                #expect(partRows.map(\.urn) == wholeRows.map(\.urn), "seed \(seed), \(shown)")
                for (partRow, wholeRow) in zip(partRows, wholeRows) {
                    #expect(
                        Self.cells(partRow) == Self.cells(wholeRow),
                        "seed \(seed), \(shown), \(wholeRow.name)")
                    #expect(partRow.phaseHeadlines.map(\.label) == wholeRow.phaseHeadlines.map(\.label))
                }
                #expect(
                    Self.cells(part.trustRow(shown)) == Self.cells(whole.trustRow(shown)),
                    "seed \(seed), \(shown)")
                #expect(part.trustRow(shown).academiesCounted == whole.trustRow(shown).academiesCounted)
                let index = Self.drops.firstIndex(of: shown) ?? 0
                for (width, height) in [(200, 60), (120, 40), (80, 24)] {
                    for column in OverviewColumn.allCases {
                        let state = Self.state(
                            part, index: index, width: width, height: height, sortedBy: column)
                        let wholeState = Self.state(
                            whole, index: index, width: width, height: height, sortedBy: column)
                        #expect(part.draws(state))
                        let partText = DashboardRenderer.render(state, view: part).text
                        let wholeText = DashboardRenderer.render(wholeState, view: whole).text
                        #expect(
                            Self.linesButTheCount(partText) == Self.linesButTheCount(wholeText),
                            "seed \(seed), \(shown), \(width)×\(height), sorted by \(column), kept \(keptTrend)"
                        )
                    }
                }
            }
        }
    }

    /// The header's count is never counted from the overview's records: the frame says it
    /// is counting, or, across the pandemic, that nothing is compared, as a whole view does.
    @Test func theCountWaitsForTheWholeStore() {
        let config = RatingConfig()
        let data = Self.trust(seed: 5)
        let latest = Self.part(of: data, showing: Self.drops[11], config: config)
        let state = DashboardState(view: latest, width: 200, height: 60)
        #expect(latest.turnedRedIfCounted(Self.drops[11]) == nil)
        let frame = DashboardRenderer.render(state, view: latest).text
        #expect(frame.contains("counting figures turned red since 2025/26 autumn…"))
        let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
        #expect(
            DashboardRenderer.render(DashboardState(view: whole, width: 200, height: 60), view: whole).text
                .contains(
                    "turned red since 2025/26 autumn"))

        let pandemic = Self.part(of: data, showing: Self.drops[2], config: config)
        var pandemicState = DashboardState(view: pandemic, width: 200, height: 60)
        pandemicState.dropIndex = 2
        pandemicState.dropPicked = true
        #expect(
            DashboardRenderer.render(pandemicState, view: pandemic).text.contains(
                "turned red since 2020/21 spring: not compared (pandemic years)"))
    }

    /// The whole store adopted in place of the view of the overview's figures is no news:
    /// no notice, the latest drop still shown, and its count then known.
    @Test func adoptingTheWholeStoreGivesTheCount() {
        let config = RatingConfig()
        let data = Self.trust(seed: 8)
        let part = Self.part(of: data, showing: Self.drops[11], config: config)
        let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
        whole.prepare(nil, sortedBy: .worst, reversed: false)
        var state = DashboardState(view: part, width: 200, height: 60)
        state.adopt(whole, replacing: part)
        #expect(state.notice == nil)
        #expect(state.dropIndex == 11)
        #expect(whole.turnedRedIfCounted(Self.drops[11]) != nil)
    }
}

/// The header's count of a view of the overview's figures alone, counted ahead of the
/// whole store (`TurnedRedCountAhead`) from the drops the first frame rates read whole and
/// no others, as the live dashboard counts it just after its first frame
/// (`TrustSource.turnedRedCount(of:among:store:config:)`).
@Suite("The header's count counted ahead of the whole store")
struct TurnedRedCountAheadTests {
    /// The view the live dashboard counts the header of `shown` from: the drops its first
    /// frame rates (`TrustView.ratedFirstFrameDrops`), whole, and nothing of the others.
    static func firstFrame(of whole: TrustData, showing shown: DataDrop, config: RatingConfig) -> TrustView {
        let drops = OverviewDropsTests.drops
        let rated = TrustView.ratedFirstFrameDrops(showing: shown, among: drops).intersection(drops)
        var data = whole
        data.attendance = data.attendance.filter { rated.contains($0.drop) }
        data.published = data.published.filter { rated.contains($0.drop) }
        data.attainment = data.attainment.filter { rated.contains($0.drop) }
        data.scores = data.scores.filter { rated.contains($0.drop) }
        data.inclusion = data.inclusion.filter { rated.contains($0.drop) }
        // Fewer drops than the first frame reads: the trend's are left out.
        #expect(Set(data.drops).count < TrustView.firstFrameDrops(showing: shown, among: drops).count)
        return TrustView(
            data: data, config: config, trustName: "Generated Trust", isSample: false, partOf: drops)
    }

    @Test("nil until put, then only for its own drop")
    func nilUntilPut() {
        let ahead = TurnedRedCountAhead()
        let data = OverviewDropsTests.trust(seed: 3)
        let shown = OverviewDropsTests.drops[11]
        #expect(ahead.count(of: shown) == nil)
        let count = Self.firstFrame(of: data, showing: shown, config: RatingConfig()).turnedRedCount(shown)
        ahead.put(count, of: shown)
        #expect(ahead.count(of: shown)?.total == count.total)
        #expect(ahead.count(of: OverviewDropsTests.drops[10]) == nil)
    }

    /// The count made from the first frame's drops is the whole store's, and once it is
    /// put the view of the overview's figures draws the whole store's first frame exactly,
    /// header and all; before, the header says it is counting.
    @Test(
        "the count ahead equals the whole store's, and the frame with it is the whole store's",
        arguments: Array(UInt64(1)...UInt64(12)))
    func sameCountAsTheWholeStore(seed: UInt64) {
        let config = RatingConfig()
        let data = OverviewDropsTests.trust(seed: seed)
        let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
        // The latest drop, one compared with a summer before it, and one just after the
        // pandemic years.
        for shown in [OverviewDropsTests.drops[11], OverviewDropsTests.drops[9], OverviewDropsTests.drops[4]]
        {
            let part = OverviewDropsTests.part(of: data, showing: shown, config: config)
            let ahead = TurnedRedCountAhead()
            part.countedAhead = ahead
            let index = OverviewDropsTests.drops.firstIndex(of: shown) ?? 0
            let state = OverviewDropsTests.state(part, index: index, width: 200, height: 60, sortedBy: .worst)
            let wholeState = OverviewDropsTests.state(
                whole, index: index, width: 200, height: 60, sortedBy: .worst)
            #expect(part.turnedRedIfCounted(shown) == nil)
            #expect(DashboardRenderer.render(state, view: part).text.contains("counting"))
            let count = Self.firstFrame(of: data, showing: shown, config: config).turnedRedCount(shown)
            ahead.put(count, of: shown)
            let counted = part.turnedRedIfCounted(shown)
            let wholeCount = whole.turnedRedIfCounted(shown)
            #expect(counted?.count == wholeCount?.count, "seed \(seed), \(shown)")
            #expect(counted?.since == wholeCount?.since, "seed \(seed), \(shown)")
            #expect(count.academies == whole.turnedRedCount(shown).academies, "seed \(seed), \(shown)")
            #expect(count.trust == whole.turnedRedCount(shown).trust, "seed \(seed), \(shown)")
            #expect(
                DashboardRenderer.render(state, view: part).text
                    == DashboardRenderer.render(wholeState, view: whole).text, "seed \(seed), \(shown)")
        }
    }
}

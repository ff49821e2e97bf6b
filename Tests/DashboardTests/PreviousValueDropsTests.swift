import Dashboard
import Metrics
import Testing

/// `snapshot` counts the header's figures turned red before it draws, so it reads whole the
/// drop it shows and the drop the header compares it with; of the same term last year of
/// each it reads only the records of the KPIs it asks previous values of
/// (`TrustView.previousValueKPIs`), as `TrustSource` loads them
/// (`TrustStore.load(drops:partly:attendanceOf:)`). The frame, the count with it, is the
/// whole store's, on generated trusts of twelve drops full of small groups, with academies
/// joining and leaving and pandemic years, under the built-in rules (the absence bands
/// rated on their change) and with more KPIs rated on their change.
@Suite("snapshot reads last year's drops for their previous values alone")
struct PreviousValueDropsTests {
    /// The records of `drops` in `whole`, as `TrustStore.load(drops:partly:)` reads them:
    /// drop by drop in order, each of `partly` for its KPIs' records alone.
    static func read(_ drops: Set<DataDrop>, of whole: TrustData, partly: [DataDrop: Set<KPI>]) -> TrustData {
        var data = whole.keeping([])
        for drop in drops.sorted() {
            let ofDrop = whole.keeping([drop])
            let part = partly[drop].map { ofDrop.records(of: $0) } ?? ofDrop
            data.attendance += part.attendance
            data.attainment += part.attainment
            data.scores += part.scores
            data.published += part.published
            data.inclusion += part.inclusion
        }
        return data
    }

    /// The view `snapshot` opens on for the first frame of `shown`: the drops it rates whole,
    /// the previous-value drops in part, and what the store keeps of the trend's other drops.
    static func snapshotView(of whole: TrustData, showing shown: DataDrop, config: RatingConfig) -> TrustView
    {
        let drops = OverviewDropsTests.drops
        let trendOnly = TrustView.trendOnlyDrops(showing: shown, among: drops)
        let read = TrustView.firstFrameDrops(showing: shown, among: drops).subtracting(trendOnly)
        let partly = TrustView.previousValueKPIs(showing: shown, among: drops, config: config)
        var data = Self.read(read, of: whole, partly: partly)
        for drop in trendOnly { data.shownAttendance[drop] = whole.keptTrend(of: drop) }
        return TrustView(
            data: data, config: config, trustName: "Generated Trust", isSample: false, partOf: drops,
            trendOnly: trendOnly)
    }

    /// The built-in rules, and those with writing, attendance and persistent absence rated
    /// on their change too.
    static let configs: [RatingConfig] = {
        var onChange = RatingConfig()
        for kpi in [KPI.expected(.writing), .attendanceRate, .persistentAbsenceRate] {
            onChange.rules[kpi] = .change(green: 0.5, amber: 1.5)
        }
        return [RatingConfig(), onChange]
    }()

    @Test("the first frame and its count are the whole store's", arguments: Array(UInt64(1)...UInt64(12)))
    func sameFrameAndCount(seed: UInt64) {
        let data = OverviewDropsTests.trust(seed: seed)
        let drops = OverviewDropsTests.drops
        for config in Self.configs {
            let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
            for shown in [drops[11], drops[9], drops[4], drops[2]] {
                let part = Self.snapshotView(of: data, showing: shown, config: config)
                let partly = TrustView.previousValueKPIs(showing: shown, among: drops, config: config)
                // Last year's drops are read in part: the subjects rated on no change are left out.
                for drop in partly.keys {
                    #expect(
                        part.data.attainment.filter { $0.drop == drop }.count
                            < data.attainment.filter { $0.drop == drop }.count, "seed \(seed), \(drop)")
                }
                #expect(
                    part.turnedRedCount(shown).academies == whole.turnedRedCount(shown).academies,
                    "seed \(seed), \(shown)")
                #expect(part.turnedRedCount(shown).trust == whole.turnedRedCount(shown).trust)
                let index = drops.firstIndex(of: shown) ?? 0
                for (width, height) in [(200, 60), (80, 24)] {
                    let state = OverviewDropsTests.state(
                        part, index: index, width: width, height: height, sortedBy: .worst)
                    let wholeState = OverviewDropsTests.state(
                        whole, index: index, width: width, height: height, sortedBy: .worst)
                    #expect(part.draws(state))
                    #expect(
                        DashboardRenderer.render(state, view: part).text
                            == DashboardRenderer.render(wholeState, view: whole).text,
                        "seed \(seed), \(shown), \(width)×\(height)")
                }
            }
        }
    }

    /// The live dashboard counts the header's figures turned red after its first frame from
    /// the drops that frame rates (`TrustSource.turnedRedCount`), asking of the same term
    /// last year of each only the KPIs rated on their change (`TrustView.changeRatedKPIs`):
    /// the count is the whole store's.
    @Test(
        "the count from last year's KPIs rated on their change alone is the whole store's",
        arguments: Array(UInt64(1)...UInt64(12)))
    func sameCountFromChangeRatedKPIs(seed: UInt64) {
        let data = OverviewDropsTests.trust(seed: seed)
        let drops = OverviewDropsTests.drops
        for config in Self.configs {
            let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
            for shown in [drops[11], drops[9], drops[4], drops[2]] {
                let rated = TrustView.ratedFirstFrameDrops(showing: shown, among: drops).intersection(drops)
                let lastYears = TrustView.previousValueDrops(showing: shown, among: drops)
                let onChange = TrustView.changeRatedKPIs(config)
                let part = Self.read(
                    rated, of: whole.data,
                    partly: Dictionary(uniqueKeysWithValues: lastYears.map { ($0, onChange) }))
                #expect(
                    part.attainment.count < whole.data.keeping(rated).attainment.count || lastYears.isEmpty)
                let view = TrustView(
                    data: part, config: config, trustName: "Generated Trust", isSample: false, partOf: drops)
                let count = view.turnedRedCount(shown)
                #expect(count.academies == whole.turnedRedCount(shown).academies, "seed \(seed), \(shown)")
                #expect(count.trust == whole.turnedRedCount(shown).trust, "seed \(seed), \(shown)")
                #expect(count.total == whole.turnedRedCount(shown).total, "seed \(seed), \(shown)")
            }
        }
    }

    /// The drops asked for previous values alone: of 2025/26 spring (compared with 2025/26
    /// autumn), 2024/25 spring and 2024/25 autumn; of 2024/25 summer (compared with 2024/25
    /// spring, whose last year is 2023/24 spring), 2023/24 spring only, as there is no
    /// 2023/24 summer. The same term last year of the drop gives the overview's KPIs, that of
    /// the compared drop only those rated on their change, with attendance for the trend.
    @Test func theDropsAskedForPreviousValues() {
        let drops = OverviewDropsTests.drops
        let config = RatingConfig()
        let latest = TrustView.previousValueKPIs(showing: drops[11], among: drops, config: config)
        #expect(Set(latest.keys) == [drops[8], drops[7]])
        #expect(latest[drops[8]]?.isSuperset(of: TrustView.overviewKPIs(config)) == true)
        #expect(latest[drops[7]]?.contains(.attendanceRate) == true)
        #expect(latest[drops[7]]?.contains(.expected(.writing)) == false)
        #expect(latest[drops[7]]?.contains { if case .absenceBand = $0 { true } else { false } } == true)
        let summer = TrustView.previousValueKPIs(showing: drops[9], among: drops, config: config)
        #expect(Set(summer.keys) == [drops[6]])
    }
}

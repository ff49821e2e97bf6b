import Dispatch
import Metrics

/// The trust's figures as the dashboard shows them: every drop's rated figures, worked
/// out by `Metrics` as they are first asked for and kept (`LazyRatedDrop`), so that a
/// store of thousands of academies opens on the overview's figures alone. The dashboard
/// computes no figure itself.
public final class TrustView {
    /// The trust's records.
    public let data: TrustData
    /// The rating settings.
    public let config: RatingConfig
    /// The trust's name.
    public let trustName: String
    /// True when this is the bundled sample trust rather than the user's store.
    public let isSample: Bool
    /// The drops with data, oldest first: every drop of the store, even when `data` holds
    /// only some of them (`loadedDrops`).
    public let drops: [DataDrop]
    /// The drops whose records `data` holds, when it holds only some (see
    /// `firstFrameDrops`); nil when it holds every drop in `drops`. A drop of which it
    /// holds only what the trend shows (`trendOnlyDrops`) is not among them.
    public let loadedDrops: Set<DataDrop>?
    /// The drops of which `data` holds only the records of attendance figures, for the
    /// overview's trend (`trendOnlyDrops`); empty for a view of every drop.
    public let trendLoadedDrops: Set<DataDrop>
    /// The academies, by URN.
    public let academies: [URN: Academy]
    /// The drops of a view of some drops that its first frame draws only in the overview's
    /// trend: every drop it holds but the one it shows (the latest it holds) and the one
    /// the header's count compares that with. Each is rated for the trend alone
    /// (`trendRater(_:)`); empty for a view of every drop.
    let trendDrawnOnly: Set<DataDrop>

    private let calculator: FigureCalculator
    private let protections: ProtectionCache
    private let similarLoader: SimilarSchoolsLoader?
    private var similarByDrop: [DataDrop: SimilarSchoolsOfDrop?] = [:]
    /// Why similar schools are not shown, when loading them failed: "Similar schools not
    /// shown: …" with the store's own message, for the line above the footer. Nil while
    /// every load has worked.
    public private(set) var similarFailure: String?
    private var rated: [DataDrop: LazyRatedDrop] = [:]
    /// The protection of the attendance figures alone of each drop whose rater is made
    /// for the trend alone, and of the same term a year before each (`trendRater(_:)`).
    private var trendProtections: [DataDrop: SmallGroupProtection] = [:]
    private var rows: [DataDrop: [OverviewRow]] = [:]
    private var sorted: [SortKey: [OverviewRow]] = [:]
    private var trustRows: [DataDrop: OverviewRow] = [:]
    private var changeLists: [DataDrop: RatingChanges] = [:]
    let background = BackgroundChanges()
    /// The number of academies from which a drop's changes are counted on another thread
    /// (`BackgroundChanges`): `turnedRedIfCounted` is then nil until they are counted, and
    /// the overview's header says it is counting. Nil, the default, counts every drop's at
    /// once. The live dashboard sets `backgroundCountThreshold`, so a large store's first
    /// frame is not held up while a trust's is drawn whole, as before; a snapshot counts
    /// before drawing, so its frame is whole.
    public var countsChangesInBackgroundFrom: Int?
    /// True when `data` holds, of the drops it rates, only the records of the overview's
    /// figures (`overviewKPIs`), as the live dashboard's first frame reads them
    /// (`TrustStore.load(drops:only:attendanceOf:)`): the overview's rows are those of a
    /// view of whole drops, but the header's count of figures turned red rates every
    /// figure of the drop, so this view never counts it (`turnedRedIfCounted` stays nil,
    /// and the header says it is counting, until a count made from whole drops is put in
    /// `countedAhead`). The live dashboard reads the whole store just after the first
    /// frame.
    public var holdsOverviewFiguresOnly = false
    /// Where the header's count of a view of the overview's figures alone
    /// (`holdsOverviewFiguresOnly`) comes from before the whole store's view: the live
    /// dashboard counts it from the drops the first frame rates read whole, just after
    /// that frame. Nil for any other view, and for one whose count comes with the whole
    /// store.
    public var countedAhead: TurnedRedCountAhead?
    /// The live dashboard's `countsChangesInBackgroundFrom`: a drop of 500 academies is
    /// counted in well under a second, and a trust's first frame stays as it was.
    public static let backgroundCountThreshold = 500
    private var leftOut: [DataDrop: [Int: [URN]]] = [:]
    private var tallies: [TallyKey: (green: Int, amber: Int, red: Int)] = [:]
    private var orders: [OrderKey: OverviewOrder] = [:]

    /// What the overview's order of academies depends on: the drop, the sort and the
    /// filters.
    struct OrderKey: Hashable {
        let drop: DataDrop
        let sort: OverviewColumn
        let reversed: Bool
        let phaseFilter: Phase?
        let silFilter: String?
        let search: String
    }

    /// What the overview header's count of green, amber and red figures depends on: the
    /// drop, the filters (not the sort) and the wide columns shown.
    struct TallyKey: Hashable {
        let drop: DataDrop?
        let phaseFilter: Phase?
        let silFilter: String?
        let search: String
        let phaseHeadlines: Bool
        let writing: Bool
        let suspensions: Bool
    }

    private struct SortKey: Hashable {
        let drop: DataDrop
        let column: OverviewColumn
        let reversed: Bool
    }

    /// Makes the view of `data`; `similar` loads each drop's similar-schools comparisons
    /// (nil for a trust with no school census, which then shows none).
    ///
    /// `partOf`, when given, is every drop of the store, of which `data` holds only those
    /// `firstFrameDrops` chose: the view then shows the store's drops (in the header, the
    /// trend's width) but can draw only what those drops draw (`hasLoaded`). Of the drops
    /// in `trendOnly` (`trendOnlyDrops`) it holds only the attendance and published
    /// records, which the trend's attendance figures come from.
    public init(
        data: TrustData, config: RatingConfig, trustName: String, isSample: Bool,
        similar: SimilarSchoolsLoader? = nil, partOf allDrops: [DataDrop]? = nil,
        trendOnly: Set<DataDrop> = []
    ) {
        self.data = data
        self.config = config
        self.trustName = trustName
        self.isSample = isSample
        let loaded = data.drops
        drops = allDrops ?? loaded
        loadedDrops = allDrops == nil ? nil : Set(loaded).subtracting(trendOnly)
        trendLoadedDrops = allDrops == nil ? [] : trendOnly
        if let allDrops, let shown = loaded.last {
            let header = RatingChange.Comparison.header(for: shown, hasData: allDrops.contains)
            trendDrawnOnly = Set(loaded).subtracting([shown, header.earlierDrop(than: shown)])
        } else {
            trendDrawnOnly = []
        }
        academies = Dictionary(data.academies.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        calculator = FigureCalculator(data: data)
        protections = ProtectionCache(calculator: calculator)
        similarLoader = similar
    }

    /// The most drops the overview's attendance trend shows.
    public static let mostTrendDrops = 12

    /// The drops the overview's first frame of `drop` (nil for the latest) reads records
    /// of, among `drops` (the store's, oldest first): the drops its trend shows (up to
    /// `mostTrendDrops` up to it), and the drops it rates (`ratedFirstFrameDrops`).
    /// Loading only these draws the same first frame as loading all: a store of ten years
    /// of drops is read a few drops at a time.
    public static func firstFrameDrops(showing drop: DataDrop?, among drops: [DataDrop]) -> Set<DataDrop> {
        guard let drop = drop ?? drops.last, let index = drops.firstIndex(of: drop) else { return [] }
        let trend = Set(drops[max(0, index - mostTrendDrops + 1)...index])
        return trend.union(ratedFirstFrameDrops(showing: drop, among: drops)).intersection(drops)
    }

    /// The drops whose figures the first frame of `drop` rates, among `drops`: the drop
    /// itself, the one drop the header's count of figures turned red compares it with
    /// (`headerComparisonDrop`: the drop before it within the school year when there is
    /// one, else the same term last year; `TurnedRedCount`), and the same term a year
    /// before each of those (which rating a figure compares it with). The other earlier
    /// drop is compared only by the changes page, which waits for the whole store.
    public static func ratedFirstFrameDrops(showing drop: DataDrop, among drops: [DataDrop]) -> Set<DataDrop>
    {
        let compared: Set = [
            drop, RatingChange.Comparison.header(for: drop, hasData: drops.contains).earlierDrop(than: drop),
        ]
        return compared.union(compared.map(\.sameTermLastYear))
    }

    /// The drops whose figures the first frame of `drop` rates when the header's count of
    /// figures turned red comes later (a view of the overview's figures alone,
    /// `holdsOverviewFiguresOnly`), among `drops`: the drop itself, and the same term last
    /// year, whose figures give its previous values and their protection. The drop the
    /// header compares it with, and the same term a year before that, are rated only for
    /// the count, which is counted from whole drops after the frame (`countedAhead`); the
    /// frame shows only their attendance, in the trend.
    public static func overviewRatedDrops(showing drop: DataDrop, among drops: [DataDrop]) -> Set<DataDrop> {
        Set([drop, drop.sameTermLastYear]).intersection(drops)
    }

    /// The KPIs the first frame of `drop` asks of each drop it rates only for its previous
    /// values, among `drops`, when it counts the header's figures turned red before it
    /// draws (`snapshot`): of the same term last year, the overview's KPIs
    /// (`overviewKPIs`) for the rows' previous values, and the KPIs rated on their change
    /// (`RatingRule.change`) for the count; of the same term a year before the drop the
    /// header compares it with, those rated on their change alone. Each also gives its
    /// attendance, which the trend draws. A drop rated itself is not here: it is read whole.
    ///
    /// A previous value and its protection come from the same KPI's figures alone
    /// (`SmallGroupProtection` partitions one KPI's figures, and a like-for-like trust
    /// figure is of academies with that figure in both drops), and a rating uses last
    /// year's figure only under a change rule, so these drops need no other records.
    public static func previousValueKPIs(
        showing drop: DataDrop, among drops: [DataDrop], config: RatingConfig
    )
        -> [DataDrop: Set<KPI>]
    {
        let earlier = RatingChange.Comparison.header(for: drop, hasData: drops.contains).earlierDrop(
            than: drop)
        let onChange = changeRatedKPIs(config)
        var kpis: [DataDrop: Set<KPI>] = [:]
        kpis[drop.sameTermLastYear, default: []].formUnion(overviewKPIs(config).union(onChange))
        kpis[earlier.sameTermLastYear, default: []].formUnion(onChange.union(trendKPIs))
        let asked = previousValueDrops(showing: drop, among: drops)
        return kpis.filter { asked.contains($0.key) }
    }

    /// The KPIs `config` rates on their change since the same term last year
    /// (`RatingRule.change`): the only ones whose rating asks last year's figure.
    public static func changeRatedKPIs(_ config: RatingConfig) -> Set<KPI> {
        Set(KPI.allCases.filter { if case .change = config.rule(for: $0) { true } else { false } })
    }

    /// The drops of `previousValueKPIs`: the same term last year of `drop` and of the drop
    /// the header compares it with, among `drops`, but for either of those two.
    public static func previousValueDrops(showing drop: DataDrop, among drops: [DataDrop]) -> Set<DataDrop> {
        let earlier = RatingChange.Comparison.header(for: drop, hasData: drops.contains).earlierDrop(
            than: drop)
        let lastYears: Set = [drop.sameTermLastYear, earlier.sameTermLastYear]
        return lastYears.subtracting([drop, earlier]).intersection(drops)
    }

    /// The drops of `firstFrameDrops` whose only use in the first frame of `drop` is the
    /// overview's attendance trend: it shows each academy's and the trust's attendance as
    /// shown (nil where hidden), which comes from the drop's attendance and published
    /// records alone. Whether small-group protection hides an attendance figure depends
    /// on figures of the same measure only: every partition (pupil groups, year groups,
    /// the trust's academies) is of one measure, and the inclusion figures hidden beside
    /// attendance ones are inclusion figures (`SmallGroupProtection`). So such a drop is
    /// read without its attainment, scores and inclusion, which are most of its rows.
    ///
    /// Its attendance is read whole, though the trend shows only the whole-school,
    /// all-pupils figures: whether one of those is hidden can depend on the other
    /// attendance records. It is the total of its pupil groups' partitions and of its
    /// year groups', and a partition with one member hidden (a small group) takes as its
    /// complement the smallest member still shown, the total among them: the total is
    /// taken where no group has fewer pupils than it (a partition that adds up by
    /// sessions while a pupil is counted in two groups, or one group with every pupil and
    /// an empty one beside it, where the total wins the tie). An academy's figure hidden
    /// so counts towards the trust's partition of its academies, which may then hide the
    /// trust's figure or another academy's; and the trust's own figure is the total of
    /// the trust's pupil groups, summed from the academies' group records. Read without
    /// those records, such a figure would be shown, and the small group worked out from
    /// it (`TrendOnlyDropsTests`).
    public static func trendOnlyDrops(showing drop: DataDrop?, among drops: [DataDrop]) -> Set<DataDrop> {
        guard let drop = drop ?? drops.last else { return [] }
        return firstFrameDrops(showing: drop, among: drops).subtracting(
            ratedFirstFrameDrops(showing: drop, among: drops))
    }

    /// True when `data` holds `drop`'s records (always, unless the view was made from only
    /// some drops of the store); false for a drop of which it holds only the trend's.
    public func hasLoaded(_ drop: DataDrop) -> Bool { loadedDrops?.contains(drop) ?? true }

    /// True when this view can draw `state` as a view of every drop would: always for a
    /// view of every drop; for one of only some drops (`loadedDrops`), only the overview
    /// (with help over it, or nothing) of a drop whose first frame's drops are all loaded:
    /// those it rates (`ratedFirstFrameDrops`, or `overviewRatedDrops` for a view of the
    /// overview's figures alone) whole, the others at least for the trend
    /// (`trendLoadedDrops`). Other pages show every drop's history, so the live dashboard
    /// waits for the whole store before it draws them.
    public func draws(_ state: DashboardState) -> Bool {
        guard let loadedDrops else { return true }
        guard case .overview = state.page, state.overlay != .explain, state.presentation == nil,
            let drop = state.drop(self)
        else { return false }
        let needed = Self.firstFrameDrops(showing: drop, among: drops)
        let rated =
            holdsOverviewFiguresOnly
            ? Self.overviewRatedDrops(showing: drop, among: drops)
            : needed.subtracting(Self.trendOnlyDrops(showing: drop, among: drops))
        return rated.isSubset(of: loadedDrops) && needed.isSubset(of: loadedDrops.union(trendLoadedDrops))
    }

    /// The similar-schools comparisons of `drop` with the names of the groups' schools,
    /// loaded the first time they are asked for; nil when there are none. A load that
    /// fails gives none for the drop, kept so it is not tried on every frame, and sets
    /// `similarFailure`: the figures themselves are already loaded and still shown.
    public func similar(_ drop: DataDrop) -> SimilarSchoolsOfDrop? {
        if let known = similarByDrop[drop] { return known }
        var made: SimilarSchoolsOfDrop?
        if let loader = similarLoader {
            do {
                if let comparisons = try loader.comparisons(drop) {
                    made = SimilarSchoolsOfDrop(
                        comparisons: comparisons, names: try loader.names(comparisons.memberURNs))
                }
            } catch {
                similarFailure = "Similar schools not shown: \(error)"
            }
        }
        similarByDrop[drop] = made
        return made
    }

    /// An academy's rated figure against its similar schools, the comparison `report`
    /// writes; nil for the trust, a suppressed figure or one with no comparison.
    public func similarComparison(_ rated: RatedFigure) -> SimilarSchoolsComparison? {
        guard case .academy(let urn) = rated.figure.owner, let value = rated.shown else { return nil }
        let figure = rated.figure
        return similar(figure.drop)?.comparisons.comparison(
            urn: urn, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup, drop: figure.drop,
            value: value)
    }

    /// Works out now what the first frame of `drop` needs (the overview's figures of every
    /// academy, its rows in `column` order, the trust row and the changes the header
    /// counts), so that a view made in the background draws at once when it is adopted.
    public func prepare(_ drop: DataDrop?, sortedBy column: OverviewColumn, reversed: Bool) {
        guard let drop = drop ?? drops.last else { return }
        _ = overviewRows(drop, sortedBy: column, reversed: reversed)
        _ = trustRow(drop)
        if drops.contains(drop.previous) || drops.contains(drop.sameTermLastYear) { _ = turnedRed(drop) }
    }

    /// The rated figures of `drop`: each rated the first time it is asked for.
    public func rated(_ drop: DataDrop) -> LazyRatedDrop {
        if let known = rated[drop] { return known }
        // With a school census in the store, the academies' similar schools rate them under
        // `benchmark_scope: similar` and give the trust its expected figure, as in `report`.
        // A drop loaded only for the trend is asked only for its attendance as shown.
        let made =
            trendDrawnOnly.contains(drop)
            ? LazyRatedDrop(trendRater(drop), kpis: Self.trendKPIs)
            : LazyRatedDrop(
                protections.rater(
                    drop, config: config, similar: similarLoader == nil ? nil : similar(drop)?.comparisons))
        rated[drop] = made
        return made
    }

    /// The attendance of `owner` in `drop` as the overview's trend shows it: as the store
    /// keeps it for a drop whose records were not read (`TrustData.shownAttendance`), else
    /// as rated.
    public func shownAttendance(_ owner: Figure.Owner, in drop: DataDrop) -> Double? {
        if let kept = data.shownAttendance[drop] { return kept.shown(owner) }
        return rated(drop).shown(owner, .attendanceRate)
    }

    /// The KPIs the overview's trend shows of a drop: attendance.
    static let trendKPIs: Set<KPI> = [.attendanceRate]

    /// The rater of a drop a view of some drops draws only in the overview's trend
    /// (`trendDrawnOnly`), which is asked only for its attendance as shown
    /// (`LazyRatedDrop.shown`): without similar schools, as a rating never changes the
    /// value shown, and with a protection of its attendance figures alone, and the same
    /// term last year's, for the previous values (`SmallGroupProtection(calculator:drop:kpis:)`):
    /// protecting every figure of the trend's drops, and of the year before each, took a
    /// seventh of a ten-year store's first frame. Its other figures are not given
    /// (`LazyRatedDrop.kpis`): the view draws nothing else of these drops (`draws(_:)`).
    private func trendRater(_ drop: DataDrop) -> DropRater {
        func protection(_ drop: DataDrop) -> SmallGroupProtection {
            if let known = trendProtections[drop] { return known }
            let made = SmallGroupProtection(calculator: calculator, drop: drop, kpis: Self.trendKPIs)
            trendProtections[drop] = made
            return made
        }
        return DropRater(
            calculator: calculator, drop: drop, config: config,
            protections: (protection(drop), protection(drop.sameTermLastYear)))
    }

    /// The overview's rows for `drop`: one per academy with data, unsorted.
    public func overviewRows(_ drop: DataDrop) -> [OverviewRow] {
        if let known = rows[drop] { return known }
        let ratedDrop = rated(drop)
        let urns = ratedDrop.rater.academiesWithData
        // Rows are made on every core, a batch of academies at a time; the first task rates
        // the trust's figures, which the header and the trust row need next, meanwhile.
        // First, as tasks are started in order: rated last, it ran alone on one core once
        // every batch was done, a tenth of a national store's first frame.
        let batchSize = 256
        let batches = (urns.count + batchSize - 1) / batchSize
        var made = [[OverviewRow]](repeating: [], count: batches)
        let (academies, config) = (academies, config)
        // A row keeps its figures of all pupils: the disadvantaged gap's two figures are
        // rated only for the rows drawn (through `ratedDrop`), so rating them for every
        // academy here was two figures in nine for nothing.
        let rowKeys = ratedDrop.allPupilsHeadlineKeys
        made.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: batches + 1) { task in
                guard task > 0 else {
                    _ = ratedDrop.figure(.trust, .attendanceRate)
                    return
                }
                let index = task - 1
                slots[index] = urns[index * batchSize..<min(urns.count, (index + 1) * batchSize)].compactMap {
                    urn -> OverviewRow? in
                    guard let academy = academies[urn] else { return nil }
                    // Rated here rather than kept by `ratedDrop` as well as by the row.
                    return OverviewRow(
                        academy: academy, headline: ratedDrop.rater.rated(urn, keys: rowKeys),
                        config: config)
                }
            }
        }
        let all = made.flatMap { $0 }
        rows[drop] = all
        return all
    }

    /// The overview's rows for `drop` sorted by `column`, kept so that drawing a frame
    /// does not sort again.
    public func overviewRows(_ drop: DataDrop, sortedBy column: OverviewColumn, reversed: Bool)
        -> [OverviewRow]
    {
        let key = SortKey(drop: drop, column: column, reversed: reversed)
        if let known = sorted[key] { return known }
        let made = column.sort(overviewRows(drop), reversed: reversed)
        sorted[key] = made
        return made
    }

    /// The trust-wide row for `drop`.
    public func trustRow(_ drop: DataDrop) -> OverviewRow {
        if let known = trustRows[drop] { return known }
        let made = OverviewRow(trustName: trustName, rated: rated(drop), config: config)
        trustRows[drop] = made
        return made
    }

    /// One figure's shown value in every drop, oldest first, for a sparkline; nil where
    /// there is no value or it is suppressed.
    public func history(
        _ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all
    )
        -> [Double?]
    {
        drops.map { drop in rated(drop).figure(owner, kpi, group: group, yearGroup: yearGroup)?.shown }
    }

    /// What changed in `drop` against the previous drop and the same drop last year,
    /// computed the first time it is asked for. The academies are compared one at a time
    /// (`RatingChanges`), so only the changes are kept, not every figure of both drops;
    /// each drop is rated against its own similar schools, as the pages show it.
    /// When they are being counted in the background, this waits for the count.
    public func changes(_ drop: DataDrop) -> RatingChanges {
        if let known = changeLists[drop] { return known }
        let count = counting(drop)
        let made =
            countsChangesInBackgroundFrom == nil
            ? count() : background.changes(drop, wait: true, count: count) ?? count()
        changeLists[drop] = made
        return made
    }

    /// The absence bands of academy `urn` in `drop` for `group` (all year groups), as
    /// counted; nil when it has none.
    public func absenceBands(_ urn: URN, _ drop: DataDrop, group: PupilGroup) -> AbsenceBands? {
        calculator.absenceBands(of: urn, in: drop, group: group)
    }

    /// `changes(drop)` if they are known; nil while they are counted in the background
    /// (`countsChangesInBackgroundFrom`), starting the count if it had not started.
    public func changesIfCounted(_ drop: DataDrop) -> RatingChanges? {
        if let known = changeLists[drop] { return known }
        guard let from = countsChangesInBackgroundFrom, rated(drop).academiesWithData.count >= from else {
            return changes(drop)
        }
        guard let counted = background.changes(drop, wait: false, count: counting(drop)) else { return nil }
        changeLists[drop] = counted
        return counted
    }

    /// The work of counting `drop`'s changes, ready to run on any thread: the earlier
    /// drops' raters are made there too, each with its own similar schools (looked up
    /// here, as the loader is this view's).
    private func counting(_ drop: DataDrop) -> @Sendable () -> RatingChanges {
        let current = rated(drop).rater
        let earlier = [drop.previous, drop.sameTermLastYear].filter(drops.contains).map {
            (drop: $0, similar: similarLoader == nil ? nil : similar($0)?.comparisons)
        }
        let (protections, config, trustName) = (protections, config, trustName)
        return {
            let raters = earlier.map { protections.rater($0.drop, config: config, similar: $0.similar) }
            return RatingChanges(current, comparedWith: raters, trustName: trustName)
        }
    }

    /// The academies each trust-wide figure of `drop` leaves out, by
    /// `FigureCalculator.smallKey`: their figure was published without pupil numbers.
    public func trustLeftOut(_ drop: DataDrop) -> [Int: [URN]] {
        if let known = leftOut[drop] { return known }
        let made = calculator.leftOut(in: drop)
        leftOut[drop] = made
        return made
    }

    /// How many figures turned red in `drop`, and since which drop: the drop before it
    /// within the academic year when it has data, else the same term last year
    /// (`RatingChanges.headerComparison`).
    public func turnedRed(_ drop: DataDrop) -> (count: Int, since: DataDrop) {
        let counted = turnedRedCount(drop)
        return (counted.total, counted.comparison.earlierDrop(than: drop))
    }

    /// `turnedRed(drop)` once the changes are counted; nil while they are counted in the
    /// background.
    public func turnedRedIfCounted(_ drop: DataDrop) -> (count: Int, since: DataDrop)? {
        guard let counted = turnedRedCountIfCounted(drop) else { return nil }
        return (counted.total, counted.comparison.earlierDrop(than: drop))
    }

    /// The drop the header's count compares `drop` with, known before the count: the drop
    /// before it within the academic year when it has data, else the same term last year
    /// (as `RatingChanges.headerComparison`).
    public func headerComparisonDrop(_ drop: DataDrop) -> DataDrop {
        headerComparison(drop).earlierDrop(than: drop)
    }

    /// The comparison the header's count makes for `drop` (`RatingChange.Comparison.header`).
    func headerComparison(_ drop: DataDrop) -> RatingChange.Comparison {
        .header(for: drop, hasData: drops.contains)
    }

    /// The overview's order of academies for `key`, made from `rows` (the rows it shows)
    /// the first time. Only the last few are kept, as each typed search makes another.
    func overviewOrder(_ key: OrderKey, rows: () -> [OverviewRow]) -> OverviewOrder {
        if let known = orders[key] { return known }
        let made = OverviewOrder(rows())
        if orders.count >= 8 { orders.removeAll() }
        orders[key] = made
        return made
    }

    /// The overview header's count for `key`, counted by `count` the first time.
    func headerTally(_ key: TallyKey, count: () -> (green: Int, amber: Int, red: Int))
        -> (green: Int, amber: Int, red: Int)
    {
        if let known = tallies[key] { return known }
        let made = count()
        tallies[key] = made
        return made
    }

    /// When `drop` was ingested, as text, if known.
    public func ingested(_ drop: DataDrop) -> String? { data.ingestedAt[drop] }
}

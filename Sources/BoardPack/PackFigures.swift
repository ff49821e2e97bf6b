import Metrics

/// Every figure the pack shows, worked out by `Metrics` (the code behind `report` and the
/// dashboard) and only looked up here: the drop's rated figures and report rows, every
/// earlier drop's rated figures for the charts, and the changes.
struct PackFigures {
    /// The trust's records.
    let data: TrustData
    /// The rating settings.
    let config: RatingConfig
    /// What was asked for.
    let request: PackRequest
    /// The drops up to the pack's, oldest first: the charts' points.
    let drops: [DataDrop]
    /// Each of those drops rated, as the dashboard rates them.
    let rated: [DataDrop: RatedDrop]
    /// The academies given pages, in order.
    let academies: [Academy]
    /// The pack drop's report rows (`TrustReport`, with the similar-schools columns), by
    /// owner, KPI, pupil group and year group.
    private let rows: [RowKey: ReportRow]
    /// What changed, as `report --changes` lists it.
    let changes: RatingChanges

    /// A report row's place: `urn` is the URN or `trust`.
    struct RowKey: Hashable {
        let urn: String
        let kpi: String
        let group: String
        let yearGroup: String
    }

    /// Rates every drop up to `request.drop`; `similar` gives a drop's similar-schools
    /// comparisons (nil when the store has none), as `report` uses them.
    init(
        data: TrustData, config: RatingConfig, request: PackRequest,
        similar: (DataDrop) -> SimilarComparisons?
    ) {
        self.data = data
        self.config = config
        self.request = request
        let calculator = FigureCalculator(data: data)
        drops = data.drops.filter { $0 <= request.drop }
        var rated: [DataDrop: RatedDrop] = [:]
        var raters: [DataDrop: DropRater] = [:]
        for drop in Set(drops + [request.drop, request.drop.previous, request.drop.sameTermLastYear]) {
            let rater = DropRater(calculator: calculator, drop: drop, config: config, similar: similar(drop))
            raters[drop] = rater
            rated[drop] = RatedDrop(rater)
        }
        self.rated = rated
        let current =
            raters[request.drop] ?? DropRater(calculator: calculator, drop: request.drop, config: config)
        let byURN = Dictionary(data.academies.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        let withData = Set(current.academiesWithData)
        academies =
            request.academies.map { $0.compactMap { byURN[$0] } }
            ?? data.academies.filter { withData.contains($0.urn) }.sorted {
                ($0.name, $0.urn) < ($1.name, $1.urn)
            }
        var rows: [RowKey: ReportRow] = [:]
        for row in TrustReport(current, trustName: request.trustName).rows {
            rows[RowKey(urn: row.urn, kpi: row.kpi, group: row.pupilGroup, yearGroup: row.yearGroup)] = row
        }
        self.rows = rows
        let empty = RatedDrop(DropRater(calculator: calculator, drop: request.drop, config: config))
        let all = RatingChanges(
            current: rated[request.drop] ?? empty, previous: rated[request.drop.previous] ?? empty,
            lastYear: rated[request.drop.sameTermLastYear] ?? empty, trustName: request.trustName)
        changes = all
    }

    /// The pack drop's rated figures.
    var current: RatedDrop? { rated[request.drop] }

    /// A figure of the pack's drop, rated.
    func figure(_ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all)
        -> RatedFigure?
    {
        current?.figure(owner, kpi, group: group, yearGroup: yearGroup)
    }

    /// The report row of a figure of the pack's drop.
    func row(_ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all)
        -> ReportRow?
    {
        rows[
            RowKey(
                urn: owner.urn?.description ?? "trust", kpi: kpi.key, group: group.rawValue,
                yearGroup: yearGroup.rawValue)]
    }

    /// The academies' URNs given pages.
    var academyURNs: Set<URN> { Set(academies.map(\.urn)) }
}

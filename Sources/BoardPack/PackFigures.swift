import Dispatch
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
    /// Each of those drops rated, as the dashboard rates them: the pack's drop and the two
    /// it is compared with whole, the others for their charted figures alone.
    let rated: [DataDrop: RatedDrop]
    /// The academies given pages, in order.
    let academies: [Academy]
    /// The pack drop's similar-schools comparisons, for the report rows' similar columns.
    private let similarNow: SimilarComparisons?
    /// The academies by URN, for the report rows' names.
    private let byURN: [URN: Academy]
    /// What changed, as `report --changes` lists it.
    let changes: RatingChanges

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
        // The drop and the two it is compared with are rated whole, as the dashboard
        // rates them; of the other drops, only the figures charted (`PackHeadline.all`),
        // each rated as the dashboard rates it, so each chart point is the figure the
        // dashboard shows with its suppression. The drops are rated on every core.
        let compared: Set = [request.drop, request.drop.previous, request.drop.sameTermLastYear]
        let wanted = Array(compared.union(drops))
        let charted = Set(
            PackHeadline.all(config).map { FigureCalculator.smallKey($0.kpi, .all, $0.yearGroup) })
        let comparisons = wanted.map(similar)
        var made = [RatedDrop?](repeating: nil, count: wanted.count)
        made.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: wanted.count) { index in
                slots[index] = RatedDrop(
                    DropRater(
                        calculator: calculator, drop: wanted[index], config: config,
                        similar: comparisons[index]),
                    keys: compared.contains(wanted[index]) ? nil : charted)
            }
        }
        var rated: [DataDrop: RatedDrop] = [:]
        for (index, drop) in wanted.enumerated() { rated[drop] = made[index] }
        self.rated = rated
        similarNow = wanted.firstIndex(of: request.drop).flatMap { comparisons[$0] }
        byURN = Dictionary(data.academies.map { ($0.urn, $0) }, uniquingKeysWith: { first, _ in first })
        let withData = rated[request.drop]?.academiesWithData ?? []
        academies =
            request.academies.map { [byURN] urns in urns.compactMap { byURN[$0] } }
            ?? data.academies.filter { withData.contains($0.urn) }.sorted {
                ($0.name, $0.urn) < ($1.name, $1.urn)
            }
        // All three were rated above; the fallback only keeps the compiler sure of it.
        func ratedDrop(_ drop: DataDrop) -> RatedDrop {
            rated[drop] ?? RatedDrop(DropRater(calculator: calculator, drop: drop, config: config))
        }
        changes = RatingChanges(
            current: ratedDrop(request.drop), previous: ratedDrop(request.drop.previous),
            lastYear: ratedDrop(request.drop.sameTermLastYear), trustName: request.trustName)
    }

    /// The pack drop's rated figures.
    var current: RatedDrop? { rated[request.drop] }

    /// A figure of the pack's drop, rated.
    func figure(_ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all)
        -> RatedFigure?
    {
        current?.figure(owner, kpi, group: group, yearGroup: yearGroup)
    }

    /// The report row of a figure of the pack's drop, as `report` writes it: `ReportRow`
    /// of the rated figure, with an academy figure's similar-schools columns.
    func row(_ rated: RatedFigure) -> ReportRow {
        let figure = rated.figure
        var row = ReportRow(
            rated, academy: figure.owner.urn.flatMap { byURN[$0] }, trustName: request.trustName)
        if let urn = figure.owner.urn, let value = rated.shown, let similarNow {
            row.compare(
                with: similarNow.comparison(
                    urn: urn, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup,
                    drop: figure.drop,
                    value: value))
        }
        return row
    }

    /// The academies' URNs given pages.
    var academyURNs: Set<URN> { Set(academies.map(\.urn)) }
}

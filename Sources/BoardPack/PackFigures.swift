import Dispatch
import Metrics

/// Every figure the pack shows, worked out by `Metrics` (the code behind `report` and the
/// dashboard) and only looked up here: the drop's rated figures and report rows, every
/// earlier drop's charted figures, and the changes.
///
/// The pack's drop is rated an academy at a time as its page asks (`figure(_:_:group:yearGroup:)`),
/// as `report` rates it, and no more than one academy's figures are held: a national
/// store's pack (22,000 pages) held every rated figure of the drop, about 3 GB of its
/// 14 GB. What the summary needs of every academy (`ratingCounts`) is counted before the
/// pages, and what the method page needs of every figure (`forEachFigure`) is found by
/// rating the academies again, one at a time.
struct PackFigures: Sendable {
    /// The trust's records.
    let data: TrustData
    /// The rating settings.
    let config: RatingConfig
    /// What was asked for.
    let request: PackRequest
    /// The drops up to the pack's, oldest first: the charts' points.
    let drops: [DataDrop]
    /// Each drop up to the pack's but the pack's own, rated for its charted figures
    /// (`PackHeadline.all`) alone, each as the dashboard rates it, and kept as the points
    /// the charts draw: the rated figures themselves (about 880 bytes each) were most of
    /// the 788 MB a pack of ten years of 2,000 academies took.
    private let charted: [DataDrop: [FigureCalculator.Key: ChartPoint]]
    /// The academies given pages, in order.
    let academies: [Academy]
    /// The academies with figures in the pack's drop.
    let academiesWithData: Set<URN>
    /// The rater of the pack's drop, with its similar schools.
    let rater: DropRater
    /// The trust's figures of the pack's drop, rated, by key (the last of two with one key,
    /// as `RatedDrop` keeps them).
    private let trust: [FigureCalculator.Key: RatedFigure]
    /// How many of the pack's academies have each charted figure green, amber and red.
    let ratingCounts: [PackHeadline: [RAGRating: Int]]
    /// The figures of the academy whose page is being written; each page written at the
    /// same time as others has its own (`forPage()`).
    private var page = PageFigures()
    /// The pack drop's similar-schools comparisons, for the report rows' similar columns.
    private let similarNow: SimilarComparisons?
    /// Where each academy is in `data.academies`, by URN, for the report rows' names: the
    /// academies themselves copied into a dictionary were 5 MB of a national pack.
    private let positions: [URN: Int]
    /// What changed, as `report --changes` lists it.
    let changes: RatingChanges

    /// Rates what the pack needs of every drop up to `request.drop`; `similar` gives a
    /// drop's similar-schools comparisons (nil when the store has none), as `report` uses them.
    init(
        data: TrustData, config: RatingConfig, request: PackRequest,
        similar: (DataDrop) -> SimilarComparisons?
    ) {
        self.data = data
        self.config = config
        self.request = request
        let calculator = FigureCalculator(data: data)
        drops = data.drops.filter { $0 <= request.drop }
        let headlines = PackHeadline.all(config)
        let keys = Set(headlines.map { FigureCalculator.smallKey($0.kpi, .all, $0.yearGroup) })
        // Each earlier drop is rated for its charted figures alone, on every core.
        let earlier = drops.filter { $0 != request.drop }
        let comparisons = earlier.map(similar)
        var made = [[FigureCalculator.Key: ChartPoint]](repeating: [:], count: earlier.count)
        made.withUnsafeMutableBufferPointer { slots in
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: earlier.count) { index in
                let rated = RatedDrop(
                    DropRater(
                        calculator: calculator, drop: earlier[index], config: config,
                        similar: comparisons[index]),
                    keys: keys)
                slots[index] = rated.figures.mapValues {
                    ChartPoint(drop: rated.drop, kpi: $0.figure.kpi, rated: $0)
                }
            }
        }
        charted = Dictionary(uniqueKeysWithValues: zip(earlier, made).map { ($0, $1) })
        similarNow = similar(request.drop)
        let rater = DropRater(calculator: calculator, drop: request.drop, config: config, similar: similarNow)
        self.rater = rater
        trust = Dictionary(
            rater.ratedTrust().map { (FigureCalculator.Key($0.figure), $0) },
            uniquingKeysWith: { _, last in last })
        let withData = Set(rater.academiesWithData)
        academiesWithData = withData
        let positions = Dictionary(
            data.academies.enumerated().map { ($1.urn, $0) }, uniquingKeysWith: { first, _ in first })
        self.positions = positions
        academies =
            request.academies.map { urns in urns.compactMap { positions[$0].map { data.academies[$0] } } }
            ?? data.academies.filter { withData.contains($0.urn) }.sorted {
                ($0.name, $0.urn) < ($1.name, $1.urn)
            }
        var counts: [PackHeadline: [RAGRating: Int]] = [:]
        for academy in academies where withData.contains(academy.urn) {
            let rated = rater.rated(academy.urn, keys: keys)
            for headline in headlines {
                let key = FigureCalculator.smallKey(headline.kpi, .all, headline.yearGroup)
                // The last of two with one key, as `figure` finds it.
                guard let figure = rated.last(where: { FigureCalculator.smallKey($0.figure) == key }) else {
                    continue
                }
                counts[headline, default: [:]][figure.rating, default: 0] += 1
            }
        }
        ratingCounts = counts
        // The drop before and the same term last year, each with its own similar schools,
        // as the dashboard counts; a drop with no data is not compared.
        let comparedDrops = [request.drop.previous, request.drop.sameTermLastYear].filter(data.drops.contains)
        let compared = comparedDrops.map { drop in
            DropRater(
                calculator: calculator, drop: drop, config: config,
                similar: earlier.firstIndex(of: drop).map { comparisons[$0] } ?? similar(drop))
        }
        changes = RatingChanges(rater, comparedWith: compared, trustName: request.trustName)
    }

    /// A figure of the pack's drop, rated: the trust's, or an academy's, rated with the
    /// rest of its figures when first asked and kept until another academy's is asked.
    func figure(_ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all)
        -> RatedFigure?
    {
        let key = FigureCalculator.Key(owner: owner, kpi: kpi, group: group, yearGroup: yearGroup)
        guard let urn = owner.urn else { return trust[key] }
        return page.figures(of: urn, rater)[key]
    }

    /// These figures with a cache of an academy's figures of their own, for writing one
    /// page while others are written on other threads: everything else is shared, and
    /// only read.
    func forPage() -> PackFigures {
        var figures = self
        figures.page = PageFigures()
        return figures
    }

    /// The chart's point of `drop` for a figure: the pack drop's from `figure`, an earlier
    /// drop's as kept; a point with no value where the drop has no such figure.
    func chartPoint(_ drop: DataDrop, _ owner: Figure.Owner, _ kpi: KPI, yearGroup: YearGroup) -> ChartPoint {
        if drop == request.drop {
            return ChartPoint(drop: drop, kpi: kpi, rated: figure(owner, kpi, yearGroup: yearGroup))
        }
        let key = FigureCalculator.Key(owner: owner, kpi: kpi, group: .all, yearGroup: yearGroup)
        return charted[drop]?[key] ?? ChartPoint(drop: drop, kpi: kpi, rated: nil)
    }

    /// Calls `body` with every rated figure of the pack's drop of the pack's academies and
    /// the trust: each academy rated again, one at a time.
    func forEachFigure(_ body: (RatedFigure) -> Void) {
        for academy in academies where academiesWithData.contains(academy.urn) {
            for rated in rater.rated(academy.urn) { body(rated) }
        }
        for rated in trust.values { body(rated) }
    }

    /// The report row of a figure of the pack's drop, as `report` writes it: `ReportRow`
    /// of the rated figure, with an academy figure's similar-schools columns.
    func row(_ rated: RatedFigure) -> ReportRow {
        let figure = rated.figure
        var row = ReportRow(
            rated, academy: figure.owner.urn.flatMap { positions[$0] }.map { data.academies[$0] },
            trustName: request.trustName)
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

/// The figures of one academy of the pack's drop, kept while its page is written. Only
/// the thread writing that page uses it (`PackFigures.forPage()`), which is why it may be
/// `@unchecked Sendable`.
private final class PageFigures: @unchecked Sendable {
    private var urn: URN?
    private var figures: [FigureCalculator.Key: RatedFigure] = [:]

    /// `urn`'s rated figures, rated by `rater` unless they are those kept.
    func figures(of urn: URN, _ rater: DropRater) -> [FigureCalculator.Key: RatedFigure] {
        if urn != self.urn {
            figures = Dictionary(
                rater.rated(urn).map { (FigureCalculator.Key($0.figure), $0) },
                uniquingKeysWith: { _, last in last })
            self.urn = urn
        }
        return figures
    }
}

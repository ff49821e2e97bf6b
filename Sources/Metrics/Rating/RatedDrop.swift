/// Every figure of one drop, rated, with its like-for-like previous value: what the
/// dashboard shows.
public struct RatedDrop: Sendable {
    /// The drop.
    public let drop: DataDrop
    /// Every rated figure, by key.
    public let figures: [FigureCalculator.Key: RatedFigure]
    /// The academies of the trust.
    public let academies: [Academy]
    /// Academies with at least one figure in the drop.
    public let academiesWithData: Set<URN>

    /// Computes and rates every figure of `drop` in `data`.
    public init(data: TrustData, drop: DataDrop, config: RatingConfig) {
        self.init(DropRater(data: data, drop: drop, config: config))
    }

    /// Keeps every figure `rater` rates.
    public init(_ rater: DropRater) {
        self.init(rater, keys: nil)
    }

    /// Keeps the figures `rater` rates among `keys` (by `FigureCalculator.smallKey`; all
    /// when nil), of every academy and the trust, each rated exactly as a whole drop rates
    /// it (`DropRater.rated(_:keys:)`): the board pack charts four figures of each earlier
    /// drop, and kept every figure of ten years of 2,000 academies (17 GB).
    public init(_ rater: DropRater, keys: Set<Int>?) {
        var figures: [FigureCalculator.Key: RatedFigure] = [:]
        let urns = rater.academiesWithData
        for urn in urns {
            for rated in rater.rated(urn, keys: keys) { figures[FigureCalculator.Key(rated.figure)] = rated }
        }
        for rated in rater.ratedTrust(keys: keys) { figures[FigureCalculator.Key(rated.figure)] = rated }
        self.drop = rater.drop
        self.figures = figures
        self.academies = rater.calculator.data.academies
        self.academiesWithData = Set(urns)
    }

    /// The rated figure for a key, if there is one.
    public func figure(
        _ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all
    ) -> RatedFigure? {
        figures[FigureCalculator.Key(owner: owner, kpi: kpi, group: group, yearGroup: yearGroup)]
    }

    /// How many figures have each rating, counting the all-pupils figures of academies
    /// only.
    public func ratingCounts() -> [RAGRating: Int] {
        var counts: [RAGRating: Int] = [:]
        for rated in figures.values where rated.figure.owner != .trust && rated.figure.group == .all {
            counts[rated.rating, default: 0] += 1
        }
        return counts
    }
}

/// Every figure of one drop, rated, with its like-for-like previous value: what the
/// report and the dashboard show.
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
        let calculator = FigureCalculator(data: data)
        let current = calculator.figures(for: drop)
        let previous = calculator.figures(for: drop.sameTermLastYear)
        let rater = Rater(config: config, academies: data.academies, benchmarks: data.benchmarks)
        var figures: [FigureCalculator.Key: RatedFigure] = [:]
        figures.reserveCapacity(current.count)
        struct Question: Hashable {
            let kpi: KPI
            let phase: Phase?
            let group: PupilGroup
        }
        var answers: [Question: BenchmarkMatcher.Match?] = [:]
        for (key, figure) in current {
            let question = Question(kpi: figure.kpi, phase: rater.phase(of: figure), group: figure.group)
            let benchmark: BenchmarkMatcher.Match?
            if let known = answers[question] {
                benchmark = known
            } else {
                benchmark = rater.benchmark(for: figure)
                answers[question] = benchmark
            }
            figures[key] = rater.rate(figure, previous: previous[key], benchmark: benchmark)
        }
        self.drop = drop
        self.figures = figures
        self.academies = data.academies
        self.academiesWithData = Set(current.keys.compactMap(\.owner.urn))
    }

    /// The rated figure for a key, if there is one.
    public func figure(
        _ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all
    ) -> RatedFigure? {
        figures[FigureCalculator.Key(owner: owner, kpi: kpi, group: group, yearGroup: yearGroup)]
    }

    /// Every rated figure in report order: academies by name with the trust last, then
    /// KPI, pupil group and year group.
    public func ordered() -> [RatedFigure] {
        let names = Dictionary(academies.map { ($0.urn, $0.name) }, uniquingKeysWith: { first, _ in first })
        return figures.values.sorted { lhs, rhs in
            let left = lhs.figure
            let right = rhs.figure
            if left.owner != right.owner {
                switch (left.owner, right.owner) {
                case (.trust, _): return false
                case (_, .trust): return true
                case (.academy(let a), .academy(let b)):
                    let nameA = names[a] ?? ""
                    let nameB = names[b] ?? ""
                    return nameA != nameB ? nameA < nameB : a < b
                }
            }
            if left.kpi != right.kpi { return left.kpi < right.kpi }
            if left.group != right.group { return left.group < right.group }
            return left.yearGroup < right.yearGroup
        }
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

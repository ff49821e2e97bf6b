import Synchronization

/// One drop's rated figures, rated when they are first asked for: what the dashboard
/// shows. `RatedDrop` rates every figure of every academy at once, about 136 KB an
/// academy, which for a national store (22,000 academies) took 12 s and 3 GB before the
/// first frame. This rates instead
/// - the overview's headline figures (`headlineKeys`) of one academy the first time any
///   of them is asked for, and keeps them: a few figures an academy;
/// - every other figure of an academy the first time one is asked for (its page, an
///   explanation), keeping the last `fullyRatedKept` academies so that memory stays small
///   however many pages are opened;
/// - the trust's figures together, once.
///
/// Each figure is rated by `DropRater` exactly as `RatedDrop` rates it, so the two never
/// differ. It is `Sendable` because every cache is behind one lock.
public final class LazyRatedDrop: Sendable {
    /// The rater of the drop, for callers that stream through its academies (the changes).
    public let rater: DropRater
    /// The academies of the trust.
    public let academies: [Academy]
    /// Academies with at least one figure in the drop.
    public let academiesWithData: Set<URN>
    /// The figures, by `FigureCalculator.smallKey`, that an academy's overview row and its
    /// wide columns show: attendance, persistent and severe absence, suspensions, each
    /// phase's headline, writing at the primary headline's year group, and disadvantaged
    /// and other pupils' attendance for the gap. They are rated for every academy the
    /// overview lists; the rest only when asked for.
    public let headlineKeys: Set<Int>
    /// `headlineKeys` of all pupils: what each overview row keeps, as the disadvantaged
    /// gap's two figures are rated only for the rows drawn.
    public let allPupilsHeadlineKeys: Set<Int>
    /// The KPIs whose figures this gives, when only some (nil gives every figure): a drop
    /// the overview draws only in its attendance trend is rated with a protection of its
    /// attendance alone (`SmallGroupProtection(calculator:drop:kpis:)`), which says nothing
    /// of other figures, so none is given (nil), rather than one that may not be hidden
    /// where it should.
    public let kpis: Set<KPI>?
    /// How many academies' full figure sets are kept at most.
    public static let fullyRatedKept = 64

    private let state = Mutex(Cache())

    private struct Cache {
        /// Each academy's headline figures, sorted by small key.
        var headlines: [URN: [RatedFigure]] = [:]
        /// Recently asked-for academies' every figure, by small key.
        var full: [URN: [Int: RatedFigure]] = [:]
        /// `full`'s academies, oldest first, to let the oldest go.
        var fullOrder: [URN] = []
        /// The trust's figures, by small key, once rated.
        var trust: [Int: RatedFigure]?
        /// The trust's headline figures (`headlineKeys`), by small key, once rated.
        var trustHeadlines: [Int: RatedFigure]?
        /// The trust's figures as shown, by small key, worked out without rating them
        /// (`shown(_:_:group:yearGroup:)`); nil where the figure is absent or hidden.
        var trustShown: [Int: Double?] = [:]
        /// Academies whose headline figures were rated, and whose every figure was
        /// (counting again one rated again after it was let go).
        var headlinesRated = 0
        var fullyRated = 0
    }

    /// The drop.
    public var drop: DataDrop { rater.drop }

    /// Prepares to rate `rater`'s drop; nothing is rated yet. With `kpis`, only figures of
    /// those KPIs are given (`kpis`): `rater`'s protection need hide only them.
    public init(_ rater: DropRater, kpis: Set<KPI>? = nil) {
        self.rater = rater
        self.kpis = kpis
        academies = rater.calculator.data.academies
        academiesWithData = Set(rater.academiesWithData)
        let figures = Self.headlineFigures(rater.rater.config).filter { kpis?.contains($0.kpi) ?? true }
        headlineKeys = Set(figures.map(FigureCalculator.smallKey))
        allPupilsHeadlineKeys = Set(figures.filter { $0.group == .all }.map(FigureCalculator.smallKey))
    }

    /// False for a KPI whose figures this does not give (`kpis`).
    private func gives(_ kpi: KPI) -> Bool { kpis?.contains(kpi) ?? true }

    /// The overview's figures under `config` (see `headlineKeys`).
    static func headlineFigures(_ config: RatingConfig) -> [(
        kpi: KPI, group: PupilGroup, yearGroup: YearGroup
    )] {
        var keys: [(kpi: KPI, group: PupilGroup, yearGroup: YearGroup)] = [
            (.attendanceRate, .all, .all), (.persistentAbsenceRate, .all, .all),
            (.severeAbsenceRate, .all, .all), (.inclusion(.suspensionRate), .all, .all),
            (.attendanceRate, .disadvantaged, .all), (.attendanceRate, .notDisadvantaged, .all),
            (.expected(.writing), .all, config.headline(for: .primary)?.yearGroup ?? .year(6)),
        ]
        for phase in Phase.allCases {
            if let headline = config.headline(for: phase) {
                keys.append((headline.kpi, .all, headline.yearGroup))
            }
        }
        return keys
    }

    /// The figure's value as shown, or nil when it has none or it is hidden: what
    /// `figure(_:_:group:yearGroup:)?.shown` gives. The trust's is worked out without
    /// rating it when its figures are not rated yet (`DropRater.shownTrust(key:)`), and
    /// kept: the overview's attendance trend draws the trust's attendance in drops it
    /// shows nothing else of, on every frame.
    public func shown(
        _ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all
    ) -> Double? {
        guard gives(kpi) else { return nil }
        guard case .trust = owner else {
            return figure(owner, kpi, group: group, yearGroup: yearGroup)?.shown
        }
        let key = FigureCalculator.smallKey(kpi, group, yearGroup)
        let known = state.withLock { cache -> Double?? in
            if let rated = cache.trust ?? cache.trustHeadlines,
                cache.trust != nil || headlineKeys.contains(key)
            {
                return .some(rated[key]?.shown)
            }
            return cache.trustShown[key]
        }
        if let known { return known }
        let made = rater.shownTrust(key: key)
        state.withLock { $0.trustShown[key] = made }
        return made
    }

    /// The rated figure for a key, if there is one, rated now if it was not yet.
    public func figure(
        _ owner: Figure.Owner, _ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all
    ) -> RatedFigure? {
        guard gives(kpi) else { return nil }
        let key = FigureCalculator.smallKey(kpi, group, yearGroup)
        // Figures are rated outside the lock, so that several threads rate academies at
        // once (the overview's rows of a national store are made on every core); two that
        // rate the same academy at once make the same figures, and the first kept wins.
        let isHeadline = headlineKeys.contains(key)
        guard case .academy(let urn) = owner else {
            // The overview asks only for the trust's headline figures, in every drop of its
            // trend: those are rated alone, the rest the first time one is asked for.
            let known = state.withLock { cache in
                isHeadline ? cache.trust ?? cache.trustHeadlines : cache.trust
            }
            if let known { return known[key] }
            let made = Self.bySmallKey(rater.ratedTrust(keys: isHeadline ? headlineKeys : nil))
            return state.withLock { cache in
                if isHeadline {
                    if cache.trustHeadlines == nil { cache.trustHeadlines = made }
                    return (cache.trust ?? cache.trustHeadlines)?[key]
                }
                if cache.trust == nil { cache.trust = made }
                return cache.trust?[key]
            }
        }
        guard academiesWithData.contains(urn) else { return nil }
        let known = state.withLock { cache -> RatedFigure?? in
            if let full = cache.full[urn] { return .some(full[key]) }
            if isHeadline, let known = cache.headlines[urn] {
                return .some(known.last { Self.key($0) == key })
            }
            return nil
        }
        if let known { return known }
        if isHeadline {
            let made = rater.rated(urn, keys: headlineKeys)
            return state.withLock { cache in
                if cache.headlines[urn] == nil {
                    cache.headlines[urn] = made
                    cache.headlinesRated += 1
                }
                return cache.headlines[urn]?.last { Self.key($0) == key }
            }
        }
        let made = Self.bySmallKey(rater.rated(urn))
        return state.withLock { cache in
            if let full = cache.full[urn] { return full[key] }
            cache.fullyRated += 1
            cache.full[urn] = made
            cache.fullOrder.append(urn)
            if cache.fullOrder.count > Self.fullyRatedKept {
                cache.full[cache.fullOrder.removeFirst()] = nil
            }
            return made[key]
        }
    }

    /// How many academies have had their headline figures rated so far.
    public var headlinesRated: Int { state.withLock { $0.headlinesRated } }

    /// How many times an academy's every figure has been rated so far: one for each
    /// academy whose page or explanation asked for a figure beyond its headline ones.
    public var fullyRated: Int { state.withLock { $0.fullyRated } }

    private static func key(_ rated: RatedFigure) -> Int { FigureCalculator.smallKey(rated.figure) }

    private static func bySmallKey(_ figures: [RatedFigure]) -> [Int: RatedFigure] {
        // The last of two figures with one key wins, as in `RatedDrop`.
        Dictionary(figures.map { (key($0), $0) }, uniquingKeysWith: { _, last in last })
    }
}

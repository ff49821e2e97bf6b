extension DropRater {
    /// The trust's rated figures, in report order. Each is rated against its phase mix
    /// (see `PhaseMix`): its academies' own benchmarks weighted by the counts summed into
    /// the trust's figure. When an academy in the figure has no benchmark of its own (a
    /// special school with no special-school figure for the year, say), the trust's figure
    /// is not rated and says which: mixing in the all-phases figure for it would compare
    /// the trust with schools unlike its own.
    ///
    /// Its previous value and change cover the same academies on both sides: where
    /// academies joined or left, both are summed over only the academies with the figure
    /// in both years (`RatedFigure.likeForLike`).
    ///
    /// `keys`, when given, rates only the figures with those small keys, each exactly as
    /// without it: the dashboard's overview and its trend need a few of the trust's
    /// figures in each drop, not all of them. With `ratingsOnly`, each is rated exactly as
    /// without it, but only the figures whose rating needs last year (`kpisRatedOnChange`)
    /// are given their previous value and like-for-like comparison: the header's count of
    /// figures turned red wants ratings alone.
    public func ratedTrust(keys: Set<Int>? = nil, ratingsOnly: Bool = false) -> [RatedFigure] {
        let lastYear = drop.sameTermLastYear
        // Only counts are gathered per part here, into flat arrays (a national trust has
        // millions of parts); the benchmarks are looked up once per trust figure below.
        let found = answers.map { $0.match != nil }
        var tally = MixTally()
        var expected = ExpectedTally()
        var lastURN: URN?
        var phase: Phase?
        var phaseIndex = 0
        // The academy's hidden keys, looked up once per academy rather than twice per part
        // (`SmallGroupProtection.hides`).
        var hiddenKeys: Set<Int> = []
        // As `SmallGroupProtection.hides`, with each academy's hidden keys of each year
        // looked up once, not for every figure: the comparisons ask of every figure of
        // both years.
        var hiddenOf: (owner: Figure.Owner, drop: DataDrop)?
        var hiddenThere: Set<Int> = []
        // This year's figures, last year's and their like-for-like comparison, from one
        // walk over the academies (`FigureCalculator.trustYears`).
        let years = calculator.trustYears(
            in: drop, with: lastYear, keys: keys, comparing: ratingsOnly ? kpisRatedOnChange : nil,
            eachSummed: { part, key in
                if part.owner.urn != lastURN {
                    lastURN = part.owner.urn
                    phase = lastURN.flatMap(rater.phase(of:))
                    phaseIndex = phase.flatMap { Phase.allCases.firstIndex(of: $0) } ?? 0
                    hiddenKeys = protection.hiddenKeys(of: part.owner)
                }
                let hidden = part.isSuppressed || hiddenKeys.contains(key)
                if hidden { tally.suppressed.insert(key) }
                if let similar { expected.add(part, key: key, hidden: hidden, similar: similar) }
                let slot = Self.slot(kpiIndex: key >> 16, phaseIndex: phaseIndex, groupIndex: key >> 8 & 0xFF)
                guard phase != nil, found[slot] else {
                    tally.addWithout(lastURN, phase, key: key)
                    return
                }
                tally.add(part.denominator, key: key, phaseIndex: phaseIndex)
            },
            hides: { figure in
                if figure.isSuppressed { return true }
                if hiddenOf?.owner != figure.owner || hiddenOf?.drop != figure.drop {
                    hiddenOf = (figure.owner, figure.drop)
                    hiddenThere = (figure.drop == drop ? protection : protectionLastYear).hiddenKeys(
                        of: figure.owner)
                }
                return hiddenThere.contains(FigureCalculator.smallKey(figure))
            })
        let previous = Dictionary(
            years.then.map { (FigureCalculator.smallKey($0), protectionLastYear.applied(to: $0)) },
            uniquingKeysWith: { first, _ in first })
        // Whether last year has any trust figure at all, as `previous` says of every figure.
        let lastYearHasFigures =
            keys == nil && !ratingsOnly
            ? !previous.isEmpty
            : calculator.index.academies(in: lastYear).contains {
                !calculator.figures(of: $0, in: lastYear).isEmpty
            }
        var rated = rate(years.now, previous: previous, phase: nil) { trustOutcome($0, tally: tally) }
        if similar != nil {
            for index in rated.indices where rated[index].shown != nil {
                rated[index].similarExpected = expected.value(FigureCalculator.smallKey(rated[index].figure))
            }
        }
        guard lastYearHasFigures else { return rated }
        let comparisons = years.comparisons
        for index in rated.indices {
            switch comparisons[FigureCalculator.smallKey(rated[index].figure)] {
            case .sameAcademies: break
            case .likeForLike(let pair):
                guard rated[index].previous != nil else { break }
                rated[index].previous = pair.then
                rated[index].likeForLike = pair.now
            case .withheld:
                rated[index].previous = nil
                rated[index].changeWithheld = true
            case .nothingInCommon, nil:
                rated[index].previous = nil
            }
            // A figure rated on its change is rated on the change as now settled.
            Rater.rateOnChange(&rated[index])
        }
        return rated
    }

    /// The trust's figure with small key `key` as shown, or nil when it has none or it is
    /// hidden: the `shown` of `ratedTrust(keys: [key])`'s figure, worked out without rating
    /// it. A rating never changes the value shown, and a drop the overview draws only in
    /// its attendance trend shows nothing else of the trust; rating it there summed the
    /// trust's figures of last year and its like-for-like comparison for nothing.
    public func shownTrust(key: Int) -> Double? {
        let figures = calculator.trustFigures(in: drop, keys: [key])
        guard let figure = figures.first(where: { FigureCalculator.smallKey($0) == key }) else { return nil }
        let protected = SmallGroupProtection.applied(
            to: figure, key: key, hiddenKeys: protection.hiddenKeys(of: .trust))
        return protected.isSuppressed ? nil : protected.shown
    }

    /// The trust figure's benchmark from its parts, or why there is none.
    private func trustOutcome(_ figure: Figure, tally: MixTally) -> BenchmarkMatcher.Outcome {
        let scope = rater.matcher.scope
        let key = FigureCalculator.smallKey(figure)
        let without = tally.without(key)
        if without.count > 0 {
            let summed = Phase.allCases.indices.contains {
                tally.academies[MixTally.position(key, phaseIndex: $0)] > 0
            }
            let allPhases = answers[Self.slot(figure.kpi, nil, figure.group)]
            if !summed, allPhases.match == nil {
                // No academy has a benchmark, nor is there one for all phases: the reason
                // is the all-phases one ("no national figure for 2013/14…").
                return allPhases
            }
            var academies = without.first.map { urn, phase in
                let name = urn.flatMap { urn in calculator.data.academies.first { $0.urn == urn }?.name }
                let details = [urn?.description, phase?.rawValue ?? "phase unknown"].compactMap { $0 }
                return "\(name ?? "an academy") (\(details.joined(separator: ", ")))"
            }
            if without.count > without.first.count {
                academies.append("and \(without.count - without.first.count) more")
            }
            return .missing(
                BenchmarkMiss(kpi: figure.kpi, drop: drop, scope: scope, academiesWithout: academies))
        }
        var parts: [PhaseMix.Part] = []
        for (phaseIndex, phase) in Phase.allCases.enumerated() {
            let position = MixTally.position(key, phaseIndex: phaseIndex)
            guard tally.academies[position] > 0,
                let match = answers[Self.slot(figure.kpi, phase, figure.group)].match
            else { continue }
            parts.append(
                PhaseMix.Part(
                    phase: phase, benchmark: match.benchmark, period: match.period,
                    weight: tally.weights[position],
                    academies: Int(tally.academies[position])))
        }
        let mix = PhaseMix(parts: parts, hidesCounts: tally.suppressed.contains(key))
        if mix.hidesCounts, !mix.isUniform {
            return .missing(
                BenchmarkMiss(kpi: figure.kpi, drop: drop, scope: scope, wouldRevealSmallGroup: true))
        }
        guard let value = mix.value, let latest = mix.parts.map(\.benchmark.drop).max() else {
            return .missing(BenchmarkMiss(kpi: figure.kpi, drop: drop, scope: scope))
        }
        let groups = Set(mix.parts.map(\.benchmark.group))
        let benchmark = Benchmark(
            kpi: figure.kpi, year: latest.year, term: latest.term, phase: nil,
            group: groups.count == 1 ? groups.first ?? .all : .all, scope: scope,
            // Two decimals, as the DfE publishes its figures, so that the report's
            // benchmark is the value the rating used.
            value: DisplayRounding.round(value, decimals: 2), source: PhaseMix.source)
        let periods = Set(mix.parts.map(\.period))
        let period: BenchmarkMatcher.Period =
            periods == [.sameDrop]
            ? .sameDrop
            : mix.parts.allSatisfy({ $0.benchmark.term == drop.term }) ? .earlierYearSameTerm : .latestEarlier
        return .found(BenchmarkMatcher.Match(benchmark: benchmark, period: period, mix: mix))
    }
}

/// The counts summed into each trust figure, by phase, for its benchmark.
private struct MixTally {
    /// Denominators summed, at `position(_:phaseIndex:)`.
    var weights = [Double](repeating: 0, count: Self.size)
    /// Academies summed, at `position(_:phaseIndex:)`.
    var academies = [Int32](repeating: 0, count: Self.size)
    /// Academies in the sum with no benchmark of their own, at `position(_:phaseIndex: 0)`
    /// shifted right 3 bits (one count a trust figure).
    var withoutCount = [Int32](repeating: 0, count: Self.size >> 3)
    /// By trust figure (`FigureCalculator.smallKey`): the first five academies without a
    /// benchmark, to name.
    var withoutFirst: [Int: [(urn: URN?, phase: Phase?)]] = [:]
    /// The trust figures with a suppressed academy figure in the sum.
    var suppressed: Set<Int> = []

    /// Positions for every KPI × pupil group (under 16) × year group code (under 16) ×
    /// phase (under 8): about a hundred thousand, so that adding a part is an array
    /// index, not a hash.
    static let size = KPI.allCases.count << 11

    /// The position of a trust figure's `smallKey` and a phase's place in `Phase.allCases`.
    static func position(_ key: Int, phaseIndex: Int) -> Int {
        ((key >> 16) << 11) | ((key >> 8 & 0xF) << 7) | ((key & 0xF) << 3) | phaseIndex
    }

    /// Counts an academy with no benchmark of its own in the trust figure `key`, keeping
    /// the first five to name (a trust with no benchmarks at all has one for every part,
    /// so this too is an array index, not a hash, for all but those five).
    mutating func addWithout(_ urn: URN?, _ phase: Phase?, key: Int) {
        let index = Self.position(key, phaseIndex: 0) >> 3
        if withoutCount[index] < 5 { withoutFirst[key, default: []].append((urn, phase)) }
        withoutCount[index] += 1
    }

    /// The academies in the trust figure `key` with no benchmark of their own: the first
    /// five, and how many in all.
    func without(_ key: Int) -> (first: [(urn: URN?, phase: Phase?)], count: Int) {
        (withoutFirst[key] ?? [], Int(withoutCount[Self.position(key, phaseIndex: 0) >> 3]))
    }

    mutating func add(_ denominator: Double, key: Int, phaseIndex: Int) {
        let position = Self.position(key, phaseIndex: phaseIndex)
        weights[position] += denominator
        academies[position] += 1
    }
}

/// Each trust figure's expected figure from its academies' similar schools: each
/// academy's similar-schools median weighted by the denominator the trust's sum gives it
/// (`FigureCalculator.trustFigures(in:eachSummed:)`: pupils, sessions or cohort), so the
/// expected figure is weighted exactly as the trust's own figure.
private struct ExpectedTally {
    /// Weight × median, and weight, summed by trust figure (`FigureCalculator.smallKey`).
    var sums: [Int: (weighted: Double, weight: Double)] = [:]
    /// Trust figures with an academy that has no comparison, or whose figure is hidden:
    /// they get no expected figure, as a part left out would make it expect of other
    /// academies, and weighting by a hidden academy's count could reveal it.
    var incomplete: Set<Int> = []

    mutating func add(_ part: Figure, key: Int, hidden: Bool, similar: SimilarComparisons) {
        guard !incomplete.contains(key) else { return }
        guard !hidden, let urn = part.owner.urn, let value = part.shown, part.denominator > 0,
            let comparison = similar.comparison(
                urn: urn, kpi: part.kpi, group: part.group, yearGroup: part.yearGroup, drop: part.drop,
                value: value)
        else {
            incomplete.insert(key)
            sums[key] = nil
            return
        }
        var sum = sums[key] ?? (0, 0)
        sum.weighted += part.denominator * comparison.median
        sum.weight += part.denominator
        sums[key] = sum
    }

    /// The expected figure of the trust figure `key`, if every academy in it has one.
    func value(_ key: Int) -> Double? {
        guard !incomplete.contains(key), let sum = sums[key], sum.weight > 0 else { return nil }
        return sum.weighted / sum.weight
    }
}

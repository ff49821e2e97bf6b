/// The trust's figures for a comparison over the same academies on both sides.
extension FigureCalculator {
    /// A trust figure in two drops over only the academies with that figure in both.
    public struct LikeForLike: Sendable {
        /// The figure in the later drop over those academies.
        public var now: Figure
        /// The figure in the earlier drop over the same academies.
        public var then: Figure
    }

    /// How a trust figure of one drop compares with the same figure in an earlier drop.
    public enum TrustComparison: Sendable {
        /// The same academies have the figure in both drops: compare the full figures.
        case sameAcademies
        /// Academies joined or left: compare these sums over the academies in both.
        case likeForLike(LikeForLike)
        /// Academies joined or left, and one of the figures involved is hidden: the
        /// difference between the full and the like-for-like sums could reveal it, so
        /// no change is shown.
        case withheld
        /// No academy has the figure in both drops.
        case nothingInCommon
    }

    /// For each trust figure of `drop` (by `smallKey`), how it compares with `earlier`.
    /// Where academies joined or left, both sides are summed over only the academies with
    /// the figure in both drops, so that joining and leaving do not move the trust's
    /// change; `hides` says which figures are hidden in their own drop.
    ///
    /// A like-for-like sum is a new total: it and the trust's full figure split each drop's
    /// academies into those in both drops and the rest. As with any partition, a part
    /// holding exactly one hidden figure would give it away, so then the comparison is
    /// withheld. `keys`, when given, compares only the figures with those small keys, each
    /// exactly as without it.
    public func trustComparisons(
        in drop: DataDrop, with earlier: DataDrop, keys: Set<Int>? = nil, hides: (Figure) -> Bool
    ) -> [Int: TrustComparison] {
        // One academy at a time, both drops' figures side by side, so that only the sums
        // are held: keeping every academy's figures of both drops took about 180 MB for
        // 2,000 academies (a report of one drop with a year before, issue 14).
        /// Per key: academies with the figure, and hidden figures among those in both
        /// drops and among the rest, for each side.
        struct Tally {
            var pair: LikeForLike?
            var academies = (now: 0, then: 0)
            var hiddenInBoth = (now: 0, then: 0)
            var hiddenElse = (now: 0, then: 0)
        }
        /// The earlier drop's side of a tally, counted for every key and kept below only
        /// for keys the later drop has.
        struct Then {
            var academies = 0
            var hiddenInBoth = 0
            var hiddenElse = 0
        }
        var tallies: [Int: Tally] = [:]
        var thens: [Int: Then] = [:]
        func countThen(_ figure: Figure, key: Int, inLater: Bool) {
            var then = thens[key] ?? Then()
            then.academies += 1
            if hides(figure) {
                if inLater { then.hiddenInBoth += 1 } else { then.hiddenElse += 1 }
            }
            thens[key] = then
        }
        let laterURNs = index.academies(in: drop)
        let earlierURNs = index.academies(in: earlier)
        let inLater = Set(laterURNs)
        for urn in laterURNs {
            let byKey = Self.summable(summableFigures(of: urn, in: drop, keys: keys), keys: keys)
            let old = Self.summable(summableFigures(of: urn, in: earlier, keys: keys), keys: keys)
            for (key, figure) in byKey {
                var tally = tallies[key] ?? Tally()
                tally.academies.now += 1
                if let then = old[key] {
                    if hides(figure) { tally.hiddenInBoth.now += 1 }
                    var pair =
                        tally.pair
                        ?? LikeForLike(now: Self.emptyTotal(like: figure), then: Self.emptyTotal(like: then))
                    Self.add(figure, to: &pair.now)
                    Self.add(then, to: &pair.then)
                    tally.pair = pair
                } else if hides(figure) {
                    tally.hiddenElse.now += 1
                }
                tallies[key] = tally
            }
            for (key, figure) in old { countThen(figure, key: key, inLater: byKey[key] != nil) }
        }
        for urn in earlierURNs where !inLater.contains(urn) {
            for (key, figure) in Self.summable(figures(of: urn, in: earlier), keys: keys) {
                countThen(figure, key: key, inLater: false)
            }
        }
        for (key, then) in thens {
            guard var tally = tallies[key] else { continue }
            tally.academies.then += then.academies
            tally.hiddenInBoth.then += then.hiddenInBoth
            tally.hiddenElse.then += then.hiddenElse
            tallies[key] = tally
        }
        return tallies.mapValues { tally in
            guard let pair = tally.pair else { return .nothingInCommon }
            if pair.now.academies == tally.academies.now, pair.then.academies == tally.academies.then {
                return .sameAcademies
            }
            let counts = [
                tally.hiddenInBoth.now, tally.hiddenInBoth.then, tally.hiddenElse.now, tally.hiddenElse.then,
            ]
            return counts.contains(1) ? .withheld : .likeForLike(pair)
        }
    }

    /// The figures that a trust-wide sum takes, by `smallKey`.
    /// An academy's figures for a like-for-like sum: with `keys`, only those (the
    /// dashboard's overview asks for a few in every drop of its trend), made from only the
    /// rows that give them.
    private func summableFigures(of urn: URN, in drop: DataDrop, keys: Set<Int>?) -> [Figure] {
        guard let keys else { return figures(of: urn, in: drop) }
        return figures(of: urn, in: drop, keys: keys)
    }

    private static func summable(_ figures: [Figure], keys: Set<Int>?) -> [Int: Figure] {
        var byKey: [Int: Figure] = [:]
        for figure in figures where canBeSummed(figure) {
            let key = smallKey(figure)
            if let keys, !keys.contains(key) { continue }
            byKey[key] = figure
        }
        return byKey
    }
}

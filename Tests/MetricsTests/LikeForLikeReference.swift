@testable import Metrics

/// How `FigureCalculator.trustComparisons` compared a trust figure with the year before
/// when each academy's figures were kept in dictionaries by key, kept here so that the
/// slot-by-slot way that replaced it (`FigureSlots`, `SummableFigures`) can be checked
/// against it.
enum LikeForLikeReference {
    static func trustComparisons(
        _ calculator: FigureCalculator, in drop: DataDrop, with earlier: DataDrop, keys: Set<Int>? = nil,
        hides: (Figure) -> Bool
    ) -> [Int: FigureCalculator.TrustComparison] {
        func figures(_ urn: URN, _ drop: DataDrop, _ keys: Set<Int>?) -> [Figure] {
            guard let keys else { return calculator.figures(of: urn, in: drop) }
            return calculator.figures(of: urn, in: drop, keys: keys)
        }
        // One academy at a time, both drops' figures side by side, so that only the sums
        // are held: keeping every academy's figures of both drops took about 180 MB for
        // 2,000 academies (a report of one drop with a year before, issue 14).
        /// Per key: academies with the figure, and hidden figures among those in both
        /// drops and among the rest, for each side.
        struct Tally {
            var pair: FigureCalculator.LikeForLike?
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
        let laterURNs = calculator.index.academies(in: drop)
        let earlierURNs = calculator.index.academies(in: earlier)
        let inLater = Set(laterURNs)
        for urn in laterURNs {
            let byKey = summable(figures(urn, drop, keys), keys: keys)
            let old = summable(figures(urn, earlier, keys), keys: keys)
            for (key, figure) in byKey {
                var tally = tallies[key] ?? Tally()
                tally.academies.now += 1
                if let then = old[key] {
                    if hides(figure) { tally.hiddenInBoth.now += 1 }
                    var pair =
                        tally.pair
                        ?? FigureCalculator.LikeForLike(
                            now: FigureCalculator.emptyTotal(like: figure),
                            then: FigureCalculator.emptyTotal(like: then))
                    FigureCalculator.add(figure, to: &pair.now)
                    FigureCalculator.add(then, to: &pair.then)
                    tally.pair = pair
                } else if hides(figure) {
                    tally.hiddenElse.now += 1
                }
                tallies[key] = tally
            }
            for (key, figure) in old { countThen(figure, key: key, inLater: byKey[key] != nil) }
        }
        for urn in earlierURNs where !inLater.contains(urn) {
            for (key, figure) in summable(calculator.figures(of: urn, in: earlier), keys: keys) {
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

    private static func summable(_ figures: [Figure], keys: Set<Int>?) -> [Int: Figure] {
        var byKey: [Int: Figure] = [:]
        for figure in figures where FigureCalculator.canBeSummed(figure) {
            let key = FigureCalculator.smallKey(figure)
            if let keys, !keys.contains(key) { continue }
            byKey[key] = figure
        }
        return byKey
    }
}

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
        // 2,000 academies (a report of one drop with a year before, issue 14). Sums and
        // each academy's figures are found by slot (`FigureSlots`), not hashed by key: a
        // ten-year report hashed each figure about eight times here, on the one core that
        // works out the trust's rows.
        var slots = FigureSlots()
        var tallyAt = [Int32](repeating: -1, count: slots.count)
        var tallies: [LikeForLikeTally] = []
        var thenAt = [Int32](repeating: -1, count: slots.count)
        var thens: [LikeForLikeTally.Then] = []
        func countThen(_ figure: Figure, key: Int, slot: Int, inLater: Bool) {
            slots.cover(&thenAt, with: -1)
            if thenAt[slot] < 0 {
                thenAt[slot] = Int32(thens.count)
                thens.append(LikeForLikeTally.Then(key: key))
            }
            let place = Int(thenAt[slot])
            thens[place].academies += 1
            if hides(figure) {
                if inLater { thens[place].hiddenInBoth += 1 } else { thens[place].hiddenElse += 1 }
            }
        }
        var now = SummableFigures()
        var then = SummableFigures()
        let laterURNs = index.academies(in: drop)
        let inLater = Set(laterURNs)
        var mark: Int32 = 0
        for urn in laterURNs {
            mark += 1
            now.take(summableFigures(of: urn, in: drop, keys: keys), keys: keys, mark: mark, slots: &slots)
            then.take(
                summableFigures(of: urn, in: earlier, keys: keys), keys: keys, mark: mark, slots: &slots)
            slots.cover(&tallyAt, with: -1)
            for slot in now.order {
                let figure = now.figure(at: slot)
                if tallyAt[slot] < 0 {
                    tallyAt[slot] = Int32(tallies.count)
                    tallies.append(LikeForLikeTally(key: Self.smallKey(figure)))
                }
                let place = Int(tallyAt[slot])
                tallies[place].academies.now += 1
                if then.has(slot, mark: mark) {
                    let old = then.figure(at: slot)
                    if hides(figure) { tallies[place].hiddenInBoth.now += 1 }
                    var pair =
                        tallies[place].pair
                        ?? LikeForLike(now: Self.emptyTotal(like: figure), then: Self.emptyTotal(like: old))
                    Self.add(figure, to: &pair.now)
                    Self.add(old, to: &pair.then)
                    tallies[place].pair = pair
                } else if hides(figure) {
                    tallies[place].hiddenElse.now += 1
                }
            }
            for slot in then.order {
                let figure = then.figure(at: slot)
                countThen(figure, key: Self.smallKey(figure), slot: slot, inLater: now.has(slot, mark: mark))
            }
        }
        for urn in index.academies(in: earlier) where !inLater.contains(urn) {
            mark += 1
            then.take(figures(of: urn, in: earlier), keys: keys, mark: mark, slots: &slots)
            for slot in then.order {
                let figure = then.figure(at: slot)
                countThen(figure, key: Self.smallKey(figure), slot: slot, inLater: false)
            }
        }
        slots.cover(&tallyAt, with: -1)
        for old in thens {
            let place = Int(tallyAt[slots.slot(old.key)])
            guard place >= 0 else { continue }
            tallies[place].academies.then += old.academies
            tallies[place].hiddenInBoth.then += old.hiddenInBoth
            tallies[place].hiddenElse.then += old.hiddenElse
        }
        var comparisons: [Int: TrustComparison] = [:]
        comparisons.reserveCapacity(tallies.count)
        for tally in tallies { comparisons[tally.key] = tally.comparison }
        return comparisons
    }

    /// An academy's figures for a like-for-like sum: with `keys`, only those (the
    /// dashboard's overview asks for a few in every drop of its trend), made from only the
    /// rows that give them.
    private func summableFigures(of urn: URN, in drop: DataDrop, keys: Set<Int>?) -> [Figure] {
        guard let keys else { return figures(of: urn, in: drop) }
        return figures(of: urn, in: drop, keys: keys)
    }
}

/// What `FigureCalculator.trustComparisons` gathers as it goes through the academies of
/// two drops, one academy at a time, both drops' figures side by side: for each trust
/// figure of the later drop, the sums over the academies with it in both drops and how
/// many academies have it and hide it on each side (`LikeForLikeTally`).
///
/// Only the sums are held: keeping every academy's figures of both drops took about
/// 180 MB for 2,000 academies (a report of one drop with a year before, issue 14). Sums
/// and each academy's figures are found by slot (`FigureSlots`), not hashed by key: a
/// ten-year report hashed each figure about eight times here, on the one core that works
/// out the trust's rows.
struct LikeForLikeCount {
    private var slots = FigureSlots()
    /// Where each slot's tally is in `tallies`; -1 for none yet.
    private var tallyAt = [Int32](repeating: -1, count: FigureSlots.fixedCount)
    /// A tally for each key of the later drop, in the order the keys first came.
    private var tallies: [LikeForLikeTally] = []
    /// Where each slot's earlier side is in `thens`; -1 for none yet.
    private var thenAt = [Int32](repeating: -1, count: FigureSlots.fixedCount)
    /// The earlier drop's side of each key, kept for every key and added to the later
    /// drop's tallies at the end.
    private var thens: [LikeForLikeTally.Then] = []
    /// The academy in hand's figures of each drop.
    private var now = SummableFigures()
    private var then = SummableFigures()
    /// The academy in hand's mark (`SummableFigures.take`).
    private var mark: Int32 = 0

    /// Counts one academy: `later`, its figures in the later drop, or nil when it has no
    /// records there, and `earlier`, its figures in the earlier drop (empty when none).
    /// With `keys`, only figures whose small key is one of them count; `hides` says which
    /// figures are hidden in their own drop.
    mutating func add(later: [Figure]?, earlier: [Figure], keys: Set<Int>?, hides: (Figure) -> Bool) {
        mark += 1
        then.take(earlier, keys: keys, mark: mark, slots: &slots)
        guard let later else {
            for slot in then.order {
                let figure = then.figure(at: slot)
                countThen(
                    figure, key: FigureCalculator.smallKey(figure), slot: slot, inLater: false, hides: hides)
            }
            return
        }
        now.take(later, keys: keys, mark: mark, slots: &slots)
        slots.cover(&tallyAt, with: -1)
        for slot in now.order {
            let figure = now.figure(at: slot)
            if tallyAt[slot] < 0 {
                tallyAt[slot] = Int32(tallies.count)
                tallies.append(LikeForLikeTally(key: FigureCalculator.smallKey(figure)))
            }
            let place = Int(tallyAt[slot])
            tallies[place].academies.now += 1
            if then.has(slot, mark: mark) {
                let old = then.figure(at: slot)
                if hides(figure) { tallies[place].hiddenInBoth.now += 1 }
                var pair =
                    tallies[place].pair
                    ?? FigureCalculator.LikeForLike(
                        now: FigureCalculator.emptyTotal(like: figure),
                        then: FigureCalculator.emptyTotal(like: old))
                FigureCalculator.add(figure, to: &pair.now)
                FigureCalculator.add(old, to: &pair.then)
                tallies[place].pair = pair
            } else if hides(figure) {
                tallies[place].hiddenElse.now += 1
            }
        }
        for slot in then.order {
            let figure = then.figure(at: slot)
            countThen(
                figure, key: FigureCalculator.smallKey(figure), slot: slot,
                inLater: now.has(slot, mark: mark),
                hides: hides)
        }
    }

    /// Counts an earlier figure at `slot` among its key's academies, hidden or not, among
    /// those in both drops (`inLater`) or the rest.
    private mutating func countThen(
        _ figure: Figure, key: Int, slot: Int, inLater: Bool, hides: (Figure) -> Bool
    ) {
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

    /// How each trust figure of the later drop compares, by small key, once every academy
    /// of both drops is counted.
    mutating func comparisons() -> [Int: FigureCalculator.TrustComparison] {
        slots.cover(&tallyAt, with: -1)
        for old in thens {
            let place = Int(tallyAt[slots.slot(old.key)])
            guard place >= 0 else { continue }
            tallies[place].academies.then += old.academies
            tallies[place].hiddenInBoth.then += old.hiddenInBoth
            tallies[place].hiddenElse.then += old.hiddenElse
        }
        var comparisons: [Int: FigureCalculator.TrustComparison] = [:]
        comparisons.reserveCapacity(tallies.count)
        for tally in tallies { comparisons[tally.key] = tally.comparison }
        return comparisons
    }
}

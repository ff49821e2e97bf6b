/// The trust's figures of one drop as its academies' figures are summed into them, academy
/// by academy: what `FigureCalculator.trustFigures(in:keys:eachSummed:)` gathers, kept
/// apart from the walk over the academies so that one walk can sum two drops at once
/// (`FigureCalculator.trustYears`).
///
/// Each total is found by its key's slot (`FigureSlots`) rather than hashed by key, twice
/// for every academy figure summed.
struct TrustTotals {
    private var slots = FigureSlots()
    /// Where each slot's total is in `totals`; -1 for none yet.
    private var totalAt = [Int32](repeating: -1, count: FigureSlots.fixedCount)
    /// The totals, in the order their keys first came.
    private var totals: [(key: Int, total: Figure)] = []
    /// The progress scores' intervals, by small key (see `TrustInterval`).
    private var intervals: [Int: TrustInterval] = [:]

    /// Sums one academy's `figures` (with `keys`, only those whose small key is one of
    /// them), calling `eachSummed` with each figure summed and its small key. A figure that
    /// cannot be summed (`FigureCalculator.canBeSummed`) still gives its key a total.
    mutating func add(_ figures: [Figure], keys: Set<Int>?, eachSummed: (Figure, Int) -> Void) {
        for figure in figures {
            let key = FigureCalculator.smallKey(figure)
            if let keys, !keys.contains(key) { continue }
            let slot = slots.slot(key)
            slots.cover(&totalAt, with: -1)
            if totalAt[slot] < 0 {
                totalAt[slot] = Int32(totals.count)
                totals.append((key, FigureCalculator.emptyTotal(like: figure)))
            }
            if FigureCalculator.canBeSummed(figure) {
                FigureCalculator.add(figure, to: &totals[Int(totalAt[slot])].total)
                if figure.kpi.isProgress { intervals[key, default: TrustInterval()].add(figure) }
                eachSummed(figure, key)
            }
        }
    }

    /// The trust's figures, in the order their keys first came: a total nothing could be
    /// summed into has no value, and a progress score whose every part came with an
    /// interval has one too.
    var figures: [Figure] {
        totals.map { key, total in
            guard total.academies > 0 else {
                // Nothing could be summed: no value, and nothing to suppress.
                var empty = total
                empty.publication = Figure.Publication(hasPupils: false)
                return empty
            }
            guard let interval = intervals[key]?.interval(of: total) else { return total }
            var rated = total
            rated.publication?.interval = interval
            return rated
        }
    }
}

extension FigureCalculator {
    /// The trust's figures in a drop and in an earlier one, and how each of the later
    /// drop's compares with the earlier: what `trustFigures(in:keys:eachSummed:)` of each
    /// drop and `trustComparisons(in:with:keys:hides:)` give, from one walk over the
    /// academies.
    public struct TrustYears: Sendable {
        /// The trust's figures in the later drop, as `trustFigures(in:keys:eachSummed:)`
        /// gives them.
        public var now: [Figure]
        /// The trust's figures in the earlier drop, likewise (of the KPIs compared only).
        public var then: [Figure]
        /// How each trust figure of the later drop compares with the earlier, by small
        /// key, as `trustComparisons(in:with:keys:hides:)` says; empty when the earlier
        /// drop has no academies or no KPI is compared.
        public var comparisons: [Int: TrustComparison]
    }

    /// The trust's figures in `drop` and in `earlier`, and how they compare, each exactly
    /// as `trustFigures(in:keys:eachSummed:)` and `trustComparisons(in:with:keys:hides:)`
    /// give them, with `keys`, `eachSummed` (called for the figures of `drop` only) and
    /// `hides` as they take them. With `comparing`, only the figures of those KPIs are
    /// summed in `earlier` and compared, each exactly as among every figure (a comparison
    /// and a sum are of one key): the header's count of figures turned red needs last year
    /// only for the KPIs rated on their change.
    ///
    /// Each academy's figures of each drop are made once, not twice: a report's trust
    /// rows made every academy's figures of this drop and the same term last year once to
    /// sum them and again to compare them like for like, a third of a ten-year report's
    /// trust rows. The academies are walked in URN order, each drop's in the order
    /// `trustFigures` sums them, so every sum adds in the same order and comes out the
    /// same to the last bit.
    public func trustYears(
        in drop: DataDrop, with earlier: DataDrop, keys: Set<Int>? = nil, comparing: Set<KPI>? = nil,
        eachSummed: (Figure, Int) -> Void = { _, _ in }, hides: (Figure) -> Bool
    ) -> TrustYears {
        var now = TrustTotals()
        var then = TrustTotals()
        let wanted = comparing.map { WantedKeys(kpis: $0) }
        // With no academy in the earlier drop nothing is in common, and the caller has
        // nothing to compare: a store of one drop is not counted for nothing.
        let compares = !index.academies(in: earlier).isEmpty && comparing?.isEmpty != true
        var count = LikeForLikeCount()
        forEachAcademy(in: drop, and: earlier) { urn, inLater, inEarlier in
            let later = inLater ? summableFigures(of: urn, in: drop, keys: keys) : nil
            if let later { now.add(later, keys: keys, eachSummed: eachSummed) }
            guard compares else { return }
            var before: [Figure] = []
            if inEarlier {
                before =
                    wanted.map { figures(of: urn, in: earlier, wanted: $0) }
                    ?? summableFigures(of: urn, in: earlier, keys: keys)
            }
            then.add(before, keys: keys) { _, _ in }
            let compared = wanted.map { wanted in later?.filter { wanted.names($0.kpi) } } ?? later
            count.add(later: compared, earlier: before, keys: keys, hides: hides)
        }
        return TrustYears(
            now: now.figures, then: then.figures, comparisons: compares ? count.comparisons() : [:])
    }

    /// Calls `body` with each academy with records in `drop` or `earlier`, in URN order,
    /// and whether it has records in each.
    func forEachAcademy(
        in drop: DataDrop, and earlier: DataDrop,
        _ body: (_ urn: URN, _ inLater: Bool, _ inEarlier: Bool) -> Void
    ) {
        let later = index.academies(in: drop)
        let before = index.academies(in: earlier)
        var next = (later: 0, before: 0)
        while next.later < later.count || next.before < before.count {
            let urn =
                next.before == before.count
                    || (next.later < later.count && later[next.later] <= before[next.before])
                ? later[next.later] : before[next.before]
            let inLater = next.later < later.count && later[next.later] == urn
            let inEarlier = next.before < before.count && before[next.before] == urn
            if inLater { next.later += 1 }
            if inEarlier { next.before += 1 }
            body(urn, inLater, inEarlier)
        }
    }
}

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
        // One academy at a time, both drops' figures side by side (`LikeForLikeCount`).
        var count = LikeForLikeCount()
        forEachAcademy(in: drop, and: earlier) { urn, inLater, inEarlier in
            count.add(
                later: inLater ? summableFigures(of: urn, in: drop, keys: keys) : nil,
                earlier: inEarlier ? summableFigures(of: urn, in: earlier, keys: keys) : [], keys: keys,
                hides: hides)
        }
        return count.comparisons()
    }

    /// An academy's figures for a like-for-like sum: with `keys`, only those (the
    /// dashboard's overview asks for a few in every drop of its trend), made from only the
    /// rows that give them.
    func summableFigures(of urn: URN, in drop: DataDrop, keys: Set<Int>?) -> [Figure] {
        guard let keys else { return figures(of: urn, in: drop) }
        return figures(of: urn, in: drop, keys: keys)
    }
}

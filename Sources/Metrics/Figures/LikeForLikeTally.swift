/// What `FigureCalculator.trustComparisons` gathers for one trust figure: the sums over
/// the academies with the figure in both drops, and how many academies have it and how
/// many of their figures are hidden, among those in both drops and the rest, on each side.
struct LikeForLikeTally {
    /// The figure's small key.
    let key: Int
    /// The sums over the academies with the figure in both drops; nil until one has.
    var pair: FigureCalculator.LikeForLike?
    /// Academies with the figure.
    var academies = (now: 0, then: 0)
    /// Hidden figures among the academies with the figure in both drops.
    var hiddenInBoth = (now: 0, then: 0)
    /// Hidden figures among the other academies.
    var hiddenElse = (now: 0, then: 0)

    /// No academy counted yet for the figure `key`.
    init(key: Int) {
        self.key = key
    }

    /// The earlier drop's side of a tally, counted for every key and kept only for keys
    /// the later drop has.
    struct Then {
        /// The figure's small key.
        let key: Int
        var academies = 0
        var hiddenInBoth = 0
        var hiddenElse = 0
    }

    /// How the figure compares: over the same academies, like for like, withheld where a
    /// part holds exactly one hidden figure, or with nothing in common.
    var comparison: FigureCalculator.TrustComparison {
        guard let pair else { return .nothingInCommon }
        if pair.now.academies == academies.now, pair.then.academies == academies.then {
            return .sameAcademies
        }
        let counts = [hiddenInBoth.now, hiddenInBoth.then, hiddenElse.now, hiddenElse.then]
        return counts.contains(1) ? .withheld : .likeForLike(pair)
    }
}

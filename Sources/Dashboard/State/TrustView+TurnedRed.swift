import Metrics

extension TrustView {
    /// The overview header's count of figures turned red in `drop`, by academy
    /// (`TurnedRedCount`), counted the first time it is asked for. It rates every figure of
    /// `drop` and only the red ones of the one drop the header compares it with, not both
    /// earlier drops whole as the changes page's list does (`changes(_:)`). When counts are
    /// made in the background, this waits for the count. A view of the overview's figures
    /// alone (`holdsOverviewFiguresOnly`) gives the count made from whole drops
    /// (`countedAhead`) once there is one, as `turnedRedCountIfCounted` does.
    public func turnedRedCount(_ drop: DataDrop) -> TurnedRedCount {
        if holdsOverviewFiguresOnly, let counted = countedAhead?.count(of: drop) { return counted }
        // Counted on the background queue either way, and waited for here.
        return background.turnedRed(drop, wait: true) { countingTurnedRed(drop) } ?? countingTurnedRed(drop)()
    }

    /// `turnedRedCount(drop)` if it is known; nil while it is counted in the background
    /// (`countsChangesInBackgroundFrom`), starting the count if it had not started. A view
    /// of the overview's figures alone (`holdsOverviewFiguresOnly`), whose own count would
    /// miss the other figures, never counts: it gives the count made from whole drops
    /// elsewhere (`countedAhead`) once there is one, and nil until then, never a wrong
    /// number.
    public func turnedRedCountIfCounted(_ drop: DataDrop) -> TurnedRedCount? {
        guard !holdsOverviewFiguresOnly else { return countedAhead?.count(of: drop) }
        guard let from = countsChangesInBackgroundFrom, rated(drop).academiesWithData.count >= from else {
            return turnedRedCount(drop)
        }
        return background.turnedRed(drop, wait: false) { countingTurnedRed(drop) }
    }

    /// The work of counting `drop`'s figures turned red, ready to run on any thread. Both
    /// drops are rated as the pages rate them (`rated(_:)`), each with its own similar
    /// schools and small-group protection, kept by the view: the earlier one is a drop of
    /// the overview's trend, whose rater is made for the first frame anyway.
    private func countingTurnedRed(_ drop: DataDrop) -> @Sendable () -> TurnedRedCount {
        let current = rated(drop).rater
        let comparison = headerComparison(drop)
        let earlierDrop = comparison.earlierDrop(than: drop)
        let earlier = drops.contains(earlierDrop) ? rated(earlierDrop).rater : nil
        return { TurnedRedCount(current, comparedWith: earlier, as: comparison) }
    }
}

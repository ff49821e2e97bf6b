import Metrics

/// What the changes page lists for a state: the changes of the drop shown against one
/// earlier drop, after the overview's filters and the page's own, each attendance figure
/// once, under a heading per band.
///
/// The overview's "turned red since" count is made by the same rules
/// (`turnedRedForHeader`), so the page's first heading always says the header's number.
public struct ChangesList {
    /// One row of the list.
    public enum Line: Equatable, Sendable {
        /// A band's heading: how many changes it lists and how many of those are beyond
        /// chance.
        case heading(RatingChange.Band, count: Int, beyondChance: Int)
        /// A change, by its index in `changes`.
        case change(Int)
        /// The blank row between bands.
        case gap
    }

    /// Every change of the drop, both comparisons, unfiltered.
    public let all: RatingChanges
    /// The comparison listed.
    public let comparison: RatingChange.Comparison
    /// The changes listed, in listing order (`RatingChanges` order: band, the test's
    /// verdict, size).
    public let changes: [RatingChange]
    /// The rows of the list.
    public let lines: [Line]

    /// The list for `state`, or nil when the trust has no drops.
    public init?(_ state: DashboardState, view: TrustView) {
        guard let drop = state.drop(view) else { return nil }
        let all = view.changes(drop)
        let page = state.changesPage ?? ChangesPageState()
        let comparison = page.comparison ?? all.headerComparison
        let shown = Self.shownAcademies(state, view: view)
        self.all = all
        self.comparison = comparison
        changes = all.changes.filter { change in
            change.comparedWith == comparison && Self.isListed(change, shown: shown) && page.admits(change)
        }
        var lines: [Line] = []
        var start = 0
        while start < changes.count {
            let band = changes[start].band
            var end = start
            var beyond = 0
            while end < changes.count, changes[end].band == band {
                if changes[end].significance.verdict == .beyondChance { beyond += 1 }
                end += 1
            }
            if !lines.isEmpty { lines.append(.gap) }
            lines.append(.heading(band, count: end - start, beyondChance: beyond))
            lines += (start..<end).map(Line.change)
            start = end
        }
        self.lines = lines
    }

    /// The earlier drop compared with.
    public var earlierDrop: DataDrop { comparison.earlierDrop(than: all.drop) }

    /// The list row of change `index`, or nil.
    public func line(ofChange index: Int) -> Int? {
        lines.firstIndex(of: .change(index))
    }

    /// How many figures turned red against the header's comparison among the academies
    /// the overview shows (all of them without a filter or search) and the trust: the
    /// overview header's count, and the count under the page's first heading when it
    /// opens. Counted by academy without the list (`TurnedRedCount`), which is equal to
    /// the list's count by construction.
    public static func turnedRedForHeader(_ state: DashboardState, view: TrustView) -> Int {
        guard let drop = state.drop(view) else { return 0 }
        return view.turnedRedCount(drop).count(among: shownAcademies(state, view: view))
    }

    /// The academies the overview's filters and search leave, or nil for all of them.
    static func shownAcademies(_ state: DashboardState, view: TrustView) -> Set<URN>? {
        guard state.overview.hasFilters else { return nil }
        return Set(state.visibleRows(view).compactMap(\.urn))
    }

    /// True when `change` is listed with the overview's filters leaving `shown` (nil: all):
    /// an academy shown, or the trust (whose row is always shown), and not an absence
    /// line that mirrors an attendance one.
    static func isListed(_ change: RatingChange, shown: Set<URN>?) -> Bool {
        guard !change.mirrorsAttendance else { return false }
        guard let shown, let urn = change.owner.urn else { return true }
        return shown.contains(urn)
    }
}

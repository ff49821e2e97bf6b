import Metrics

/// The changes page's own choices: which earlier drop it compares with, its filters by
/// academy, KPI and pupil group, and which change is selected.
///
/// The overview's phase, SIL and search filters are the dashboard's and apply here too,
/// so the page opens on exactly the figures the overview's header counted.
public struct ChangesPageState: Hashable, Sendable {
    /// The comparison chosen with `c`; nil for the one the overview's header counts
    /// (`RatingChanges.headerComparison` of the drop shown).
    public var comparison: RatingChange.Comparison?
    /// Only this academy's changes (or the trust's), when set.
    public var owner: Figure.Owner?
    /// Only this KPI's changes, when set.
    public var kpi: KPI?
    /// Only this pupil group's changes, when set.
    public var group: PupilGroup?
    /// The selected change, as an index into the changes listed.
    public var selected = 0
    /// The first list row shown (headings and gaps are rows too).
    public var scroll = 0

    /// The page as `c` on the overview opens it: the header's comparison, no filters of
    /// its own, the first change selected.
    public init() {}

    /// True when the page has a filter of its own.
    public var hasFilters: Bool { owner != nil || kpi != nil || group != nil }

    /// Clears the page's own filters (not the overview's).
    public mutating func clearFilters() {
        owner = nil
        kpi = nil
        group = nil
    }

    /// True when `change` passes the page's own filters.
    public func admits(_ change: RatingChange) -> Bool {
        if let owner, change.owner != owner { return false }
        if let kpi, change.kpi != kpi { return false }
        if let group, change.group != group { return false }
        return true
    }
}

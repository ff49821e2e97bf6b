import Metrics

/// The overview's own choices: the selected row, scroll, sort, and the filters and search
/// (which the changes page follows too). Kept while other pages are open, so that Esc
/// comes back to the same selection and filters.
public struct OverviewPage: Hashable, Sendable {
    /// The selected academy.
    public var selected: URN?
    /// True when the trust row is selected (↑ from the first academy).
    public var trustSelected = false
    /// Which of the selected row's figures the explanation shows: attendance, persistent
    /// absence, severe absence or the headline (Tab moves along).
    public var explainedColumn = 0
    /// The first academy row shown.
    public var scroll = 0
    /// The sort column.
    public var sort: OverviewColumn = .worst
    /// True when the sort is reversed.
    public var reversed = false
    /// Only academies of this phase, when set.
    public var phaseFilter: Phase?
    /// Only academies of this school improvement lead, when set.
    public var silFilter: String?
    /// The search text.
    public var search = ""
    /// True while typing a search.
    public var searching = false

    /// The overview with nothing selected, sorted worst first, without filters.
    public init() {}

    /// True when a phase, SIL or search filter is set.
    public var hasFilters: Bool { phaseFilter != nil || silFilter != nil || !search.isEmpty }

    /// True when an academy row passes the phase, SIL and search filters; `needle` is the
    /// search text folded (`SearchText.fold`).
    func admits(_ row: OverviewRow, needle: String) -> Bool {
        guard let academy = row.academy else { return false }
        if let phaseFilter, academy.phase != phaseFilter { return false }
        if let silFilter, academy.sil != silFilter { return false }
        if !needle.isEmpty, !row.searchName.contains(needle), !academy.urn.description.hasPrefix(needle) {
            return false
        }
        return true
    }
}

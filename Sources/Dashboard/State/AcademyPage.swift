import Metrics

/// The academy page's own choices: which academy, the focused panel and figure, zoom, the
/// attainment panel's year group, and the changes page to go back to when the academy was
/// opened from there.
public struct AcademyPage: Hashable, Sendable {
    /// The academy shown.
    public var urn: URN
    /// The focused panel.
    public var panel: Panel = .attainment
    /// The focused row within the panel.
    public var panelRow = 0
    /// True when the focused panel fills the screen.
    public var zoomed = false
    /// The year group of the attainment panel; nil for the phase's default.
    public var yearGroup: YearGroup?
    /// The changes page the academy was opened from, as it was, so that Esc goes back to
    /// it; nil when it was opened from the overview.
    public var openedFrom: ChangesPageState?

    /// The page of `urn` as it opens: the attainment panel's first figure, not zoomed,
    /// the phase's default year group.
    public init(urn: URN) { self.urn = urn }
}

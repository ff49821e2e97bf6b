/// The trust page's own choices: the focused panel and figure, and zoom. Opening the page
/// starts at the attainment panel's first figure.
public struct TrustPage: Hashable, Sendable {
    /// The focused panel.
    public var panel: Panel = .attainment
    /// The focused row within the panel.
    public var panelRow = 0
    /// True when the focused panel fills the screen.
    public var zoomed = false
    /// The changes page the trust's page was opened from, as it was, so that Esc goes
    /// back to it; nil when it was opened from the overview.
    public var openedFrom: ChangesPageState?

    /// The page as it opens: the attainment panel's first figure, not zoomed.
    public init() {}
}

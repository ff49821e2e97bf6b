/// Where the changes page's list is on the screen: used by `ChangesScreen`, which draws
/// it, and by `DashboardState`, which pages and scrolls by it, so that the two cannot
/// disagree.
public struct ChangesLayout: Hashable, Sendable {
    /// Rows of the page that are not list rows: the title, the column headings, the rule
    /// below them and the rule at the bottom.
    public static let chromeRows = 4

    /// The screen line of the list's first row: below the dashboard's header, the page's
    /// title, its column headings and their rule.
    public static let firstListLine = 4

    /// The screen's height.
    public var height: Int

    /// The layout for a screen `height` rows tall.
    public init(height: Int) { self.height = height }

    /// How many list rows fit on a page as tall as the screen, less the dashboard's
    /// header and footer: at least one.
    public var listRows: Int { max(1, height - 2 - Self.chromeRows) }
}

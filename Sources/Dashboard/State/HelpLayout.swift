/// How the help box sits on the screen: used by `HelpOverlay`, which draws it, and by
/// `DashboardState`, which scrolls it, so that the two cannot disagree. The box is as
/// tall as the help, up to the screen less a line above and below.
public struct HelpLayout: Hashable, Sendable {
    /// The screen's height.
    public var height: Int
    /// How many lines the help has, wrapped to the box.
    public var lineCount: Int

    /// The layout of a help of `lineCount` lines on a screen `height` rows tall.
    public init(height: Int, lineCount: Int) {
        self.height = height
        self.lineCount = lineCount
    }

    /// The box's height, its border included: at least 3.
    public var boxHeight: Int { min(max(3, height - 2), lineCount + 2) }
    /// How many lines the box shows at once: at least one.
    public var rowsShown: Int { max(1, boxHeight - 2) }
    /// The furthest the help scrolls: its first line shown when its last is at the bottom.
    public var lastScroll: Int { max(0, lineCount - rowsShown) }
}

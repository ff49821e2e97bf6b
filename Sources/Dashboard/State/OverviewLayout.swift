/// Where the overview's rows are on the screen: used by `OverviewScreen`, which draws
/// them there, and by `DashboardState`, which pages by them and maps a click to a row, so
/// that the two cannot disagree.
public struct OverviewLayout: Hashable, Sendable {
    /// Lines above the academy rows: the header, the counts, a rule, the headings, a rule
    /// and the trust row.
    public static let headerLines = 6
    /// Lines below the academy rows: the bottom rule and the footer.
    public static let footerLines = 2
    /// Lines that are not academy rows.
    public static let chromeLines = headerLines + footerLines

    /// The screen's height.
    public var height: Int

    /// The layout for a screen `height` rows tall.
    public init(height: Int) { self.height = height }

    /// The line of the trust row.
    public var trustLine: Int { Self.headerLines - 1 }
    /// The line of the first academy row shown.
    public var firstRowLine: Int { Self.headerLines }
    /// How many academy rows fit: at least one.
    public var rowsShown: Int { max(1, height - Self.chromeLines) }

    /// The index, among the rows after filters and sort, of the academy row drawn on
    /// line `y` when the list starts at row `scroll`; nil for a line that is not an
    /// academy row. The caller checks that the index is a row.
    public func row(atLine y: Int, scroll: Int) -> Int? {
        let offset = y - firstRowLine
        guard offset >= 0, offset < rowsShown else { return nil }
        return scroll + offset
    }
}

import Dashboard

/// Which theme the dashboard is drawn in, from what was asked for and what the terminal
/// can show.
enum ThemeChoice {
    /// Checks `name` before the terminal is touched, so a mistake is reported on a normal
    /// screen. Returns the theme, or the default `dark` when `name` is nil.
    static func requested(_ name: String?) throws -> Theme {
        guard let name else { return Theme.dark }
        guard let theme = Theme.named(name) else { throw TerminalError.unknownTheme(name) }
        return theme
    }

    /// The theme to draw in: `mono` when `NO_COLOR` is set (to any value, even empty),
    /// when the terminal has no colours, or when monochrome is forced; else `requested`.
    static func effective(requested: Theme, noColor: Bool, terminalHasColours: Bool, forceMono: Bool)
        -> Theme
    {
        if forceMono || noColor || !terminalHasColours { return Theme.mono }
        return requested
    }
}

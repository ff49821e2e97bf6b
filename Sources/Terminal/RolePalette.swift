import Dashboard

/// How each role is drawn on this terminal: a colour pair and attributes, worked out from
/// a theme and how many colours the terminal has. Pure; `TerminalSession` hands the
/// result to curses.
struct RolePalette: Equatable {
    /// The look of one role on this terminal.
    struct Entry: Equatable {
        /// The curses colour pair, 1-based; 0 for the terminal's default colours.
        var pair: Int16
        /// Foreground colour number for the pair, or -1 for the terminal's default.
        var foreground: Int16
        /// Background colour number for the pair, or -1 for the terminal's default.
        var background: Int16
        /// Bold.
        var bold: Bool
        /// Dim.
        var dim: Bool
        /// Reverse video.
        var reverse: Bool
        /// Underline.
        var underline: Bool
    }

    /// One entry per role, by `Role.rawValue`.
    let entries: [Entry]

    /// The palette for `theme` on a terminal with `colours` colours and room for
    /// `colourPairs` colour pairs. Uses the theme's 256-colour numbers when the terminal
    /// has at least 256 colours, its 8-colour numbers when it has at least 8, and no
    /// colour at all for a monochrome theme or a terminal with too few colours or pairs.
    init(theme: Theme, colours: Int, colourPairs: Int) {
        let useColour = !theme.monochrome && colours >= 8 && colourPairs > Role.allCases.count
        let wide = colours >= 256
        entries = Role.allCases.map { role in
            let look = theme.look(role)
            var entry = Entry(
                pair: 0, foreground: -1, background: -1, bold: look.bold, dim: look.dim,
                reverse: look.reverse,
                underline: look.underline)
            if useColour {
                let foreground = wide ? look.foreground : look.foreground8
                let background = wide ? look.background : look.background8
                entry.foreground = Self.colourNumber(foreground, below: colours)
                entry.background = Self.colourNumber(background, below: colours)
                if entry.foreground >= 0 || entry.background >= 0 {
                    entry.pair = Int16(role.rawValue + 1)
                }
            }
            return entry
        }
    }

    /// The entry for `role`.
    func entry(_ role: Role) -> Entry { entries[role.rawValue] }

    private static func colourNumber(_ colour: Int?, below colours: Int) -> Int16 {
        guard let colour, colour >= 0, colour < colours, colour <= Int(Int16.max) else { return -1 }
        return Int16(colour)
    }
}

/// How roles look: a colour (0–255, or one of the 8 basic colours) and attributes.
/// Themes are data; the terminal backend applies whichever is chosen.
public struct Theme: Hashable, Sendable {
    /// The look of one role.
    public struct Look: Hashable, Sendable {
        /// Foreground colour in the 256-colour palette, or nil for the terminal's default.
        public var foreground: Int?
        /// Background colour, or nil for the default.
        public var background: Int?
        /// The nearest of the 8 basic colours, for terminals with only 8.
        public var foreground8: Int?
        /// Background for 8-colour terminals.
        public var background8: Int?
        /// Bold.
        public var bold = false
        /// Dim.
        public var dim = false
        /// Reverse video.
        public var reverse = false
        /// Underline.
        public var underline = false
    }

    /// The theme's name, as `--theme` takes it.
    public var name: String
    /// The look of each role, by `Role.rawValue`.
    public var looks: [Look]
    /// True when the theme uses no colour at all.
    public var monochrome: Bool

    /// The look of a role.
    public func look(_ role: Role) -> Look { looks[role.rawValue] }

    /// The theme names `--theme` accepts.
    public static let names = ["dark", "light", "high-contrast", "colour-blind", "mono"]

    /// The theme called `name`, or nil.
    public static func named(_ name: String) -> Theme? {
        switch name.lowercased() {
        case "dark": dark
        case "light": light
        case "high-contrast", "highcontrast": highContrast
        case "colour-blind", "color-blind", "colourblind": colourBlind
        case "mono", "monochrome": mono
        default: nil
        }
    }

    private static func make(_ name: String, monochrome: Bool = false, _ entries: [Role: Look]) -> Theme {
        let selected = entries[.selected] ?? Look()
        let looks = Role.allCases.map { role in
            guard let base = role.unselectedForm else { return entries[role] ?? Look() }
            return selectedLook(entries[base] ?? Look(), selection: selected)
        }
        return Theme(name: name, looks: looks, monochrome: monochrome)
    }

    /// A rating's or change's look inside the selected row: its own colour and
    /// attributes on the selection's background, and reversed where the selection is
    /// (mono and high-contrast), so the selection runs unbroken across the row.
    static func selectedLook(_ base: Look, selection: Look) -> Look {
        var look = base
        look.background = selection.background ?? base.background
        look.background8 = selection.background8 ?? base.background8
        look.bold = base.bold || selection.bold
        look.reverse = base.reverse || selection.reverse
        look.underline = base.underline || selection.underline
        return look
    }

    private static func colour(_ c256: Int, _ c8: Int, bold: Bool = false, dim: Bool = false) -> Look {
        Look(foreground: c256, foreground8: c8, bold: bold, dim: dim)
    }

    // Basic colours: 0 black, 1 red, 2 green, 3 yellow, 4 blue, 5 magenta, 6 cyan, 7 white.

    /// Light text on a dark terminal.
    public static let dark = make(
        "dark",
        [
            .title: Look(bold: true), .heading: colour(110, 6, bold: true), .muted: colour(244, 7, dim: true),
            .border: colour(240, 7, dim: true), .selected: Look(background: 237, background8: 4, bold: true),
            .focus: colour(117, 6, bold: true), .green: colour(78, 2), .amber: colour(214, 3),
            .red: colour(203, 1, bold: true),
            .unrated: colour(244, 7), .suppressed: colour(141, 5), .better: colour(78, 2),
            .worse: colour(203, 1),
            .key: colour(117, 6, bold: true), .notice: colour(214, 3, bold: true),
        ])

    /// Dark text on a light terminal.
    public static let light = make(
        "light",
        [
            .title: Look(bold: true), .heading: colour(24, 4, bold: true), .muted: colour(243, 0),
            .border: colour(248, 0), .selected: Look(background: 254, background8: 6, bold: true),
            .focus: colour(25, 4, bold: true), .green: colour(28, 2, bold: true),
            .amber: colour(130, 3, bold: true),
            .red: colour(160, 1, bold: true), .unrated: colour(243, 0), .suppressed: colour(90, 5),
            .better: colour(28, 2), .worse: colour(160, 1), .key: colour(25, 4, bold: true),
            .notice: colour(130, 3, bold: true),
        ])

    /// For projectors: bright, bold figures; no dim grey and no blue on black.
    public static let highContrast = make(
        "high-contrast",
        [
            .text: colour(15, 7, bold: true), .title: colour(15, 7, bold: true),
            .heading: colour(15, 7, bold: true),
            .muted: colour(252, 7), .border: colour(252, 7), .selected: Look(reverse: true),
            .focus: colour(226, 3, bold: true), .green: colour(46, 2, bold: true),
            .amber: colour(226, 3, bold: true),
            .red: colour(196, 1, bold: true), .unrated: colour(252, 7, bold: true),
            .suppressed: colour(213, 5, bold: true), .better: colour(46, 2, bold: true),
            .worse: colour(196, 1, bold: true), .key: colour(226, 3, bold: true),
            .notice: colour(226, 3, bold: true),
        ])

    /// Blue, orange and vermilion-on-dark of clearly different brightness, told apart
    /// without red–green vision.
    public static let colourBlind = make(
        "colour-blind",
        [
            .title: Look(bold: true), .heading: colour(153, 6, bold: true), .muted: colour(246, 7),
            .border: colour(242, 7), .selected: Look(background: 237, background8: 4, bold: true),
            .focus: colour(153, 6, bold: true), .green: colour(39, 4, bold: true), .amber: colour(214, 3),
            .red: colour(202, 1, bold: true), .unrated: colour(246, 7), .suppressed: colour(189, 5),
            .better: colour(39, 4), .worse: colour(202, 1), .key: colour(153, 6, bold: true),
            .notice: colour(214, 3, bold: true),
        ])

    /// Bold, dim, underline and reverse only. Reverse video is kept for the selected row
    /// alone, so that a red figure (bold and underlined) never looks like a selection.
    public static let mono = make(
        "mono", monochrome: true,
        [
            .title: Look(bold: true), .heading: Look(bold: true), .muted: Look(dim: true),
            .border: Look(dim: true),
            .selected: Look(reverse: true), .focus: Look(bold: true), .green: Look(),
            .amber: Look(bold: true),
            .red: Look(bold: true, underline: true), .unrated: Look(dim: true), .suppressed: Look(dim: true),
            .better: Look(), .worse: Look(bold: true), .key: Look(bold: true), .notice: Look(bold: true),
        ])
}

/// The keys of each screen: the one table the footer and the help overlay are both
/// generated from, and that decodes key presses into commands.
public enum KeyTable {
    /// One binding: the keys, how the footer shows them, what they do, the command.
    public struct Binding: Sendable {
        /// The keys that trigger it.
        public let keys: [Key]
        /// How the keys are shown: "↑↓", "Enter", "[ ]".
        public let label: String
        /// The ASCII form of the label.
        public let asciiLabel: String
        /// A short description for the footer: "move".
        public let short: String
        /// A fuller description for help.
        public let long: String
        /// The command, or nil for bindings handled as a pair (like `[ ]`) below.
        public let command: Command
        /// True when the footer shows it.
        public let inFooter: Bool
        /// True when help lists it: false for the second half of a pair such as `[ ]`,
        /// which the first half's line already describes.
        public let inHelp: Bool
    }

    /// The screens with their own keys.
    public enum Context: Sendable {
        case overview, academy, overlay, search, changes, trust
        /// The help overlay, over any page or the slideshow: it scrolls.
        case help
    }

    private static func bind(
        _ keys: [Key], _ label: String, _ ascii: String? = nil, _ short: String, _ long: String,
        _ command: Command,
        footer: Bool = true, help: Bool = true
    ) -> Binding {
        Binding(
            keys: keys, label: label, asciiLabel: ascii ?? label, short: short, long: long, command: command,
            inFooter: footer, inHelp: help)
    }

    private static func chars(_ text: String) -> [Key] { text.map { Key.character($0) } }

    static let moving: [Binding] = [
        bind([.up, .character("k")], "↑↓", "up/dn", "move", "move up and down (also k and j)", .up),
        bind([.down, .character("j")], "↓", "dn", "down", "move down", .down, footer: false, help: false),
        bind([.pageUp], "PgUp", nil, "page up", "a page up", .pageUp, footer: false),
        bind([.pageDown], "PgDn", nil, "page down", "a page down", .pageDown, footer: false),
        bind([.home, .character("g")], "Home g", nil, "first", "to the first row", .first, footer: false),
        bind([.end, .character("G")], "End G", nil, "last", "to the last row", .last, footer: false),
    ]

    /// The keys of a page of panels (an academy's or the trust's): panel, zoom, figure.
    static let panels: [Binding] = [
        bind([.tab], "Tab", nil, "panel", "move to the next panel", .nextPanel),
        bind([.backTab], "S-Tab", nil, "back", "move to the previous panel", .previousPanel, footer: false),
        bind(chars("z"), "z", nil, "zoom", "give the panel the whole screen", .zoom),
        bind([.up, .character("k")], "↑↓", "up/dn", "figure", "move between figures in the panel", .up),
        bind(
            [.down, .character("j")], "↓", "dn", "down", "the next figure", .down, footer: false, help: false),
    ]

    static let everywhere: [Binding] = [
        bind(chars("["), "[ ]", nil, "drop", "the previous and next drop", .previousDrop),
        bind(chars("]"), "]", nil, "next drop", "the next drop", .nextDrop, footer: false, help: false),
        bind(chars("?"), "?", nil, "help", "this help", .help),
        bind(chars("q"), "q", nil, "quit", "quit trustboard", .quit),
    ]

    /// The bindings of a context, in footer order.
    public static func bindings(_ context: Context) -> [Binding] {
        switch context {
        case .overview:
            return [moving[0]] + moving.dropFirst() + [
                bind(
                    [.enter, .right, .character("l")], "⏎", "Enter", "open",
                    "open the academy, or the trust's page", .open),
                bind(
                    chars("e"), "e", nil, "explain", "why the selected row's figures have their ratings",
                    .explain, footer: false),
                bind(chars("s"), "s", nil, "sort", "sort by the next column (worst first)", .sortNext),
                bind(chars("r"), "r", nil, "reverse", "reverse the sort", .sortReverse),
                bind(chars("f"), "f", nil, "phase", "filter by phase", .cyclePhase),
                bind(chars("i"), "i", nil, "SIL", "filter by school improvement lead", .cycleSIL),
                bind(chars("/"), "/", nil, "search", "search by name or URN", .startSearch),
                bind(
                    chars("c"), "c", nil, "changes", "what changed since the last drop and last year",
                    .showChanges),
                bind(
                    chars("p"), "p", nil, "present", "present to a meeting: one academy per screen", .present),
                bind([.escape], "Esc", nil, "clear", "clear the search and filters", .back, footer: false),
            ] + everywhere
        case .academy:
            return panels + [
                bind(chars("p"), "p", nil, "group", "cycle the pupil group", .cycleGroup),
                bind(
                    chars("y"), "y", nil, "year",
                    "the next year group: attainment's table, or the year-group line of attendance, absence or inclusion",
                    .cycleYear),
                bind(
                    [.character("e"), .enter], "e", nil, "explain", "why the focused figure has its rating",
                    .explain),
                bind(
                    [.left, .character("h")], "←→", "</>", "academy", "the previous and next academy",
                    .previousAcademy),
                bind(
                    [.right, .character("l")], "→", ">", "next", "the next academy", .nextAcademy,
                    footer: false, help: false),
                bind([.escape, .backspace], "Esc", nil, "back", "back to the overview", .back),
            ] + everywhere
        case .changes:
            return [moving[0]] + moving.dropFirst() + [
                bind(
                    [.enter, .right, .character("l")], "⏎", "Enter", "open",
                    "open the change's academy with the figure focused", .open),
                bind(
                    chars("c"), "c", nil, "against",
                    "compare with the previous drop or the same term last year", .switchComparison),
                bind(
                    chars("a"), "a", nil, "academy", "only the selected change's academy (again: all)",
                    .filterAcademy),
                bind(chars("m"), "m", nil, "KPI", "only the selected change's KPI (again: all)", .filterKPI),
                bind(
                    chars("p"), "p", nil, "group", "only the selected change's pupil group (again: all)",
                    .cycleGroup),
                bind(chars("/"), "/", nil, "search", "search academies by name or URN", .startSearch),
                bind(
                    chars("f"), "f", nil, "phase", "filter by phase, as on the overview", .cyclePhase,
                    footer: false),
                bind(
                    chars("i"), "i", nil, "SIL", "filter by school improvement lead, as on the overview",
                    .cycleSIL,
                    footer: false),
                bind(
                    [.escape, .backspace], "Esc", nil, "back",
                    "clear this page's filters, then back to the overview", .back),
            ] + everywhere
        case .trust:
            return panels + [
                bind(
                    [.home, .character("g")], "Home g", nil, "first", "to the panel's first figure", .first,
                    footer: false),
                bind(
                    [.end, .character("G")], "End G", nil, "last", "to the panel's last figure", .last,
                    footer: false),
                bind(
                    [.character("e"), .enter], "e", nil, "explain",
                    "why the focused trust figure has its rating",
                    .explain),
                bind([.escape, .backspace], "Esc", nil, "back", "back to the overview", .back),
            ] + everywhere
        case .overlay:
            return [
                bind(
                    [.escape, .enter, .character("e"), .character("?")], "Esc", nil, "close", "close this",
                    .back),
                bind(
                    [.tab, .right, .character("l")], "Tab", nil, "next figure",
                    "on the overview: explain the row's next figure", .nextPanel, footer: false),
                bind(
                    [.backTab, .left, .character("h")], "S-Tab", nil, "previous figure",
                    "on the overview: explain the row's previous figure", .previousPanel, footer: false,
                    help: false),
                bind(chars("q"), "q", nil, "quit", "quit trustboard", .quit),
            ]
        case .help:
            return [
                bind([.up, .character("k")], "↑↓", "up/dn", "scroll", "scroll the help", .up),
                bind(
                    [.down, .character("j")], "↓", "dn", "down", "scroll down", .down, footer: false,
                    help: false),
                bind([.pageUp], "PgUp", nil, "page up", "a page up", .pageUp, footer: false),
                bind(
                    [.pageDown, .character(" ")], "PgDn", nil, "page down", "a page down", .pageDown,
                    footer: false),
                bind([.home, .character("g")], "Home g", nil, "top", "to the top", .first, footer: false),
                bind([.end, .character("G")], "End G", nil, "end", "to the end", .last, footer: false),
                bind([.escape, .character("?"), .enter], "Esc", nil, "close", "close the help", .back),
                bind(chars("q"), "q", nil, "quit", "quit trustboard", .quit),
            ]
        case .search:
            return [
                bind([.enter], "⏎", "Enter", "done", "keep the search", .searchDone),
                bind([.escape], "Esc", nil, "cancel", "clear the search", .back),
                bind([.backspace], "⌫", "Bksp", "erase", "erase a letter", .searchErase, footer: false),
            ]
        }
    }

    /// The command for a mouse event: the wheel moves as ↑ and ↓ do wherever they move
    /// something; a click selects or opens a row of the overview or of the changes page,
    /// or a figure of an academy's page, and does nothing elsewhere yet.
    static func command(for mouse: MouseEvent, in context: Context) -> Command? {
        switch mouse.action {
        case .wheelUp: return command(for: .up, in: context)
        case .wheelDown: return command(for: .down, in: context)
        case .click, .doubleClick:
            guard context == .overview || context == .academy || context == .changes else { return nil }
            return .click(x: mouse.x, y: mouse.y, double: mouse.action == .doubleClick)
        }
    }

    /// The command for `key` in `context`, if it has one.
    public static func command(for key: Key, in context: Context) -> Command? {
        if case .resize(let width, let height) = key { return .resize(width: width, height: height) }
        if key == .interrupt { return .quit }
        if case .mouse(let mouse) = key { return command(for: mouse, in: context) }
        if context == .search, case .character(let character) = key { return .searchType(character) }
        return bindings(context).first { $0.keys.contains(key) }?.command
    }
}

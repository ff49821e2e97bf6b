import CNCurses
import Dashboard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The dashboard's hold on the terminal, through ncurses: it starts curses, draws frames,
/// reads keys, and gives the terminal back as it found it. It is the only type that
/// talks to ncurses.
///
/// Use it from the main thread only. A typical loop:
///
/// ```swift
/// let terminal = try TerminalSession(themeName: "dark")
/// defer { terminal.close() }
/// while !terminal.stopRequested {
///     terminal.draw(render(state, terminal.size))
///     if let key = terminal.readKey(timeoutMilliseconds: 250) { … }
/// }
/// ```
///
/// The terminal is restored by `close()`; by an exit hook if the program exits without
/// it; and, on a crash (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, or SIGQUIT
/// from Ctrl-backslash), by a signal handler that puts back the saved terminal settings, leaves
/// the alternate screen and shows the cursor before the crash goes on. SIGINT, SIGTERM
/// and SIGHUP only set `stopRequested`, so the loop ends normally; a second one ends the
/// program at once.
public final class TerminalSession {
    /// The theme the dashboard is drawn in: the one asked for, or `mono` when `NO_COLOR`
    /// is set or the terminal has no colours.
    public private(set) var theme: Theme
    /// False when the session must stay in `mono` whatever theme is asked for later.
    private var canColour = false
    /// How many colours the terminal has (0 when it has none, usually 8 or 256).
    public let colours: Int

    private var window: UnsafeMutablePointer<WINDOW>?
    private var screen: OpaquePointer?
    /// Attributes and colour pair for each role, by `Role.rawValue`: plain, then emphasised.
    private var looks: [(plain: attr_t, emphasised: attr_t, pair: Int16)] = []

    /// Takes over the terminal: curses in cbreak mode without echo, keypad on, cursor
    /// hidden, a 25 ms Escape delay, and one colour pair per role.
    ///
    /// - Parameters:
    ///   - themeName: A name from `Theme.names`, or nil for `dark`.
    ///   - forceMono: Draws in `mono` whatever the terminal can do.
    /// - Throws: `TerminalError` when the theme is unknown, standard input or output is
    ///   not a terminal, or curses cannot start on this terminal type. The terminal is
    ///   left untouched then.
    public init(themeName: String? = nil, forceMono: Bool = false) throws {
        let requested = try ThemeChoice.requested(themeName)
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        _ = setlocale(LC_ALL, "")

        // The handlers go in before curses starts: the saved settings must be the
        // shell's, and ncurses leaves SIGINT and SIGTERM alone once someone has them.
        TerminalGuard.install()
        guard let screen = newterm(nil, tb_stdout(), tb_stdin()) else {
            TerminalGuard.uninstall()
            throw TerminalError.unsupportedTerminal(term: getenv("TERM").map { String(cString: $0) })
        }
        self.screen = screen
        guard tb_can_address_cursor() != 0 else {
            TerminalGuard.arm()
            _ = endwin()
            TerminalGuard.disarm()
            TerminalGuard.uninstall()
            delscreen(screen)
            throw TerminalError.cannotMoveCursor(term: getenv("TERM").map { String(cString: $0) } ?? "")
        }
        TerminalGuard.arm()
        guard let window = tb_stdscr() else {
            _ = endwin()
            TerminalGuard.disarm()
            TerminalGuard.uninstall()
            delscreen(screen)
            throw TerminalError.unsupportedTerminal(term: getenv("TERM").map { String(cString: $0) })
        }
        self.window = window

        _ = cbreak()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = curs_set(0)
        _ = set_escdelay(25)
        wtimeout(window, 0)

        let terminalHasColours = has_colors()
        if terminalHasColours {
            _ = start_color()
            _ = use_default_colors()
        }
        colours = terminalHasColours ? Int(tb_colors()) : 0
        theme = ThemeChoice.effective(
            requested: requested, noColor: getenv("NO_COLOR") != nil, terminalHasColours: terminalHasColours,
            forceMono: forceMono)
        canColour = theme.name != Theme.mono.name
        applyPalette(RolePalette(theme: theme, colours: colours, colourPairs: Int(tb_color_pairs())))
    }

    deinit { close() }

    /// Draws in `theme` from the next frame on, as presentation mode does with
    /// high-contrast; a session held to `mono` (no colours, `NO_COLOR`) stays in it.
    public func use(_ theme: Theme) {
        guard canColour, theme.name != self.theme.name, window != nil else { return }
        self.theme = theme
        applyPalette(RolePalette(theme: theme, colours: colours, colourPairs: Int(tb_color_pairs())))
    }

    /// True when the locale's character set is UTF-8, so box lines and marks can be drawn;
    /// when false the app should draw in ASCII. Sets the locale from the environment
    /// (`setlocale(LC_ALL, "")`) first, as curses needs anyway.
    public static var localeIsUTF8: Bool {
        _ = setlocale(LC_ALL, "")
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// Turns the mouse on (clicks, double-clicks and the wheel come back from `readKey` as
    /// `.mouse`) or off, which leaves clicks to the terminal so text can be selected.
    /// Returns false when the terminal cannot report the mouse; keys work either way.
    @discardableResult
    public func useMouse(_ on: Bool) -> Bool {
        guard window != nil else { return false }
        return tb_mouse_enable(on ? 1 : 0) != 0
    }

    /// The terminal's size now: `width` in columns, `height` in rows; zero once closed.
    public var size: (width: Int, height: Int) {
        guard let window else { return (0, 0) }
        return (Int(max(0, getmaxx(window))), Int(max(0, getmaxy(window))))
    }

    /// True once SIGINT, SIGTERM or SIGHUP arrived: the app's loop should end, and then
    /// call `close()`.
    public var stopRequested: Bool { TerminalGuard.stopSignal != nil }

    /// The signal that asked the app to stop (`SIGINT`, `SIGTERM` or `SIGHUP`), or nil.
    /// After `close()`, a program that wants its parent to see how it ended can exit with
    /// status 128 plus this number, as shells report a process killed by the signal.
    public var stopSignal: Int32? { TerminalGuard.stopSignal }

    /// True until `close()`.
    public var isOpen: Bool { window != nil }

    /// True once standard input has hung up (the terminal went away while SIGHUP was
    /// ignored, say): there are no more keys, so the app's loop should end. Checked when
    /// a read comes back with no key.
    public internal(set) var inputClosed = false

    /// Gives the terminal back: the cursor shown, curses ended (which leaves the alternate
    /// screen and restores the settings), and the signal handlers put back. Safe to call
    /// more than once.
    public func close() {
        guard window != nil else { return }
        window = nil
        _ = curs_set(1)
        _ = endwin()
        TerminalGuard.disarm()
        TerminalGuard.uninstall()
        if let screen {
            delscreen(screen)
            self.screen = nil
        }
    }

    /// Sets up one colour pair per coloured role, and each role's attributes.
    private func applyPalette(_ palette: RolePalette) {
        looks = palette.entries.map { entry in
            if entry.pair > 0 { _ = init_pair(entry.pair, entry.foreground, entry.background) }
            var attributes = tb_attr_normal()
            if entry.bold { attributes |= tb_attr_bold() }
            if entry.dim { attributes |= tb_attr_dim() }
            if entry.reverse { attributes |= tb_attr_reverse() }
            if entry.underline { attributes |= tb_attr_underline() }
            // Emphasis is bold; a dim role loses its dimness so the emphasis shows.
            let emphasised = (attributes & ~tb_attr_dim()) | tb_attr_bold()
            return (attributes, emphasised, entry.pair)
        }
    }

    /// The attributes and colour pair to draw `role` in.
    func look(_ role: Role, emphasis: Bool) -> (attributes: attr_t, pair: Int16) {
        guard role.rawValue < looks.count else { return (tb_attr_normal(), 0) }
        let look = looks[role.rawValue]
        return (emphasis ? look.emphasised : look.plain, look.pair)
    }

    /// The curses window, while open; for the drawing and key-reading extensions.
    var openWindow: UnsafeMutablePointer<WINDOW>? { window }
}

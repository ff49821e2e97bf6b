import Dashboard

/// Why the dashboard could not take over the terminal. Each message says what to do.
public enum TerminalError: Error, Equatable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run by a script).
    case notATerminal
    /// curses could not start on this terminal type (the value of `TERM`, or nil if unset).
    case unsupportedTerminal(term: String?)
    /// The terminal type cannot move the cursor (`TERM=dumb`), so no screen can be drawn.
    case cannotMoveCursor(term: String)
    /// `--theme` named no theme.
    case unknownTheme(String)

    /// The message shown to the user.
    public var description: String {
        switch self {
        case .notATerminal:
            return "the dashboard needs a terminal: standard input and output must not be redirected; "
                + "use `trustboard snapshot` or `trustboard report` for text output"
        case .unsupportedTerminal(let term):
            guard let term, !term.isEmpty else {
                return "cannot start the dashboard: TERM is not set; set it to your terminal's type, "
                    + "e.g. TERM=xterm-256color"
            }
            return "cannot start the dashboard on terminal type '\(term)' (from TERM); "
                + "set TERM to a type this machine knows, e.g. TERM=xterm-256color"
        case .cannotMoveCursor(let term):
            return "cannot start the dashboard on terminal type '\(term)' (from TERM): it cannot move the "
                + "cursor; use `trustboard report` or `trustboard snapshot` for text, or set TERM to your "
                + "terminal's type, e.g. TERM=xterm-256color"
        case .unknownTheme(let name):
            return "unknown theme '\(name)'; use one of: \(Theme.names.joined(separator: ", "))"
        }
    }
}

import CNCurses
import Dashboard

extension TerminalSession {
    /// The next key, waiting at most `timeoutMilliseconds` (0 returns at once).
    ///
    /// Arrows, Page Up/Down, Home/End, Enter, Esc, Tab, Shift-Tab, Backspace and printable
    /// characters (any script) come back as their keys; Ctrl-C typed as a character is
    /// `.interrupt`; a change of the terminal's size is `.resize` with the new size. Nil
    /// when no key came in time, when a signal interrupted the wait (check
    /// `stopRequested`), or when the key means nothing to the dashboard.
    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard let window = openWindow else { return nil }
        wtimeout(window, Int32(clamping: max(0, timeoutMilliseconds)))
        var code: wint_t = 0
        let status = wget_wch(window, &code)
        guard status != tb_err() else { return nil }
        return KeyDecoder.key(UInt32(code), isKeyCode: status == tb_key_code_yes()) { size }
    }
}

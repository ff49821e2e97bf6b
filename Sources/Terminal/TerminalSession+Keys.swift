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
        guard status != tb_err() else {
            // A read with no key either timed out or found the input gone; a gone input
            // returns at once every time, and a loop reading it would spin.
            if tb_stdin_closed() != 0 { inputClosed = true }
            return nil
        }
        let isKeyCode = status == tb_key_code_yes()
        if isKeyCode, Int32(bitPattern: code) == KEY_MOUSE {
            var x: Int32 = 0
            var y: Int32 = 0
            let kind = tb_mouse_read(&x, &y)
            return KeyDecoder.mouse(kind: kind, x: x, y: y)
        }
        if !isKeyCode, code == 27 {
            switch escapeSequence(window) {
            case .alone: return .escape
            case .sequence(let text): return KeyDecoder.key(escapeSequence: text)
            }
        }
        return KeyDecoder.key(UInt32(code), isKeyCode: isKeyCode) { size }
    }

    /// What followed an Esc that curses did not turn into a key code.
    private enum AfterEscape {
        /// Nothing, or another key (put back to be read next): the Esc key itself.
        case alone
        /// The rest of an escape sequence curses does not know, such as `[4~`, which tmux
        /// sends for End to a program whose `TERM` expects `ESC O F`.
        case sequence(String)
    }

    /// Reads what follows an Esc without waiting. A CSI (`ESC [ …`) or SS3 (`ESC O x`)
    /// sequence is read whole, so that its `[` never reaches the dashboard as the
    /// previous-drop key.
    private func escapeSequence(_ window: UnsafeMutablePointer<WINDOW>) -> AfterEscape {
        wtimeout(window, 0)
        var next: wint_t = 0
        let status = wget_wch(window, &next)
        guard status != tb_err() else { return .alone }
        let introducers: [wint_t] = [wint_t(UInt8(ascii: "[")), wint_t(UInt8(ascii: "O"))]
        guard status != tb_key_code_yes(), introducers.contains(next) else {
            if status != tb_key_code_yes() { _ = unget_wch(wchar_t(next)) }
            return .alone
        }
        // SS3 ends with its next character; CSI with the first character from @ to ~,
        // after its parameter and intermediate characters.
        var text = String(UnicodeScalar(UInt8(truncatingIfNeeded: next)))
        for _ in 0..<16 {
            var part: wint_t = 0
            guard wget_wch(window, &part) != tb_err(), let scalar = Unicode.Scalar(UInt32(part)) else {
                break
            }
            text.unicodeScalars.append(scalar)
            if text.hasPrefix("O") || (0x40...0x7E).contains(part) { break }
        }
        // An X10 mouse report ends with three bytes after its `M`, which may be anything.
        if text == "[M" {
            for _ in 0..<3 {
                var part: wint_t = 0
                guard wget_wch(window, &part) != tb_err(), let scalar = Unicode.Scalar(UInt32(part)) else {
                    break
                }
                text.unicodeScalars.append(scalar)
            }
        }
        return .sequence(text)
    }
}

/// A key press, decoded once from the terminal's codes.
public enum Key: Hashable, Sendable {
    /// A printable character.
    case character(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, escape, tab, backTab, backspace
    /// Ctrl-C, when the terminal delivers it as a key rather than a signal.
    case interrupt
    /// The terminal changed size.
    case resize(width: Int, height: Int)
    /// A click or a turn of the mouse wheel.
    case mouse(MouseEvent)
}

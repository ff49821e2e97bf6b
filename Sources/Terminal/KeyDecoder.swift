import CNCurses
import Dashboard

/// Turns what curses' `get_wch` reads into a `Key`. Pure, apart from reading the
/// key-code constants.
enum KeyDecoder {
    /// The key for `code`: a curses key code (such as `KEY_UP`) when `isKeyCode` is true,
    /// else a character. `size` gives the screen's new size, in columns and rows, for a
    /// resize. Nil for a code with no meaning to the dashboard.
    static func key(_ code: UInt32, isKeyCode: Bool, size: () -> (width: Int, height: Int)) -> Key? {
        isKeyCode ? functionKey(Int32(bitPattern: code), size: size) : characterKey(code)
    }

    private static func functionKey(_ code: Int32, size: () -> (width: Int, height: Int)) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BTAB: return .backTab
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE:
            let (width, height) = size()
            return .resize(width: width, height: height)
        default: return nil
        }
    }

    /// The key an escape sequence stands for when curses did not know it (the terminal's
    /// `TERM` describes another terminal): the common xterm and VT220 forms of the arrows,
    /// Home, End and Page Up/Down, given without their Esc (`[4~`, `OF`). Nil for any
    /// other sequence, such as a function key, which is dropped.
    static func key(escapeSequence text: String) -> Key? {
        switch text {
        case "[A", "OA": .up
        case "[B", "OB": .down
        case "[C", "OC": .right
        case "[D", "OD": .left
        case "[H", "OH", "[1~", "[7~": .home
        case "[F", "OF", "[4~", "[8~": .end
        case "[5~": .pageUp
        case "[6~": .pageDown
        case "[Z": .backTab
        default: nil
        }
    }

    private static func characterKey(_ code: UInt32) -> Key? {
        switch code {
        case 3: return .interrupt
        case 8, 127: return .backspace
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 0..<32, 0x7F..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }
}

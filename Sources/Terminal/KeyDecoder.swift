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
    /// Home, End and Page Up/Down, given without their Esc (`[4~`, `OF`), and mouse
    /// reports (`mouse(escapeSequence:)`). Nil for any other sequence, such as a function
    /// key, which is dropped.
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
        default: mouse(escapeSequence: text)
        }
    }

    /// The key for a mouse event curses read (`tb_mouse_read`): one of the `TB_MOUSE_`
    /// kinds, at column `x` and row `y`. Nil for `TB_MOUSE_NONE` or another kind.
    static func mouse(kind: Int32, x: Int32, y: Int32) -> Key? {
        let action: MouseEvent.Action
        switch kind {
        case TB_MOUSE_CLICK: action = .click
        case TB_MOUSE_DOUBLE_CLICK: action = .doubleClick
        case TB_MOUSE_WHEEL_UP: action = .wheelUp
        case TB_MOUSE_WHEEL_DOWN: action = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(action, x: Int(x), y: Int(y)))
    }

    /// A mouse report that reached the dashboard undecoded, without its Esc: the SGR form
    /// `[<b;x;yM` (a press; `m` is a release) or the X10 form `[M` and three bytes, each
    /// value plus 32. Cells count from 1 in both; the key's count from 0. A press of the
    /// first button is a click (a second click on a selected row opens it, so a double
    /// click still works); buttons 4 and 5 are the wheel. Nil for a release, a drag, other
    /// buttons, or anything malformed.
    static func mouse(escapeSequence text: String) -> Key? {
        var button: Int
        var column: Int
        var row: Int
        if text.hasPrefix("[<"), let final = text.last, final == "M" || final == "m" {
            let numbers = text.dropFirst(2).dropLast().split(separator: ";", omittingEmptySubsequences: false)
            guard numbers.count == 3, let b = Int(numbers[0]), let x = Int(numbers[1]),
                let y = Int(numbers[2])
            else { return nil }
            if final == "m" { return nil }
            (button, column, row) = (b, x, y)
        } else if text.hasPrefix("[M") {
            let bytes = Array(text.unicodeScalars.dropFirst(2)).map { Int($0.value) - 32 }
            guard bytes.count == 3 else { return nil }
            (button, column, row) = (bytes[0], bytes[1], bytes[2])
            // X10 says "released" with button 3, for any button.
            if button & 0b1100_0011 == 3 { return nil }
        } else {
            return nil
        }
        guard column >= 1, row >= 1 else { return nil }
        let (x, y) = (column - 1, row - 1)
        // 32 marks a drag; 64 the wheel, whose low bits say which way.
        if button & 32 != 0 { return nil }
        if button & 64 != 0 {
            switch button & 3 {
            case 0: return .mouse(MouseEvent(.wheelUp, x: x, y: y))
            case 1: return .mouse(MouseEvent(.wheelDown, x: x, y: y))
            default: return nil
            }
        }
        // The modifier bits (4 Shift, 8 Meta, 16 Ctrl) aside, 0 is the first button.
        return button & 0b1100_0011 == 0 ? .mouse(MouseEvent(.click, x: x, y: y)) : nil
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

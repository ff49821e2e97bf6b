import CNCurses
import Dashboard
import Testing

@testable import Terminal

@Suite("Decoding key codes and escape sequences")
struct KeyDecoderTests {
    static func noSize() -> (width: Int, height: Int) { (0, 0) }

    @Test func cursesKeyCodesBecomeKeys() {
        let expected: [(Int32, Key)] = [
            (KEY_UP, .up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right), (KEY_PPAGE, .pageUp),
            (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end), (KEY_ENTER, .enter),
            (KEY_BTAB, .backTab), (KEY_BACKSPACE, .backspace),
        ]
        for (code, key) in expected {
            #expect(KeyDecoder.key(UInt32(bitPattern: code), isKeyCode: true, size: Self.noSize) == key)
        }
        // F5 means nothing to the dashboard.
        #expect(KeyDecoder.key(UInt32(bitPattern: KEY_F0 + 5), isKeyCode: true, size: Self.noSize) == nil)
    }

    @Test func aResizeCarriesTheNewSize() {
        let key = KeyDecoder.key(UInt32(bitPattern: KEY_RESIZE), isKeyCode: true) { (132, 43) }
        #expect(key == .resize(width: 132, height: 43))
    }

    @Test func charactersAndControlCodes() {
        #expect(KeyDecoder.key(3, isKeyCode: false, size: Self.noSize) == .interrupt)
        #expect(KeyDecoder.key(127, isKeyCode: false, size: Self.noSize) == .backspace)
        #expect(KeyDecoder.key(8, isKeyCode: false, size: Self.noSize) == .backspace)
        #expect(KeyDecoder.key(9, isKeyCode: false, size: Self.noSize) == .tab)
        #expect(KeyDecoder.key(13, isKeyCode: false, size: Self.noSize) == .enter)
        #expect(KeyDecoder.key(10, isKeyCode: false, size: Self.noSize) == .enter)
        #expect(KeyDecoder.key(27, isKeyCode: false, size: Self.noSize) == .escape)
        #expect(
            KeyDecoder.key(UInt32(UInt8(ascii: "q")), isKeyCode: false, size: Self.noSize) == .character("q"))
        // "ë" (U+00EB) and "’" (U+2019): any script types.
        #expect(KeyDecoder.key(0xEB, isKeyCode: false, size: Self.noSize) == .character("ë"))
        #expect(KeyDecoder.key(0x2019, isKeyCode: false, size: Self.noSize) == .character("’"))
        // Other C0 and C1 controls, such as Ctrl-A and U+0085, are dropped.
        #expect(KeyDecoder.key(1, isKeyCode: false, size: Self.noSize) == nil)
        #expect(KeyDecoder.key(0x85, isKeyCode: false, size: Self.noSize) == nil)
    }

    @Test func xtermAndVT220SequencesCursesDidNotKnow() {
        let expected: [(String, Key)] = [
            ("[A", .up), ("OA", .up), ("[B", .down), ("OB", .down), ("[C", .right), ("OC", .right),
            ("[D", .left), ("OD", .left), ("[H", .home), ("OH", .home), ("[1~", .home), ("[7~", .home),
            ("[F", .end), ("OF", .end), ("[4~", .end), ("[8~", .end), ("[5~", .pageUp), ("[6~", .pageDown),
            ("[Z", .backTab),
        ]
        for (text, key) in expected { #expect(KeyDecoder.key(escapeSequence: text) == key, "\(text)") }
        // F5 (`[15~`) and F1 (`OP`) are dropped, not read as keys.
        #expect(KeyDecoder.key(escapeSequence: "[15~") == nil)
        #expect(KeyDecoder.key(escapeSequence: "OP") == nil)
    }

    @Test func mouseEventsCursesDecoded() {
        #expect(
            KeyDecoder.mouse(kind: TB_MOUSE_CLICK, x: 4, y: 7) == .mouse(MouseEvent(.click, x: 4, y: 7)))
        #expect(
            KeyDecoder.mouse(kind: TB_MOUSE_DOUBLE_CLICK, x: 0, y: 6)
                == .mouse(MouseEvent(.doubleClick, x: 0, y: 6)))
        #expect(
            KeyDecoder.mouse(kind: TB_MOUSE_WHEEL_UP, x: 10, y: 10)
                == .mouse(MouseEvent(.wheelUp, x: 10, y: 10)))
        #expect(
            KeyDecoder.mouse(kind: TB_MOUSE_WHEEL_DOWN, x: 10, y: 10)
                == .mouse(MouseEvent(.wheelDown, x: 10, y: 10)))
        #expect(KeyDecoder.mouse(kind: TB_MOUSE_NONE, x: 1, y: 1) == nil)
    }

    @Test func sgrMouseReports() {
        // Cells count from 1 in the report and from 0 in the key: column 5, row 8 → (4, 7).
        #expect(KeyDecoder.key(escapeSequence: "[<0;5;8M") == .mouse(MouseEvent(.click, x: 4, y: 7)))
        // A release ends the same click: nothing more.
        #expect(KeyDecoder.key(escapeSequence: "[<0;5;8m") == nil)
        // With Ctrl (16) still the first button.
        #expect(KeyDecoder.key(escapeSequence: "[<16;1;1M") == .mouse(MouseEvent(.click, x: 0, y: 0)))
        // 64 and 65: the wheel, up and down.
        #expect(KeyDecoder.key(escapeSequence: "[<64;30;12M") == .mouse(MouseEvent(.wheelUp, x: 29, y: 11)))
        #expect(KeyDecoder.key(escapeSequence: "[<65;30;12M") == .mouse(MouseEvent(.wheelDown, x: 29, y: 11)))
        // The right button (2), a drag (32) and a wide screen's large numbers.
        #expect(KeyDecoder.key(escapeSequence: "[<2;5;8M") == nil)
        #expect(KeyDecoder.key(escapeSequence: "[<32;5;8M") == nil)
        #expect(KeyDecoder.key(escapeSequence: "[<0;250;60M") == .mouse(MouseEvent(.click, x: 249, y: 59)))
        // Malformed: too few numbers, not numbers, a cell 0.
        for text in ["[<0;5M", "[<a;5;8M", "[<0;0;8M", "[<;;M"] {
            #expect(KeyDecoder.key(escapeSequence: text) == nil, "\(text)")
        }
    }

    @Test func x10MouseReports() {
        // Each byte is its value plus 32: button 0 → " ", column 5 → "%", row 8 → "(".
        #expect(KeyDecoder.key(escapeSequence: "[M %(") == .mouse(MouseEvent(.click, x: 4, y: 7)))
        // Button 3 is X10's release.
        #expect(KeyDecoder.key(escapeSequence: "[M#%(") == nil)
        // 64 + 32 = "`": wheel up; 65 + 32 = "a": wheel down.
        #expect(KeyDecoder.key(escapeSequence: "[M`%(") == .mouse(MouseEvent(.wheelUp, x: 4, y: 7)))
        #expect(KeyDecoder.key(escapeSequence: "[Ma%(") == .mouse(MouseEvent(.wheelDown, x: 4, y: 7)))
        // Cut short.
        #expect(KeyDecoder.key(escapeSequence: "[M %") == nil)
    }
}

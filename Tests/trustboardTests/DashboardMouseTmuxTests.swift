import Foundation
import Testing

/// The mouse in the real binary, in tmux: the pane is sent the bytes a terminal sends for
/// a click or the wheel in xterm's SGR mouse mode (`ESC [ < button ; column ; row M`, and
/// `m` on release, counting from 1), which the pane's `TERM` (xterm-256color) names as its
/// mouse sequence, so curses decodes them as it would a real mouse's.
@Suite("the mouse in the dashboard, in tmux, end to end", .serialized)
struct DashboardMouseTmuxTests {
    /// A press and release of the first button on 0-based `line`.
    static func click(line: Int) -> String { "\u{1B}[<0;10;\(line + 1)M\u{1B}[<0;10;\(line + 1)m" }

    /// The wheel turned towards the user once, on `line`.
    static func wheelDown(line: Int) -> String { "\u{1B}[<65;10;\(line + 1)M" }

    /// The selected row's line and its text.
    static func selected(_ screen: String) -> (line: Int, text: String)? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix("▶") }) else { return nil }
        return (index, String(lines[index]))
    }

    static func line(_ screen: String, _ index: Int) -> String {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.indices.contains(index) ? String(lines[index]) : ""
    }

    /// The academy's name on an overview line: the text after the marker, up to the
    /// phase column.
    static func name(_ line: String) -> String {
        String(line.dropFirst(2).prefix(40)).trimmingCharacters(in: .whitespaces)
    }

    @Test("a click selects, the wheel moves, a double-click opens; the terminal stops reporting after")
    func clickWheelAndDoubleClick() throws {
        let pane = try TmuxPane(width: 120, height: 40)
        defer { pane.stop() }
        let start = pane.waitForScreen { $0.contains("Fellside School") }
        // The overview's academy rows start on line 6, below the trust row; the first is
        // selected.
        #expect(Self.selected(start)?.line == 6, "\(start)")
        // The dashboard asked the terminal to report the mouse.
        #expect(try pane.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}").contains("1"))
        let eighth = Self.name(Self.line(start, 8))
        let ninth = Self.name(Self.line(start, 9))
        let seventh = Self.name(Self.line(start, 7))
        #expect(!eighth.isEmpty && !ninth.isEmpty && !seventh.isEmpty, "\(start)")

        try pane.send("-l", Self.click(line: 8))
        let clicked = pane.waitForScreen { Self.selected($0)?.line == 8 }
        #expect(Self.selected(clicked)?.text.contains(eighth) == true, "click on line 8:\n\(clicked)")
        #expect(!clicked.contains("Attainment ·"), "a first click opened the row:\n\(clicked)")

        try pane.send("-l", Self.wheelDown(line: 20))
        let wheeled = pane.waitForScreen { Self.selected($0)?.line == 9 }
        #expect(Self.selected(wheeled)?.text.contains(ninth) == true, "wheel down from line 8:\n\(wheeled)")

        try pane.send("-l", Self.click(line: 7) + Self.click(line: 7))
        let opened = pane.waitForScreen { $0.contains("Attainment ·") }
        #expect(Self.line(opened, 1).hasPrefix(" " + seventh), "double-click on line 7:\n\(opened)")

        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
        #expect(try pane.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}") == "000")
    }

    @Test("with --no-mouse the terminal keeps the mouse for selecting text, and keys still work")
    func noMouse() throws {
        let pane = try TmuxPane(width: 120, height: 40, options: ["--no-mouse"])
        defer { pane.stop() }
        let start = pane.waitForScreen { $0.contains("Fellside School") }
        #expect(try pane.format("#{mouse_any_flag}#{mouse_button_flag}#{mouse_standard_flag}") == "000")
        try pane.send("Down")
        let moved = pane.waitForScreen { Self.selected($0)?.line == 7 }
        #expect(Self.selected(moved)?.line == 7, "Down did not move:\n\(moved)\nwas:\n\(start)")
        try pane.send("q")
        try pane.expectTerminalRestored(exitStatuses: [0])
    }
}

import Dashboard
import Metrics
import Testing

/// The help overlay: never cut off, scrolls, explains the abbreviations and the marks,
/// and works over the slideshow too.
@Suite("Help overlay")
struct HelpOverlayTests {
    let view = TestTrust.view()

    func help(_ width: Int, _ height: Int, ascii: Bool = false, scroll: Int = 0) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        state.apply(.help, view: view)
        for _ in 0..<scroll { state.apply(.down, view: view) }
        return state
    }

    /// The text inside the help box's sides, line by line, with the sides.
    static func inside(_ frame: String, ascii: Bool) -> [String] {
        let side: Character = ascii ? "|" : "┃"
        return frame.split(separator: "\n").compactMap { line in
            guard let first = line.firstIndex(of: side), let last = line.lastIndex(of: side), first < last
            else { return nil }
            return String(line[first...last])
        }
    }

    /// Every line of the help, read by scrolling a page at a time to the end.
    func allLines(_ width: Int, _ height: Int, ascii: Bool = false) -> String {
        var state = help(width, height, ascii: ascii)
        var lines = Self.inside(DashboardRenderer.render(state, view: view).text, ascii: ascii)
        for _ in 0..<20 {
            state.apply(.pageDown, view: view)
            lines += Self.inside(DashboardRenderer.render(state, view: view).text, ascii: ascii)
        }
        return lines.joined(separator: "\n")
    }

    @Test(arguments: [(60, 15), (80, 24), (120, 40), (160, 48), (200, 60)])
    func neverCutOff(width: Int, height: Int) {
        for ascii in [false, true] {
            let text = allLines(width, height, ascii: ascii)
            #expect(!text.contains(ascii ? "..." : "…"), "\(width)×\(height)")
            // The line that used to end "fewer than 6 p…" is whole, if wrapped.
            #expect(text.contains("fewer than 6 pupils"), "\(width)×\(height)")
            #expect(text.contains("never shown or exported"), "\(width)×\(height)")
        }
    }

    @Test func explainsTheAbbreviationsAndMarks() {
        let unicode = allLines(120, 40)
        for text in [
            "RWM", "reading, writing and maths", "E&M", "English and maths", "A8", "Attainment 8", "P8",
            "Progress 8", "PA", "persistent absence", "GD", "greater depth", "SIL", "school improvement lead",
            "URN", "SUPP", "MTC",
        ] {
            #expect(unicode.contains(text), "\(text)")
        }
        for mark in ["● ", "▲ ", "■ ", "· ", "◌ ", "↑ ", "↓ ", "= ", "≈ ", "— ", "▶ "] {
            #expect(unicode.contains("┃ " + mark), "\(mark)")
        }
        let ascii = allLines(120, 40, ascii: true)
        for mark in ["G ", "A ", "R ", "N ", "S ", "^ ", "v ", "= ", "~ ", "- ", "> "] {
            #expect(ascii.contains("| " + mark), "\(mark)")
        }
        #expect(ascii.unicodeScalars.allSatisfy { $0.isASCII })
    }

    @Test func scrollsAndStopsAtTheEnds() {
        var state = help(80, 24)
        let first = DashboardRenderer.render(state, view: view).text
        #expect(first.contains("move up and down"))
        state.apply(.up, view: view)
        #expect(state.helpScroll == 0)
        state.apply(.down, view: view)
        #expect(state.helpScroll == 1)
        state.apply(.last, view: view)
        let last = state.helpScroll
        #expect(last > 0)
        state.apply(.pageDown, view: view)
        #expect(state.helpScroll == last)
        let end = DashboardRenderer.render(state, view: view).text
        #expect(!end.contains("move up and down"))
        #expect(end.contains("drop"))
        state.apply(.first, view: view)
        #expect(state.helpScroll == 0)
        // Esc closes the help; the page underneath is as it was.
        state.press(.escape, view: view)
        #expect(state.overlay == nil)
        #expect(state.page == .overview)
    }

    @Test func arrowKeysScrollTheHelpNotThePage() {
        var state = help(80, 24)
        let selected = state.overview.selected
        state.press(.down, view: view)
        state.press(.pageDown, view: view)
        #expect(state.helpScroll > 1)
        #expect(state.overview.selected == selected)
        state.press(.character("?"), view: view)
        #expect(state.overlay == nil)
    }

    @Test func goldenFrames() throws {
        try Golden.check(
            DashboardRenderer.render(help(80, 24, scroll: 5), view: view), "help-80x24-scrolled-dark")
        var end = help(80, 24, ascii: true)
        end.apply(.last, view: view)
        try Golden.check(DashboardRenderer.render(end, view: view), "help-80x24-end-ascii")
        try Golden.check(DashboardRenderer.render(help(160, 48), view: view), "help-160x48-dark")
        try Golden.check(
            DashboardRenderer.render(help(160, 48, ascii: true), view: view), "help-160x48-ascii")
    }
}

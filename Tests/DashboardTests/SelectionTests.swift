import Dashboard
import Metrics
import Testing

/// The selected row is marked across every cell, figures included, in every theme; and
/// in mono a selected row (reverse video) never looks like a red figure (bold, underlined).
@Suite("The selected row")
struct SelectionTests {
    static let themes = Theme.names.compactMap(Theme.named)

    /// The overview's selected row (St Cedar's, worst first) at `width`, and the frame.
    func overview(width: Int, ascii: Bool) throws -> (Screen, Int) {
        let view = TestTrust.view()
        let state = DashboardState(view: view, width: width, height: 24, ascii: ascii)
        let screen = DashboardRenderer.render(state, view: view)
        let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false)
        let y = try #require(lines.firstIndex { $0.hasPrefix(ascii ? ">" : "▶") })
        return (screen, y)
    }

    static func isSelected(_ role: Role) -> Bool { role == .selected || role.unselectedForm != nil }

    @Test(arguments: [false, true])
    func theHighlightSpansTheWholeRow(ascii: Bool) throws {
        let (screen, y) = try overview(width: 120, ascii: ascii)
        for x in 1..<screen.width {
            #expect(Self.isSelected(screen[x, y].role), "column \(x): \(screen[x, y].role)")
        }
        // Cedar's red attendance keeps red, on the selection.
        let cells = (1..<screen.width).map { screen[$0, y].role }
        #expect(cells.contains(.selectedRed))
        #expect(cells.contains(.selectedWorse))
        for row in 0..<screen.height where row != y {
            for x in 0..<screen.width {
                #expect(!Self.isSelected(screen[x, row].role), "row \(row) column \(x)")
            }
        }
    }

    @Test func everyThemeShowsTheSelectionOnFigures() {
        let figures: [Role] = [.green, .amber, .red, .suppressed, .better, .worse]
        for theme in Self.themes {
            let selection = theme.look(.selected)
            for role in figures {
                let selected = theme.look(role.selectedForm)
                #expect(selected != theme.look(role), "\(theme.name) \(role)")
                #expect(role.selectedForm.unselectedForm == role)
                // The selection's own background (colour themes) or reverse (mono and
                // high-contrast) runs under the figure too.
                #expect(selected.background == (selection.background ?? theme.look(role).background))
                #expect(selected.reverse == (selection.reverse || theme.look(role).reverse))
                // The figure keeps its colour.
                #expect(selected.foreground == theme.look(role).foreground, "\(theme.name) \(role)")
            }
        }
    }

    @Test func inMonoReverseMeansSelectedAndRedIsBoldUnderlined() throws {
        let mono = try #require(Theme.named("mono"))
        #expect(mono.look(.selected).reverse)
        #expect(!mono.look(.red).reverse)
        #expect(mono.look(.red).bold && mono.look(.red).underline)
        #expect(mono.look(.selected) != mono.look(.red))
        // Reverse video is the selection's alone: no other role uses it.
        for role in Role.allCases where !Self.isSelected(role) {
            #expect(!mono.look(role).reverse, "\(role)")
        }
        #expect(mono.look(.selectedRed).reverse && mono.look(.selectedRed).underline)
    }

    /// The overview at 80×24 as the mono theme draws it, one letter per cell for its
    /// attributes (see `monoLetters`), beside the frame: the selected row is reverse
    /// (`r`, `R`, `X`) from edge to edge, red figures elsewhere are `U`.
    @Test(arguments: [false, true])
    func goldenMonoSelection(ascii: Bool) throws {
        let mono = try #require(Theme.named("mono"))
        let (screen, y) = try overview(width: 80, ascii: ascii)
        try Golden.check(screen, looks: mono, "overview-80x24-mono-\(ascii ? "ascii" : "unicode")")
        for x in 1..<screen.width {
            #expect(mono.look(screen[x, y].role).reverse, "column \(x)")
        }
    }
}

import CNCurses
import Dashboard

extension TerminalSession {
    /// Draws `screen` as one frame: the window is erased (not cleared, which would make
    /// the terminal flicker), each run of cells in the same look is written at once, and
    /// the terminal is updated once at the end.
    ///
    /// Cells beyond the terminal's edge are left out, so a frame made for an old size
    /// cannot wrap. A cell with empty text is the right half of the double-width
    /// character before it and is skipped; the run after it starts at its own column, so
    /// a character whose width curses counts differently cannot shift the rest of the row.
    public func draw(_ screen: Screen) {
        guard let window = openWindow else { return }
        _ = werase(window)
        let (columns, rows) = size
        let width = min(screen.width, columns)
        for y in 0..<min(screen.height, rows) {
            var run = RunOfCells()
            for x in 0..<width {
                let cell = screen[x, y]
                if cell.text.isEmpty {
                    flush(&run, row: y, in: window)
                    continue
                }
                // A double-width character that would stick out past the edge becomes a
                // space rather than wrap onto the next row.
                let cutAtEdge = x == width - 1 && x + 1 < screen.width && screen[x + 1, y].text.isEmpty
                if run.text.isEmpty || run.role != cell.role || run.emphasis != cell.emphasis {
                    flush(&run, row: y, in: window)
                    run = RunOfCells(column: x, role: cell.role, emphasis: cell.emphasis)
                }
                run.text += cutAtEdge ? " " : cell.text
            }
            flush(&run, row: y, in: window)
        }
        _ = wrefresh(window)
    }

    /// Writes `run`, if it holds anything, and empties it.
    private func flush(_ run: inout RunOfCells, row: Int, in window: UnsafeMutablePointer<WINDOW>) {
        guard !run.text.isEmpty else { return }
        let look = look(run.role, emphasis: run.emphasis)
        _ = wattr_set(window, look.attributes, look.pair, nil)
        // On the bottom-right cell curses cannot move the cursor on and reports an error,
        // though the character is drawn; so the result is not checked.
        _ = mvwaddstr(window, Int32(row), Int32(run.column), run.text)
        run.text = ""
    }
}

/// Neighbouring cells of a row that share a look, gathered to be written with one call.
private struct RunOfCells {
    /// The column of the first cell.
    var column = 0
    /// The role the cells share.
    var role = Role.text
    /// Whether the cells are emphasised.
    var emphasis = false
    /// The cells' text, joined.
    var text = ""
}

import Metrics

/// A frame: a grid of cells exactly `width` × `height`, drawn into by the screens and
/// copied to the terminal by a backend, or written out as text by `snapshot` and tests.
public struct Screen: Hashable, Sendable {
    /// Columns.
    public let width: Int
    /// Rows.
    public let height: Int
    /// The cells, row by row.
    public private(set) var cells: [Cell]
    /// How text is written.
    public let style: TextStyle

    /// Makes a blank frame.
    public init(width: Int, height: Int, style: TextStyle = TextStyle(ascii: false)) {
        self.width = max(0, width)
        self.height = max(0, height)
        self.style = style
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    /// The cell at column `x`, row `y`.
    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set {
            guard x >= 0, y >= 0, x < width, y < height else { return }
            cells[y * width + x] = newValue
        }
    }

    /// Writes `text` from column `x` of row `y`, cleaned for the style, clipped to
    /// `maxWidth` columns (and the screen's edge) with an ellipsis when cut. Returns the
    /// column after the last one written.
    @discardableResult
    public mutating func write(
        _ text: String, x: Int, y: Int, role: Role = .text, emphasis: Bool = false, maxWidth: Int? = nil
    ) -> Int {
        guard y >= 0, y < height, x < width else { return x }
        let room = min(maxWidth ?? (width - x), width - x)
        guard room > 0 else { return x }
        let clean = DisplayWidth.truncate(style.clean(text), to: room, ascii: style.ascii)
        var column = x
        for character in clean {
            let w = DisplayWidth.of(character)
            if w == 0 {
                // A zero-width character joins the cell before it.
                if column > x { self[column - 1, y].text.append(character) }
                continue
            }
            guard column + w <= x + room else { break }
            if column >= 0 {
                self[column, y] = Cell(String(character), role: role, emphasis: emphasis)
                if w == 2 { self[column + 1, y] = Cell("", role: role, emphasis: emphasis) }
            }
            column += w
        }
        return column
    }

    /// Writes `text` right-aligned so it ends just before column `right`.
    @discardableResult
    public mutating func writeRight(
        _ text: String, right: Int, y: Int, role: Role = .text, emphasis: Bool = false
    )
        -> Int
    {
        let clean = style.clean(text)
        let start = right - DisplayWidth.of(clean)
        return write(clean, x: start, y: y, role: role, emphasis: emphasis)
    }

    /// Fills a rectangle with `character` in `role`.
    public mutating func fill(
        x: Int, y: Int, width: Int, height: Int, _ character: String = " ", role: Role = .text
    ) {
        for row in y..<(y + height) where row >= 0 && row < self.height {
            for column in x..<(x + width) where column >= 0 && column < self.width {
                self[column, row] = Cell(character, role: role)
            }
        }
    }

    /// Marks every cell of row `y` between `x` and `x + width` as selected: a rating or
    /// change takes its selected form (its colour on the selection's look), any other
    /// cell the role `role`, so the highlight spans the whole row in every theme.
    public mutating func highlight(y: Int, x: Int = 0, width: Int? = nil, role: Role = .selected) {
        guard y >= 0, y < height else { return }
        let end = min(self.width, x + (width ?? self.width))
        for column in max(0, x)..<end {
            let form = self[column, y].role.selectedForm
            self[column, y].role = form == .selected ? role : form
        }
    }

    /// A horizontal rule.
    public mutating func rule(y: Int, x: Int = 0, width: Int? = nil, role: Role = .border) {
        let line = style.ascii ? "-" : "─"
        fill(x: x, y: y, width: width ?? self.width, height: 1, line, role: role)
    }

    /// A box with an optional title in its top edge; `heavy` draws it in heavy lines.
    public mutating func box(
        x: Int, y: Int, width: Int, height: Int, title: String? = nil, role: Role = .border,
        heavy: Bool = false
    ) {
        guard width >= 2, height >= 2 else { return }
        let parts: (h: String, v: String, tl: String, tr: String, bl: String, br: String) =
            style.ascii
            ? (heavy ? "=" : "-", "|", "+", "+", "+", "+")
            : heavy ? ("━", "┃", "┏", "┓", "┗", "┛") : ("─", "│", "┌", "┐", "└", "┘")
        fill(x: x + 1, y: y, width: width - 2, height: 1, parts.h, role: role)
        fill(x: x + 1, y: y + height - 1, width: width - 2, height: 1, parts.h, role: role)
        fill(x: x, y: y + 1, width: 1, height: height - 2, parts.v, role: role)
        fill(x: x + width - 1, y: y + 1, width: 1, height: height - 2, parts.v, role: role)
        self[x, y] = Cell(parts.tl, role: role)
        self[x + width - 1, y] = Cell(parts.tr, role: role)
        self[x, y + height - 1] = Cell(parts.bl, role: role)
        self[x + width - 1, y + height - 1] = Cell(parts.br, role: role)
        if let title {
            write(" \(title) ", x: x + 2, y: y, role: role, emphasis: true, maxWidth: width - 4)
        }
    }

    /// The frame as plain text: exactly `height` lines, each at most `width` columns,
    /// with trailing spaces removed.
    public var text: String {
        var lines: [String] = []
        lines.reserveCapacity(height)
        for y in 0..<height {
            var line = ""
            for x in 0..<width { line += cells[y * width + x].text }
            while line.last == " " { line.removeLast() }
            lines.append(line)
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

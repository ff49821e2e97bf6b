import Metrics

extension AcademyScreen {
    /// A run of text in one role, at a column of a panel line.
    struct Span {
        var text: String
        var role: Role
        var emphasis: Bool
        /// The column within the panel's content, from 0.
        var column: Int
        /// The columns the text takes.
        var width: Int
    }

    /// Where a focusable figure sits on a line: its index among the panel's focusable
    /// figures and the columns to highlight (the whole line when `width` is nil).
    struct FocusArea {
        var index: Int
        var column: Int
        var width: Int?
    }

    /// One line of a panel's content. When a panel has fewer rows than lines, the lines
    /// with the lowest `priority` numbers are kept, in their order.
    struct PanelLine {
        var spans: [Span] = []
        var priority: Int
        var focus: [FocusArea] = []
        /// How text is cleaned for the screen, so that columns are measured as drawn.
        let style: TextStyle
        /// The column after the last span.
        private(set) var end = 0

        init(priority: Int, style: TextStyle) {
            self.priority = priority
            self.style = style
        }

        /// Adds `text` at `column`, or just after what is already there.
        mutating func add(_ text: String, _ role: Role = .text, emphasis: Bool = false, at column: Int? = nil)
        {
            let (clean, width) = measure(text)
            append(Span(text: clean, role: role, emphasis: emphasis, column: column ?? end, width: width))
        }

        /// Adds `text` right-aligned so that it ends just before `column + width`.
        mutating func add(
            _ text: String, _ role: Role = .text, emphasis: Bool = false, right column: Int, width: Int
        ) {
            let (clean, used) = measure(text)
            let start = column + max(0, width - used)
            append(Span(text: clean, role: role, emphasis: emphasis, column: start, width: used))
        }

        /// Adds another line's spans shifted right by `column`, with its focus areas.
        mutating func add(_ other: PanelLine, at column: Int) {
            for var span in other.spans {
                span.column += column
                append(span)
            }
            focus += other.focus.map {
                FocusArea(index: $0.index, column: $0.column + column, width: $0.width)
            }
        }

        private mutating func append(_ span: Span) {
            spans.append(span)
            end = max(end, span.column + span.width)
        }

        /// `text` cleaned for the style, and its width; plain ASCII, the usual case, is
        /// both already.
        private func measure(_ text: String) -> (String, Int) {
            if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return (text, text.utf8.count) }
            let clean = style.clean(text)
            return (clean, DisplayWidth.of(clean))
        }

        /// Marks the whole line, or the columns from `column`, as focusable figure `index`.
        mutating func focusable(_ index: Int, column: Int = 0, width: Int? = nil) {
            focus.append(FocusArea(index: index, column: column, width: width))
        }

        /// The columns the line takes.
        var width: Int { spans.map { $0.column + $0.width }.max() ?? 0 }

        /// The first of `variants` that fits in `width` columns, else the last (which the
        /// screen then cuts with an ellipsis).
        static func fitting(_ variants: [PanelLine], width: Int) -> PanelLine {
            variants.first { $0.width <= width } ?? variants.last
                ?? PanelLine(priority: 0, style: TextStyle(ascii: true))
        }
    }

    /// The lines to show in `rows` rows: those of lowest priority number (the focused
    /// figure's line always among them), in their order.
    static func trim(_ lines: [PanelLine], to rows: Int, focus: Int?) -> [PanelLine] {
        guard lines.count > rows else { return lines }
        guard rows > 0 else { return [] }
        let ranked = lines.indices.sorted { a, b in
            let first = rank(lines[a], focus: focus)
            let second = rank(lines[b], focus: focus)
            return first != second ? first < second : a < b
        }
        let kept = Set(ranked.prefix(rows))
        return lines.indices.filter(kept.contains).map { lines[$0] }
    }

    private static func rank(_ line: PanelLine, focus: Int?) -> Int {
        if let focus, line.focus.contains(where: { $0.index == focus }) { return Int.min }
        return line.priority
    }

    /// Draws a panel: its box, titled, heavy when focused, and as many of its lines as fit,
    /// the focused figure highlighted.
    static func drawPanel(
        _ panel: Panel, _ page: Context, lines: [PanelLine], rect: Rect, into screen: inout Screen
    ) {
        guard rect.width >= 4, rect.height >= 2 else { return }
        let focusRow = page.focusRow(panel)
        let focused = focusRow != nil
        screen.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height)
        screen.box(
            x: rect.x, y: rect.y, width: rect.width, height: rect.height, title: title(panel, page),
            role: focused ? .focus : .border, heavy: focused)
        let left = rect.x + 2
        let room = rect.width - 4
        for (offset, line) in trim(lines, to: rect.height - 2, focus: focusRow).enumerated() {
            let y = rect.y + 1 + offset
            draw(line, x: left, y: y, width: room, into: &screen)
            guard let focusRow, let area = line.focus.first(where: { $0.index == focusRow }) else { continue }
            if let width = area.width {
                let start = max(rect.x + 1, left + area.column - 1)
                let end = min(rect.x + rect.width - 1, left + area.column + width + 1)
                if end > start { screen.highlight(y: y, x: start, width: end - start, role: .selected) }
            } else {
                screen.highlight(y: y, x: rect.x + 1, width: rect.width - 2, role: .selected)
            }
        }
    }

    /// Draws a line's spans from column `x` of row `y`, clipped to `width` columns.
    static func draw(_ line: PanelLine, x: Int, y: Int, width: Int, into screen: inout Screen) {
        for span in line.spans where span.column < width {
            screen.write(
                span.text, x: x + span.column, y: y, role: span.role, emphasis: span.emphasis,
                maxWidth: width - span.column)
        }
    }

    /// A panel's title with its context: "Attainment · Year 6 · all pupils".
    static func title(_ panel: Panel, _ page: Context) -> String {
        var parts = [panel.title]
        if panel == .attainment { parts.append(page.yearGroup?.description ?? "no figures") }
        parts.append(page.group.label)
        return parts.joined(separator: " · ")
    }
}

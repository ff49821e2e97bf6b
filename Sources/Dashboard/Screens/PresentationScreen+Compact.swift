import Metrics

extension PresentationScreen {
    /// Which parts of a figure's line fit: each step drops or shortens one.
    struct CompactForm {
        var shortLabel: Bool
        var word: Bool
        var longChange: Bool
        var change: Bool
        var trend: Bool

        /// From fullest to barest; the first whose lines all fit is used.
        static let all = [
            CompactForm(shortLabel: false, word: true, longChange: true, change: true, trend: true),
            CompactForm(shortLabel: false, word: true, longChange: true, change: true, trend: false),
            CompactForm(shortLabel: false, word: true, longChange: false, change: true, trend: false),
            CompactForm(shortLabel: true, word: true, longChange: false, change: true, trend: false),
            CompactForm(shortLabel: true, word: false, longChange: false, change: true, trend: false),
            CompactForm(shortLabel: true, word: false, longChange: false, change: false, trend: false),
        ]
    }

    /// The figures in ordinary text, one line each, in aligned columns, then the
    /// disadvantaged gap: as many of the lines (and blank lines between) as fit between
    /// rows `top` and `bottom`, centred.
    static func drawCompact(_ slide: Slide, top: Int, bottom: Int, into screen: inout Screen) {
        let room = screen.width - 2
        let lines = compactLines(slide.tiles, room: room, style: screen.style)
        let gaps = slide.gaps.map { Line.fitting($0.variants, width: room, style: screen.style) }
        let source = sourceLines(slide.tiles, width: room, style: screen.style)
        let blank = Line(style: screen.style)
        let spaced = lines.flatMap { [$0, blank] }
        let candidates: [[Line]] = [
            spaced + gaps + [blank] + source,
            spaced + gaps + source,
            lines + [blank] + gaps + source,
            lines + gaps + source,
            lines + source + gaps.prefix(1),
            lines + source,
            lines + source.prefix(1),
            lines,
        ]
        let rows = max(0, bottom - top)
        let body = candidates.first { $0.count <= rows } ?? Array(lines.prefix(rows))
        let start = top + max(0, (rows - body.count) / 2)
        for (offset, line) in body.enumerated() where start + offset < bottom {
            draw(line, x: 1, y: start + offset, width: room, into: &screen)
        }
    }

    /// Each figure's line in the fullest form whose lines all fit in `room` columns.
    static func compactLines(_ tiles: [Tile], room: Int, style: TextStyle) -> [Line] {
        var chosen: [Line] = []
        for form in CompactForm.all {
            chosen = compactLines(tiles, form: form, style: style)
            // A note on a suppressed or missing figure is cut to fit rather than
            // costing the other lines their detail.
            let fits = zip(tiles, chosen).allSatisfy { tile, line in
                guard case .value = tile.shown else { return true }
                return line.width <= room
            }
            if fits { return chosen }
        }
        return chosen
    }

    /// Each figure's line in `form`: name, mark and value, word, change, trend, in
    /// columns as wide as the widest entry. A suppressed or missing figure says why in
    /// the change's column and has no trend.
    static func compactLines(_ tiles: [Tile], form: CompactForm, style: TextStyle) -> [Line] {
        let ascii = style.ascii
        let labels = tiles.map { form.shortLabel ? $0.shortLabel : $0.label }
        // Mark, number and unit apart, so that marks and decimal points line up whether
        // or not a figure is a percentage.
        let values = tiles.map { tile -> (mark: String, number: String, unit: String, role: Role) in
            switch tile.shown {
            case .value(_, let rated):
                let (text, role) = valueText(tile, unit: "") ?? ("", .text)
                let unit = rated.figure.kpi.isPercentage ? " %" : ""
                let approximate = rated.isApproximate ? RatingMark.approximate(ascii: ascii) : ""
                return (RatingMark.mark(rated.rating, ascii: ascii), approximate + text, unit, role)
            case .suppressed:
                return (RatingMark.mark(.suppressed, ascii: ascii), "SUPP", "", .suppressed)
            case .missing:
                return (ascii ? "-" : "—", "", "", .muted)
            }
        }
        let words = tiles.map { tile -> (text: String, role: Role) in
            guard case .value(_, let rated) = tile.shown else { return ("", .text) }
            return (rated.rating.word, RatingMark.role(rated.rating))
        }
        // The benchmark the rating used, on every line that has a figure.
        let nationals = tiles.map { national($0, unit: "%") }
        let changes = tiles.map { tile -> (text: String, role: Role) in
            switch tile.shown {
            case .value: return changeText(tile, long: form.longChange, ascii: ascii) ?? ("", .text)
            case .suppressed: return (tile.suppressionNote, .muted)
            case .missing: return (tile.missing, .muted)
            }
        }
        func widest(_ texts: [String]) -> Int { texts.map { DisplayWidth.of(style.clean($0)) }.max() ?? 0 }
        let labelWidth = widest(labels)
        let numberWidth = widest(values.map(\.number))
        let unitWidth = widest(values.map(\.unit))
        let wordWidth = widest(words.map(\.text))
        let nationalWidth = widest(nationals.map { $0?.text ?? "" })
        // Only values' changes set the column: a note comes last on its line.
        let changeWidth = widest(
            zip(tiles, changes).compactMap { tile, change in
                if case .value = tile.shown { return change.text }
                return nil
            })
        return tiles.indices.map { index in
            var line = Line(style: style)
            line.add(labels[index], .heading, columns: labelWidth + 2)
            let value = values[index]
            let number = DisplayWidth.pad(
                style.clean(value.number), to: numberWidth, right: true, ascii: ascii)
            line.add(value.mark + " " + number, value.role, emphasis: value.role != .muted)
            line.add(value.unit, value.role, columns: unitWidth)
            if form.word, wordWidth > 0 {
                line.add("  ")
                line.add(words[index].text, words[index].role, emphasis: true, columns: wordWidth)
            }
            if let national = nationals[index], case .value = tiles[index].shown {
                line.add("  ")
                line.add(national.text, national.found ? .text : .muted, columns: nationalWidth)
            }
            guard case .value = tiles[index].shown else {
                return line.adding("  ").adding(changes[index].text, changes[index].role)
            }
            if form.change {
                line.add("  ")
                let change = changes[index]
                line.add(change.text, change.role, emphasis: change.role != .muted, columns: changeWidth)
            }
            if form.trend {
                line.add("  ")
                let trendLine = trend(tiles[index], width: 20, style: style)
                for run in trendLine.runs { line.add(run.text, run.role, emphasis: run.emphasis) }
            }
            return line
        }
    }
}

import Metrics

extension PresentationScreen {
    /// The rows one figure takes on a big screen with digits at `scale`: name, blank, the
    /// digits (5 rows a scale), blank, rating, benchmark, its source (two rows), change,
    /// national standing (when known, else blank), trend.
    static func tileRows(scale: Int) -> Int { 9 + BigDigits.height(scale: scale) }

    /// The largest digits that fit: every figure's digits within its column, and the
    /// tiles and gap lines between `top` and `bottom`. 1 at the smallest big screen.
    static func digitScale(_ slide: Slide, width: Int, rows: Int) -> Int {
        var best = 1
        for scale in 2...4 {
            guard tileRows(scale: scale) <= rows else { break }
            let fits = slide.tiles.allSatisfy { tile in
                guard let (text, _) = valueText(tile, unit: "%"), BigDigits.canDraw(text) else { return true }
                return BigDigits.width(of: text, scale: scale) <= width
            }
            guard fits else { break }
            best = scale
        }
        return best
    }

    /// The figures side by side in big digits, and the disadvantaged gap under them, the
    /// whole block centred between rows `top` and `bottom` (not drawn on). The digits
    /// grow with the screen: twice the size at 120×40, three times at 200×60.
    static func drawBig(_ slide: Slide, top: Int, bottom: Int, into screen: inout Screen) {
        let margin = 3
        let columns = max(1, slide.tiles.count)
        let tileWidth = (screen.width - 2 * margin) / columns
        let gapRows = slide.gaps.isEmpty ? 0 : 2 + slide.gaps.count
        let scale = digitScale(slide, width: tileWidth - 2, rows: bottom - top - 1 - gapRows)
        let total = tileRows(scale: scale) + gapRows
        let start = top + max(1, (bottom - top - total) / 2)
        for (offset, tile) in slide.tiles.enumerated() {
            drawTile(
                tile, x: margin + offset * tileWidth, y: start, width: tileWidth - 2, scale: scale,
                into: &screen)
        }
        var y = start + tileRows(scale: scale) + 2
        for gap in slide.gaps where y < bottom {
            let room = screen.width - 2 * margin
            draw(
                Line.fitting(gap.variants, width: room, style: screen.style), x: margin, y: y, width: room,
                into: &screen)
            y += 1
        }
    }

    /// One figure in a column `width` wide from (`x`, `y`), its digits at `scale`.
    static func drawTile(_ tile: Tile, x: Int, y: Int, width: Int, scale: Int = 1, into screen: inout Screen)
    {
        let ascii = screen.style.ascii
        screen.write(tile.label.uppercased(), x: x, y: y, role: .heading, emphasis: true, maxWidth: width)
        let digitsTop = y + 2
        let digitRows = BigDigits.height(scale: scale)
        if let (text, role) = valueText(tile, unit: "%") {
            if BigDigits.canDraw(text), BigDigits.width(of: text, scale: scale) <= width {
                drawDigits(text, x: x, y: digitsTop, role: role, scale: scale, into: &screen)
            } else {
                screen.write(
                    text, x: x, y: digitsTop + digitRows / 2, role: role, emphasis: true, maxWidth: width)
            }
        } else {
            let lines = DashboardRenderer.wrap(tile.missing, width: max(1, width))
            for (offset, line) in lines.prefix(digitRows).enumerated() {
                screen.write(line, x: x, y: digitsTop + 1 + offset, role: .muted, maxWidth: width)
            }
        }
        let ratingRow = digitsTop + digitRows + 1
        if let (text, role) = ratingText(tile, ascii: ascii) {
            let column = screen.write(text, x: x, y: ratingRow, role: role, emphasis: true, maxWidth: width)
            // Big digits have no ≈, so an approximate figure says so beside its rating.
            if case .value(_, let rated) = tile.shown, rated.isApproximate {
                screen.write(
                    "  \(RatingMark.approximate(ascii: ascii)) approximate", x: column, y: ratingRow,
                    role: .muted,
                    maxWidth: max(0, x + width - column))
            }
        }
        // The benchmark the rating used, and where it comes from, beside every figure.
        if let national = national(tile, unit: "%") {
            screen.write(
                national.text, x: x, y: ratingRow + 1, role: national.found ? .text : .muted, maxWidth: width)
            if let source = national.source {
                // Two rows at most; the second ends in an ellipsis when the label is longer.
                let lines = DashboardRenderer.wrap(source, width: max(1, width))
                let rows = [lines.first, lines.count > 1 ? lines.dropFirst().joined(separator: " ") : nil]
                for (offset, line) in rows.enumerated() {
                    guard let line else { continue }
                    screen.write(line, x: x, y: ratingRow + 2 + offset, role: .muted, maxWidth: width)
                }
            }
        }
        let changeRow = ratingRow + 4
        if case .suppressed = tile.shown {
            screen.write(
                tile.suppressionNote, x: x, y: changeRow, role: .muted, maxWidth: width)
            return
        }
        let change =
            [true, false].lazy.compactMap { changeText(tile, long: $0, ascii: ascii) }.first {
                DisplayWidth.of(screen.style.clean($0.text)) <= width
            } ?? changeText(tile, long: false, ascii: ascii)
        if let (text, role) = change {
            screen.write(text, x: x, y: changeRow, role: role, emphasis: role != .muted, maxWidth: width)
        }
        if case .value(_, let rated) = tile.shown, let standing = rated.nationalPercentile {
            let variants = [
                "better than \(standing.percentile)% of \(standing.phase.schoolsLabel)",
                "better than \(standing.percentile)% nationally", "beats \(standing.percentile)%",
            ]
            let text = variants.first { DisplayWidth.of($0) <= width } ?? variants[variants.count - 1]
            screen.write(text, x: x, y: changeRow + 1, role: .muted, maxWidth: width)
        }
        if case .value = tile.shown {
            draw(
                trend(tile, width: width, style: screen.style), x: x, y: changeRow + 2, width: width,
                into: &screen)
        }
    }

    /// Writes `text` in big digits with its top-left corner at (`x`, `y`): only the
    /// blocks are drawn, so the cells between keep the text role.
    static func drawDigits(
        _ text: String, x: Int, y: Int, role: Role, scale: Int = 1, into screen: inout Screen
    ) {
        let rows = BigDigits.rows(text, ascii: screen.style.ascii, scale: scale)
        for (offset, row) in rows.enumerated() {
            for (column, character) in row.enumerated() where character != " " {
                screen[x + column, y + offset] = Cell(String(character), role: role, emphasis: true)
            }
        }
    }

    /// The figure's sparkline over the drops up to the one shown, the last mark in the
    /// rating's role, then how many drops have a mark and from when, as the academy page
    /// counts them (`Sparkline.Timeline`), saying so when they cross the pandemic.
    static func trend(_ tile: Tile, width: Int, style: TextStyle) -> Line {
        var line = Line(style: style)
        guard tile.history.contains(where: { $0 != nil }) else {
            return line.adding("no figures to chart", .muted)
        }
        let whole = Sparkline.Timeline(
            drops: tile.drops, history: tile.history, through: nil, columns: tile.history.count)
        let shortest = whole.captions(ascii: style.ascii, namingTheLast: false).last ?? ""
        let fits = max(1, width - DisplayWidth.of(shortest) - 2)
        let timeline =
            fits >= tile.history.count
            ? whole
            : Sparkline.Timeline(drops: tile.drops, history: tile.history, through: nil, columns: fits)
        let marks = Array(timeline.marks(ascii: style.ascii))
        let role: Role
        if case .value(_, let rated) = tile.shown {
            role = RatingMark.role(rated.rating)
        } else {
            role = .text
        }
        for (index, mark) in marks.enumerated() {
            let last = index == marks.count - 1
            line.add(String(mark), last ? role : .text, emphasis: last)
        }
        let captions =
            timeline.drops.count == whole.drops.count
            ? whole.captions(ascii: style.ascii, namingTheLast: false) : ["last \(marks.count) drops"]
        let room = width - marks.count - 2
        let fitting =
            captions.first { DisplayWidth.of(style.clean($0)) <= room } ?? captions[captions.count - 1]
        line.add("  " + fitting, .muted)
        return line
    }
}

import Metrics

/// Why the focused figure of the academy page has its rating: the counts behind it, the
/// benchmark, the rule, any target and last year's value, in a box over the page.
public enum ExplainOverlay {
    /// The widest the box grows on a large screen.
    static let widest = 96

    /// Draws the explanation of `AcademyScreen.focusedFigure` in a box centred over the
    /// page, or a short note when the focused row has no figure.
    ///
    /// - Parameters:
    ///   - state: the focused panel and row.
    ///   - view: the trust's rated figures.
    ///   - urn: the academy shown.
    ///   - screen: the frame drawn into; the header and footer rows are left alone.
    public static func render(_ state: DashboardState, view: TrustView, urn: URN, into screen: inout Screen) {
        let ascii = screen.style.ascii
        guard let rated = AcademyScreen.focusedFigure(state, view: view, urn: urn) else {
            let rows = [Row(label: "", text: "There is no figure here to explain.", role: .muted)]
            draw(title: "Nothing to explain", rows: rows, into: &screen)
            return
        }
        let explanation = RatingExplanation(rated, source: view.data.publishedSource(of: rated.figure))
        var rows = [
            Row(label: "Rating", text: ratingText(rated, ascii: ascii), role: RatingMark.role(rated.rating))
        ]
        rows += explanation.lines.map { Row(label: $0.label, text: $0.text, role: .text) }
        let similar = similarRows(rated, view: view, ascii: ascii)
        draw(title: title(rated), rows: rows + similar.rows, list: similar.schools, into: &screen)
    }

    /// Draws the explanation of one of the selected overview row's figures (the trust's
    /// when the trust row is selected), `DashboardState.explainedColumn` choosing which;
    /// Tab moves to the next.
    public static func renderOverviewRow(_ state: DashboardState, view: TrustView, into screen: inout Screen)
    {
        guard let drop = state.drop(view) else { return }
        let row = state.explainedRow(view)
        let cells = row?.explained(in: view.rated(drop)) ?? []
        let column = max(0, min(state.overview.explainedColumn, cells.count - 1))
        let place = "\(row?.name ?? "") · figure \(column + 1) of \(cells.count), Tab for the next"
        guard cells.indices.contains(column), let rated = cells[column] else {
            let rows = [
                Row(label: "", text: place, role: .muted),
                Row(label: "", text: "There is no figure here to explain.", role: .muted),
            ]
            draw(title: "Nothing to explain", rows: rows, into: &screen)
            return
        }
        let leftOut =
            rated.figure.owner == .trust
            ? (view.trustLeftOut(drop)[FigureCalculator.smallKey(rated.figure)] ?? []).map { urn in
                "\(view.academies[urn]?.name ?? urn.description) (\(urn))"
            } : []
        let explanation = RatingExplanation(
            rated, leftOut: leftOut, source: view.data.publishedSource(of: rated.figure))
        var rows = [
            Row(label: "", text: place, role: .muted),
            Row(
                label: "Rating", text: ratingText(rated, ascii: screen.style.ascii),
                role: RatingMark.role(rated.rating)),
        ]
        rows += explanation.lines.map { Row(label: $0.label, text: $0.text, role: .text) }
        // The same similar schools as the academy page's explanation; for the trust, each
        // academy's group median, which its expected figure weighs together.
        let similar =
            rated.figure.owner == .trust
            ? trustSimilarRows(rated, view: view, drop: drop)
            : similarRows(rated, view: view, ascii: screen.style.ascii)
        draw(title: title(rated), rows: rows + similar.rows, list: similar.schools, into: &screen)
    }

    /// One labelled line of the explanation.
    struct Row {
        var label: String
        var text: String
        var role: Role
    }

    /// "Why is RWM (Year 6, all pupils) amber?", or why it has no rating, or why it is
    /// suppressed.
    static func title(_ rated: RatedFigure) -> String {
        let figure = rated.figure
        var name = figure.kpi.label(in: figure.yearGroup)
        // "RWM", not "RWM expected": the expected standard is the subject's main figure.
        if case .expected(let subject) = figure.kpi, subject != .englishMaths, subject != .mtc {
            name = subject.label
        }
        let context =
            figure.yearGroup == .all ? figure.group.label : "\(figure.yearGroup), \(figure.group.label)"
        let named = figure.owner == .trust ? "the trust's \(name) (\(context))" : "\(name) (\(context))"
        switch rated.rating {
        case .none: return "Why does \(named) have no rating?"
        case .suppressed: return "Why is \(named) suppressed?"
        case .green, .amber, .red: return "Why is \(named) \(rated.rating.word.lowercased())?"
        }
    }

    /// The rating with its mark and the value shown: "▲ AMBER  58.6%", "▲ AMBER  ≈58.6%"
    /// when approximate, "◌ suppressed by the DfE" for a DfE `SUPP`.
    static func ratingText(_ rated: RatedFigure, ascii: Bool) -> String {
        var text = "\(RatingMark.mark(rated.rating, ascii: ascii)) \(rated.rating.word)"
        if rated.isSuppressedByDfE { text += " by the DfE" }
        if let shown = rated.shown {
            let approximate = rated.isApproximate ? RatingMark.approximate(ascii: ascii) : ""
            text +=
                "  \(approximate)\(DisplayRounding.text(shown, for: rated.figure.kpi))"
                + (rated.figure.kpi.isPercentage ? "%" : "")
        }
        return text
    }

    /// Draws the box: labels in a column, texts wrapped beside them, "Esc close" in the
    /// bottom edge; rows that do not fit are cut, the last shown ending in an ellipsis.
    /// `list` follows the rows one line each (cut, not wrapped), as many as fit, the last
    /// then saying how many more there are.
    static func draw(title: String, rows: [Row], list: [Row] = [], into screen: inout Screen) {
        let style = screen.style
        let labelWidth = (rows + list).map { DisplayWidth.of(style.clean($0.label)) }.max() ?? 0
        let natural = (rows + list).map { DisplayWidth.of(style.clean($0.text)) }.max() ?? 0
        let titleWidth = DisplayWidth.of(style.clean(title)) + 6
        let width = max(0, min(screen.width - 2, widest, max(labelWidth + 2 + natural + 4, titleWidth, 40)))
        let textWidth = max(1, width - 4 - labelWidth - 2)
        var lines: [(label: String, text: String, role: Role)] = []
        for row in rows {
            for (index, part) in wrap(style.clean(row.text), width: textWidth).enumerated() {
                lines.append((index == 0 ? row.label : "", part, row.role))
            }
        }
        let room = screen.height - 2
        let listRoom = room - 2 - lines.count
        if !list.isEmpty, listRoom > 0 {
            let kept = list.count <= listRoom ? list : Array(list.prefix(listRoom - 1))
            for row in kept { lines.append((row.label, style.clean(row.text), row.role)) }
            if kept.count < list.count {
                lines.append(
                    (kept.isEmpty ? list[0].label : "", "and \(list.count - kept.count) more", .muted))
            }
        }
        let height = min(room, lines.count + 2)
        guard width >= 8, height >= 3 else { return }
        let x = (screen.width - width) / 2
        let y = 1 + (room - height) / 2
        screen.fill(x: x - 1, y: y, width: width + 2, height: height)
        screen.box(x: x, y: y, width: width, height: height, title: title, role: .focus, heavy: true)
        let shown = lines.prefix(height - 2)
        for (offset, line) in shown.enumerated() {
            let row = y + 1 + offset
            let cut = offset == shown.count - 1 && lines.count > shown.count
            screen.write(line.label, x: x + 2, y: row, role: .heading, maxWidth: labelWidth)
            let text = cut ? line.text + (style.ascii ? "..." : "…") : line.text
            let emphasis = line.role != .text
            screen.write(
                text, x: x + 4 + labelWidth, y: row, role: line.role, emphasis: emphasis, maxWidth: textWidth)
        }
        guard width >= 16 else { return }
        let close = screen.write(" Esc", x: x + width - 12, y: y + height - 1, role: .key)
        screen.write(" close ", x: close, y: y + height - 1, role: .text)
    }

    /// `text` broken at spaces into lines of at most `width` columns; a word longer than
    /// a line is cut across lines.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = line.isEmpty ? word : line + " " + word
            if DisplayWidth.of(candidate) <= width {
                line = candidate
                continue
            }
            if !line.isEmpty { lines.append(line) }
            line = word
            while DisplayWidth.of(line) > width {
                var head = ""
                for character in line {
                    guard DisplayWidth.of(head) + DisplayWidth.of(character) <= width else { break }
                    head.append(character)
                }
                guard !head.isEmpty else { break }
                lines.append(head)
                line = String(line.dropFirst(head.count))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.isEmpty ? [""] : lines
    }
}

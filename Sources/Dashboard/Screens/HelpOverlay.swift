import Metrics

/// The help overlay: every key of the screen underneath (from the same table as the
/// footer, or the slideshow's own keys in presentation mode), the abbreviations on
/// screen, and what every mark means, in the form this terminal shows them. Long lines
/// wrap; when the help is taller than the screen it scrolls with ↑↓, PgUp and PgDn.
public enum HelpOverlay {
    /// The widest the box grows on a large screen.
    static let widest = 96

    /// The columns of the label column, before the text.
    static let labelWidth = 12

    /// One line of the help: a label (a key, a word or a mark) and what it means.
    struct Entry {
        var label: String
        var text: String
        var role: Role = .key
    }

    /// Draws the help box over the page, scrolled to `state.helpScroll`.
    public static func render(_ state: DashboardState, into screen: inout Screen) {
        let width = max(20, min(screen.width - 4, widest))
        let lines = lines(state, ascii: screen.style.ascii, width: width)
        let layout = HelpLayout(height: screen.height, lineCount: lines.count)
        let height = layout.boxHeight
        let x = max(0, (screen.width - width) / 2)
        let y = max(0, min(1, screen.height - height))
        let shown = layout.rowsShown
        let scroll = max(0, min(state.helpScroll, layout.lastScroll))
        screen.fill(x: x, y: y, width: width, height: height)
        screen.box(x: x, y: y, width: width, height: height, title: title(state), role: .focus, heavy: true)
        for (offset, line) in lines.dropFirst(scroll).prefix(shown).enumerated() {
            let row = y + 1 + offset
            screen.write(line.label, x: x + 2, y: row, role: line.role, maxWidth: labelWidth)
            screen.write(
                line.text, x: x + 3 + labelWidth, y: row, role: .text, maxWidth: width - 5 - labelWidth)
        }
        let ascii = screen.style.ascii
        var bottom = " Esc close "
        if lines.count > shown {
            let dash = ascii ? "-" : "–"
            let position = " \(scroll + 1)\(dash)\(min(lines.count, scroll + shown)) of \(lines.count) "
            bottom = " \(ascii ? "up/dn" : "↑↓") PgUp PgDn scroll · Esc close "
            screen.write(position, x: x + 2, y: y + height - 1, role: .muted)
        }
        screen.writeRight(bottom, right: x + width - 2, y: y + height - 1, role: .key)
    }

    /// How many lines the help has on a screen of `state`'s size, for scrolling.
    public static func lineCount(_ state: DashboardState) -> Int {
        let width = max(20, min(state.width - 4, widest))
        return lines(state, ascii: state.ascii, width: width).count
    }

    /// How the box sits on a screen of `state`'s size.
    public static func layout(_ state: DashboardState) -> HelpLayout {
        HelpLayout(height: state.height, lineCount: lineCount(state))
    }

    /// "Keys: academy", and so on.
    static func title(_ state: DashboardState) -> String {
        if state.presentation != nil { return "Keys: presentation" }
        switch state.page {
        case .overview: return "Keys: trust overview"
        case .academy: return "Keys: academy"
        case .changes: return "Keys: what changed"
        case .trust: return "Keys: trust page"
        }
    }

    /// Every line of the help, wrapped to a box `width` columns wide.
    static func lines(_ state: DashboardState, ascii: Bool, width: Int) -> [Entry] {
        var entries = keys(state, ascii: ascii)
        entries.append(Entry(label: "", text: ""))
        entries.append(Entry(label: "Marks", text: "", role: .heading))
        entries += marks(ascii: ascii)
        entries.append(Entry(label: "", text: ""))
        entries.append(Entry(label: "Words", text: "", role: .heading))
        entries += abbreviations
        let room = max(1, width - 5 - labelWidth)
        return entries.flatMap { entry -> [Entry] in
            let wrapped = DashboardRenderer.wrap(entry.text, width: room)
            guard wrapped.count > 1 else { return [entry] }
            return wrapped.enumerated().map { index, text in
                Entry(label: index == 0 ? entry.label : "", text: text, role: entry.role)
            }
        }
    }

    /// The keys that work on the screen underneath.
    static func keys(_ state: DashboardState, ascii: Bool) -> [Entry] {
        if state.presentation != nil {
            return Presentation.keys(ascii: ascii).map { Entry(label: $0.key, text: $0.does) }
        }
        var entries = KeyTable.bindings(state.page.keyContext).filter(\.inHelp).map { binding in
            Entry(label: ascii ? binding.asciiLabel : binding.label, text: binding.long)
        }
        entries.append(
            Entry(
                label: ascii ? "up/dn" : "↑↓",
                text: "in this help: scroll (also PgUp, PgDn); Esc or ? closes it"))
        return entries
    }

    /// Every mark the screens draw, in this terminal's form (Unicode or ASCII).
    static func marks(ascii: Bool) -> [Entry] {
        let ratings = [RAGRating.green, .amber, .red, .none, .suppressed].map { rating in
            Entry(
                label: RatingMark.mark(rating, ascii: ascii), text: ratingMeaning(rating),
                role: RatingMark.role(rating))
        }
        let arrows = [ChangeArrow.up, .down, .level].map { arrow in
            Entry(
                label: arrow.glyph(ascii: ascii),
                text: arrow == .up
                    ? "went up since the figure compared: the same term last year, or the previous drop"
                    : arrow.word,
                role: .text)
        }
        let colours = Entry(
            label: "", text: "a change's colour says better or worse; its arrow says only which way",
            role: .text)
        return ratings + arrows + [colours] + [
            Entry(
                label: RatingMark.approximate(ascii: ascii),
                text: "approximate: a trust-wide figure that weights some academies' rounded "
                    + "percentages by pupils, because their counts are not known",
                role: .text),
            Entry(label: ascii ? "-" : "—", text: "no figure: nothing was published or sent", role: .muted),
            Entry(label: "SUPP", text: "suppressed: the figure is not shown", role: .suppressed),
            Entry(label: ascii ? ">" : "▶", text: "the selected row", role: .focus),
            Entry(label: "", text: "a mark's shape tells the rating without colour", role: .text),
        ]
    }

    /// What a rating's mark means.
    static func ratingMeaning(_ rating: RAGRating) -> String {
        switch rating {
        case .green: "green: on or better than its green line (e explains a figure's lines)"
        case .amber: "amber: short of the green line, not past the amber line"
        case .red: "red: past the amber line"
        case .none: "no rating: no benchmark, target or rule applies"
        case .suppressed:
            "suppressed: fewer than \(Figure.smallestShownGroup) pupils, hidden to protect a small "
                + "group, or suppressed by the DfE; never shown or exported"
        }
    }

    /// The abbreviations the screens use.
    static let abbreviations: [Entry] = [
        Entry(
            label: "RWM",
            text: "reading, writing and maths: pupils meeting the expected standard in all three"),
        Entry(
            label: "E&M", text: "English and maths GCSE: 4+ is the standard pass, 5+ (E5+) the strong pass"),
        Entry(label: "A8", text: "Attainment 8: average points over eight GCSE subjects"),
        Entry(
            label: "P8", text: "Progress 8: progress against pupils with similar KS2 results; 0 is national"),
        Entry(label: "PA", text: "persistent absence: pupils missing 10% or more of their sessions"),
        Entry(label: "Sev.", text: "severe absence: pupils missing 50% or more of their sessions"),
        Entry(label: "GD", text: "greater depth: above the expected standard, by teacher assessment"),
        Entry(label: "MTC", text: "multiplication tables check, Year 4 (25 is full marks)"),
        Entry(label: "EBacc", text: "English Baccalaureate"),
        Entry(label: "disadv.", text: "disadvantaged pupils (pupil premium)"),
        Entry(label: "T", text: "the academy's own target rates the figure, not the benchmark"),
        Entry(label: "SIL", text: "school improvement lead"),
        Entry(label: "URN", text: "the DfE's unique reference number of a school"),
        Entry(label: "drop", text: "one term's data sent in by the academies"),
    ]
}

import Metrics

/// Presentation mode's frame: one academy (or the trust) per slide, its three headline
/// figures large enough to read from the back of a room, each with its rating's mark and
/// word and its change on the same term last year, then trends and the disadvantaged gap.
///
/// A pure function of the show, the data, the drop and the size, like the other screens.
/// From 100×30 the figures are drawn in big digits; below that in ordinary text; below
/// 40×10 the frame says the terminal is too small. Every frame is exactly the size asked
/// for, and no figure of a group under 6 pupils is ever drawn.
public enum PresentationScreen {
    /// The smallest screen presentation mode draws a slide on.
    public static let minimumWidth = 40
    /// The smallest screen presentation mode draws a slide on.
    public static let minimumHeight = 10
    /// The smallest screen on which the figures are drawn in big digits.
    public static let bigWidth = 100
    /// The smallest screen on which the figures are drawn in big digits.
    public static let bigHeight = 30

    /// The frame for the slide `presentation` is on: exactly `width` × `height` cells.
    ///
    /// - Parameters:
    ///   - presentation: the show: which slide, and the time left or that it is paused.
    ///   - view: the trust's figures.
    ///   - drop: the drop whose figures are shown.
    ///   - width: columns.
    ///   - height: rows.
    ///   - ascii: true for ASCII only: `#` blocks, marks `G A R N S`, arrows `^ v =`.
    /// - Returns: the frame, whatever the size: a slide, or below 40×10 a note that the
    ///   terminal is too small.
    public static func render(
        _ presentation: Presentation, view: TrustView, drop: DataDrop, width: Int, height: Int, ascii: Bool
    ) -> Screen {
        var screen = Screen(width: width, height: height, style: TextStyle(ascii: ascii))
        guard screen.width >= minimumWidth, screen.height >= minimumHeight else {
            tooSmall(into: &screen)
            return screen
        }
        let slide = slide(presentation, view: view, drop: drop, style: screen.style)
        let big = screen.width >= bigWidth && screen.height >= bigHeight
        let top = header(slide, presentation, view: view, drop: drop, big: big, into: &screen)
        let bottom = screen.height - (big ? 2 : 1)
        if big {
            screen.rule(y: bottom)
            drawBig(slide, top: top, bottom: bottom, into: &screen)
        } else {
            drawCompact(slide, top: top, bottom: bottom, into: &screen)
        }
        footer(presentation, into: &screen)
        return screen
    }

    /// The title and the drop on row 0; the subtitle and the slide's position on row 1
    /// (and a rule under them on a big screen). Returns the first row left for the slide.
    static func header(
        _ slide: Slide, _ presentation: Presentation, view: TrustView, drop: DataDrop, big: Bool,
        into screen: inout Screen
    ) -> Int {
        let ingested = view.ingested(drop)
        let forms = [
            [drop.description, ingested.map { "ingested \($0)" }],
            [drop.description, ingested],
            [drop.description],
        ].map { $0.compactMap { $0 }.joined(separator: " · ") }
        let titleRoom = min(DisplayWidth.of(screen.style.clean(slide.title)), screen.width / 2)
        let room = screen.width - 2 - titleRoom - 3
        let right = forms.first { DisplayWidth.of(screen.style.clean($0)) <= room } ?? forms[forms.count - 1]
        let rightWidth = min(DisplayWidth.of(screen.style.clean(right)), screen.width - 2)
        let rightStart = screen.width - 1 - rightWidth
        screen.write(right, x: rightStart, y: 0, role: .heading, maxWidth: rightWidth)
        screen.write(slide.title, x: 1, y: 0, role: .title, emphasis: true, maxWidth: max(1, rightStart - 4))
        let position = "\(presentation.position) of \(presentation.order.count)"
        let positionStart = screen.width - 1 - DisplayWidth.of(position)
        screen.write(position, x: positionStart, y: 1, role: .muted)
        draw(slide.subtitle, x: 1, y: 1, width: positionStart - 3, into: &screen)
        guard big else { return 2 }
        screen.rule(y: 2)
        return 3
    }

    /// The last row: how to pause, step and quit on the left; the time to the next slide,
    /// or "paused", on the right.
    static func footer(_ presentation: Presentation, into screen: inout Screen) {
        let y = screen.height - 1
        let arrows = screen.style.ascii ? "<- ->" : "← →"
        // Space resumes a paused show, so the footer says so.
        let space = presentation.paused ? "resume" : "pause"
        let keys: [[(key: String, does: String)]] = [
            [("space", space), (arrows, "academy"), ("[ ]", "drop"), ("?", "help"), ("q", "quit")],
            [("space", space), (arrows, "academy"), ("?", "help"), ("q", "quit")],
            [("space", space), (arrows, "academy"), ("q", "quit")],
            [("space", space), (arrows, ""), ("q", "quit")],
        ]
        let separators = [" · ", "  "]
        var lefts: [Line] = []
        for set in keys {
            for separator in separators {
                var line = Line(style: screen.style)
                for (offset, entry) in set.enumerated() {
                    if offset > 0 { line.add(separator, .muted) }
                    line.add(entry.key, .key, emphasis: true)
                    if !entry.does.isEmpty { line.add(" " + entry.does, .muted) }
                }
                lefts.append(line)
            }
        }
        let rights: [Line] =
            presentation.paused
            ? [Line(style: screen.style).adding("paused", .notice, emphasis: true)]
            : [
                Line(style: screen.style).adding("next in \(presentation.secondsLeft) s", .muted),
                Line(style: screen.style).adding("\(presentation.secondsLeft) s", .muted),
            ]
        let pairs = rights.flatMap { right in lefts.map { ($0, right) } }
        let fits = pairs.first { $0.0.width + $0.1.width + 4 <= screen.width }
        let (left, right) = fits ?? (lefts[lefts.count - 1], rights[rights.count - 1])
        let rightStart = screen.width - 1 - right.width
        draw(right, x: rightStart, y: y, width: right.width, into: &screen)
        draw(left, x: 1, y: y, width: max(0, rightStart - 3), into: &screen)
    }

    static func tooSmall(into screen: inout Screen) {
        DashboardRenderer.tooSmall(needWidth: minimumWidth, needHeight: minimumHeight, into: &screen)
    }

    /// Draws `line` from column `x` of row `y`, cut to `width` columns.
    static func draw(_ line: Line, x: Int, y: Int, width: Int, into screen: inout Screen) {
        guard width > 0 else { return }
        var column = x
        for run in line.runs {
            let room = x + width - column
            guard room > 0 else { break }
            column = screen.write(
                run.text, x: column, y: y, role: run.role, emphasis: run.emphasis, maxWidth: room)
        }
    }
}

extension PresentationScreen {
    /// A line of text in runs of one role each, measured as the screen will draw it.
    struct Line {
        /// A run of text in one role.
        struct Run {
            var text: String
            var role: Role
            var emphasis: Bool
        }

        /// The runs, left to right.
        private(set) var runs: [Run] = []
        /// The columns the line takes.
        private(set) var width = 0
        /// How text is cleaned, so that it is measured as drawn.
        let style: TextStyle

        init(style: TextStyle) { self.style = style }

        /// Adds `text` at the end.
        mutating func add(_ text: String, _ role: Role = .text, emphasis: Bool = false) {
            let clean = style.clean(text)
            runs.append(Run(text: clean, role: role, emphasis: emphasis))
            width += DisplayWidth.of(clean)
        }

        /// Adds `text` at the end, padded with spaces to `columns` (or cut to them).
        mutating func add(_ text: String, _ role: Role = .text, emphasis: Bool = false, columns: Int) {
            let cut = DisplayWidth.truncate(style.clean(text), to: columns, ascii: style.ascii)
            add(cut, role, emphasis: emphasis)
            let gap = columns - DisplayWidth.of(cut)
            if gap > 0 { add(String(repeating: " ", count: gap)) }
        }

        /// The line with `text` added at the end.
        func adding(_ text: String, _ role: Role = .text, emphasis: Bool = false) -> Line {
            var line = self
            line.add(text, role, emphasis: emphasis)
            return line
        }

        /// The first of `variants` that fits in `width` columns, else the last, which
        /// drawing cuts with an ellipsis.
        static func fitting(_ variants: [Line], width: Int, style: TextStyle) -> Line {
            variants.first { $0.width <= width } ?? variants.last ?? Line(style: style)
        }
    }

    /// The rating's mark and word: "● GREEN", "■ RED", "◌ suppressed"; nil when missing.
    static func ratingText(_ tile: Tile, ascii: Bool) -> (text: String, role: Role)? {
        switch tile.shown {
        case .value(_, let rated):
            return (
                RatingMark.mark(rated.rating, ascii: ascii) + " " + rated.rating.word,
                RatingMark.role(rated.rating)
            )
        case .suppressed:
            return (RatingMark.mark(.suppressed, ascii: ascii) + " " + RAGRating.suppressed.word, .suppressed)
        case .missing:
            return nil
        }
    }

    /// The value written as shown, with "%" for a percentage when `unit`: "95.0%";
    /// "SUPP" when suppressed; nil when missing.
    static func valueText(_ tile: Tile, unit: String) -> (text: String, role: Role)? {
        switch tile.shown {
        case .value(let value, let rated):
            let kpi = rated.figure.kpi
            return (
                DisplayRounding.text(value, for: kpi) + (kpi.isPercentage ? unit : ""),
                RatingMark.role(rated.rating)
            )
        case .suppressed: return ("SUPP", .suppressed)
        case .missing: return nil
        }
    }

    /// The change on the same term last year: "↑ 1.0 on last spring" (or "↑ 1.0" when
    /// not `long`) in the role for better or worse; muted when level or unknown; nil when
    /// the figure is suppressed or missing.
    static func changeText(_ tile: Tile, long: Bool, ascii: Bool) -> (text: String, role: Role)? {
        guard case .value(_, let rated) = tile.shown else { return nil }
        let last = "last \(tile.term.rawValue)"
        guard let change = rated.change else {
            if long, let withheld = ChangeArrow.notCompared(lastYearOf: tile.drops.last) {
                return (withheld, .muted)
            }
            return (long ? "no figure for \(last)" : (ascii ? "-" : "—"), .muted)
        }
        let size = DisplayRounding.text(abs(change), for: rated.figure.kpi)
        let suffix = long ? " on \(last)" : ""
        guard let better = rated.changeIsBetter else { return ("= " + size + suffix, .muted) }
        return (ChangeArrow.text(change, size: size, ascii: ascii) + suffix, better ? .better : .worse)
    }
}

import Metrics

/// A one-line chart of a figure over time, one character per drop.
public enum Sparkline {
    /// The eight heights, lowest first.
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The same eight heights in ASCII, lowest first.
    static let asciiBars: [Character] = ["_", ".", "-", ":", "=", "+", "*", "#"]

    /// One character per value, scaled from the smallest value (▁) to the largest (█);
    /// a space where there is no value, and the middle height when every value is equal.
    ///
    /// - Parameters:
    ///   - values: the figure in each drop, oldest first; nil where there is none.
    ///   - ascii: true for `_.-:=+*#` in place of the block characters.
    /// - Returns: a string of exactly `values.count` characters.
    public static func text(_ values: [Double?], ascii: Bool) -> String {
        let marks = ascii ? asciiBars : bars
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: values.count)
        }
        let top = marks.count - 1
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard high > low else { return marks[top / 2] }
                let level = Int(((value - low) / (high - low) * Double(top)).rounded())
                return marks[max(0, min(top, level))]
            })
    }

    /// A figure's sparkline on the drops' time axis: one column for each of the trust's
    /// drops up to and including the drop viewed, and a gap in every drop where the figure
    /// has no value. An academy that joined the trust last year shows marks only for its
    /// own drops, at the right of the line, where they line up with every other
    /// academy's same drops; a drop with no figure in the middle of a run is a gap, not a
    /// jump from one neighbour to the next.
    ///
    /// The overview and the academy page both draw it, so that a figure's trend reads the
    /// same everywhere.
    public struct Timeline: Sendable, Equatable {
        /// The drops on the axis, oldest first; the last is the drop viewed.
        public let drops: [DataDrop]
        /// The figure's shown value in each of `drops`; nil for a gap (no figure, or a
        /// suppressed one).
        public let values: [Double?]

        /// The time axis of `history` ending at `through`, the latest `columns` drops of it.
        ///
        /// - Parameters:
        ///   - drops: every drop of the trust, oldest first (`TrustView.drops`).
        ///   - history: the figure in each of `drops` (`TrustView.history`), nil where none.
        ///   - through: the drop viewed: no later drop is drawn. Nil for the latest.
        ///   - columns: the most drops to show, at least 1.
        public init(drops: [DataDrop], history: [Double?], through: DataDrop?, columns: Int) {
            let upTo = drops.indices.filter { index in
                index < history.count && through.map { drops[index] <= $0 } ?? true
            }
            let shown = upTo.suffix(max(1, columns))
            self.drops = shown.map { drops[$0] }
            values = shown.map { history[$0] }
        }

        /// The timeline of one figure of `owner` in `view`, through the drop `through`.
        public init(
            view: TrustView, owner: Figure.Owner, kpi: KPI, group: PupilGroup = .all,
            yearGroup: YearGroup = .all, through: DataDrop?, columns: Int
        ) {
            self.init(
                drops: view.drops, history: view.history(owner, kpi, group: group, yearGroup: yearGroup),
                through: through, columns: columns)
        }

        /// One character per drop (see `Sparkline.text`): a space for a gap.
        public func marks(ascii: Bool) -> String { Sparkline.text(values, ascii: ascii) }

        /// How many drops have a value: the marks drawn.
        public var marked: Int { values.reduce(0) { $0 + ($1 == nil ? 0 : 1) } }

        /// The first drop with a value.
        public var firstMarked: DataDrop? { values.firstIndex { $0 != nil }.map { drops[$0] } }

        /// The last drop with a value.
        public var lastMarked: DataDrop? { values.lastIndex { $0 != nil }.map { drops[$0] } }

        /// The drops from the first marked to the last, gaps between them included.
        public var span: Int {
            guard let first = values.firstIndex(where: { $0 != nil }),
                let last = values.lastIndex(where: { $0 != nil })
            else { return 0 }
            return last - first + 1
        }

        /// The smallest and largest values drawn.
        public var range: (low: Double, high: Double)? {
            let present = values.compactMap { $0 }
            guard let low = present.min(), let high = present.max() else { return nil }
            return (low, high)
        }

        /// What the marks cover, longest first, for the caller to take the first that fits:
        /// "3 drops, 2024/25 autumn → 2024/25 summer", "3 drops from 2024/25 autumn",
        /// "3 drops"; "7 of 8 drops, …" when drops between the first and last have no
        /// value; "no figures" when none has one. Only drops with a mark are counted. Marks
        /// that reach into or across the pandemic years say so in every form (see
        /// `pandemicWords`), since bars side by side read as comparable.
        ///
        /// With `namingTheLast` false, the forms that name the last drop are left out: a
        /// slide names the drop it shows in its header.
        public func captions(ascii: Bool, namingTheLast: Bool = true) -> [String] {
            guard let first = firstMarked, let last = lastMarked else { return ["no figures"] }
            let count = marked == span ? "\(marked)" : "\(marked) of \(span)"
            let noun = span == 1 ? "drop" : "drops"
            guard first != last else { return namingTheLast ? ["1 drop, \(first)", "1 drop"] : ["1 drop"] }
            let arrow = ascii ? "->" : "→"
            guard let pandemic = pandemicWords else {
                return (namingTheLast ? ["\(count) \(noun), \(first) \(arrow) \(last)"] : []) + [
                    "\(count) \(noun) from \(first)", "\(count) \(noun)",
                ]
            }
            let naming = [
                "\(count) \(noun), \(first) \(arrow) \(last); \(pandemic)",
                "\(count) \(noun), \(first) \(arrow) \(last), across the pandemic",
            ]
            return (namingTheLast ? naming : []) + [
                "\(count) \(noun) from \(first), across the pandemic",
                "\(count) \(noun), across the pandemic",
                "\(count) \(noun) (pandemic)",
            ]
        }

        /// What the marks hold of the pandemic years, when the first and last marks are a
        /// pandemic apart (`RatingChange.Comparison.spansPandemic`): "2020/21 a pandemic
        /// year", "2019/20 and 2020/21 pandemic years", or "none in the pandemic years"
        /// when the marks on either side of them stand next to each other. Nil otherwise.
        public var pandemicWords: String? {
            guard let first = firstMarked, let last = lastMarked,
                RatingChange.Comparison.spansPandemic(first, last)
            else { return nil }
            var years: [AcademicYear] = []
            for (drop, value) in zip(drops, values)
            where value != nil && BenchmarkMatcher.isPandemic(drop.year) {
                if !years.contains(drop.year) { years.append(drop.year) }
            }
            switch years.count {
            case 0: return "none in the pandemic years"
            case 1: return "\(years[0]) a pandemic year"
            default: return years.map(\.description).joined(separator: " and ") + " pandemic years"
            }
        }
    }
}

import Metrics

/// Which way a figure moved, drawn in shapes no rating mark uses: ↑ up, ↓ down and = level,
/// or `^` `v` `=` in ASCII. The rating marks are ● ▲ ■ (G A R), so "amber" and "went up"
/// never share a shape. Every screen draws a change's direction through this one type.
public enum ChangeArrow: Hashable, Sendable {
    /// The figure went up.
    case up
    /// The figure went down.
    case down
    /// The figure is the same as shown.
    case level

    /// What a figure of `drop` shows in place of its change on the same term last year
    /// when that year is a pandemic apart (`RatingChange.Comparison.crossesPandemic`):
    /// "not compared (pandemic)", for last year's figure may well be stored. Nil otherwise.
    /// The academy page, the trust page and presentation mode all say it so.
    public static func notCompared(lastYearOf drop: DataDrop?) -> String? {
        guard let drop, RatingChange.Comparison.crossesPandemic(drop.sameTermLastYear, drop) else {
            return nil
        }
        return "not compared (pandemic)"
    }

    /// The direction of `change`: up above zero, down below it, level at zero.
    public init(_ change: Double) {
        self = change > 0 ? .up : change < 0 ? .down : .level
    }

    /// The glyph: ↑ ↓ =, or `^` `v` `=` in ASCII.
    public func glyph(ascii: Bool) -> String {
        switch self {
        case .up: ascii ? "^" : "↑"
        case .down: ascii ? "v" : "↓"
        case .level: "="
        }
    }

    /// The word for the direction, for help and the README's legend.
    public var word: String {
        switch self {
        case .up: "went up"
        case .down: "went down"
        case .level: "no change"
        }
    }

    /// The glyph for `change` followed by its size: "↑ 1.0", or "↑1.0" when not `spaced`.
    /// `size` is the change's size as shown (without a sign), so the glyph carries the
    /// direction alone.
    public static func text(_ change: Double, size: String, ascii: Bool, spaced: Bool = true) -> String {
        ChangeArrow(change).glyph(ascii: ascii) + (spaced ? " " : "") + size
    }
}

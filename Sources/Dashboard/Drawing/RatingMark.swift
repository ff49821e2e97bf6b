import Metrics

/// The shape shown beside every rating, so that no rating is told by colour alone.
public enum RatingMark {
    /// The mark for a rating: ● ▲ ■ · ◌, or G A R - S in ASCII.
    public static func mark(_ rating: RAGRating, ascii: Bool) -> String {
        switch rating {
        case .green: ascii ? "G" : "●"
        case .amber: ascii ? "A" : "▲"
        case .red: ascii ? "R" : "■"
        case .none: ascii ? "-" : "·"
        case .suppressed: ascii ? "S" : "◌"
        }
    }

    /// The role a rating is drawn in.
    public static func role(_ rating: RAGRating) -> Role {
        switch rating {
        case .green: .green
        case .amber: .amber
        case .red: .red
        case .none: .unrated
        case .suppressed: .suppressed
        }
    }

    /// The mark before an approximate value: ≈, or ~ in ASCII.
    public static func approximate(ascii: Bool) -> String { ascii ? "~" : "≈" }

    /// The arrow for a change: ▲ up, ▼ down, = none; ^ v = in ASCII.
    public static func arrow(_ change: Double, ascii: Bool) -> String {
        if change > 0 { return ascii ? "^" : "▲" }
        if change < 0 { return ascii ? "v" : "▼" }
        return "="
    }
}

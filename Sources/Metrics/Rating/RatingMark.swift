/// The shape shown beside every rating, so that no rating is told by colour alone.
public enum RatingMark {
    /// The mark for a rating: ● ▲ ■ · ◌, or G A R N S in ASCII. No rating is `N` in ASCII,
    /// not `-` (the dash of a missing figure) nor `.` (the ASCII form of the `·` between
    /// words); and no mark is one of the direction glyphs of `ChangeArrow`.
    public static func mark(_ rating: RAGRating, ascii: Bool) -> String {
        switch rating {
        case .green: ascii ? "G" : "●"
        case .amber: ascii ? "A" : "▲"
        case .red: ascii ? "R" : "■"
        case .none: ascii ? "N" : "·"
        case .suppressed: ascii ? "S" : "◌"
        }
    }

    /// The mark before an approximate value: ≈, or ~ in ASCII.
    public static func approximate(ascii: Bool) -> String { ascii ? "~" : "≈" }
}

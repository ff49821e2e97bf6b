import Metrics

extension RatingMark {
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
}

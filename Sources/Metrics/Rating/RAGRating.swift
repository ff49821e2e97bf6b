/// The rating of a figure: red, amber or green against its rule, `none` when no rule or
/// comparator applies, `suppressed` when the group is too small to show.
///
/// Ordered worst first for sorting: red < amber < green < none < suppressed.
public enum RAGRating: String, CaseIterable, Comparable, Sendable {
    case red
    case amber
    case green
    case none
    case suppressed

    /// True for red, amber and green: a rating against a rule, which a change can move.
    public var isRated: Bool {
        switch self {
        case .red, .amber, .green: true
        case .none, .suppressed: false
        }
    }

    /// The position in worst-first order.
    public var severity: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    /// The word shown to people: "RED", "AMBER", "GREEN", "no rating", "suppressed".
    public var word: String {
        switch self {
        case .red: "RED"
        case .amber: "AMBER"
        case .green: "GREEN"
        case .none: "no rating"
        case .suppressed: "suppressed"
        }
    }

    public static func < (lhs: RAGRating, rhs: RAGRating) -> Bool { lhs.severity < rhs.severity }
}

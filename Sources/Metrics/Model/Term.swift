/// The term of a data drop. Figures are cumulative for the year to the end of the term.
public enum Term: String, CaseIterable, Comparable, Sendable {
    case autumn
    case spring
    case summer

    /// The position of the term in the academic year, 0–2.
    public var index: Int {
        switch self {
        case .autumn: 0
        case .spring: 1
        case .summer: 2
        }
    }

    public static func < (lhs: Term, rhs: Term) -> Bool { lhs.index < rhs.index }
}

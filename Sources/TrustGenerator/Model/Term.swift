/// One of the three data drops of an academic year, in the order they happen.
enum Term: Int, CaseIterable, Comparable, Sendable {
    case autumn
    case spring
    case summer

    /// The value written in the `term` column.
    var key: String {
        switch self {
        case .autumn: "autumn"
        case .spring: "spring"
        case .summer: "summer"
        }
    }

    static func < (lhs: Term, rhs: Term) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The phase of education an academy provides.
public enum Phase: String, CaseIterable, Comparable, Sendable {
    case primary
    case secondary
    case allThrough = "all-through"
    case special
    case alternativeProvision = "alternative-provision"

    /// A label of at most four letters for narrow columns.
    public var shortLabel: String {
        switch self {
        case .primary: "prim"
        case .secondary: "sec"
        case .allThrough: "all"
        case .special: "spec"
        case .alternativeProvision: "AP"
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

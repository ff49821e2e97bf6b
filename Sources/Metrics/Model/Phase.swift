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

    /// The schools of the phase, in words: "primary schools".
    public var schoolsLabel: String {
        switch self {
        case .primary: "primary schools"
        case .secondary: "secondary schools"
        case .allThrough: "all-through schools"
        case .special: "special schools"
        case .alternativeProvision: "alternative provision schools"
        }
    }

    public static func < (lhs: Phase, rhs: Phase) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

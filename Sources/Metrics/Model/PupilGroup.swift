/// A group of pupils that figures are broken down by.
public enum PupilGroup: String, CaseIterable, Comparable, Sendable {
    case all
    case disadvantaged
    case notDisadvantaged = "not_disadvantaged"
    case senSupport = "sen_support"
    case ehcp
    case noSen = "no_sen"
    case eal
    case boys
    case girls

    /// How the group is named on screen.
    public var label: String {
        switch self {
        case .all: "all pupils"
        case .disadvantaged: "disadvantaged"
        case .notDisadvantaged: "not disadvantaged"
        case .senSupport: "SEN support"
        case .ehcp: "EHCP"
        case .noSen: "no SEN"
        case .eal: "EAL"
        case .boys: "boys"
        case .girls: "girls"
        }
    }

    /// The position of the group in `allCases`.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: PupilGroup, rhs: PupilGroup) -> Bool { lhs.index < rhs.index }
}

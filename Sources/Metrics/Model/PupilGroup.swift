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

    /// The position of the group in `allCases`. A switch, not a search of `allCases`:
    /// every figure's key asks for it, millions of times on a national store.
    public var index: Int {
        switch self {
        case .all: 0
        case .disadvantaged: 1
        case .notDisadvantaged: 2
        case .senSupport: 3
        case .ehcp: 4
        case .noSen: 5
        case .eal: 6
        case .boys: 7
        case .girls: 8
        }
    }

    public static func < (lhs: PupilGroup, rhs: PupilGroup) -> Bool { lhs.index < rhs.index }
}

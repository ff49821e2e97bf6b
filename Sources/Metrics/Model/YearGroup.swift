/// A year group: nursery, reception, Years 1–13, or all year groups together.
public enum YearGroup: Hashable, Comparable, Sendable, CustomStringConvertible {
    case all
    case nursery
    case reception
    case year(Int)

    /// Every year group, in school order, then `all`.
    public static let allCases: [YearGroup] = [.nursery, .reception] + (1...13).map { .year($0) } + [.all]

    /// Reads `all`, `N`, `R` or `1`…`13` (letters in any case).
    public init?(rawValue: String) {
        switch rawValue.lowercased() {
        case "all": self = .all
        case "n": self = .nursery
        case "r": self = .reception
        default:
            guard let number = Int(rawValue), (1...13).contains(number), String(number) == rawValue else {
                return nil
            }
            self = .year(number)
        }
    }

    /// Written as in the data-drop format: `all`, `N`, `R`, `1`…`13`.
    public var rawValue: String {
        switch self {
        case .all: "all"
        case .nursery: "N"
        case .reception: "R"
        case .year(let number): String(number)
        }
    }

    /// The raw value of each year group, at its `code`.
    static let rawValues: [String] = (0...15).map { code in
        allCases.first { $0.code == code }?.rawValue ?? ""
    }

    /// A small number that orders year groups: nursery 0, reception 1, Year N is N + 1, all 15.
    public var code: Int {
        switch self {
        case .nursery: 0
        case .reception: 1
        case .year(let number): number + 1
        case .all: 15
        }
    }

    /// How the year group is named on screen: "Year 6", "Reception", "all years".
    public var description: String {
        switch self {
        case .all: "all years"
        case .nursery: "Nursery"
        case .reception: "Reception"
        case .year(let number): "Year \(number)"
        }
    }

    public static func < (lhs: YearGroup, rhs: YearGroup) -> Bool { lhs.code < rhs.code }
}

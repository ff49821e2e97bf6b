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

extension YearGroup {
    /// A year group in one byte, for the records a national store holds a million of: the
    /// enum takes nine bytes (its `year` holds a whole word), which padded an attainment
    /// record by eight. Nursery 0, reception 1, Years 1–13 2–14 (as `code`), all 15, and
    /// the years past 13 that no file gives but a caller may make, 14–253, 16–255.
    struct Packed: Hashable, Sendable {
        private let byte: UInt8

        /// Packs `yearGroup`, which must be nursery, reception, all, or a year from 1 to 253.
        init(_ yearGroup: YearGroup) {
            switch yearGroup {
            case .nursery: byte = 0
            case .reception: byte = 1
            case .year(let number) where (1...13).contains(number): byte = UInt8(number + 1)
            case .all: byte = 15
            case .year(let number):
                guard let byte = UInt8(exactly: number + 2), number > 0 else {
                    preconditionFailure("\(yearGroup) is not a year group a record can hold")
                }
                self.byte = byte
            }
        }

        /// The year group packed.
        var yearGroup: YearGroup {
            switch byte {
            case 0: .nursery
            case 1: .reception
            case 15: .all
            case 2...14: .year(Int(byte) - 1)
            default: .year(Int(byte) - 2)
            }
        }
    }
}

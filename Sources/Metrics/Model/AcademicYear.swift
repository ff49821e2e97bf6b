/// An English academic year, September to August, named by the year it starts in.
public struct AcademicYear: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The calendar year the academic year starts in, in two bytes: a national store holds
    /// a million records, each naming its drop, and a whole word here made every record
    /// eight bytes longer (a fifth of an attainment record).
    private let storedStart: Int16

    /// The calendar year the academic year starts in: 2024 for 2024/25.
    public var start: Int { Int(storedStart) }

    /// Makes the academic year that starts in `start`, which must be a year that two bytes
    /// hold (`Int16`); readers of outside data check with `init?(exactly:)`.
    public init(_ start: Int) {
        guard let stored = Int16(exactly: start) else {
            preconditionFailure("academic year \(start) is outside \(Int16.min)...\(Int16.max)")
        }
        storedStart = stored
    }

    /// The academic year that starts in `start`, or nil unless `start` is a year of four
    /// digits at most (1…9999), as a store written by trustboard holds.
    public init?(exactly start: Int) {
        guard (1...9999).contains(start) else { return nil }
        storedStart = Int16(start)
    }

    /// Reads `2024/25`, `2024-25` or `202425`; nil for anything else, or when the second
    /// year does not follow the first.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        let digits: [UInt8]
        switch bytes.count {
        case 7 where bytes[4] == UInt8(ascii: "/") || bytes[4] == UInt8(ascii: "-"):
            digits = Array(bytes[0..<4] + bytes[5..<7])
        case 6:
            digits = bytes
        default:
            return nil
        }
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let number = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let first = number / 100
        let second = number % 100
        guard first >= 1990, first <= 2100, (first + 1) % 100 == second else { return nil }
        self.storedStart = Int16(first)
    }

    /// The year before this one.
    public var previous: AcademicYear { AcademicYear(start - 1) }

    /// Written as `2024/25`.
    public var description: String {
        let end = (start + 1) % 100
        return "\(start)/\(end < 10 ? "0" : "")\(end)"
    }

    public static func < (lhs: AcademicYear, rhs: AcademicYear) -> Bool { lhs.storedStart < rhs.storedStart }
}

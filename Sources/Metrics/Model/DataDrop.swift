/// A termly data drop, such as "2024/25 spring": an academic year and a term.
public struct DataDrop: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The academic year of the drop.
    public let year: AcademicYear
    /// The term of the drop.
    public let term: Term

    /// Makes the drop for `term` of `year`.
    public init(year: AcademicYear, term: Term) {
        self.year = year
        self.term = term
    }

    /// Reads `2024/25-spring`, `2024-25-spring`, `2024/25 spring` or `202425-spring`
    /// (term in any case); nil for anything else.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        guard let split = trimmed.lastIndex(where: { $0 == "-" || $0 == " " || $0 == "_" }) else {
            return nil
        }
        let yearPart = String(trimmed[..<split]).trimmingSpaces
        let termPart = String(trimmed[trimmed.index(after: split)...]).lowercased()
        guard let year = AcademicYear(parsing: yearPart), let term = Term(rawValue: termPart) else {
            return nil
        }
        self.init(year: year, term: term)
    }

    /// A number that orders drops in time: three a year.
    public var ordinal: Int { year.start * 3 + term.index }

    /// The same term one academic year earlier: the like-for-like comparison.
    public var sameTermLastYear: DataDrop { DataDrop(year: year.previous, term: term) }

    /// The drop before this one in time.
    public var previous: DataDrop {
        term == .autumn
            ? DataDrop(year: year.previous, term: .summer)
            : DataDrop(year: year, term: Term.allCases[term.index - 1])
    }

    /// Written as `2024/25 spring`.
    public var description: String { "\(year) \(term.rawValue)" }

    /// Written as `2024/25-spring`, the form the command line takes.
    public var key: String { "\(year)-\(term.rawValue)" }

    public static func < (lhs: DataDrop, rhs: DataDrop) -> Bool { lhs.ordinal < rhs.ordinal }
}

extension String {
    /// The string without spaces at either end.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars.removeFirst() }
        while scalars.last == " " { scalars.removeLast() }
        return String(scalars)
    }
}

/// What a school census file held, for the line `trustboard ingest` prints about it: its
/// year and how many schools of each phase.
public struct CensusSummary: Hashable, Sendable, CustomStringConvertible {
    /// The academic year of the census.
    public var year: AcademicYear
    /// Schools by the phase their type names.
    public var schoolsByPhase: [Phase: Int] = [:]
    /// Schools of a type with no phase, by `SCHOOLTYPE` as the file writes it ("" when
    /// the cell is empty or a missing-value code).
    public var schoolsWithoutPhase: [String: Int] = [:]
    /// National rows (`URN` = `NAT`), which hold no school: stored as national figures.
    public var nationalRows = 0

    /// Makes an empty summary for the census of `year`.
    public init(year: AcademicYear) {
        self.year = year
    }

    /// Schools read, with a phase or without.
    public var schools: Int {
        schoolsByPhase.values.reduce(0, +) + schoolsWithoutPhase.values.reduce(0, +)
    }

    /// "2018/19 census of 23939 schools: 16770 primary, 3449 secondary, 987 special, 352
    /// alternative provision, 2384 of a type with no phase (1935 Independent school, …);
    /// 3 national rows".
    public var description: String {
        var parts = Phase.allCases.compactMap { phase -> String? in
            guard let count = schoolsByPhase[phase], count > 0 else { return nil }
            return "\(count) \(phase.label)"
        }
        let without = schoolsWithoutPhase.values.reduce(0, +)
        if without > 0 {
            let types = schoolsWithoutPhase.map {
                (label: $0.key.isEmpty ? "with no type given" : $0.key, count: $0.value)
            }
            .sorted { $0.label < $1.label }.map { "\($0.count) \($0.label)" }
            parts.append(
                "\(without) of a type with no phase (\(types.joined(separator: ", ")))")
        }
        var text = "\(year) census of \(schools) school\(schools == 1 ? "" : "s")"
        if !parts.isEmpty { text += ": " + parts.joined(separator: ", ") }
        if nationalRows > 0 {
            text += "; \(nationalRows) national row\(nationalRows == 1 ? "" : "s")"
        }
        return text
    }
}

extension Phase {
    /// The phase in words, lower case: "primary", "alternative provision".
    fileprivate var label: String {
        switch self {
        case .primary: "primary"
        case .secondary: "secondary"
        case .allThrough: "all-through"
        case .special: "special"
        case .alternativeProvision: "alternative provision"
        }
    }
}

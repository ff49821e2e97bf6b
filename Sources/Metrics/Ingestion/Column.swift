/// Every column the data-drop format knows, so that a row's fields are found by a fixed
/// index rather than by hashing the column's name on every row.
enum Column: Int, CaseIterable {
    case urn
    case name
    case phase
    case localAuthority
    case sil
    case joined
    case ofsted
    case academicYear
    case term
    case pupilGroup
    case yearGroup
    case pupils
    case possibleSessions
    case absentSessions
    case persistentAbsentees
    case severeAbsentees
    case authorisedAbsentSessions
    case unauthorisedAbsentSessions
    case subject
    case cohort
    case expected
    case greaterDepth
    case basis
    case measure
    case average
    case value
    case scope
    case source
    case disadvantagedPercent
    case ealPercent
    case senSupportPercent
    case ehcpPercent
    case suspensions
    case pupilsSuspended
    case permanentExclusions
    case illnessSessions
    case medicalSessions
    case authorisedOtherSessions
    case partTimeTimetableSessions
    case unauthorisedHolidaySessions
    case lateSessions
    case noReasonYetSessions
    case unauthorisedOtherSessions

    /// The column's name in a header: the case's name in snake case (`localAuthority` is
    /// `local_authority`), so a new column is one case and cannot get out of step.
    var header: String { Self.names[rawValue] }

    private static let names = allCases.map { column in
        String(describing: column).reduce(into: "") { name, character in
            if character.isUppercase { name += "_" + character.lowercased() } else { name.append(character) }
        }
    }

    /// For each known column, its field index in a header, or -1 when absent.
    static func indexes(in columns: [String: Int]) -> [Int] {
        allCases.map { columns[$0.header] ?? -1 }
    }
}

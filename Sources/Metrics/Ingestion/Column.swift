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
    case bandUnder5
    case band5To10
    case band10To20
    case band20To50
    case band50Plus
    case pupilRef
    case sex
    case disadvantaged
    case sen
    case eal
    case presentSessions
    case aeaSessions
    case authorisedSessions
    case unauthorisedSessions
    case codeC
    case codeC1
    case codeC2
    case codeE
    case codeI
    case codeJ1
    case codeM
    case codeR
    case codeS
    case codeT
    case codeG
    case codeN
    case codeO
    case codeU
    case permanentlyExcluded
    case illnessSessions
    case medicalSessions
    case authorisedOtherSessions
    case partTimeTimetableSessions
    case unauthorisedHolidaySessions
    case lateSessions
    case noReasonYetSessions
    case unauthorisedOtherSessions

    /// The column's name in a header: the case's name in snake case (`localAuthority` is
    /// `local_authority`), so a new column is one case and cannot get out of step. A number
    /// after a lower-case letter starts a word (`band5To10` is `band_5_to_10`); one after a
    /// capital belongs to it (`codeC1` is `code_c1`, the export's `code_C1` in lower case).
    var header: String { Self.names[rawValue] }

    private static let names = allCases.map { column in
        var previous: Character = " "
        return String(describing: column).reduce(into: "") { name, character in
            if character.isUppercase || (character.isNumber && previous.isLowercase) {
                name += "_" + character.lowercased()
            } else {
                name.append(character)
            }
            previous = character
        }
    }

    /// For each known column, its field index in a header, or -1 when absent.
    static func indexes(in columns: [String: Int]) -> [Int] {
        allCases.map { columns[$0.header] ?? -1 }
    }
}

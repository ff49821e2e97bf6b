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

    /// The column's name in a header.
    var header: String { Self.names[rawValue] }

    private static let names = [
        "urn",
        "name",
        "phase",
        "local_authority",
        "sil",
        "joined",
        "ofsted",
        "academic_year",
        "term",
        "pupil_group",
        "year_group",
        "pupils",
        "possible_sessions",
        "absent_sessions",
        "persistent_absentees",
        "severe_absentees",
        "authorised_absent_sessions",
        "unauthorised_absent_sessions",
        "subject",
        "cohort",
        "expected",
        "greater_depth",
        "basis",
        "measure",
        "average",
        "value",
        "scope",
        "source",
        "disadvantaged_percent",
        "eal_percent",
        "sen_support_percent",
        "ehcp_percent",
    ]

    /// For each known column, its field index in a header, or -1 when absent.
    static func indexes(in columns: [String: Int]) -> [Int] {
        allCases.map { columns[$0.header] ?? -1 }
    }
}

/// A count of an attendance record that catalogue measures are computed from
/// (`AttendanceRecord.count(named:)` gives each as a function).
enum AttendanceCount: RecordCount, Hashable {
    case pupils
    case possibleSessions
    case absentSessions
    /// Possible sessions less absent ones.
    case attendedSessions
    case persistentAbsentees
    case severeAbsentees
    case authorisedAbsentSessions
    case unauthorisedAbsentSessions
    case bandUnderFive
    case bandFiveToTen
    case bandTenToTwenty
    case bandTwentyToFifty
    case bandFiftyPlus
    /// Sessions missed for one reason, named by `AbsenceReason.countName`.
    case reason(AbsenceReason)

    /// The count named `name` as `MeasureDefinition.Computation` spells it; nil for a name
    /// an attendance record does not have.
    init?(named name: String) {
        if let reason = AbsenceReason.allCases.first(where: { $0.countName == name }) {
            self = .reason(reason)
            return
        }
        switch name {
        case "pupils": self = .pupils
        case "possible_sessions": self = .possibleSessions
        case "absent_sessions": self = .absentSessions
        case "attended_sessions": self = .attendedSessions
        case "persistent_absentees": self = .persistentAbsentees
        case "severe_absentees": self = .severeAbsentees
        case "authorised_absent_sessions": self = .authorisedAbsentSessions
        case "unauthorised_absent_sessions": self = .unauthorisedAbsentSessions
        case "band_under_5": self = .bandUnderFive
        case "band_5_to_10": self = .bandFiveToTen
        case "band_10_to_20": self = .bandTenToTwenty
        case "band_20_to_50": self = .bandTwentyToFifty
        case "band_50_plus": self = .bandFiftyPlus
        default: return nil
        }
    }

    func value(in record: AttendanceRecord) -> Int? {
        switch self {
        case .pupils: record.pupils
        case .possibleSessions: record.possibleSessions
        case .absentSessions: record.absentSessions
        case .attendedSessions: record.possibleSessions - record.absentSessions
        case .persistentAbsentees: record.persistentAbsentees
        case .severeAbsentees: record.severeAbsentees
        case .authorisedAbsentSessions: record.authorisedAbsentSessions
        case .unauthorisedAbsentSessions: record.unauthorisedAbsentSessions
        case .bandUnderFive: record.absenceBands?.underFive
        case .bandFiveToTen: record.absenceBands?.atRisk
        case .bandTenToTwenty: record.absenceBands?.tenToTwenty
        case .bandTwentyToFifty: record.absenceBands?.twentyToFifty
        case .bandFiftyPlus: record.absenceBands?.fiftyPlus
        case .reason(let reason): record.reasons[reason]
        }
    }
}

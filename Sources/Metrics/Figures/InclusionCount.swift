/// A count of an inclusion record that catalogue measures are computed from
/// (`InclusionRecord.count(named:)` gives each as a function).
enum InclusionCount: RecordCount, Hashable {
    case pupils
    case suspensions
    case pupilsSuspended
    case permanentExclusions

    /// The count named `name` as `MeasureDefinition.Computation` spells it; nil for a name
    /// an inclusion record does not have.
    init?(named name: String) {
        switch name {
        case "pupils": self = .pupils
        case "suspensions": self = .suspensions
        case "pupils_suspended": self = .pupilsSuspended
        case "permanent_exclusions": self = .permanentExclusions
        default: return nil
        }
    }

    func value(in record: InclusionRecord) -> Int? {
        switch self {
        case .pupils: record.pupils
        case .suspensions: record.suspensions
        case .pupilsSuspended: record.pupilsSuspended
        case .permanentExclusions: record.permanentExclusions
        }
    }
}

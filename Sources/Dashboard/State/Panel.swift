/// The panels of the academy and trust pages. Inclusion is shown only where there are
/// inclusion figures (`AcademyFigures.panels`, `TrustFigures.panels`).
public enum Panel: Int, CaseIterable, Sendable {
    case attainment
    case attendance
    case persistentAbsence
    case inclusion

    /// The panel's title.
    public var title: String {
        switch self {
        case .attainment: "Attainment"
        case .attendance: "Attendance"
        case .persistentAbsence: "Persistent absence"
        case .inclusion: "Inclusion"
        }
    }
}

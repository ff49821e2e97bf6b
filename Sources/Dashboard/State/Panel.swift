/// The three panels of the academy screen.
public enum Panel: Int, CaseIterable, Sendable {
    case attainment
    case attendance
    case persistentAbsence

    /// The panel's title.
    public var title: String {
        switch self {
        case .attainment: "Attainment"
        case .attendance: "Attendance"
        case .persistentAbsence: "Persistent absence"
        }
    }
}

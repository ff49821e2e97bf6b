/// The phase of an academy, as written in the `phase` column of `academies.csv`.
enum AcademyPhase: String, CaseIterable, Sendable {
    case primary
    case secondary
    case allThrough = "all-through"
    case special
    case alternativeProvision = "alternative-provision"

    /// The year groups the academy teaches, Reception written as 0.
    var yearGroups: [Int] {
        switch self {
        case .primary: Array(0...6)
        case .secondary: Array(7...11)
        case .allThrough: Array(0...11)
        case .special: Array(7...11)
        case .alternativeProvision: Array(9...11)
        }
    }

    /// Whether the academy has a Year 6 that sits key stage 2 assessments.
    var hasYear6: Bool { yearGroups.contains(6) }

    /// Whether the academy has a Year 11 that sits GCSEs.
    var hasYear11: Bool { yearGroups.contains(11) }
}

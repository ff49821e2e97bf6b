/// An average-score measure of one year group: one `measure` of the `scores` file.
enum AverageScore: Int, CaseIterable, Sendable {
    case attainment8
    case progress8
    case readingScaled
    case mathsScaled

    /// The value written in the `measure` column.
    var measureKey: String {
        switch self {
        case .attainment8: "attainment8"
        case .progress8: "progress8"
        case .readingScaled: "reading_scaled"
        case .mathsScaled: "maths_scaled"
        }
    }

    /// The year group the measure belongs to.
    var yearGroup: Int {
        switch self {
        case .attainment8, .progress8: 11
        case .readingScaled, .mathsScaled: 6
        }
    }

    /// Whether the measure exists only in the summer drop (test results).
    var isSummerOnly: Bool {
        switch self {
        case .attainment8, .progress8: false
        case .readingScaled, .mathsScaled: true
        }
    }

    /// The measures an academy of `phase` reports in a drop of `term`, in row order.
    static func reported(by phase: AcademyPhase, in term: Term) -> [AverageScore] {
        let years = phase.yearGroups
        return allCases.filter { score in
            years.contains(score.yearGroup) && (term == .summer || !score.isSummerOnly)
        }
    }
}

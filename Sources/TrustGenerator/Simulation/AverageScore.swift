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

    /// The academic years, by the calendar year they start, with no Progress 8: no KS4 results
    /// in 2019/20 and 2020/21 (the pandemic), and no KS2 tests in 2020 and 2021 to measure the
    /// progress of the Year 11s of 2024/25 and 2025/26 from.
    static let yearsWithoutProgress8: Set<Int> = [2019, 2020, 2024, 2025]

    /// Whether the measure exists in the academic year starting in `startYear`.
    func exists(inYearStarting startYear: Int) -> Bool {
        switch self {
        case .progress8: !Self.yearsWithoutProgress8.contains(startYear)
        case .attainment8, .readingScaled, .mathsScaled: true
        }
    }

    /// The measures an academy of `phase` reports in `drop`, in row order.
    static func reported(by phase: AcademyPhase, in drop: DataDrop) -> [AverageScore] {
        let years = phase.yearGroups
        return allCases.filter { score in
            years.contains(score.yearGroup) && (drop.term == .summer || !score.isSummerOnly)
                && score.exists(inYearStarting: drop.startYear)
        }
    }
}

/// An average-score measure in the `scores` file.
public enum ScoreMeasure: String, CaseIterable, Comparable, Sendable {
    case attainment8
    case progress8
    case readingScaled = "reading_scaled"
    case mathsScaled = "maths_scaled"
    case gpsScaled = "gps_scaled"
    case mtcAverage = "mtc_average"

    /// How the measure is named on screen.
    public var label: String {
        switch self {
        case .attainment8: "Attainment 8"
        case .progress8: "Progress 8"
        case .readingScaled: "Reading scaled score"
        case .mathsScaled: "Maths scaled score"
        case .gpsScaled: "GPS scaled score"
        case .mtcAverage: "MTC average"
        }
    }

    /// The position of the measure in `allCases`.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: ScoreMeasure, rhs: ScoreMeasure) -> Bool { lhs.index < rhs.index }
}

/// An average-score measure in the `scores` file.
public enum ScoreMeasure: String, CaseIterable, Comparable, Sendable {
    case attainment8
    case progress8
    case readingScaled = "reading_scaled"
    case mathsScaled = "maths_scaled"
    case gpsScaled = "gps_scaled"
    case mtcAverage = "mtc_average"
    case readingProgress = "reading_progress"
    case writingProgress = "writing_progress"
    case mathsProgress = "maths_progress"

    /// How the measure is named on screen.
    public var label: String {
        switch self {
        case .attainment8: "Attainment 8"
        case .progress8: "Progress 8"
        case .readingScaled: "Reading scaled score"
        case .mathsScaled: "Maths scaled score"
        case .gpsScaled: "GPS scaled score"
        case .mtcAverage: "MTC average score"
        case .readingProgress: "KS2 reading progress"
        case .writingProgress: "KS2 writing progress"
        case .mathsProgress: "KS2 maths progress"
        }
    }

    /// True for the measures a trust's `scores` file may hold (data-drop format version
    /// 1); the KS2 progress scores are read only from the DfE's performance tables.
    public var isInDropFiles: Bool {
        switch self {
        case .readingProgress, .writingProgress, .mathsProgress: false
        case .attainment8, .progress8, .readingScaled, .mathsScaled, .gpsScaled, .mtcAverage: true
        }
    }

    /// True for progress scores, where 0 is the national average and the DfE rates a
    /// school by whether its confidence interval lies above or below 0.
    public var isProgress: Bool {
        switch self {
        case .progress8, .readingProgress, .writingProgress, .mathsProgress: true
        case .attainment8, .readingScaled, .mathsScaled, .gpsScaled, .mtcAverage: false
        }
    }

    /// The position of the measure in `allCases`.
    /// A switch, not a search of `allCases`: every `KPI.index` asks it, and a KPI's
    /// decimals, direction and scale are looked up by that index for every figure of a
    /// national-scale report. `ModelIndexTests` checks it against `allCases`.
    public var index: Int {
        switch self {
        case .attainment8: 0
        case .progress8: 1
        case .readingScaled: 2
        case .mathsScaled: 3
        case .gpsScaled: 4
        case .mtcAverage: 5
        case .readingProgress: 6
        case .writingProgress: 7
        case .mathsProgress: 8
        }
    }

    public static func < (lhs: ScoreMeasure, rhs: ScoreMeasure) -> Bool { lhs.index < rhs.index }
}

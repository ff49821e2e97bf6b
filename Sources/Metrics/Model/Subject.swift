/// A subject or combined measure in the `attainment` file.
public enum Subject: String, CaseIterable, Comparable, Sendable {
    case reading
    case writing
    case maths
    case rwm
    case gps
    case science
    case phonics
    case gld
    case mtc
    case english
    case englishMaths = "english_maths"
    case ebacc

    /// How the subject is named on screen.
    public var label: String {
        switch self {
        case .reading: "Reading"
        case .writing: "Writing"
        case .maths: "Maths"
        case .rwm: "RWM"
        case .gps: "GPS"
        case .science: "Science"
        case .phonics: "Phonics"
        case .gld: "GLD"
        case .mtc: "MTC"
        case .english: "English"
        case .englishMaths: "Eng & maths"
        case .ebacc: "EBacc"
        }
    }

    /// The position of the subject in `allCases`.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: Subject, rhs: Subject) -> Bool { lhs.index < rhs.index }
}

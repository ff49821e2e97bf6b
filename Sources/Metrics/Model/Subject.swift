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

    /// The position of the subject in `allCases`. A switch, not a search of `allCases`:
    /// every attainment figure's key asks for it, millions of times on a national store.
    public var index: Int {
        switch self {
        case .reading: 0
        case .writing: 1
        case .maths: 2
        case .rwm: 3
        case .gps: 4
        case .science: 5
        case .phonics: 6
        case .gld: 7
        case .mtc: 8
        case .english: 9
        case .englishMaths: 10
        case .ebacc: 11
        }
    }

    public static func < (lhs: Subject, rhs: Subject) -> Bool { lhs.index < rhs.index }
}

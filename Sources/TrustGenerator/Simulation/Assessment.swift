/// A subject assessed in one year group: one `subject` of the `attainment` file.
enum Assessment: Int, CaseIterable, Sendable {
    case reading
    case writing
    case maths
    case rwm
    case gps
    case science
    case phonics
    case mtc
    case gld
    case english
    case gcseMaths
    case englishMaths
    case ebacc

    /// The value written in the `subject` column.
    var subjectKey: String {
        switch self {
        case .reading: "reading"
        case .writing: "writing"
        case .maths, .gcseMaths: "maths"
        case .rwm: "rwm"
        case .gps: "gps"
        case .science: "science"
        case .phonics: "phonics"
        case .mtc: "mtc"
        case .gld: "gld"
        case .english: "english"
        case .englishMaths: "english_maths"
        case .ebacc: "ebacc"
        }
    }

    /// The year group assessed, Reception written as 0.
    var yearGroup: Int {
        switch self {
        case .reading, .writing, .maths, .rwm, .gps, .science: 6
        case .phonics: 1
        case .mtc: 4
        case .gld: 0
        case .english, .gcseMaths, .englishMaths, .ebacc: 11
        }
    }

    /// Whether the assessment reports a greater-depth (or higher, or grade 5+) standard.
    var hasGreaterDepth: Bool {
        switch self {
        case .science, .phonics, .mtc, .gld: false
        default: true
        }
    }

    /// Whether the assessment happens only in the summer term, with no in-year judgement.
    var isSummerOnly: Bool {
        switch self {
        case .phonics, .mtc, .gld: true
        default: false
        }
    }

    /// The assessments an academy of `phase` reports in a drop of `term`, in row order.
    static func reported(by phase: AcademyPhase, in term: Term) -> [Assessment] {
        let years = phase.yearGroups
        return allCases.filter { assessment in
            years.contains(assessment.yearGroup) && (term == .summer || !assessment.isSummerOnly)
        }
    }
}

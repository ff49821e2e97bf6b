/// One row of the `attainment` file: pupils at each standard in one subject.
public struct AttainmentRecord: Hashable, Sendable {
    /// How the figures were arrived at.
    public enum Basis: String, CaseIterable, Sendable {
        case teacherAssessment = "teacher_assessment"
        case statutory
        case forecast
    }

    /// The academy.
    public var urn: URN
    /// The drop.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// The subject.
    public var subject: Subject
    /// Pupils assessed.
    public var cohort: Int
    /// Pupils at the expected standard or above, greater depth included.
    public var expected: Int
    /// Pupils at greater depth or the higher standard, when given.
    public var greaterDepth: Int?
    /// How the figures were arrived at.
    public var basis: Basis

    /// Makes an attainment record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all, subject: Subject,
        cohort: Int, expected: Int, greaterDepth: Int? = nil, basis: Basis = .teacherAssessment
    ) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
        self.subject = subject
        self.cohort = cohort
        self.expected = expected
        self.greaterDepth = greaterDepth
        self.basis = basis
    }
}

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

extension AttainmentRecord: DropRecord {
    public static let kind = DropRecordKind.attainment
    public static let valueNames = ["cohort", "expected", "greater_depth", "basis"]
    public static var inBatch: KeyPath<DropBatch, [Sourced<AttainmentRecord>]> { \.attainment }
    public static var inData: WritableKeyPath<TrustData, [AttainmentRecord]> { \.attainment }

    public var item: String { subject.rawValue }
    public var itemIndex: Int { subject.index }
    public var what: String { "\(subject.rawValue) attainment" }

    public var brokenRule: String? {
        if cohort < 0 { return "cohort >= 0" }
        if expected < 0 || expected > cohort { return "expected BETWEEN 0 AND cohort" }
        if let greaterDepth, greaterDepth < 0 || greaterDepth > expected {
            return "greater_depth BETWEEN 0 AND expected"
        }
        return nil
    }

    public func write<Writer: RecordValueWriter>(to writer: inout Writer) {
        writer.write(cohort)
        writer.write(expected)
        writer.write(greaterDepth)
        writer.write(basis.rawValue)
    }

    public init<Reader: RecordValueReader>(key: RecordKey, item: String, values: inout Reader) throws {
        guard let subject = Subject(rawValue: item) else { throw values.unreadableItem() }
        self.init(
            urn: key.urn, drop: key.drop, group: key.group, yearGroup: key.yearGroup, subject: subject,
            cohort: try values.requiredInt(), expected: try values.requiredInt(),
            greaterDepth: try values.int(),
            basis: try values.required(Basis.init(rawValue:)))
    }
}

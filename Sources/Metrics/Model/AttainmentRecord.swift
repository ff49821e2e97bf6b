import Synchronization

/// One row of the `attainment` file: pupils at each standard in one subject.
public struct AttainmentRecord: Hashable, Sendable {
    /// How the figures were arrived at.
    public enum Basis: String, CaseIterable, Sendable {
        case teacherAssessment = "teacher_assessment"
        case statutory
        case forecast
    }

    // The stored properties are in the order that packs them tightest (a national store
    // holds a million of these, 28 bytes each): the drop takes three bytes, the one-byte
    // fields fill what is left of eight, and the three counts take four bytes each (see
    // `Counts`).

    /// The drop.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The subject.
    public var subject: Subject
    /// How the figures were arrived at.
    public var basis: Basis
    /// The year group, in a byte.
    private var packedYearGroup: YearGroup.Packed
    /// True when the greater-depth count holds a figure.
    private var givesGreaterDepth: Bool
    /// The academy.
    public var urn: URN
    /// Cohort, expected and greater depth (0 when not given).
    private var counts: Counts

    /// The year group.
    public var yearGroup: YearGroup {
        get { packedYearGroup.yearGroup }
        set { packedYearGroup = YearGroup.Packed(newValue) }
    }

    /// Pupils assessed.
    public var cohort: Int {
        get { counts[0] }
        set { counts = Counts(newValue, counts[1], counts[2]) }
    }
    /// Pupils at the expected standard or above, greater depth included.
    public var expected: Int {
        get { counts[1] }
        set { counts = Counts(counts[0], newValue, counts[2]) }
    }
    /// Pupils at greater depth or the higher standard, when given.
    public var greaterDepth: Int? {
        get { givesGreaterDepth ? counts[2] : nil }
        set {
            givesGreaterDepth = newValue != nil
            counts = Counts(counts[0], counts[1], newValue ?? 0)
        }
    }

    /// Three counts in four bytes each, or, when one does not fit (no school's does), the
    /// place of all three in a table kept for the process (`WideCounts`); each value has
    /// one form only, so equal counts compare equal. Either way the record holds no
    /// reference: a batch of a million is copied, merged and freed as plain bytes, where
    /// an array in the wide case made every copy and every free go record by record.
    private enum Counts: Hashable, Sendable {
        case narrow(Int32, Int32, Int32)
        case wide(WideCounts)

        init(_ first: Int, _ second: Int, _ third: Int) {
            if let first = Int32(exactly: first), let second = Int32(exactly: second),
                let third = Int32(exactly: third)
            {
                self = .narrow(first, second, third)
            } else {
                self = .wide(WideCounts(first, second, third))
            }
        }

        subscript(index: Int) -> Int {
            switch self {
            case .narrow(let first, let second, let third):
                Int(index == 0 ? first : index == 1 ? second : third)
            case .wide(let counts): counts[index]
            }
        }
    }

    /// Three counts of which one at least does not fit in four bytes, named by their place
    /// in a table of every such three the process has made: the same three always get the
    /// same place, so places compare as the counts do. No school's counts come near four
    /// bytes (a drop refuses a count over 100,000), so the table stays empty in use.
    private struct WideCounts: Hashable, Sendable {
        /// The place of the three in `table`.
        private let place: Int32

        /// Every three made, and the place of each.
        private static let table = Mutex((all: [[Int]](), places: [[Int]: Int32]()))

        init(_ first: Int, _ second: Int, _ third: Int) {
            let counts = [first, second, third]
            place = Self.table.withLock { table in
                if let place = table.places[counts] { return place }
                let place = Int32(table.all.count)
                table.all.append(counts)
                table.places[counts] = place
                return place
            }
        }

        subscript(index: Int) -> Int { Self.table.withLock { $0.all[Int(place)][index] } }
    }

    /// Makes an attainment record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all, subject: Subject,
        cohort: Int, expected: Int, greaterDepth: Int? = nil, basis: Basis = .teacherAssessment
    ) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.packedYearGroup = YearGroup.Packed(yearGroup)
        self.subject = subject
        self.givesGreaterDepth = greaterDepth != nil
        self.counts = Counts(cohort, expected, greaterDepth ?? 0)
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
        let cohort = try values.requiredInt()
        let expected = try values.requiredInt()
        let greaterDepth = try values.int()
        // Parsed here, not by a generic reader taking `Basis.init(rawValue:)` (as an older
        // `required(_:)` did): that call, unspecialised, looked up the type of its optional
        // result at run time for each record (a third of the cost of reading a national
        // drop's attainment values).
        guard let basis = Basis(rawValue: try values.requiredText()) else { throw values.unreadableValue() }
        self.init(
            urn: key.urn, drop: key.drop, group: key.group, yearGroup: key.yearGroup, subject: subject,
            cohort: cohort, expected: expected, greaterDepth: greaterDepth, basis: basis)
    }
}

/// One row of the `scores` file: an average score over a cohort.
public struct ScoreRecord: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// The measure.
    public var measure: ScoreMeasure
    /// Pupils whose scores make the average.
    public var cohort: Int
    /// The average score; may be negative for `progress8`.
    public var average: Double

    /// Makes a score record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all,
        measure: ScoreMeasure, cohort: Int, average: Double
    ) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
        self.measure = measure
        self.cohort = cohort
        self.average = average
    }
}

extension ScoreRecord: DropRecord {
    public static let kind = DropRecordKind.scores
    public static let valueNames = ["cohort", "average"]
    public static var inBatch: KeyPath<DropBatch, [Sourced<ScoreRecord>]> { \.scores }
    public static var inData: WritableKeyPath<TrustData, [ScoreRecord]> { \.scores }

    public var item: String { measure.rawValue }
    public var itemIndex: Int { measure.index }
    public var what: String { measure.rawValue }
    public var brokenRule: String? { cohort < 0 ? "cohort >= 0" : nil }

    public func write<Writer: RecordValueWriter>(to writer: inout Writer) {
        writer.write(cohort)
        writer.write(average)
    }

    public init<Reader: RecordValueReader>(key: RecordKey, item: String, values: inout Reader) throws {
        guard let measure = ScoreMeasure(rawValue: item) else { throw values.unreadableItem() }
        self.init(
            urn: key.urn, drop: key.drop, group: key.group, yearGroup: key.yearGroup, measure: measure,
            cohort: try values.requiredInt(), average: try values.requiredDouble())
    }
}

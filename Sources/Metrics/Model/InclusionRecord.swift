/// One row of the `inclusion` file: suspensions and permanent exclusions in the academic
/// year up to the end of the drop's term, as the school census counts them.
public struct InclusionRecord: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop; figures cover the academic year up to the end of its term.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup
    /// Pupils on roll in the period (the DfE's headcount).
    public var pupils: Int
    /// Suspensions, counting every one of a pupil suspended more than once.
    public var suspensions: Int
    /// Pupils with one or more suspensions.
    public var pupilsSuspended: Int
    /// Permanent exclusions.
    public var permanentExclusions: Int

    /// Makes an inclusion record.
    public init(
        urn: URN, drop: DataDrop, group: PupilGroup = .all, yearGroup: YearGroup = .all, pupils: Int,
        suspensions: Int, pupilsSuspended: Int, permanentExclusions: Int
    ) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
        self.pupils = pupils
        self.suspensions = suspensions
        self.pupilsSuspended = pupilsSuspended
        self.permanentExclusions = permanentExclusions
    }

    /// The count a catalogue entry names; nil for a name the record does not have.
    public static func count(named name: String) -> (@Sendable (InclusionRecord) -> Int?)? {
        guard let count = InclusionCount(named: name) else { return nil }
        return { count.value(in: $0) }
    }
}

extension InclusionRecord: DropRecord {
    public static let kind = DropRecordKind.inclusion
    public static let valueNames = ["pupils", "suspensions", "pupils_suspended", "permanent_exclusions"]
    public static var inBatch: KeyPath<DropBatch, [Sourced<InclusionRecord>]> { \.inclusion }
    public static var inData: WritableKeyPath<TrustData, [InclusionRecord]> { \.inclusion }

    public var item: String { "" }
    public var itemIndex: Int { 0 }
    public var what: String { "inclusion" }

    public var brokenRule: String? {
        if pupils < 0 { return "pupils >= 0" }
        if suspensions < 0 { return "suspensions >= 0" }
        if pupilsSuspended < 0 || pupilsSuspended > pupils || pupilsSuspended > suspensions {
            return "pupils_suspended BETWEEN 0 AND min(pupils, suspensions)"
        }
        if permanentExclusions < 0 || permanentExclusions > pupils {
            return "permanent_exclusions BETWEEN 0 AND pupils"
        }
        return nil
    }

    public func write<Writer: RecordValueWriter>(to writer: inout Writer) {
        writer.write(pupils)
        writer.write(suspensions)
        writer.write(pupilsSuspended)
        writer.write(permanentExclusions)
    }

    public init<Reader: RecordValueReader>(key: RecordKey, item: String, values: inout Reader) throws {
        guard item.isEmpty else { throw values.unreadableItem() }
        self.init(
            urn: key.urn, drop: key.drop, group: key.group, yearGroup: key.yearGroup,
            pupils: try values.requiredInt(), suspensions: try values.requiredInt(),
            pupilsSuspended: try values.requiredInt(), permanentExclusions: try values.requiredInt())
    }
}

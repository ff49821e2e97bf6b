/// A termly record of one kind, described once for everyone who handles records: the
/// batch checks (its key, and its words in a message), the store (its values, by name,
/// in one order) and the load (where it goes in `TrustData`).
///
/// The store keeps a record's values as a list in `valueNames` order, so a kind takes a
/// new count by appending a name here and writing and reading it last; stores written
/// before simply lack it, and read it as absent. Names are never reordered or removed.
public protocol DropRecord: Hashable, Sendable {
    /// The kind, which names it in the store.
    static var kind: DropRecordKind { get }
    /// The names of the stored values, in the order `write(to:)` writes them.
    static var valueNames: [String] { get }
    /// Where a batch holds records of this kind.
    static var inBatch: KeyPath<DropBatch, [Sourced<Self>]> { get }
    /// Where a trust's data holds records of this kind.
    static var inData: WritableKeyPath<TrustData, [Self]> { get }

    /// The academy.
    var urn: URN { get }
    /// The drop.
    var drop: DataDrop { get }
    /// The pupil group.
    var group: PupilGroup { get }
    /// The year group.
    var yearGroup: YearGroup { get }
    /// What completes the key within the kind (a subject, measure or KPI key); `""` for a
    /// kind keyed by academy, drop and groups alone.
    var item: String { get }
    /// A number for `item`, unique within the kind and under 64, for packed keys.
    var itemIndex: Int { get }
    /// What the record gives, in words, to begin "… for 100001, 2024/25 autumn, …":
    /// `attendance`, `reading attainment`.
    var what: String { get }
    /// The store's rule this record breaks (a part above its whole, say), in words; nil
    /// when it keeps them all. The parser refuses such rows; this guards the store from
    /// a caller that did not parse.
    var brokenRule: String? { get }

    /// Writes the values, in `valueNames` order.
    func write<Writer: RecordValueWriter>(to writer: inout Writer)

    /// Reads a record from its key, its `item` and its values in `valueNames` order.
    ///
    /// - Throws: What `values` throws for a value that is missing or unreadable, or
    ///   `values.unreadableItem()` for an item the kind does not know.
    init<Reader: RecordValueReader>(key: RecordKey, item: String, values: inout Reader) throws
}

/// The key every termly record has: academy, drop, pupil group and year group.
public struct RecordKey: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop.
    public var drop: DataDrop
    /// The pupil group.
    public var group: PupilGroup
    /// The year group.
    public var yearGroup: YearGroup

    /// Makes a key.
    public init(urn: URN, drop: DataDrop, group: PupilGroup, yearGroup: YearGroup) {
        self.urn = urn
        self.drop = drop
        self.group = group
        self.yearGroup = yearGroup
    }
}

/// Takes a record's values one after another (the store binds them).
public protocol RecordValueWriter {
    /// The next value, a count; nil when not given.
    mutating func write(_ value: Int?)
    /// The next value, a number; nil when not given.
    mutating func write(_ value: Double?)
    /// The next value, a text; nil when not given.
    mutating func write(_ value: String?)
}

/// Gives a record's values back one after another, in the order they were written; a
/// value past the last one stored reads as nil.
public protocol RecordValueReader {
    /// The next value as a count, nil when absent.
    mutating func int() throws -> Int?
    /// The next value as a number, nil when absent.
    mutating func double() throws -> Double?
    /// The next value as a text, nil when absent.
    mutating func text() throws -> String?
    /// The error for the value just read: absent where the kind needs it, or not one the
    /// kind takes.
    func unreadableValue() -> any Error
    /// The error for an item the kind does not know.
    func unreadableItem() -> any Error
}

extension RecordValueReader {
    /// The next value as a count, which the kind needs.
    public mutating func requiredInt() throws -> Int {
        guard let value = try int() else { throw unreadableValue() }
        return value
    }

    /// The next value as a number, which the kind needs.
    public mutating func requiredDouble() throws -> Double {
        guard let value = try double() else { throw unreadableValue() }
        return value
    }

    /// The next value as a text, which the kind needs.
    public mutating func requiredText() throws -> String {
        guard let value = try text() else { throw unreadableValue() }
        return value
    }
}

extension DropRecordKind {
    /// The record type of the kind.
    public var recordType: any DropRecord.Type {
        switch self {
        case .attendance: AttendanceRecord.self
        case .attainment: AttainmentRecord.self
        case .scores: ScoreRecord.self
        case .published: PublishedFigure.self
        case .inclusion: InclusionRecord.self
        }
    }
}

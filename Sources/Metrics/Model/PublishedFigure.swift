/// A figure the DfE published as a rate or an average, without the counts behind it,
/// such as a school's overall absence in the performance tables or its KS2 RWM
/// percentage.
///
/// It is rated and shown like a figure worked out from counts. In a trust-wide figure it
/// is weighted by `pupils` when the file gives them (`TELIG`, `TPUP`); a figure without
/// pupils cannot be combined with others, so the trust-wide figure leaves it out and
/// names its academy.
public struct PublishedFigure: Hashable, Sendable {
    /// The academy.
    public var urn: URN
    /// The drop the figure belongs to; the performance tables are summer figures.
    public var drop: DataDrop
    /// The KPI.
    public var kpi: KPI
    /// The pupil group.
    public var group: PupilGroup
    /// The year group: Year 6 for KS2, Year 11 for KS4, all for absence.
    public var yearGroup: YearGroup
    /// The published value in the KPI's unit (a percentage 0–100, or a score); nil when
    /// the DfE published `SUPP`, which is kept and shown as suppressed.
    public var value: Double?
    /// Pupils the figure is over, when the file gives them; nil when it does not.
    public var pupils: Int?
    /// The published 95% confidence interval, for progress scores.
    public var interval: ClosedRange<Double>?
    /// Where the figure comes from, shown to users: "DfE KS4 performance tables 2018/19".
    public var source: String

    /// Makes a published figure.
    public init(
        urn: URN, drop: DataDrop, kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all,
        value: Double?, pupils: Int? = nil, interval: ClosedRange<Double>? = nil, source: String
    ) {
        self.urn = urn
        self.drop = drop
        self.kpi = kpi
        self.group = group
        self.yearGroup = yearGroup
        self.value = value
        self.pupils = pupils
        self.interval = interval
        self.source = source
    }
}

extension PublishedFigure: DropRecord {
    public static let kind = DropRecordKind.published
    public static let valueNames = ["value", "pupils", "interval_low", "interval_high", "source"]
    public static var inBatch: KeyPath<DropBatch, [Sourced<PublishedFigure>]> { \.published }
    public static var inData: WritableKeyPath<TrustData, [PublishedFigure]> { \.published }

    public var item: String { kpi.key }
    public var itemIndex: Int { kpi.index }
    public var what: String { "published \(kpi.key)" }
    public var brokenRule: String? {
        if let pupils, pupils < 0 { return "pupils >= 0" }
        return nil
    }

    public func write<Writer: RecordValueWriter>(to writer: inout Writer) {
        writer.write(value)
        writer.write(pupils)
        writer.write(interval?.lowerBound)
        writer.write(interval?.upperBound)
        writer.write(source)
    }

    public init<Reader: RecordValueReader>(key: RecordKey, item: String, values: inout Reader) throws {
        guard let kpi = KPI(key: item) else { throw values.unreadableItem() }
        let value = try values.double()
        let pupils = try values.int()
        let low = try values.double()
        let high = try values.double()
        var interval: ClosedRange<Double>?
        if let low, let high {
            guard low <= high else { throw values.unreadableValue() }
            interval = low...high
        }
        self.init(
            urn: key.urn, drop: key.drop, kpi: kpi, group: key.group, yearGroup: key.yearGroup, value: value,
            pupils: pupils, interval: interval, source: try values.requiredText())
    }
}

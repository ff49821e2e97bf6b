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

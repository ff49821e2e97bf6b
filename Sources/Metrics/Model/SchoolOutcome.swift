/// One school's value of one KPI in one drop, exactly as the DfE published it in a file
/// that lists schools one by one (the performance-tables absence, KS2 and KS4 files).
///
/// Kept for every school in the file, not only the trust's, so that an academy can be
/// compared with the schools most like it. Only published numbers are kept: a value the
/// DfE suppressed (`SUPP`) or did not publish (`NE`, `NA`, `x`…) gives no outcome, so
/// nothing is ever worked out about another school's small group. Attendance is
/// 100 − the published absence rate, the same figure seen from the other side, as it is
/// for the trust's own academies.
public struct SchoolOutcome: Hashable, Sendable {
    /// The school.
    public var urn: URN
    /// The drop the value belongs to (the summer drop of the year for these files).
    public var drop: DataDrop
    /// The KPI.
    public var kpi: KPI
    /// The published value (percent, 0–100, or a score).
    public var value: Double

    /// Makes one school's published value.
    public init(urn: URN, drop: DataDrop, kpi: KPI, value: Double) {
        self.urn = urn
        self.drop = drop
        self.kpi = kpi
        self.value = value
    }
}

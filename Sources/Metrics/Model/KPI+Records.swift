extension KPI {
    /// The stored records this KPI's figures are counted from: their kind, and their item
    /// (`DropRecord.item`: the subject or score measure; "" for a kind without items). The
    /// DfE's published figures of it are the `PublishedFigure`s whose item is its `key`.
    ///
    /// Every figure of a KPI comes from these records and those published figures alone,
    /// and whether small-group protection hides it depends on figures of the same KPI
    /// (with the inclusion figures hidden beside attendance ones, from attendance
    /// records): so a store read for some KPIs' records shows those KPIs as a store read
    /// whole does (`TrustStore.load(_:only:attendanceOf:)`). A progress score the drop
    /// files do not give (`ScoreMeasure.isInDropFiles`) is still a score record when a
    /// store holds one.
    public var countedFrom: (kind: DropRecordKind, item: String) {
        switch self {
        case .attendanceRate, .absenceRate, .persistentAbsenceRate, .severeAbsenceRate, .absenceBand,
            .absenceReason:
            (.attendance, "")
        case .expected(let subject), .greaterDepth(let subject): (.attainment, subject.rawValue)
        case .score(let measure): (.scores, measure.rawValue)
        case .inclusion: (.inclusion, "")
        }
    }
}

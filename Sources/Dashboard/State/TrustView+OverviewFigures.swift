import Metrics

extension TrustView {
    /// The KPIs whose figures the overview shows under `config`: attendance (with its
    /// disadvantaged gap), persistent and severe absence, suspensions, writing, and each
    /// phase's headline. They are the KPIs of `LazyRatedDrop.headlineKeys`, which the
    /// overview's rows, trust row, header and wide columns ask for. Every figure of each,
    /// for every pupil group and year group, is needed to protect the ones shown, as
    /// small-group protection partitions the figures of one KPI.
    public static func overviewKPIs(_ config: RatingConfig) -> Set<KPI> {
        var kpis: Set<KPI> = [
            .attendanceRate, .persistentAbsenceRate, .severeAbsenceRate, .inclusion(.suspensionRate),
            .expected(.writing),
        ]
        for phase in Phase.allCases {
            if let headline = config.headline(for: phase) { kpis.insert(headline.kpi) }
        }
        return kpis
    }

    /// True when the overview's first frame of `drop`, among `drops` (the store's), rates
    /// only the overview's own figures (`overviewKPIs`) of the drop, so that the drop may
    /// be read for their records alone: when the header has no drop to count the figures
    /// turned red since (`headerComparisonDrop` is not among `drops`), as that count rates
    /// every figure of the drop. Nor is the same term last year then compared in any
    /// other way, as it would be the header's drop.
    public static func firstFrameRatesOverviewFiguresOnly(showing drop: DataDrop, among drops: [DataDrop])
        -> Bool
    {
        let comparison = RatingChange.Comparison.header(for: drop, hasData: drops.contains)
        return !drops.contains(comparison.earlierDrop(than: drop))
    }
}

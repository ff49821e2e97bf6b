extension TurnedRedCount {
    /// The small keys of every figure that `config` can rate red, or nil when it can rate
    /// a figure of every KPI red (then every figure is rated, as it is cheaper than
    /// picking them out).
    ///
    /// A figure is red only by a line: its KPI's trust-wide rule (the settings' or the
    /// built-in one), an academy's target for the KPI, or, for a progress score, the
    /// DfE's confidence interval (`Rater.rate`). A KPI with none of these, such as a reason
    /// for absence or an inclusion measure without a rule, is never red, so the header's
    /// count need not rate its figures: a drop's attendance rows give nine reasons' figures
    /// beside five that can be red.
    static func keysThatCanBeRed(_ config: RatingConfig) -> Set<Int>? {
        let targeted = Set(config.targets.values.flatMap(\.keys))
        let kpis = KPI.allCases.filter { kpi in
            config.rule(for: kpi) != nil || kpi.isProgress || targeted.contains(kpi)
        }
        guard kpis.count < KPI.allCases.count else { return nil }
        var keys = Set<Int>()
        for kpi in kpis {
            for group in PupilGroup.allCases {
                for year in 0..<16 { keys.insert(kpi.index << 16 | group.index << 8 | year) }
            }
        }
        return keys
    }
}

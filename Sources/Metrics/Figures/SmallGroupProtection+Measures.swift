extension SmallGroupProtection {
    /// Works out what must be hidden in `drop` among the figures of `kpis` alone: each of
    /// them is hidden exactly as `init(calculator:drop:)` hides it, and no other figure is
    /// (`hiddenKeys(of:)` names only keys of these KPIs, and of the attendance ones beside
    /// an inclusion KPI).
    ///
    /// Every partition is of one KPI (its pupil groups, its year groups, the trust's
    /// academies), so whether a figure is hidden depends on the figures of its own KPI and
    /// on no other, except that an inclusion figure is hidden when it shows beside an
    /// attendance figure of its line (`inclusionBesideAttendance`): with an inclusion KPI,
    /// the attendance KPIs' figures are looked at too. The overview's attendance trend
    /// shows one KPI of most of its drops, and protecting their every figure took a seventh
    /// of a ten-year store's first frame.
    public init(calculator: FigureCalculator, drop: DataDrop, kpis: Set<KPI>) {
        var looked = kpis
        if kpis.contains(where: { if case .inclusion = $0 { true } else { false } }) {
            looked.formUnion(KPI.allCases.filter(\.isAttendance))
        }
        let wanted = WantedKeys(kpis: looked)
        self.init(
            calculator: calculator, drop: drop,
            figures: { calculator.figures(of: $0, in: drop, wanted: wanted) })
    }
}

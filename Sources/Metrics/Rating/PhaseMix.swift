/// The trust's benchmark for one figure: the value the trust would have if every academy
/// summed into its figure matched its own benchmark (primary schools the primary figure,
/// secondary schools the secondary one), weighted exactly as the trust's figure is, by
/// possible sessions for attendance and absence, by pupils for persistent and severe
/// absence, by cohort for attainment and scores.
///
/// So a trust of mostly primary schools is not held to the all-schools figure, which
/// secondary schools pull down. Academies of one phase share one benchmark, so the
/// working is kept by phase: "(94.47 × 120,400 primary + 91.11 × 98,300 secondary)
/// / 218,700 possible sessions".
public struct PhaseMix: Hashable, Sendable {
    /// The academies of one phase in the trust's figure, and their benchmark.
    public struct Part: Hashable, Sendable {
        /// The phase.
        public var phase: Phase
        /// The benchmark of the phase's academies (the phase's own, or the all-phases
        /// figure when the phase has none).
        public var benchmark: Benchmark
        /// How it was chosen.
        public var period: BenchmarkMatcher.Period
        /// The phase's academies' denominators summed: possible sessions, pupils or cohort.
        public var weight: Double
        /// Academies in the part.
        public var academies: Int

        /// Makes a part.
        public init(
            phase: Phase, benchmark: Benchmark, period: BenchmarkMatcher.Period, weight: Double,
            academies: Int
        ) {
            self.phase = phase
            self.benchmark = benchmark
            self.period = period
            self.weight = weight
            self.academies = academies
        }
    }

    /// The source the trust's benchmark carries, shown in reports and explanations.
    public static let source = "weighted by this trust's phase mix"

    /// One part per phase, in phase order.
    public var parts: [Part]
    /// True when an academy's figure in the sum is suppressed, so the working leaves the
    /// counts out.
    public var hidesCounts: Bool

    /// Makes a mix.
    public init(parts: [Part], hidesCounts: Bool = false) {
        self.parts = parts.sorted { $0.phase < $1.phase }
        self.hidesCounts = hidesCounts
    }

    /// Every part's weight summed: the trust figure's denominator.
    public var weight: Double { parts.reduce(0) { $0 + $1.weight } }

    /// Σ (benchmark × weight) / Σ weight; nil when nothing is weighted.
    public var value: Double? {
        let total = weight
        guard total > 0 else { return nil }
        return parts.reduce(0) { $0 + $1.benchmark.value * $1.weight } / total
    }

    /// True when every part has the same benchmark value, so the weights do not matter.
    public var isUniform: Bool {
        guard let first = parts.first else { return true }
        return parts.allSatisfy { $0.benchmark.value == first.benchmark.value }
    }

    /// The working, a person can check it: "92.82 = (94.47 × 120,400 primary + 91.11 ×
    /// 98,300 secondary) / 218,700 possible sessions". Without counts when `hidesCounts`.
    public func working(for kpi: KPI) -> String {
        guard let value else { return "no academy's figure could be weighted" }
        let result = Benchmark.text(DisplayRounding.round(value, decimals: 2), for: kpi)
        if hidesCounts {
            let values = parts.map { "\(Benchmark.text($0.benchmark.value, for: kpi)) \($0.phase.rawValue)" }
            return "\(result) = \(values.joined(separator: ", ")): every part has the same benchmark, "
                + "and the counts are not shown because a group in them is too small to show"
        }
        let terms = parts.map { part in
            "\(Benchmark.text(part.benchmark.value, for: kpi)) × \(Self.count(part.weight)) \(part.phase.rawValue)"
        }
        let sum = terms.count == 1 ? terms[0] : "(" + terms.joined(separator: " + ") + ")"
        return "\(result) = \(sum) / \(Self.count(weight)) \(Self.unit(kpi))"
    }

    /// What the weights count, for `kpi`.
    static func unit(_ kpi: KPI) -> String {
        switch kpi {
        case .attendanceRate, .absenceRate, .absenceReason: "possible sessions"
        case .persistentAbsenceRate, .severeAbsenceRate, .inclusion, .absenceBand: "pupils"
        case .expected, .greaterDepth, .score: "pupils in the cohort"
        }
    }

    /// A whole count with thousands separators: 120,400.
    static func count(_ value: Double) -> String { DisplayRounding.count(Int(value.rounded())) }
}

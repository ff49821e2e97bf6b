/// A measure of the pupils in an absence band, from an attendance record's band counts
/// (which pupil-level exports always give, and the `attendance` file may).
///
/// Each case is one catalogue entry, below: a new band measure (the share in another band,
/// say) is a case and its entry here.
public enum AbsenceBandMeasure: String, CaseIterable, Comparable, Sendable {
    /// Percent of pupils who missed 5% to under 10% of their sessions: at risk of
    /// persistent absence.
    case atRiskRate = "at_risk_rate"

    /// The measure's catalogue entry.
    ///
    /// Not rated: the DfE publishes no national share of pupils at risk, so no benchmark
    /// is built in; a config may give it a rule and a benchmarks file a figure.
    var definition: MeasureDefinition {
        switch self {
        case .atRiskRate:
            MeasureDefinition(
                key: rawValue, label: "At risk of persistent absence", shortLabel: "At risk", unit: .percent,
                direction: .lowerIsBetter, source: .attendance,
                computation: .rate(numerator: "band_5_to_10", denominator: "pupils", scale: 100), rule: nil,
                dfeName: "none: the DfE publishes no share of pupils at risk of persistent absence")
        }
    }

    /// What a figure counts, to follow its value in an explanation: "31 of 412 pupils
    /// missed 5% to under 10%" for `n` and `d` written as people read them.
    func counted(_ n: String, of d: String) -> String {
        switch self {
        case .atRiskRate: "\(n) of \(d) pupils missed 5% to under 10% of their sessions"
        }
    }

    /// The position of the measure in `allCases`.
    public var index: Int { Self.allCases.firstIndex(of: self) ?? 0 }

    public static func < (lhs: AbsenceBandMeasure, rhs: AbsenceBandMeasure) -> Bool { lhs.index < rhs.index }
}

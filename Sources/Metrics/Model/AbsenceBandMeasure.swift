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
    /// The at-risk share is rated on its own change since the same term last year
    /// (`RatingRule.change`), not against a national figure: the DfE publishes no national
    /// share of pupils at risk, so none is built in, and a growing at-risk band is the
    /// early warning the share is for. Green when it rose by 1.0 point or less (or fell):
    /// in an academy of 400 pupils one point is 4 pupils, the size of ordinary movement
    /// between years; amber up to 3.0 points (12 of 400 pupils); red beyond. These lines are
    /// trustboard's own, not the DfE's, and a config may set its own
    /// (`{ change_green, change_amber }`) or rate the level instead.
    var definition: MeasureDefinition {
        switch self {
        case .atRiskRate:
            MeasureDefinition(
                key: rawValue, label: "At risk of persistent absence", shortLabel: "At risk", unit: .percent,
                direction: .lowerIsBetter, source: .attendance,
                computation: .rate(numerator: "band_5_to_10", denominator: "pupils", scale: 100),
                rule: .change(green: 1.0, amber: 3.0),
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
    /// A switch, not a search of `allCases`: every `KPI.index` asks it, and a KPI's
    /// decimals, direction and scale are looked up by that index for every figure of a
    /// national-scale report. `ModelIndexTests` checks it against `allCases`.
    public var index: Int {
        switch self {
        case .atRiskRate: 0
        }
    }

    public static func < (lhs: AbsenceBandMeasure, rhs: AbsenceBandMeasure) -> Bool { lhs.index < rhs.index }
}

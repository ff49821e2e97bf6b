/// A measure of suspensions and permanent exclusions, from the `inclusion` file, as the
/// DfE's "Suspensions and permanent exclusions in England" releases publish them.
///
/// Each case is one catalogue entry, below: a new inclusion measure is a case and its
/// entry here (and its count in `InclusionRecord` if it needs a new one).
public enum InclusionMeasure: String, CaseIterable, Comparable, Sendable {
    /// Suspensions per 100 pupils.
    case suspensionRate = "suspension_rate"
    /// Percent of pupils with one or more suspensions.
    case pupilsSuspendedRate = "pupils_suspended_rate"
    /// Permanent exclusions per 100 pupils.
    case permanentExclusionRate = "permanent_exclusion_rate"

    /// The measure's catalogue entry.
    ///
    /// Shown to two decimal places, as the DfE publishes them: a permanent exclusion rate
    /// is a few hundredths (0.11 in 2022/23). No built-in rule: the DfE's national figures
    /// are not built in yet, so the measures are shown and not rated unless a config gives
    /// a rule and benchmark.
    var definition: MeasureDefinition {
        switch self {
        case .suspensionRate:
            MeasureDefinition(
                key: rawValue, label: "Suspensions per 100 pupils", shortLabel: "Suspensions",
                unit: .perHundredPupils, direction: .lowerIsBetter, decimals: 2, source: .inclusion,
                computation: .rate(numerator: "suspensions", denominator: "pupils", scale: 100), rule: nil,
                dfeName: "suspension rate (suspensions per 100 pupils)")
        case .pupilsSuspendedRate:
            MeasureDefinition(
                key: rawValue, label: "Pupils suspended", shortLabel: "Pupils susp.", unit: .percent,
                direction: .lowerIsBetter, decimals: 2, source: .inclusion,
                computation: .rate(numerator: "pupils_suspended", denominator: "pupils", scale: 100),
                rule: nil,
                dfeName: "one or more suspension rate (percentage of pupils with one or more suspensions)")
        case .permanentExclusionRate:
            MeasureDefinition(
                key: rawValue, label: "Permanent exclusions per 100 pupils", shortLabel: "Perm. excl.",
                unit: .perHundredPupils, direction: .lowerIsBetter, decimals: 2, source: .inclusion,
                computation: .rate(numerator: "permanent_exclusions", denominator: "pupils", scale: 100),
                rule: nil, dfeName: "permanent exclusion rate (permanent exclusions per 100 pupils)")
        }
    }

    /// What a figure counts, to follow its value in an explanation: "1,120 suspensions
    /// for 12,000 pupils" for `n` and `d` written as people read them.
    func counted(_ n: String, of d: String) -> String {
        switch self {
        case .suspensionRate: "\(n) suspensions for \(d) pupils, per 100 pupils"
        case .pupilsSuspendedRate: "\(n) of \(d) pupils suspended once or more"
        case .permanentExclusionRate: "\(n) permanent exclusions for \(d) pupils, per 100 pupils"
        }
    }

    /// The position of the measure in `allCases`.
    /// A switch, not a search of `allCases`: every `KPI.index` asks it, and a KPI's
    /// decimals, direction and scale are looked up by that index for every figure of a
    /// national-scale report. `ModelIndexTests` checks it against `allCases`.
    public var index: Int {
        switch self {
        case .suspensionRate: 0
        case .pupilsSuspendedRate: 1
        case .permanentExclusionRate: 2
        }
    }

    public static func < (lhs: InclusionMeasure, rhs: InclusionMeasure) -> Bool { lhs.index < rhs.index }
}

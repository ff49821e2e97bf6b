import Foundation

/// Whether a change of a percentage is larger than the two cohorts' sizes make likely by
/// chance: a two-proportion z-test at 95%.
///
/// The test: with `p₁` of `n₁` pupils before and `p₂` of `n₂` now (as proportions 0–1),
/// the pooled proportion is `p = (p₁n₁ + p₂n₂) / (n₁ + n₂)`, its standard error
/// `SE = √(p(1 − p)(1/n₁ + 1/n₂))`, and `z = (p₂ − p₁) / SE`. A change with `|z| ≥ 1.96`
/// is "beyond chance" (a change that large would come by chance less than one time in
/// twenty if nothing had changed for the pupils); a smaller one "could be chance".
///
/// It treats the two cohorts as independent samples of pupils, which they are not quite
/// (this term's Year 9 is mostly last term's Year 9): a convention of ours for reading
/// small groups, not a DfE method. For `attendance_rate` and `absence_rate`, shares of
/// sessions, each pupil counts once rather than each session: a pupil's sessions are not
/// independent of one another, and a test over thousands of sessions would call every
/// wobble significant. Since one pupil's rate lies between 0 and 1, the spread of the
/// pupils' average is at most that of a share of pupils, so the test leans towards
/// "could be chance" there. Average scores (Attainment 8, Progress 8, scaled scores) and
/// percentages published without pupil numbers are not tested.
public struct ChangeSignificance: Hashable, Sendable {
    /// The verdict of the test.
    public enum Verdict: String, CaseIterable, Comparable, Sendable {
        /// `|z| ≥ 1.96`: larger than chance makes likely.
        case beyondChance = "yes"
        /// `|z| < 1.96`: a change this size comes by chance often with groups this size.
        case couldBeChance = "no"
        /// No test: an average score, or pupil numbers unknown on a side.
        case notTested = ""

        /// How the verdict is read on screen and in text reports: "beyond chance",
        /// "could be chance", "not tested".
        public var words: String {
            switch self {
            case .beyondChance: "beyond chance"
            case .couldBeChance: "could be chance"
            case .notTested: "not tested"
            }
        }

        /// The order changes are listed in: beyond chance first, then the untested (which
        /// may mean something), then those that could be chance.
        public static func < (lhs: Verdict, rhs: Verdict) -> Bool { lhs.rank < rhs.rank }

        private var rank: Int {
            switch self {
            case .beyondChance: 0
            case .notTested: 1
            case .couldBeChance: 2
            }
        }
    }

    /// The |z| a change must reach: the two-sided 95% point of the normal distribution.
    public static let criticalZ = 1.96

    /// The verdict.
    public var verdict: Verdict
    /// The test statistic, new minus old, or nil when not tested.
    public var z: Double?

    /// The test of a change from `oldPercent` (0–100) of `oldPupils` pupils to
    /// `newPercent` of `newPupils`; not tested when either count is nil or 0.
    public init(oldPercent: Double, oldPupils: Int?, newPercent: Double, newPupils: Int?) {
        guard let oldPupils, let newPupils, oldPupils > 0, newPupils > 0 else {
            self.init(verdict: .notTested, z: nil)
            return
        }
        let z = Self.z(
            old: oldPercent / 100, oldPupils: Double(oldPupils), new: newPercent / 100,
            newPupils: Double(newPupils))
        self.init(verdict: abs(z) >= Self.criticalZ ? .beyondChance : .couldBeChance, z: z)
    }

    /// The test of the change from `old` to `new`: for a percentage whose pupils are known
    /// on both sides (`Figure.knownPupils`), on the exact values; otherwise not tested.
    public init(old: Figure, new: Figure) {
        guard new.kpi.isPercentage, old.kpi.isPercentage, let before = old.value, let now = new.value else {
            self.init(verdict: .notTested, z: nil)
            return
        }
        self.init(oldPercent: before, oldPupils: old.knownPupils, newPercent: now, newPupils: new.knownPupils)
    }

    /// Makes a result as given.
    public init(verdict: Verdict, z: Double?) {
        self.verdict = verdict
        self.z = z
    }

    /// The two-proportion z statistic with a pooled proportion; 0 when the pooled
    /// proportion is 0 or 1 (both sides all or none: no change at all).
    static func z(old: Double, oldPupils: Double, new: Double, newPupils: Double) -> Double {
        let pooled = (old * oldPupils + new * newPupils) / (oldPupils + newPupils)
        let variance = pooled * (1 - pooled) * (1 / oldPupils + 1 / newPupils)
        guard variance > 0 else { return 0 }
        return (new - old) / variance.squareRoot()
    }
}

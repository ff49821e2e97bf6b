/// One Year 11 pupil's latent GCSE scores, and how they count in each drop.
struct KeyStage4Result {
    private let english: Double
    private let maths: Double
    private let ebaccEntry: Double
    private let ebaccOther: Double
    private let attainment8: Double
    private let progress8: Double

    /// Draws the pupil's scores around `base`, its ability after academy and group effects.
    ///
    /// - Parameters:
    ///   - base: latent ability after academy and group effects.
    ///   - pupil: the pupil, for the group effects on Progress 8.
    ///   - schoolProgress: the academy's own contribution to Progress 8.
    ///   - generator: the source of randomness.
    init(base: Double, pupil: Pupil, schoolProgress: Double, using generator: inout SeededGenerator) {
        english = base + (pupil.isGirl ? 0.2 : -0.2) + 0.5 * generator.normal()
        maths = base + 0.5 * generator.normal()
        ebaccEntry = base + 0.8 * generator.normal()
        ebaccOther = base + 0.5 * generator.normal()
        attainment8 = 51.5 + 14 * (base + 0.35 * generator.normal())
        progress8 = schoolProgress + AssessmentStandards.progress8Shift(of: pupil) + 0.8 * generator.normal()
    }

    /// Counts the pupil in the GCSE subjects and average scores of the drop.
    func record(groups: UInt16, term: Term, into tally: inout DropTally) {
        let offset = AssessmentStandards.inYearOffset(for: .english, in: term)
        let english = self.english - offset
        let maths = self.maths - offset
        let englishPass = english >= AssessmentStandards.expected(.english)
        let englishStrong = english >= AssessmentStandards.greaterDepth(.english)
        let mathsPass = maths >= AssessmentStandards.expected(.gcseMaths)
        let mathsStrong = maths >= AssessmentStandards.greaterDepth(.gcseMaths)
        let entered = ebaccEntry >= AssessmentStandards.ebaccEntry
        let other = ebaccOther - offset
        tally.addResult(.english, groups: groups, expected: englishPass, greaterDepth: englishStrong)
        tally.addResult(.gcseMaths, groups: groups, expected: mathsPass, greaterDepth: mathsStrong)
        tally.addResult(
            .englishMaths, groups: groups, expected: englishPass && mathsPass,
            greaterDepth: englishStrong && mathsStrong)
        tally.addResult(
            .ebacc, groups: groups,
            expected: entered && englishPass && mathsPass && other >= AssessmentStandards.expected(.ebacc),
            greaterDepth: entered && englishStrong && mathsStrong
                && other >= AssessmentStandards.greaterDepth(.ebacc))
        let (attainmentDrop, progressDrop): (Double, Double) =
            switch term {
            case .autumn: (1.5, 0.15)
            case .spring: (0.8, 0.08)
            case .summer: (0, 0)
            }
        let attainment = min(max(attainment8 - attainmentDrop, 0), 87)
        let progress = min(max(progress8 - progressDrop, -5), 5)
        tally.addScore(.attainment8, groups: groups, hundredths: Rounding.nearest(attainment * 100))
        tally.addScore(.progress8, groups: groups, hundredths: Rounding.nearest(progress * 100))
    }
}

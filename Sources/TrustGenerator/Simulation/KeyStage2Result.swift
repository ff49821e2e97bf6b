/// One Year 6 pupil's latent scores in the key stage 2 subjects, and how they count in each drop.
struct KeyStage2Result {
    private let reading: Double
    private let writing: Double
    private let maths: Double
    private let gps: Double
    private let science: Double

    /// Draws the pupil's scores around `base`, its ability after academy and group effects.
    init(base: Double, isGirl: Bool, using generator: inout SeededGenerator) {
        let sign = isGirl ? 1.0 : -1.0
        reading = base + 0.1 * sign + 0.55 * generator.normal()
        writing = base + 0.2 * sign + 0.55 * generator.normal()
        maths = base - 0.04 * sign + 0.55 * generator.normal()
        gps = base + 0.15 * sign + 0.55 * generator.normal()
        science = base + 0.6 * generator.normal()
    }

    /// Counts the pupil in every key stage 2 subject of the drop, and in the scaled scores of
    /// the summer tests.
    func record(groups: UInt16, term: Term, into tally: inout DropTally) {
        let readingStandard = standard(.reading, reading, term)
        let writingStandard = standard(.writing, writing, term)
        let mathsStandard = standard(.maths, maths, term)
        let gpsStandard = standard(.gps, gps, term)
        let scienceStandard = standard(.science, science, term)
        tally.addResult(.reading, groups: groups, readingStandard)
        tally.addResult(.writing, groups: groups, writingStandard)
        tally.addResult(.maths, groups: groups, mathsStandard)
        tally.addResult(.gps, groups: groups, gpsStandard)
        tally.addResult(.science, groups: groups, scienceStandard)
        tally.addResult(
            .rwm, groups: groups,
            expected: readingStandard.expected && writingStandard.expected && mathsStandard.expected,
            greaterDepth: readingStandard.greaterDepth && writingStandard.greaterDepth
                && mathsStandard.greaterDepth)
        guard term == .summer else { return }
        tally.addScore(
            .readingScaled, groups: groups,
            hundredths: Self.scaledScore(reading, .reading, AssessmentStandards.readingScale) * 100)
        tally.addScore(
            .mathsScaled, groups: groups,
            hundredths: Self.scaledScore(maths, .maths, AssessmentStandards.mathsScale) * 100)
    }

    private func standard(
        _ assessment: Assessment, _ score: Double, _ term: Term
    ) -> (expected: Bool, greaterDepth: Bool) {
        let adjusted = score - AssessmentStandards.inYearOffset(for: assessment, in: term)
        return (
            adjusted >= AssessmentStandards.expected(assessment),
            adjusted >= AssessmentStandards.greaterDepth(assessment)
        )
    }

    /// A test's scaled score, 80–120, reaching 100 exactly when the expected standard is met.
    private static func scaledScore(_ score: Double, _ assessment: Assessment, _ scale: Double) -> Int {
        let points = (score - AssessmentStandards.expected(assessment)) * scale
        return 100 + Rounding.down(min(max(points, -20), 20))
    }
}

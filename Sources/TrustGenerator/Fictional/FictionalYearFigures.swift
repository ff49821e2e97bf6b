/// What one fictional school's fictional performance tables publish for one year, in
/// tenths (hundredths for Progress 8); nil is written as the DfE's `SUPP`.
struct FictionalYearFigures: Sendable {
    /// Overall absence, percent of sessions (`PERCTOT`).
    var absence: Int
    /// Persistent absence, percent of pupils (`PPERSABS10`); suppressed below 40 pupils.
    var persistentAbsence: Int?
    /// The Year 11 results, for secondary and special schools.
    var keyStage4: KeyStage4?

    /// A school's fictional GCSE results.
    struct KeyStage4: Sendable {
        /// Pupils at the end of key stage 4 (`TPUP`).
        var pupils: Int
        /// Attainment 8 in tenths (`ATT8SCR`); nil for fewer than 6 pupils.
        var attainment8: Int?
        /// Pupils with a KS2 result (`P8PUP`).
        var progressPupils: Int
        /// Progress 8 and its 95% confidence limits, in hundredths; nil for fewer than 6 pupils.
        var progress8: (score: Int, lower: Int, upper: Int)?
        /// Percent with grade 4 or above in English and maths, in tenths (`PTL2BASICS_94`).
        var englishMathsStandard: Int?
        /// Percent with grade 5 or above in English and maths, in tenths (`PTL2BASICS_95`).
        var englishMathsStrong: Int?
    }

    /// The absence and persistent absence at the middle of each phase's schools, by the
    /// year it starts, near England's published figures so that the fictional schools sit
    /// around the real national benchmarks the sample is rated against.
    private static func centre(of phase: AcademyPhase, year: Int) -> (absence: Double, persistent: Double) {
        let later = year >= 2023
        switch phase {
        case .primary: return later ? (5.5, 14.6) : (5.9, 16.2)
        case .special: return later ? (13.0, 36.0) : (13.0, 36.5)
        case .secondary, .allThrough, .alternativeProvision: return later ? (8.9, 25.6) : (9.0, 26.5)
        }
    }

    /// The figures of `school` for the year starting `year`, drawn from its intake, its own
    /// effects and `generator`'s noise.
    static func draw(for school: FictionalSchool, year: Int, using generator: inout SeededGenerator)
        -> FictionalYearFigures
    {
        let disadvantaged = Double(school.disadvantaged ?? 250) / 10
        let eal = Double(school.eal ?? 150) / 10
        let senSupport = Double(school.senSupport) / 10
        let centre = centre(of: school.phase, year: year)
        let (absenceSlope, spread, noise, persistentSlope, persistentNoise):
            (Double, Double, Double, Double, Double)
        let typicalDisadvantaged: Double
        switch school.phase {
        case .primary:
            (absenceSlope, spread, noise, persistentSlope, persistentNoise) = (0.045, 0.5, 0.25, 2.9, 1.5)
            typicalDisadvantaged = 24
        case .special:
            (absenceSlope, spread, noise, persistentSlope, persistentNoise) = (0.05, 2.0, 0.6, 2.4, 3)
            typicalDisadvantaged = 45
        case .secondary, .allThrough, .alternativeProvision:
            (absenceSlope, spread, noise, persistentSlope, persistentNoise) = (0.065, 0.9, 0.35, 3.1, 2)
            typicalDisadvantaged = 26
        }
        let fromIntake =
            absenceSlope * (disadvantaged - typicalDisadvantaged) - 0.015 * (eal - 15) + 0.03
            * (senSupport - 12)
        let absence = max(
            1.5, centre.absence + fromIntake + spread * school.absenceEffect + noise * generator.normal())
        let persistent = max(
            0.5,
            centre.persistent + persistentSlope * (absence - centre.absence) + persistentNoise
                * generator.normal())
        var figures = FictionalYearFigures(
            absence: tenths(absence),
            persistentAbsence: school.pupils < 40 ? nil : tenths(min(persistent, 95)))
        if school.phase != .primary {
            figures.keyStage4 = keyStage4(
                for: school, disadvantaged: disadvantaged, eal: eal, senSupport: senSupport, year: year,
                using: &generator)
        }
        return figures
    }

    private static func keyStage4(
        for school: FictionalSchool, disadvantaged: Double, eal: Double, senSupport: Double, year: Int,
        using generator: inout SeededGenerator
    ) -> KeyStage4 {
        let special = school.phase == .special
        let pupils = max(
            1, Rounding.nearest(Double(school.pupils) / (special ? 6 : 5) * generator.uniform(0.93, 1.07)))
        let progressPupils = max(0, pupils - generator.below(max(2, pupils / 15)))
        var results = KeyStage4(pupils: pupils, progressPupils: progressPupils)
        guard pupils >= 6 else { return results }
        let attainment8: Double
        let progress8: Double
        if special {
            attainment8 = max(0, 12 + 5 * school.quality - 0.05 * (disadvantaged - 45) + generator.normal())
            progress8 = -1.1 + 0.35 * school.quality + 0.1 * generator.normal()
        } else {
            let centre = year >= 2023 ? 46.1 : 46.2
            attainment8 =
                centre - 0.28 * (disadvantaged - 26) + 0.05 * (eal - 15) - 0.2 * (senSupport - 12.5) + 4
                * school.quality
                + 1.2 * generator.normal()
            progress8 = 0.3 * school.quality + 0.006 * (eal - 15) + 0.08 * generator.normal()
        }
        results.attainment8 = tenths(min(max(attainment8, 0), 85))
        // A school's Progress 8 interval: ±1.96 standard errors of 1.25 grades a pupil.
        let halfWidth = 1.96 * 1.25 / Double(max(progressPupils, 1)).squareRoot()
        let score = Rounding.nearest(progress8 * 100)
        let half = Rounding.nearest(halfWidth * 100)
        results.progress8 = (score, score - half, score + half)
        let standard = special ? 8 + 4 * school.quality : 65 + 2.2 * (attainment8 - 46)
        let strong = special ? 3 + 2 * school.quality : 45 + 2.4 * (attainment8 - 46)
        results.englishMathsStandard = tenths(min(max(standard + generator.normal(), 0), 100))
        results.englishMathsStrong = tenths(min(max(strong + generator.normal(), 0), 100))
        return results
    }

    /// What the fictional performance tables publish for a sample academy: its own summer
    /// drop's figures, rounded as the DfE rounds them, so that its line agrees with its drop.
    static func published(from tally: DropTally, of profile: AcademyProfile) -> FictionalYearFigures {
        let attendance = tally.attendance(of: .all)
        var figures = FictionalYearFigures(
            absence: ratioTenths(attendance.absentSessions, of: attendance.possibleSessions),
            persistentAbsence: attendance.pupils < 40
                ? nil : ratioTenths(attendance.persistentAbsentees, of: attendance.pupils))
        guard profile.phase.hasYear11 else { return figures }
        let attainment8 = tally.score(.attainment8, of: .all)
        let progress8 = tally.score(.progress8, of: .all)
        let englishMaths = tally.standard(.englishMaths, of: .all)
        var results = KeyStage4(pupils: attainment8.cohort, progressPupils: progress8.cohort)
        if attainment8.cohort >= 6 {
            results.attainment8 = Rounding.nearest(Double(attainment8.averageHundredths) / 10)
            results.englishMathsStandard = ratioTenths(englishMaths.expected, of: englishMaths.cohort)
            results.englishMathsStrong = ratioTenths(englishMaths.greaterDepth, of: englishMaths.cohort)
        }
        if progress8.cohort >= 6 {
            let score = progress8.averageHundredths
            let half = Rounding.nearest(196 * 1.25 / Double(progress8.cohort).squareRoot())
            results.progress8 = (score, score - half, score + half)
        }
        figures.keyStage4 = results
        return figures
    }

    /// `part` of `whole` as a percentage in tenths, rounded half up; 0 for nothing over nothing.
    private static func ratioTenths(_ part: Int, of whole: Int) -> Int {
        guard whole > 0 else { return 0 }
        return Rounding.nearest(Double(part) * 1000 / Double(whole))
    }

    private static func tenths(_ percent: Double) -> Int { Rounding.nearest(percent * 10) }
}

/// Where each standard lies on a pupil's latent attainment scale, and how pupils' groups move them.
///
/// The cut-offs were fitted (offline, by simulation) so that a national population of academies
/// lands near the published figures for England: KS2 reading 74%, writing 72%, maths 73%, RWM about
/// 61% (disadvantaged about 45%, others 67%), phonics 80%, GLD 68%; GCSE English and maths grade 4+
/// about 65% and 5+ about 45%, Attainment 8 about 46.
enum AssessmentStandards {
    /// Scaled-score points per unit of latent attainment in KS2 reading.
    static let readingScale = 6.25
    /// Scaled-score points per unit of latent attainment in KS2 maths.
    static let mathsScale = 5.88

    /// The cut-off for the expected standard (or grade 4) in the summer.
    static func expected(_ assessment: Assessment) -> Double {
        switch assessment {
        case .reading: -1.22
        case .writing: -1.14
        case .maths: -1.17
        case .gps: -1.14
        case .science: -1.54
        case .phonics: -1.45
        case .mtc: 0.17
        case .gld: -0.96
        case .english: -1.21
        case .gcseMaths: -1.07
        case .ebacc: 0.26
        case .rwm, .englishMaths: 0
        }
    }

    /// The cut-off for greater depth, the higher standard or grade 5 in the summer.
    static func greaterDepth(_ assessment: Assessment) -> Double {
        switch assessment {
        case .reading: expected(.reading) + 10 / readingScale
        case .maths: expected(.maths) + 10 / mathsScale
        case .writing: 1.08
        case .gps: 0.23
        case .english: -0.72
        case .gcseMaths: -0.39
        case .ebacc: 0.67
        default: .infinity
        }
    }

    /// The latent score a pupil taking the EBacc subjects must reach to be entered for them.
    static let ebaccEntry = -0.01

    /// How much harder the standards are to reach in an in-year teacher assessment, because the
    /// pupils have not yet finished the year.
    static func inYearOffset(for assessment: Assessment, in term: Term) -> Double {
        let keyStage4 = assessment.yearGroup == 11
        switch term {
        case .autumn: return keyStage4 ? 0.2 : 0.35
        case .spring: return keyStage4 ? 0.1 : 0.18
        case .summer: return 0
        }
    }

    /// The national effect of a pupil's groups on latent attainment, before any academy effect.
    ///
    /// The disadvantaged gap is wider by the end of key stage 4 (Year 11) than of key stage 2.
    static func groupShift(of pupil: Pupil, disadvantagedGap: Double) -> Double {
        var shift = 0.0
        if pupil.isDisadvantaged {
            shift += (pupil.yearGroup >= 7 ? -0.85 : -0.65) + disadvantagedGap
        }
        switch pupil.needs {
        case .none: break
        case .senSupport: shift -= 1.0
        case .ehcp: shift -= 2.0
        }
        if pupil.isEAL {
            shift -= 0.05
        }
        return shift
    }

    /// The national effect of a pupil's groups on Progress 8.
    static func progress8Shift(of pupil: Pupil) -> Double {
        var shift = 0.1
        if pupil.isDisadvantaged {
            shift -= 0.45
        }
        switch pupil.needs {
        case .none: break
        case .senSupport: shift -= 0.4
        case .ehcp: shift -= 0.9
        }
        if pupil.isEAL {
            shift += 0.45
        }
        shift += pupil.isGirl ? 0.1 : -0.1
        return shift
    }
}

/// How likely a pupil is to be suspended in a year, and how often, so that the sample trust's
/// rates look like England's.
///
/// The DfE's "Suspensions and permanent exclusions in England" release for 2023/24 has about 11
/// suspensions per 100 pupils overall, a few per 100 in primaries, around 20 in secondaries,
/// and about 0.1 permanent exclusions per 100; disadvantaged pupils and pupils with SEN are
/// suspended several times as often as the rest. These are the shapes aimed at, not figures
/// the sample claims to reproduce.
enum SuspensionChances {
    /// The yearly chance of one or more suspensions for a pupil in none of the groups that
    /// raise it (not disadvantaged, no SEN, a girl), by phase.
    static func base(_ phase: AcademyPhase) -> Double {
        switch phase {
        case .primary: 0.003
        // An all-through school's pupils are mostly of secondary age.
        case .secondary, .allThrough: 0.03
        case .special: 0.025
        // Pupils in alternative provision are suspended far more often.
        case .alternativeProvision: 0.15
        }
    }

    /// The pupil's yearly chance of one or more suspensions, `disadvantagedFactor` raising it
    /// again for a disadvantaged pupil (a story's sharp rise).
    static func yearly(_ pupil: Pupil, phase: AcademyPhase, disadvantagedFactor: Double) -> Double {
        var chance = base(phase)
        if pupil.isDisadvantaged {
            chance *= 2.6 * disadvantagedFactor
        }
        switch pupil.needs {
        case .none: break
        case .senSupport: chance *= 2.5
        case .ehcp: chance *= 2.0
        }
        if !pupil.isGirl {
            chance *= 1.5
        }
        // Reception and the sixth form are rarely suspended.
        if pupil.yearGroup == 0 || pupil.yearGroup >= 12 {
            chance *= 0.3
        }
        return min(chance, 0.9)
    }

    /// The chance that a suspended pupil is suspended again, each time: 2.5 suspensions a
    /// suspended pupil on average.
    static let again = 0.6

    /// The most suspensions one pupil has in a year.
    static let most = 12

    /// The chance that a suspended pupil is later permanently excluded.
    static let permanentExclusion = 0.03

    /// The share of a year's suspensions in autumn and spring (summer has the rest).
    static let termShares = (autumn: 0.33, spring: 0.36)
}

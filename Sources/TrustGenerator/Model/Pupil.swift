/// A fictional pupil on an academy's roll for one academic year.
///
/// Every published count is a sum over pupils, so groups add up by construction: each pupil is
/// counted once in `all` and once in each of its partitions.
struct Pupil: Sendable {
    /// The special educational needs of a pupil.
    enum Needs: UInt8, Sendable {
        case none
        case senSupport
        case ehcp
    }

    /// The year group, Reception written as 0.
    var yearGroup: Int
    /// Eligible for the pupil premium.
    var isDisadvantaged = false
    /// SEN support, an education, health and care plan, or neither.
    var needs = Needs.none
    /// English as an additional language.
    var isEAL = false
    /// Counted with girls rather than boys.
    var isGirl = false
    /// The first term the pupil is on roll.
    var firstTerm = Term.autumn
    /// Place among the academy's pupils by likelihood of absence, 0 being the most likely (0–1).
    var absenceRank = 0.5
    /// Fixed per pupil: where in its band the pupil's absence falls (0–1).
    var absenceSpread = 0.5
    /// Fixed per pupil: how much of its absence is unauthorised, before group effects (0–1).
    var unauthorisedLean = 0.5
    /// Latent attainment, in standard deviations of the national cohort, before group effects.
    var ability = 0.0

    /// The pupil's groups as a bit set, bit n standing for `PupilGroup(rawValue: n)`.
    var groupBits: UInt16 {
        var bits: UInt16 = 1 << PupilGroup.all.rawValue
        bits |= 1 << (isDisadvantaged ? PupilGroup.disadvantaged : .notDisadvantaged).rawValue
        switch needs {
        case .none: bits |= 1 << PupilGroup.noSen.rawValue
        case .senSupport: bits |= 1 << PupilGroup.senSupport.rawValue
        case .ehcp: bits |= 1 << PupilGroup.ehcp.rawValue
        }
        if isEAL {
            bits |= 1 << PupilGroup.eal.rawValue
        }
        bits |= 1 << (isGirl ? PupilGroup.girls : .boys).rawValue
        return bits
    }
}

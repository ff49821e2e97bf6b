/// One fictional academy: who it is, what its pupils are like, and how each year should go.
struct AcademyProfile: Sendable {
    /// The six-digit URN.
    var urn: Int
    /// The academy's name, as shown to users.
    var name: String
    /// The phase, which fixes the year groups and assessments.
    var phase: AcademyPhase
    /// The local authority the academy sits in.
    var localAuthority: String
    /// The school improvement lead; empty when none is named.
    var improvementLead: String
    /// The date it joined the trust, `YYYY-MM-DD`.
    var joined: String
    /// The latest Ofsted grade, as written in `academies.csv`.
    var ofsted: String
    /// The usual number of pupils in one year group.
    var pupilsPerYearGroup: Int
    /// The share of each pupil group.
    var mix: PupilMix
    /// How each academic year should go, by the year it starts; a year that is missing has no
    /// data, as before the academy joined.
    var outlooks: [Int: SchoolYearOutlook]
    /// Whether a secondary has a sixth form (Years 12 and 13) on top of its phase's year groups.
    var sixthForm = false
    /// How many times more likely than usual disadvantaged pupils are to be suspended, by the
    /// year it starts; a year that is missing is 1 (a story's sharp rise is above 1).
    var disadvantagedSuspensions: [Int: Double] = [:]

    /// The year groups on roll, Reception written as 0: the phase's, then 12 and 13 for a sixth
    /// form.
    var yearGroups: [Int] { phase.yearGroups + (sixthForm ? [12, 13] : []) }
}

/// Northbrook Learning Trust: the fictional trust of `sample-data/`.
///
/// Twelve academies (eight primary, three secondary, one special) in the fictional local
/// authorities of Northshire and Westmoor, with three academic years of drops. Northbrook Academy
/// alone has a sixth form, so that the sample shows Years 12 and 13 on their own lines, outside
/// the Years 1–11 of its `all` rows, as well as the 11–16 schools most secondaries are. Seven
/// stories are built in, each told in `sample-data/README.md`:
///
/// - Meadowbank Primary Academy (900105) improves fast: attendance and attainment up each year.
/// - Fellside School (900110): persistent absence rises drop by drop, into red.
/// - Kingsmead Park … (900106): a wide gap between disadvantaged pupils and the rest.
/// - Riverside Junction Primary (900108) joined on 2024-09-01: only the 2024/25 drops.
/// - Brookside School (900112): a special school of about 40 pupils, whose small groups must be
///   suppressed.
/// - Harbour View Academy (900111): suspensions of disadvantaged pupils rise sharply in 2024/25,
///   widening the disadvantaged gap in suspensions.
/// - Northbrook Primary Academy (900101): persistent absence flat while the pupils at risk of it
///   (missing 5% to under 10%) grow year on year, which only its pupil-level exports show.
///
/// Names exercise display code: a typographic apostrophe, a non-ASCII letter, a name longer than
/// 40 characters and a name holding a comma.
enum NorthbrookTrust {
    /// The academic years with drops, by the year they start: 2022/23 to 2024/25, so that every
    /// drop has national figures the DfE has confirmed, of its own year or the year before, to be
    /// rated against (2025/26 has none yet; 2024/25 has no full-year or persistent absence).
    static let years = [2022, 2023, 2024]

    /// The academies that still send aggregate `attendance` and `inclusion` files: Riverside
    /// Junction, which joined in 2024 with its own MIS, and Brookside, whose MIS supplier has
    /// no export yet. Every other academy sends a pupil-level export, as a trust part way
    /// through moving to exports would.
    static let aggregateURNs: Set<Int> = [900_108, 900_112]

    /// The trust's academies, in URN order.
    static let academies: [AcademyProfile] = [
        AcademyProfile(
            urn: 900_101, name: "Northbrook Primary Academy", phase: .primary, localAuthority: "Northshire",
            improvementLead: "R. Okafor", joined: "2014-09-01", ofsted: "good", pupilsPerYearGroup: 60,
            mix: mainstream(disadvantaged: 0.24, eal: 0.15),
            outlooks: yearly(
                // Absence creeps up while persistent absence stays flat: the pupils who miss
                // more are still under 10%, so only the 5–10% band of its exports shows it.
                absence: [5.3, 5.8, 6.2], persistent: [14, 14.5, 13.5], severe: [1.0, 1.1, 0.9],
                attainment: [0.05, 0.05, 0.1])),
        AcademyProfile(
            urn: 900_102, name: "St Mary\u{2019}s C of E Primary", phase: .primary,
            localAuthority: "Northshire", improvementLead: "R. Okafor", joined: "2016-04-01",
            ofsted: "outstanding", pupilsPerYearGroup: 30, mix: mainstream(disadvantaged: 0.12, eal: 0.08),
            outlooks: yearly(
                absence: [4.4, 4.5, 4.3], persistent: [10, 10.5, 9.5], severe: [0.6, 0.6, 0.5],
                attainment: [0.35, 0.35, 0.35])),
        AcademyProfile(
            urn: 900_103, name: "Ashby Bront\u{EB} Academy", phase: .primary, localAuthority: "Northshire",
            improvementLead: "J. Whitfield", joined: "2017-09-01", ofsted: "good", pupilsPerYearGroup: 45,
            mix: mainstream(disadvantaged: 0.30, eal: 0.35),
            outlooks: yearly(
                absence: [5.6, 5.5, 5.7], persistent: [15.5, 15, 16], severe: [1.2, 1.1, 1.3],
                attainment: [-0.05, 0, 0])),
        AcademyProfile(
            urn: 900_104, name: "Castle Rise Academy, Northbrook", phase: .primary,
            localAuthority: "Northshire", improvementLead: "J. Whitfield", joined: "2018-01-01",
            ofsted: "requires-improvement", pupilsPerYearGroup: 30,
            mix: mainstream(disadvantaged: 0.38, eal: 0.12),
            outlooks: yearly(
                absence: [6.2, 6.3, 6.1], persistent: [18, 19, 18], severe: [1.6, 1.7, 1.6],
                attainment: [-0.25, -0.2, -0.2])),
        AcademyProfile(
            urn: 900_105, name: "Meadowbank Primary Academy", phase: .primary, localAuthority: "Northshire",
            improvementLead: "J. Whitfield", joined: "2019-09-01", ofsted: "requires-improvement",
            pupilsPerYearGroup: 45, mix: mainstream(disadvantaged: 0.33, eal: 0.18),
            outlooks: yearly(
                absence: [7.2, 6.1, 5.0], persistent: [22, 17, 12], severe: [2.0, 1.4, 0.8],
                attainment: [-0.55, -0.15, 0.25])),
        AcademyProfile(
            urn: 900_106, name: "Kingsmead Park Community Primary and Nursery School", phase: .primary,
            localAuthority: "Northshire", improvementLead: "R. Okafor", joined: "2015-09-01", ofsted: "good",
            pupilsPerYearGroup: 60, mix: mainstream(disadvantaged: 0.35, eal: 0.2),
            outlooks: yearly(
                absence: [5.5, 5.6, 5.4], persistent: [15, 16, 15], severe: [1.1, 1.2, 1.1],
                attainment: [0.2, 0.2, 0.2], disadvantagedGap: -0.9)),
        AcademyProfile(
            urn: 900_107, name: "Hollins Lane Primary Academy", phase: .primary, localAuthority: "Westmoor",
            improvementLead: "S. Patel", joined: "2020-11-01", ofsted: "good", pupilsPerYearGroup: 30,
            mix: mainstream(disadvantaged: 0.2, eal: 0.05),
            outlooks: yearly(
                absence: [5.0, 5.1, 5.0], persistent: [13, 13.5, 13], severe: [0.8, 0.9, 0.8],
                attainment: [0.1, 0.1, 0.1])),
        AcademyProfile(
            urn: 900_108, name: "Riverside Junction Primary", phase: .primary, localAuthority: "Northshire",
            improvementLead: "S. Patel", joined: "2024-09-01", ofsted: "not-inspected",
            pupilsPerYearGroup: 45,
            mix: mainstream(disadvantaged: 0.31, eal: 0.22),
            outlooks: [
                2024: outlook(absence: 6.4, persistent: 19, severe: 1.8, attainment: -0.3)
            ]),
        AcademyProfile(
            urn: 900_109, name: "Northbrook Academy", phase: .secondary, localAuthority: "Northshire",
            improvementLead: "R. Okafor", joined: "2013-09-01", ofsted: "good", pupilsPerYearGroup: 210,
            mix: mainstream(disadvantaged: 0.22, eal: 0.12),
            outlooks: yearly(
                absence: [8.4, 8.5, 8.3], persistent: [23, 24, 23], severe: [2.8, 2.9, 2.7],
                attainment: [0.1, 0.1, 0.1], progress8: [0.15, 0.1, 0.2]),
            sixthForm: true),
        AcademyProfile(
            urn: 900_110, name: "Fellside School", phase: .secondary, localAuthority: "Westmoor",
            improvementLead: "S. Patel", joined: "2016-09-01", ofsted: "good", pupilsPerYearGroup: 180,
            mix: mainstream(disadvantaged: 0.30, eal: 0.06),
            outlooks: yearly(
                absence: [8.6, 10.2, 12.0], persistent: [24, 30, 37], severe: [3.0, 4.2, 5.5],
                attainment: [0, -0.05, -0.1], progress8: [0, -0.1, -0.2])),
        AcademyProfile(
            urn: 900_111, name: "Harbour View Academy", phase: .secondary, localAuthority: "Northshire",
            improvementLead: "J. Whitfield", joined: "2019-01-01", ofsted: "requires-improvement",
            pupilsPerYearGroup: 150, mix: mainstream(disadvantaged: 0.40, eal: 0.30),
            outlooks: yearly(
                absence: [9.0, 8.9, 8.8], persistent: [27, 26, 26], severe: [3.4, 3.3, 3.2],
                attainment: [-0.2, -0.2, -0.2], progress8: [-0.25, -0.2, -0.15]),
            disadvantagedSuspensions: [2024: 2.0]),
        AcademyProfile(
            urn: 900_112, name: "Brookside School", phase: .special, localAuthority: "Northshire",
            improvementLead: "S. Patel", joined: "2018-09-01", ofsted: "outstanding", pupilsPerYearGroup: 8,
            mix: PupilMix(disadvantaged: 0.55, senSupport: 0.09, ehcp: 0.89, eal: 0.1, girls: 0.11),
            outlooks: yearly(
                absence: [11, 11.5, 10.8], persistent: [32, 33, 31], severe: [7, 7, 6],
                attainment: [-0.8, -0.8, -0.8], progress8: [-0.5, -0.5, -0.5])),
    ]

    private static func mainstream(disadvantaged: Double, eal: Double) -> PupilMix {
        PupilMix(disadvantaged: disadvantaged, senSupport: 0.13, ehcp: 0.025, eal: eal, girls: 0.49)
    }

    /// One outlook per academic year of `years`; rates in percent, as people write them.
    private static func yearly(
        absence: [Double], persistent: [Double], severe: [Double], attainment: [Double],
        disadvantagedGap: Double = 0, progress8: [Double] = [0, 0, 0]
    ) -> [Int: SchoolYearOutlook] {
        var outlooks: [Int: SchoolYearOutlook] = [:]
        for (position, year) in years.enumerated() {
            outlooks[year] = outlook(
                absence: absence[position], persistent: persistent[position], severe: severe[position],
                attainment: attainment[position], disadvantagedGap: disadvantagedGap,
                progress8: progress8[position])
        }
        return outlooks
    }

    private static func outlook(
        absence: Double, persistent: Double, severe: Double, attainment: Double,
        disadvantagedGap: Double = 0, progress8: Double = 0
    ) -> SchoolYearOutlook {
        SchoolYearOutlook(
            absenceRate: absence / 100, persistentAbsenceRate: persistent / 100,
            severeAbsenceRate: severe / 100, attainment: attainment, disadvantagedGap: disadvantagedGap,
            progress8: progress8)
    }
}

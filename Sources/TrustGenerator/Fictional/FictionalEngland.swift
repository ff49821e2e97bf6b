/// The fictional England beside the sample trust: a few thousand made-up state-funded
/// schools of every phase, with the sample academies among them.
///
/// Intakes are drawn to look roughly like England's (disadvantage, English as an additional
/// language, SEN and size vary about as much as they do there), and a school's absence and
/// GCSE results follow its intake plus a fixed effect of its own and a little noise each
/// year. Every number is invented: the shape only makes the similar-schools groups of the
/// sample trust tell sensible stories. Only +, −, × and ÷ are used (and square roots, in
/// `FictionalYearFigures`, which IEEE 754 rounds exactly), never a C library function, so
/// the same seed gives the same schools on every platform.
enum FictionalEngland {
    /// Fictional schools of each phase besides the sample academies.
    static let primaries = 2_400
    /// See `primaries`.
    static let secondaries = 500
    /// See `primaries`.
    static let specials = 150

    /// The fictional local authorities; the sample academies' two come first.
    static let localAuthorities = [
        "Northshire", "Westmoor", "Eastfold", "Southmere", "Ashdale", "Brackenford", "Carrow", "Dunmere",
        "Elmsworth", "Fenwick Vale", "Glenholm", "Harrowfield", "Ivybridge Moor", "Kestrel Bay", "Lowmarsh",
        "Millbeck", "Netherby", "Oakhurst", "Pennmoor", "Quarrydale", "Redwater", "Stonewick", "Thornley",
        "Upperwold",
    ]

    private static let places = [
        "Ash", "Beech", "Bramble", "Brook", "Castle", "Cedar", "Clover", "Copper", "Deer", "Elder", "Fern",
        "Fox", "Glen", "Hazel", "Heath", "Holly", "Kings", "Lark", "Linden", "Maple", "Mill", "Moor", "Oak",
        "Orchard", "Pine", "Queens", "Raven", "River", "Rowan", "Sand", "Stone", "Swan", "Thorn", "Willow",
    ]
    private static let endings = [
        "field", "ford", "gate", "ham", "hill", "lea", "mead", "ton", "well", "wood",
    ]
    private static let secondaryKinds = ["Academy", "High School", "School", "Community College"]

    /// Every school: the fictional ones by URN, then the sample academies.
    static func schools(seed: UInt64) -> [FictionalSchool] {
        var generator = SeededGenerator(seed: seed, stream: 7_000_001)
        var schools: [FictionalSchool] = []
        let phases: [(AcademyPhase, Int)] = [
            (.primary, primaries), (.secondary, secondaries), (.special, specials),
        ]
        var urn = 920_001
        for (phase, count) in phases {
            for index in 0..<count {
                schools.append(school(urn: urn, index: index, phase: phase, using: &generator))
                urn += 1
            }
        }
        for profile in NorthbrookTrust.academies {
            schools.append(sampleAcademy(profile))
        }
        return schools
    }

    /// A fictional school of `phase`, its intake drawn at random.
    private static func school(
        urn: Int, index: Int, phase: AcademyPhase, using generator: inout SeededGenerator
    ) -> FictionalSchool {
        let localAuthority = localAuthorities[generator.below(localAuthorities.count)]
        var disadvantaged: Double
        var eal: Double
        var senSupport: Double
        var ehcp: Double
        let pupils: Int
        let establishment: Int
        switch phase {
        case .special:
            disadvantaged = generator.normal(mean: 45, deviation: 11)
            eal = squared(generator.normal(mean: 3.2, deviation: 1.4))
            senSupport = max(0, generator.normal(mean: 3, deviation: 4))
            ehcp = 100 - senSupport - abs(generator.normal(mean: 0, deviation: 3))
            pupils = clamp(Rounding.nearest(110 * squared(1 + 0.22 * generator.normal())), 20, 450)
            establishment = 7000 + index
        case .secondary, .allThrough, .alternativeProvision:
            disadvantaged = generator.normal(mean: 26, deviation: 11)
            eal = squared(generator.normal(mean: 3.2, deviation: 2.1))
            senSupport = generator.normal(mean: 12.5, deviation: 3.8)
            ehcp = squared(generator.normal(mean: 1.5, deviation: 0.35))
            pupils = clamp(Rounding.nearest(1000 * squared(1 + 0.17 * generator.normal())), 180, 2300)
            establishment = 4000 + index
        case .primary:
            disadvantaged = generator.normal(mean: 24, deviation: 12)
            eal = squared(generator.normal(mean: 3.4, deviation: 2.2))
            senSupport = generator.normal(mean: 13.5, deviation: 4.2)
            ehcp = squared(generator.normal(mean: 1.5, deviation: 0.4))
            pupils = clamp(Rounding.nearest(260 * squared(1 + 0.25 * generator.normal())), 25, 950)
            establishment = 2000 + index
        }
        disadvantaged = min(max(disadvantaged, 1), 85)
        eal = min(eal, 95)
        senSupport = min(max(senSupport, 0), 40)
        ehcp = min(max(ehcp, 0), 100)
        // About one school in 200 has no free-school-meal or EAL figure (`NA`), as in the
        // DfE's own census: such a school is never a similar school.
        let unpublished = generator.chance(0.005)
        let absenceEffect = generator.normal()
        let quality = generator.normal()
        var name: String?
        if phase != .primary {
            let place = places[generator.below(places.count)] + endings[generator.below(endings.count)]
            let kind = phase == .special ? "School" : secondaryKinds[generator.below(secondaryKinds.count)]
            name = "\(place) \(kind) (fictional)"
        }
        return FictionalSchool(
            urn: urn, establishment: establishment, localAuthority: localAuthority, name: name, phase: phase,
            pupils: pupils, disadvantaged: unpublished ? nil : tenths(disadvantaged),
            eal: unpublished ? nil : tenths(eal), senSupport: tenths(senSupport), ehcp: tenths(ehcp),
            absenceEffect: absenceEffect, quality: quality, isSampleAcademy: false)
    }

    /// A sample academy's census line: its pupils on roll and its pupil mix, as its drops have them.
    private static func sampleAcademy(_ profile: AcademyProfile) -> FictionalSchool {
        let base =
            switch profile.phase {
            case .primary, .allThrough: 2000
            case .special: 7000
            case .secondary, .alternativeProvision: 4000
            }
        return FictionalSchool(
            urn: profile.urn, establishment: base + 900 + profile.urn % 100,
            localAuthority: profile.localAuthority, name: profile.name, phase: profile.phase,
            pupils: profile.pupilsPerYearGroup * profile.yearGroups.count,
            disadvantaged: tenths(profile.mix.disadvantaged * 100), eal: tenths(profile.mix.eal * 100),
            senSupport: tenths(profile.mix.senSupport * 100), ehcp: tenths(profile.mix.ehcp * 100),
            absenceEffect: 0, quality: 0, isSampleAcademy: true)
    }

    private static func squared(_ value: Double) -> Double { value * value }

    private static func tenths(_ percent: Double) -> Int { Rounding.nearest(percent * 10) }

    private static func clamp(_ value: Int, _ lower: Int, _ upper: Int) -> Int {
        min(max(value, lower), upper)
    }
}

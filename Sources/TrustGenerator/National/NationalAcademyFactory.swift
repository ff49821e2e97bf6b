/// Makes the fictional academies of the national-scale drop, each from its own random stream.
///
/// The spread of each figure follows the shape of England's schools: most primaries miss about
/// 5–6% of sessions and secondaries about 9%, special schools more, and alternative provision
/// far more.
struct NationalAcademyFactory {
    /// The academic year the drop belongs to.
    static let startYear = 2025

    private static let placeStarts = [
        "Ash", "Oak", "Elm", "Thorn", "Brook", "Mill", "Kings", "Queens", "Beech", "Holly", "Fern",
        "Marsh", "Stone", "Green", "West", "East", "North", "South", "High", "Long", "Bright", "Red",
        "White", "Hazel", "Willow", "Rose", "Castle", "Church", "Bridge", "Wood", "Hill", "Lark",
    ]
    private static let placeEnds = [
        "field", "wood", "ley", "bury", "ton", "ham", "dale", "brook", "gate", "mead", "hurst",
        "ford", "well", "side", "moor", "lands", "combe", "by", "stead", "holme", "worth", "cliffe",
    ]
    private static let localAuthorities = [
        "Northshire", "Westmoor", "Eastdale", "Southmere", "Avonford", "Kestrel Vale", "Lowfield",
        "Marchbury", "Redcastle", "Greywater", "Hollinshire", "Brackenford", "Saltmarsh", "Fenwick",
        "Upper Tarn", "Wyvern", "Coldharbour", "Silverdale", "Harrowgate Borough", "Eddington",
    ]

    /// The seed of the whole run.
    var seed: UInt64

    /// The phase of each academy, in the order they are written: 76% primary, 16% secondary, 5%
    /// special, 2% all-through, 1% alternative provision, the remainder primary, in random order.
    func phases(count: Int) -> [AcademyPhase] {
        let secondary = count * 16 / 100
        let special = count * 5 / 100
        let allThrough = count * 2 / 100
        let alternative = count / 100
        let primary = count - secondary - special - allThrough - alternative
        var phases = Array(repeating: AcademyPhase.primary, count: primary)
        phases += Array(repeating: .secondary, count: secondary)
        phases += Array(repeating: .special, count: special)
        phases += Array(repeating: .allThrough, count: allThrough)
        phases += Array(repeating: .alternativeProvision, count: alternative)
        var generator = SeededGenerator(seed: seed, stream: 0)
        generator.shuffleFront(&phases, count: phases.count)
        return phases
    }

    /// Makes academy number `index` (from 0), whose URN is 100000 + `index`.
    func academy(
        _ index: Int, phase: AcademyPhase, using generator: inout SeededGenerator
    ) -> AcademyProfile {
        let place =
            Self.placeStarts[generator.below(Self.placeStarts.count)]
            + Self.placeEnds[generator.below(Self.placeEnds.count)]
        return AcademyProfile(
            urn: 100_000 + index,
            name: "\(place) \(schoolKind(phase, using: &generator))",
            phase: phase,
            localAuthority: Self.localAuthorities[generator.below(Self.localAuthorities.count)],
            improvementLead: "",
            joined: joiningDate(using: &generator),
            ofsted: ofstedGrade(using: &generator),
            pupilsPerYearGroup: yearGroupSize(phase, using: &generator),
            mix: mix(phase, using: &generator),
            outlooks: [Self.startYear: outlook(phase, using: &generator)]
        )
    }

    private func schoolKind(_ phase: AcademyPhase, using generator: inout SeededGenerator) -> String {
        let kinds: [String] =
            switch phase {
            case .primary: ["Primary Academy", "Primary School", "C of E Primary Academy", "Junior Academy"]
            case .secondary: ["Academy", "High School", "School", "College", "Community Academy"]
            case .allThrough: ["All-Through Academy", "School", "Academy 3–16"]
            case .special: ["School", "Academy", "Special School"]
            case .alternativeProvision: ["Learning Centre", "Alternative Provision Academy"]
            }
        return kinds[generator.below(kinds.count)]
    }

    private func joiningDate(using generator: inout SeededGenerator) -> String {
        let year = 2011 + generator.below(15)
        let month = [1, 4, 9][generator.below(3)]
        return month < 10 ? "\(year)-0\(month)-01" : "\(year)-\(month)-01"
    }

    private func ofstedGrade(using generator: inout SeededGenerator) -> String {
        let draw = generator.unit()
        if draw < 0.15 { return "outstanding" }
        if draw < 0.80 { return "good" }
        if draw < 0.95 { return "requires-improvement" }
        if draw < 0.98 { return "inadequate" }
        return "not-inspected"
    }

    private func yearGroupSize(_ phase: AcademyPhase, using generator: inout SeededGenerator) -> Int {
        switch phase {
        case .primary:
            let forms = [1, 1, 2, 2, 2, 3, 1, 2][generator.below(8)]
            return Int(Double(30 * forms) * generator.uniform(0.6, 1.0))
        case .secondary: return 120 + generator.below(141)
        case .allThrough: return 90 + generator.below(61)
        case .special: return 10 + generator.below(21)
        case .alternativeProvision: return 6 + generator.below(20)
        }
    }

    private func mix(_ phase: AcademyPhase, using generator: inout SeededGenerator) -> PupilMix {
        func drawn(_ mean: Double, _ deviation: Double, _ lowest: Double, _ highest: Double) -> Double {
            min(max(generator.normal(mean: mean, deviation: deviation), lowest), highest)
        }
        switch phase {
        case .primary, .secondary, .allThrough:
            let spread = generator.unit()
            return PupilMix(
                disadvantaged: drawn(0.25, 0.11, 0.03, 0.75),
                senSupport: drawn(0.13, 0.04, 0.03, 0.3),
                ehcp: drawn(0.025, 0.012, 0.003, 0.08),
                eal: (phase == .primary ? 0.66 : 0.55) * spread * spread,
                girls: drawn(0.49, 0.02, 0.4, 0.58)
            )
        case .special:
            return PupilMix(
                disadvantaged: drawn(0.45, 0.1, 0.15, 0.8), senSupport: drawn(0.05, 0.03, 0.01, 0.15),
                ehcp: drawn(0.9, 0.04, 0.75, 0.97), eal: drawn(0.12, 0.06, 0.01, 0.4),
                girls: drawn(0.28, 0.06, 0.1, 0.45))
        case .alternativeProvision:
            return PupilMix(
                disadvantaged: drawn(0.6, 0.1, 0.3, 0.9), senSupport: drawn(0.4, 0.1, 0.1, 0.6),
                ehcp: drawn(0.15, 0.05, 0.02, 0.3), eal: drawn(0.05, 0.03, 0.01, 0.2),
                girls: drawn(0.3, 0.08, 0.1, 0.5))
        }
    }

    private func outlook(_ phase: AcademyPhase, using generator: inout SeededGenerator) -> SchoolYearOutlook {
        func percent(_ mean: Double, _ deviation: Double, _ lowest: Double, _ highest: Double) -> Double {
            min(max(generator.normal(mean: mean, deviation: deviation), lowest), highest) / 100
        }
        let absence: Double
        let persistent: Double
        let severe: Double
        var attainment = generator.normal(mean: 0, deviation: 0.3)
        var progress = generator.normal(mean: 0, deviation: 0.3)
        switch phase {
        case .primary:
            absence = percent(5.4, 0.9, 3, 10)
            persistent = percent(14.5, 4.5, 4, 35)
            severe = percent(1.0, 0.6, 0.1, 5)
        case .secondary:
            absence = percent(8.8, 1.6, 5, 15)
            persistent = percent(25, 6, 10, 45)
            severe = percent(3.2, 1.5, 0.5, 9)
        case .allThrough:
            absence = percent(7.5, 1.3, 4, 13)
            persistent = percent(21, 5, 8, 40)
            severe = percent(2.5, 1, 0.3, 7)
        case .special:
            absence = percent(11.5, 3, 5, 20)
            persistent = percent(35, 8, 15, 60)
            severe = percent(6.5, 3, 1, 15)
            attainment -= 0.8
            progress -= 0.4
        case .alternativeProvision:
            absence = percent(35, 8, 15, 60)
            persistent = percent(75, 8, 50, 95)
            severe = percent(30, 8, 10, 50)
            attainment -= 1.8
            progress -= 2.0
        }
        return SchoolYearOutlook(
            absenceRate: absence, persistentAbsenceRate: persistent, severeAbsenceRate: severe,
            attainment: attainment, disadvantagedGap: generator.normal(mean: 0, deviation: 0.12),
            progress8: progress)
    }
}

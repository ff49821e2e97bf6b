import Testing

@testable import Metrics

/// The header's count rates only the figures that can be red (`keysThatCanBeRed`), and
/// `FigureCalculator.figures(of:in:keys:)` makes only the figures of the keys asked for
/// (`WantedKeys`): each must give exactly what the whole way gives.
@Suite("Only the figures that can be red are counted, as among every figure")
struct RedKeysTests {
    /// `ChangingTrust`'s lines, a line on illness absence, and one academy's target on
    /// late arrival: two reasons that can be red, and one (medical) that cannot.
    static func config(_ data: TrustData) -> RatingConfig {
        var config = ChangingTrust.config
        config.rules[.absenceReason(.illness)] = .absolute(green: 1, amber: 2)
        if let urn = data.academies.first?.urn {
            config.targets[urn] = [.absenceReason(.late): RatingTarget(green: 0.5, amber: 1)]
        }
        return config
    }

    @Test("the count with reasons of absence is the list's", arguments: Array(UInt64(1)...UInt64(20)))
    func withReasons(seed: UInt64) {
        let data = ChangingTrust(seed: seed, reasons: true).data
        let config = Self.config(data)
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: config)
            let list = RatingChanges(rater, trustName: "Trust")
            let count = TurnedRedCount(rater)
            let counted = TurnedRedCountTests.listed(list)
            #expect(count.total == counted.count, "seed \(seed), \(drop)")
            for owner in rater.academiesWithData.map(Figure.Owner.academy) + [.trust] {
                let found = owner.urn.map { count.academies[$0] ?? 0 } ?? count.trust
                #expect(found == counted.count { $0.owner == owner }, "seed \(seed), \(drop), \(owner)")
            }
        }
    }

    @Test("the reasons' lines turn red, and the reason without a line is left out")
    func reasonsAreCovered() {
        var illness = 0
        var late = 0
        for seed in UInt64(1)...UInt64(20) {
            let data = ChangingTrust(seed: seed, reasons: true).data
            let config = Self.config(data)
            for drop in data.drops {
                let lines = TurnedRedCountTests.listed(
                    RatingChanges(DropRater(data: data, drop: drop, config: config), trustName: "Trust"))
                illness += lines.count { $0.kpi == .absenceReason(.illness) }
                late += lines.count { $0.kpi == .absenceReason(.late) }
            }
            let keys = TurnedRedCount.keysThatCanBeRed(config) ?? []
            #expect(keys.contains(KPI.absenceReason(.late).index << 16 | YearGroup.all.code))
            #expect(!keys.contains(KPI.absenceReason(.medical).index << 16 | YearGroup.all.code))
        }
        #expect(illness > 0)
        #expect(late > 0)
    }

    @Test("settings that can rate every KPI red rate every figure")
    func everyKPI() {
        var config = RatingConfig()
        for kpi in KPI.allCases where config.rule(for: kpi) == nil {
            config.rules[kpi] = .absolute(green: 1, amber: 2)
        }
        #expect(TurnedRedCount.keysThatCanBeRed(config) == nil)
        #expect(TurnedRedCount.keysThatCanBeRed(RatingConfig()) != nil)
    }

    @Test(
        "figures of some keys are those of every key with those keys",
        arguments: Array(UInt64(1)...UInt64(20)))
    func figuresOfKeys(seed: UInt64) {
        let data = SmallGroupTrust(seed: seed).data
        let calculator = FigureCalculator(data: data)
        var random = SplitMix(state: seed)
        let drop = ProtectionEquivalenceTests.drop
        let everyKey = Set(
            calculator.index.academies(in: drop).flatMap { calculator.figures(of: $0, in: drop) }
                .map(FigureCalculator.smallKey))
        let redKeys = TurnedRedCount.keysThatCanBeRed(RatingConfig()) ?? []
        let keySets: [Set<Int>] = [
            [], Set(everyKey.filter { _ in random.chance(5) }),
            Set(everyKey.filter { _ in random.chance(50) }),
            everyKey, redKeys, everyKey.union([1 << 30, 0xFF]),
        ]
        for keys in keySets + keySets {
            for urn in calculator.index.academies(in: drop) {
                let expected = calculator.figures(of: urn, in: drop).filter {
                    keys.contains(FigureCalculator.smallKey($0))
                }
                #expect(calculator.figures(of: urn, in: drop, keys: keys) == expected, "seed \(seed), \(urn)")
            }
        }
    }

    @Test("a few keys name only their KPIs and lines; keys out of range name everything")
    func wantedKeys() {
        let key = KPI.attendanceRate.index << 16 | PupilGroup.boys.index << 8 | YearGroup.year(3).code
        let wanted = WantedKeys([key])
        #expect(wanted.names(.attendanceRate))
        #expect(!wanted.names(.absenceRate))
        #expect(wanted.names(.boys, .year(3)))
        #expect(!wanted.names(.girls, .year(3)))
        #expect(!wanted.names(.boys, .all))
        let everything = WantedKeys([key, 1 << 30])
        #expect(everything.names(.absenceReason(.late)))
        #expect(everything.names(.girls, .all))
    }
}

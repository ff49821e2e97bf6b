import Testing

@testable import Metrics

/// A protection worked out among the figures of some KPIs alone
/// (`SmallGroupProtection(calculator:drop:kpis:)`, which the overview's trend uses for a
/// drop it shows only the attendance of) hides each of their figures exactly as the
/// protection of every figure does, and nothing else, on generated trusts of many small
/// groups; and a drop rated with one gives those figures as shown exactly as a drop rated
/// whole does, and no other figure.
@Suite("Protecting some KPIs hides their figures as protecting all does")
struct ProtectionOfSomeKPIsTests {
    /// Sets of KPIs to protect alone: one, several of the attendance file, attainment, and
    /// an inclusion measure (which brings the attendance KPIs with it).
    static let kpiSets: [Set<KPI>] = [
        [.attendanceRate], [.absenceRate, .persistentAbsenceRate],
        [.expected(.reading), .greaterDepth(.reading)],
        [.inclusion(.suspensionRate)], [.expected(.maths), .score(.readingScaled)],
    ]

    @Test("generated trusts of many small groups", arguments: Array(UInt64(1)...UInt64(40)))
    func generated(seed: UInt64) {
        let data = SmallGroupTrust(seed: seed).data
        let calculator = FigureCalculator(data: data)
        for drop in [ProtectionEquivalenceTests.drop, ProtectionEquivalenceTests.drop.sameTermLastYear] {
            let whole = SmallGroupProtection(calculator: calculator, drop: drop)
            let owners = calculator.index.academies(in: drop).map(Figure.Owner.academy) + [.trust]
            for kpis in Self.kpiSets {
                let some = SmallGroupProtection(calculator: calculator, drop: drop, kpis: kpis)
                let looked = Self.indexes(kpis)
                for owner in owners {
                    let context = "seed \(seed), \(drop), \(kpis), \(owner)"
                    let hidden = some.hiddenKeys(of: owner)
                    #expect(
                        hidden.filter { looked.contains($0 >> 16) }
                            == whole.hiddenKeys(of: owner).filter { looked.contains($0 >> 16) }, "\(context)")
                    // Nothing of another KPI, but the attendance beside an inclusion one.
                    let alsoLooked = kpis.contains(.inclusion(.suspensionRate)) ? Self.attendance : []
                    #expect(hidden.allSatisfy { looked.union(alsoLooked).contains($0 >> 16) }, "\(context)")
                }
            }
        }
    }

    @Test("the generated trusts hide figures of each set of KPIs")
    func generatedTrustsHideEachSet() {
        var hidden = [Int](repeating: 0, count: Self.kpiSets.count)
        for seed in UInt64(1)...UInt64(40) {
            let data = SmallGroupTrust(seed: seed).data
            let calculator = FigureCalculator(data: data)
            let drop = ProtectionEquivalenceTests.drop
            let owners = calculator.index.academies(in: drop).map(Figure.Owner.academy) + [.trust]
            for (place, kpis) in Self.kpiSets.enumerated() {
                let some = SmallGroupProtection(calculator: calculator, drop: drop, kpis: kpis)
                let looked = Self.indexes(kpis)
                for owner in owners {
                    hidden[place] += some.hiddenKeys(of: owner).count { looked.contains($0 >> 16) }
                }
            }
        }
        #expect(hidden.allSatisfy { $0 > 0 }, "\(hidden)")
    }

    @Test(
        "a drop rated with its attendance protected alone shows attendance as rated whole",
        arguments: Array(UInt64(1)...UInt64(30)))
    func attendanceAsShown(seed: UInt64) {
        let data = ChangingTrust(seed: seed).data
        let calculator = FigureCalculator(data: data)
        let kpis: Set<KPI> = [.attendanceRate]
        for drop in data.drops {
            let whole = LazyRatedDrop(
                DropRater(calculator: calculator, drop: drop, config: ChangingTrust.config))
            let protections = (
                drop: SmallGroupProtection(calculator: calculator, drop: drop, kpis: kpis),
                lastYear: SmallGroupProtection(
                    calculator: calculator, drop: drop.sameTermLastYear, kpis: kpis)
            )
            let some = LazyRatedDrop(
                DropRater(
                    calculator: calculator, drop: drop, config: ChangingTrust.config, protections: protections
                ),
                kpis: kpis)
            let owners = calculator.index.academies(in: drop).map(Figure.Owner.academy) + [.trust]
            for owner in owners {
                let context = "seed \(seed), \(drop), \(owner)"
                for group in [PupilGroup.all, .disadvantaged, .boys] {
                    for yearGroup in [YearGroup.all, .year(3)] {
                        let expected = whole.figure(
                            owner, .attendanceRate, group: group, yearGroup: yearGroup)
                        #expect(
                            some.shown(owner, .attendanceRate, group: group, yearGroup: yearGroup)
                                == expected?.shown, "\(context)")
                        #expect(
                            some.figure(owner, .attendanceRate, group: group, yearGroup: yearGroup)
                                == expected, "\(context)")
                    }
                }
                #expect(some.figure(owner, .absenceRate) == nil, "\(context)")
                #expect(some.shown(owner, .persistentAbsenceRate) == nil, "\(context)")
            }
        }
    }

    /// The attendance file's KPIs, by index.
    static let attendance = Set(KPI.allCases.filter(\.isAttendance).map(\.index))

    static func indexes(_ kpis: Set<KPI>) -> Set<Int> { Set(kpis.map(\.index)) }
}

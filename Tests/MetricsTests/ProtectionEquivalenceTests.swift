import Testing

@testable import Metrics

/// `SmallGroupProtection` hides exactly what the algorithm it replaced (`ProtectionReference`)
/// hid, on generated trusts with many small groups: pupil groups and year-group lines
/// under 6, partitions that add up by pupils or only by sessions, ties in pupils,
/// published figures without pupils or as `SUPP`, and inclusion beside attendance.
@Suite("Small-group protection hides what it always hid")
struct ProtectionEquivalenceTests {
    static let drop = DataDrop(year: AcademicYear(2025), term: .spring)

    @Test("generated trusts of many small groups", arguments: Array(UInt64(1)...UInt64(40)))
    func generated(seed: UInt64) {
        let data = SmallGroupTrust(seed: seed).data
        let calculator = FigureCalculator(data: data)
        for drop in [Self.drop, Self.drop.sameTermLastYear] {
            let protection = SmallGroupProtection(calculator: calculator, drop: drop)
            let reference = ProtectionReference(calculator: calculator, drop: drop)
            let owners = calculator.index.academies(in: drop).map(Figure.Owner.academy) + [.trust]
            var hidden = 0
            for owner in owners {
                let keys = protection.hiddenKeys(of: owner)
                #expect(keys == reference.hiddenKeys(of: owner), "seed \(seed), \(drop), \(owner)")
                hidden += keys.count
            }
            #expect(hidden > 0, "seed \(seed), \(drop): nothing hidden, so nothing was compared")
        }
    }

    @Test("the generated trusts hide figures for the trust's sake, so that path is compared too")
    func trustPartitionsForceHiding() {
        // An academy figure hidden only because the trust's partition of that key had one
        // hidden member: not suppressed, and the academy's own partitions alone keep it.
        var forced = 0
        for seed in UInt64(1)...UInt64(10) {
            let data = SmallGroupTrust(seed: seed).data
            let calculator = FigureCalculator(data: data)
            let protection = SmallGroupProtection(calculator: calculator, drop: Self.drop)
            for urn in calculator.index.academies(in: Self.drop) {
                let figures = calculator.figures(of: urn, in: Self.drop)
                let own = ProtectionReference.protect(figures, alsoHidden: [])
                forced += protection.hiddenKeys(of: .academy(urn)).subtracting(own).count
            }
        }
        #expect(forced > 0)
    }

    @Test("a protection of a drop with no data hides nothing")
    func emptyDrop() {
        let data = SmallGroupTrust(seed: 3).data
        let calculator = FigureCalculator(data: data)
        let protection = SmallGroupProtection(
            calculator: calculator, drop: DataDrop(year: AcademicYear(2010), term: .spring))
        #expect(protection.hiddenKeys(of: .trust).isEmpty)
    }
}

/// A seeded trust of many small groups, for comparing protections: each academy's
/// attendance by pupil group and by year group (and both), attainment and scores, some
/// published figures, and some inclusion lines.
struct SmallGroupTrust {
    let data: TrustData

    init(seed: UInt64) {
        var random = SplitMix(state: seed)
        var attendance: [AttendanceRecord] = []
        var attainment: [AttainmentRecord] = []
        var scores: [ScoreRecord] = []
        var published: [PublishedFigure] = []
        var inclusion: [InclusionRecord] = []
        var academies: [Academy] = []
        let drops = [ProtectionEquivalenceTests.drop, ProtectionEquivalenceTests.drop.sameTermLastYear]
        let count = random.int(3...24)
        for number in 0..<count {
            let urn = Fixtures.urn(400_000 + number)
            academies.append(Academy(urn: urn, name: "A\(number)", phase: .primary))
            for drop in drops where random.chance(90) {
                // Year-group lines of a run the all-years line adds up to, some under 6.
                let years: [YearGroup] =
                    random.chance(50)
                    ? (1...11).map(YearGroup.year) : [.reception] + (1...6).map(YearGroup.year)
                var lines: [(group: PupilGroup, year: YearGroup, pupils: Int)] = []
                var all = 0
                for year in years {
                    let pupils = random.chance(30) ? random.int(0...5) : random.int(6...40)
                    all += pupils
                    lines.append((.all, year, pupils))
                }
                lines.append((.all, .all, all))
                // Pupil groups of all years, each partition adding up (or, now and then, not).
                for groups in [
                    [PupilGroup.disadvantaged, .notDisadvantaged], [.senSupport, .ehcp, .noSen],
                    [.boys, .girls],
                ]
                where random.chance(80) {
                    var left = all
                    for (place, group) in groups.enumerated() {
                        let pupils =
                            place == groups.count - 1
                            ? left : min(left, random.chance(40) ? random.int(0...5) : random.int(0...left))
                        left -= pupils
                        let written = random.chance(10) ? pupils + random.int(1...3) : pupils
                        if random.chance(90) { lines.append((group, .all, written)) }
                        // A pupil group by year group, as pupil-level exports give.
                        if random.chance(30) {
                            var groupAll = 0
                            for year in years.prefix(random.int(1...years.count)) {
                                let linePupils = random.int(0...7)
                                groupAll += linePupils
                                lines.append((group, year, linePupils))
                            }
                            lines.append((group, .all, groupAll))
                        }
                    }
                }
                if random.chance(10) { lines.append((.eal, .all, random.int(0...9))) }
                var seenLines: Set<String> = []
                for line in lines where seenLines.insert("\(line.group) \(line.year)").inserted {
                    // Sessions per pupil vary, so a partition may add up by pupils and not by
                    // sessions, or (with a pupil more or less written) by sessions only.
                    let possible = line.pupils * (random.chance(20) ? 300 : 290) + (line.pupils == 0 ? 0 : 5)
                    attendance.append(
                        AttendanceRecord(
                            urn: urn, drop: drop, group: line.group, yearGroup: line.year,
                            pupils: line.pupils,
                            possibleSessions: possible, absentSessions: possible / 20,
                            persistentAbsentees: line.pupils / 5))
                    if line.year == .all, random.chance(50) {
                        let cohort = line.group == .all ? random.int(0...60) : random.int(0...12)
                        attainment.append(
                            AttainmentRecord(
                                urn: urn, drop: drop, group: line.group, subject: .reading, cohort: cohort,
                                expected: cohort / 2, greaterDepth: random.chance(50) ? cohort / 4 : nil))
                    }
                    if random.chance(15) {
                        inclusion.append(
                            InclusionRecord(
                                urn: urn, drop: drop, group: line.group, yearGroup: line.year,
                                pupils: line.pupils + random.int(0...7), suspensions: random.int(0...4),
                                pupilsSuspended: random.int(0...2), permanentExclusions: 0))
                    }
                }
                if random.chance(40) {
                    scores.append(
                        ScoreRecord(
                            urn: urn, drop: drop, measure: .readingScaled, cohort: random.int(0...30),
                            average: 104))
                }
                if random.chance(40) {
                    let value: Double? = random.chance(30) ? nil : Double(random.int(20...90))
                    let pupils: Int? = random.chance(30) ? nil : random.int(0...40)
                    published.append(
                        PublishedFigure(
                            urn: urn, drop: drop, kpi: .expected(.maths), value: value, pupils: pupils,
                            source: "test"))
                }
            }
        }
        data = TrustData(
            academies: academies, attendance: attendance, attainment: attainment, scores: scores,
            published: published, inclusion: inclusion)
    }
}

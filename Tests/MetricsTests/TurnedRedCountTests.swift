import Testing

@testable import Metrics

/// `TurnedRedCount` counts exactly the "Turned red" lines of `RatingChanges` against the
/// header's comparison (less the absence lines that mirror attendance ones), academy by
/// academy and for the trust, on generated trusts of many drops and small groups: autumn
/// drops (whose previous drop is of another school year, so last year is compared), drops
/// whose previous drop has no data, a rule on the change since last year, and absence
/// rated beside attendance.
@Suite("The header's count of figures turned red is the list's")
struct TurnedRedCountTests {
    @Test("generated trusts of several drops", arguments: Array(UInt64(1)...UInt64(30)))
    func generated(seed: UInt64) {
        let data = ChangingTrust(seed: seed).data
        for drop in data.drops {
            let rater = DropRater(data: data, drop: drop, config: ChangingTrust.config)
            let list = RatingChanges(rater, trustName: "Trust")
            let count = TurnedRedCount(rater)
            #expect(count.comparison == list.headerComparison, "seed \(seed), \(drop)")
            #expect(count.total == list.turnedRedForHeader, "seed \(seed), \(drop)")
            let counted = Self.listed(list)
            for owner in rater.academiesWithData.map(Figure.Owner.academy) + [.trust] {
                let expected = counted.count { $0.owner == owner }
                let found = owner.urn.map { count.academies[$0] ?? 0 } ?? count.trust
                #expect(found == expected, "seed \(seed), \(drop), \(owner)")
            }
            // A filter's count: every other academy, and the trust.
            let shown = Set(rater.academiesWithData.enumerated().filter { $0.offset % 2 == 0 }.map(\.element))
            #expect(
                count.count(among: shown)
                    == counted.count { $0.owner.urn.map(shown.contains) ?? true },
                "seed \(seed), \(drop)")
        }
    }

    @Test("the generated trusts turn figures red in every way the count must follow")
    func generatedTrustsCoverEveryCase() {
        var counted = 0
        var sinceLastYearInAutumn = 0
        var sinceLastYearWithoutPrevious = 0
        var mirrored = 0
        var byChange = 0
        var trust = 0
        for seed in UInt64(1)...UInt64(30) {
            let data = ChangingTrust(seed: seed).data
            let withData = Set(data.drops)
            for drop in data.drops {
                let rater = DropRater(data: data, drop: drop, config: ChangingTrust.config)
                let list = RatingChanges(rater, trustName: "Trust")
                let lines = Self.listed(list)
                counted += lines.count
                if drop.term == .autumn { sinceLastYearInAutumn += lines.count }
                if drop.term != .autumn, !withData.contains(drop.previous) {
                    sinceLastYearWithoutPrevious += lines.count
                }
                mirrored += list.changes.count {
                    $0.mirrorsAttendance && $0.band == .turnedRed && $0.comparedWith == list.headerComparison
                }
                byChange += lines.count { $0.kpi == .absenceBand(.atRiskRate) }
                trust += lines.count { $0.owner == .trust }
            }
        }
        #expect(counted > 100)
        #expect(sinceLastYearInAutumn > 0)
        #expect(sinceLastYearWithoutPrevious > 0)
        #expect(mirrored > 0)
        #expect(byChange > 0)
        #expect(trust > 0)
    }

    @Test("nothing is counted without the earlier drop, or with a rater of another drop")
    func nothingToCompare() {
        let data = ChangingTrust(seed: 7).data
        guard let first = data.drops.first, let last = data.drops.last else {
            Issue.record("no drops")
            return
        }
        let rater = DropRater(data: data, drop: first, config: ChangingTrust.config)
        let none = TurnedRedCount(rater)
        #expect(none.total == 0)
        #expect(none.academies.isEmpty)
        let other = DropRater(data: data, drop: last, config: ChangingTrust.config)
        let mismatched = TurnedRedCount(
            DropRater(data: data, drop: last.sameTermLastYear.sameTermLastYear, config: ChangingTrust.config),
            comparedWith: other, as: .lastYear)
        #expect(mismatched.total == 0)
    }

    @Test("the header's comparison: the drop before within the year when it has data, else last year")
    func headerComparison() {
        let spring = DataDrop(year: AcademicYear(2025), term: .spring)
        let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)
        #expect(TurnedRedCount.headerComparison(for: spring, withData: [autumn]) == .previousDrop)
        #expect(
            TurnedRedCount.headerComparison(for: spring, withData: [spring.sameTermLastYear]) == .lastYear)
        #expect(TurnedRedCount.headerComparison(for: autumn, withData: [autumn.previous]) == .lastYear)
    }

    /// The list's lines the header counts: turned red against the header's comparison, not
    /// mirroring an attendance line.
    static func listed(_ list: RatingChanges) -> [RatingChange] {
        list.changes.filter {
            $0.band == .turnedRed && $0.comparedWith == list.headerComparison && !$0.mirrorsAttendance
        }
    }
}

/// A seeded trust of several school years' drops whose figures move between green, amber
/// and red: attendance by pupil group and year group (some groups under 6 pupils, some
/// with absence bands), reading at Year 6, some published figures, and drops left out, so
/// that a drop's previous drop may have no data.
struct ChangingTrust {
    let data: TrustData

    /// Lines on attendance, absence, persistent absence and reading; the at-risk share is
    /// rated on its change since last year, as built in.
    static var config: RatingConfig {
        var config = RatingConfig()
        config.rules = [
            .attendanceRate: .absolute(green: 95, amber: 93),
            .absenceRate: .absolute(green: 5, amber: 7),
            .persistentAbsenceRate: .absolute(green: 15, amber: 20),
            .expected(.reading): .absolute(green: 70, amber: 60),
        ]
        return config
    }

    /// `reasons` gives each attendance line sessions missed for some reasons of absence.
    init(seed: UInt64, reasons: Bool = false) {
        var random = SplitMix(state: seed)
        var attendance: [AttendanceRecord] = []
        var attainment: [AttainmentRecord] = []
        var published: [PublishedFigure] = []
        var academies: [Academy] = []
        let drops = (2023...2025).flatMap { year in
            [Term.autumn, .spring, .summer].map { DataDrop(year: AcademicYear(year), term: $0) }
        }.filter { _ in random.chance(85) }
        let count = random.int(3...16)
        for number in 0..<count {
            let urn = Fixtures.urn(500_000 + number)
            academies.append(
                Academy(urn: urn, name: "A\(number)", phase: random.pick([.primary, .secondary])))
            for drop in drops where random.chance(90) {
                var lines: [(group: PupilGroup, year: YearGroup, pupils: Int)] = []
                var all = 0
                for year in (1...6).map(YearGroup.year) where random.chance(60) {
                    let pupils = random.chance(20) ? random.int(0...5) : random.int(6...40)
                    all += pupils
                    lines.append((.all, year, pupils))
                }
                all += random.int(20...200)
                lines.append((.all, .all, all))
                for group in [PupilGroup.disadvantaged, .notDisadvantaged, .boys, .girls]
                where random.chance(70) {
                    lines.append((group, .all, random.chance(15) ? random.int(0...5) : random.int(6...all)))
                }
                for line in lines {
                    let possible = line.pupils * 290
                    // Attendance of 89% to 99%: red, amber and green under the lines above.
                    let absent = possible * random.int(10...110) / 1000
                    let persistent = line.pupils * random.int(5...25) / 100
                    let atRisk = line.pupils * random.int(0...20) / 100
                    let bands =
                        random.chance(50)
                        ? AbsenceBands(
                            underFive: line.pupils - atRisk - persistent, atRisk: atRisk,
                            tenToTwenty: persistent,
                            twentyToFifty: 0, fiftyPlus: 0)
                        : nil
                    var given: [AbsenceReason: Int] = [:]
                    if reasons {
                        for reason in [AbsenceReason.illness, .medical, .late] where random.chance(80) {
                            given[reason] = absent * random.int(5...60) / 100
                        }
                    }
                    attendance.append(
                        AttendanceRecord(
                            urn: urn, drop: drop, group: line.group, yearGroup: line.year,
                            pupils: line.pupils,
                            possibleSessions: possible, absentSessions: absent,
                            persistentAbsentees: persistent,
                            absenceBands: bands, reasons: AttendanceReasons(given)))
                }
                if random.chance(70) {
                    let cohort = random.chance(15) ? random.int(1...5) : random.int(10...60)
                    attainment.append(
                        AttainmentRecord(
                            urn: urn, drop: drop, yearGroup: .year(6), subject: .reading, cohort: cohort,
                            expected: cohort * random.int(50...85) / 100))
                }
                if random.chance(20) {
                    published.append(
                        PublishedFigure(
                            urn: urn, drop: drop, kpi: .expected(.maths),
                            value: random.chance(20) ? nil : Double(random.int(50...85)),
                            pupils: random.chance(30) ? nil : random.int(3...40), source: "test"))
                }
            }
        }
        data = TrustData(
            trustName: "Changing Trust", academies: academies, attendance: attendance, attainment: attainment,
            published: published)
    }
}

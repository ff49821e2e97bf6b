import Dashboard
import Metrics
import Testing

/// A drop with nothing to compare it with opens on the records of the overview's own KPIs
/// (`TrustView.overviewKPIs`), as `TrustSource` reads them from the store, and its first
/// frame, every figure the overview shows and every figure it hides are those of the
/// whole drop: on generated trusts full of small groups, with subjects, scores, published
/// figures and inclusion lines the overview does not show.
@Suite("Opening a drop on the overview's figures alone")
struct OverviewFiguresTests {
    static let drop = DataDrop(year: AcademicYear(2025), term: .spring)

    /// A seeded trust of primaries and secondaries: attendance by pupil group and by year
    /// group, some lines under 6 pupils; Year 6 attainment in six subjects and Year 11 in
    /// two, by pupil group; Attainment 8 and Progress 8; published figures of shown and
    /// unshown KPIs, some without pupils or as `SUPP`; and inclusion lines.
    static func trust(seed: UInt64) -> TrustData {
        var random = MonkeyTests.SplitMix(state: seed)
        func small() -> Int { random.below(100) < 30 ? random.below(6) : 6 + random.below(40) }
        var data = TrustData()
        let groups: [PupilGroup] = [.all, .disadvantaged, .notDisadvantaged, .boys, .girls]
        for number in 0..<(4 + random.below(30)) {
            let urn = TestTrust.urn(600_000 + number)
            let primary = random.below(3) > 0
            data.academies.append(
                Academy(urn: urn, name: "Academy \(number)", phase: primary ? .primary : .secondary))
            // An academy now and then with no records at all. (One with records of other KPIs
            // alone is read whole: `TrustStore.load(_:only:attendanceOf:)` gives nil.)
            if random.below(20) == 0 { continue }
            for group in groups where group == .all || random.below(100) < 70 {
                var all = 0
                let years = primary ? Array(1...6) : Array(7...11)
                for year in years {
                    let pupils = small()
                    all += pupils
                    if group == .all || random.below(100) < 30 {
                        data.attendance.append(
                            AttendanceRecord(
                                urn: urn, drop: drop, group: group, yearGroup: .year(year), pupils: pupils,
                                possibleSessions: pupils * 290,
                                absentSessions: pupils * (10 + random.below(30)),
                                persistentAbsentees: pupils / 4, severeAbsentees: pupils / 10))
                    }
                }
                data.attendance.append(
                    AttendanceRecord(
                        urn: urn, drop: drop, group: group, pupils: all, possibleSessions: all * 290,
                        absentSessions: all * (10 + random.below(30)), persistentAbsentees: all / 4,
                        severeAbsentees: all / 10))
                let subjects: [Subject] =
                    primary ? [.rwm, .writing, .reading, .maths, .gps, .science] : [.englishMaths, .ebacc]
                for subject in subjects where random.below(100) < 80 {
                    let cohort = small()
                    data.attainment.append(
                        AttainmentRecord(
                            urn: urn, drop: drop, group: group, yearGroup: .year(primary ? 6 : 11),
                            subject: subject, cohort: cohort, expected: cohort * 2 / 3,
                            greaterDepth: random.below(2) == 0 ? cohort / 4 : nil))
                }
                if !primary {
                    for measure in [ScoreMeasure.attainment8, .progress8] where random.below(100) < 80 {
                        data.scores.append(
                            ScoreRecord(
                                urn: urn, drop: drop, group: group, yearGroup: .year(11), measure: measure,
                                cohort: small(), average: Double(30 + random.below(30))))
                    }
                }
                if random.below(100) < 40 {
                    data.inclusion.append(
                        InclusionRecord(
                            urn: urn, drop: drop, group: group, pupils: all + random.below(8),
                            suspensions: random.below(5), pupilsSuspended: random.below(3),
                            permanentExclusions: random.below(2)))
                }
            }
            let published: [KPI] = [
                .expected(.rwm), .expected(.maths), .score(.attainment8), .attendanceRate,
            ]
            for kpi in published where random.below(100) < 15 {
                let shown = random.below(4) > 0
                data.published.append(
                    PublishedFigure(
                        urn: urn, drop: drop, kpi: kpi, group: .disadvantaged,
                        yearGroup: kpi.isAttendance ? .all : .year(primary ? 6 : 11),
                        value: shown ? Double(40 + random.below(50)) : nil,
                        pupils: random.below(3) == 0 ? nil : small(), source: "test"))
            }
        }
        data.benchmarks = BuiltInBenchmarks.all
        return data
    }

    /// `data` with only the records `TrustSource` reads for the overview's KPIs under
    /// `config`: each record whose kind and item a KPI is counted from
    /// (`KPI.countedFrom`), and the published figures of those KPIs.
    static func overviewRecords(of whole: TrustData, config: RatingConfig) -> TrustData {
        whole.records(of: TrustView.overviewKPIs(config))
    }

    /// The views of the whole drop and of the overview's records, as the dashboard opens
    /// each: the second as a view of part of the store.
    static func views(seed: UInt64, config: RatingConfig = RatingConfig()) -> (
        whole: TrustView, part: TrustView
    ) {
        let data = trust(seed: seed)
        let whole = TrustView(data: data, config: config, trustName: "Generated Trust", isSample: false)
        let part = TrustView(
            data: overviewRecords(of: data, config: config), config: config, trustName: "Generated Trust",
            isSample: false, partOf: [drop])
        return (whole, part)
    }

    @Test(
        "every figure the overview shows, shown or hidden, and every frame",
        arguments: Array(UInt64(1)...UInt64(30)))
    func sameOverview(seed: UInt64) {
        let (whole, part) = Self.views(seed: seed)
        #expect(part.data.attainment.count < whole.data.attainment.count)
        #expect(part.loadedDrops == [Self.drop])
        let wholeDrop = whole.rated(Self.drop)
        let partDrop = part.rated(Self.drop)
        #expect(partDrop.academiesWithData == wholeDrop.academiesWithData)
        // Every figure of the overview's KPIs, not only those it shows: each is protected
        // by the figures of its own KPI alone.
        var hidden = 0
        let owners = whole.academies.keys.sorted().map(Figure.Owner.academy) + [.trust]
        let groups: [PupilGroup] = [.all, .disadvantaged, .notDisadvantaged, .boys, .girls]
        let years = [YearGroup.all] + (1...11).map(YearGroup.year)
        for owner in owners {
            for kpi in TrustView.overviewKPIs(whole.config).sorted() {
                for group in groups {
                    for yearGroup in years {
                        let expected = wholeDrop.figure(owner, kpi, group: group, yearGroup: yearGroup)
                        #expect(
                            partDrop.figure(owner, kpi, group: group, yearGroup: yearGroup) == expected,
                            "seed \(seed), \(owner), \(kpi) \(group) \(yearGroup)")
                        if expected?.figure.protectsSmallGroup == true { hidden += 1 }
                    }
                }
            }
        }
        #expect(hidden > 0, "seed \(seed): no figure hidden to protect another, so none was compared")
        for (width, height) in [(200, 60), (160, 50), (120, 40), (80, 24)] {
            for column in OverviewColumn.allCases {
                var state = DashboardState(view: part, width: width, height: height)
                var wholeState = DashboardState(view: whole, width: width, height: height)
                state.overview.sort = column
                wholeState.overview.sort = column
                #expect(part.draws(state))
                #expect(
                    DashboardRenderer.render(state, view: part).text
                        == DashboardRenderer.render(wholeState, view: whole).text,
                    "seed \(seed), \(width)×\(height), sorted by \(column)")
            }
        }
    }

    @Test("an academy's page, an explanation and presentation wait for the whole store")
    func partDrawsTheOverviewAlone() {
        let (_, part) = Self.views(seed: 7)
        let state = DashboardState(view: part, width: 200, height: 60)
        #expect(part.draws(state))
        var opened = state
        opened.press(.enter, view: part)
        #expect(!part.draws(opened))
        var explained = state
        explained.overlay = .explain
        #expect(!part.draws(explained))
    }

    @Test(
        "the overview's KPIs are those of every figure the overview asks to be rated",
        arguments: [false, true])
    func overviewKPIsCoverTheHeadlineKeys(ownHeadlines: Bool) {
        var config = RatingConfig()
        if ownHeadlines {
            config.headlines[.primary] = Headline(kpi: .expected(.maths), yearGroup: .year(6))
            config.headlines[.secondary] = Headline(kpi: .expected(.englishMaths), yearGroup: .year(11))
            config.headlines[.special] = Headline(kpi: .persistentAbsenceRate, yearGroup: .all)
        }
        let (whole, _) = Self.views(seed: 3, config: config)
        let kpis = Set(whole.rated(Self.drop).headlineKeys.map { KPI.allCases[$0 >> 16] })
        #expect(kpis == TrustView.overviewKPIs(config))
        #expect(TrustView.overviewKPIs(config).contains(.expected(.maths)) == ownHeadlines)
    }

    @Test("a drop is read for the overview's figures only when the header counts nothing turned red")
    func onlyWithNothingToCompare() {
        let spring = Self.drop
        let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)
        let lastSpring = spring.sameTermLastYear
        let lastSummer = DataDrop(year: AcademicYear(2024), term: .summer)
        #expect(TrustView.firstFrameRatesOverviewFiguresOnly(showing: spring, among: [spring]))
        // Last summer is another school year: the header compares a spring with last spring.
        #expect(TrustView.firstFrameRatesOverviewFiguresOnly(showing: autumn, among: [lastSummer, autumn]))
        #expect(!TrustView.firstFrameRatesOverviewFiguresOnly(showing: spring, among: [autumn, spring]))
        #expect(!TrustView.firstFrameRatesOverviewFiguresOnly(showing: spring, among: [lastSpring, spring]))
        #expect(
            TrustView.firstFrameRatesOverviewFiguresOnly(
                showing: spring, among: [DataDrop(year: AcademicYear(2023), term: .spring), spring]))
    }
}

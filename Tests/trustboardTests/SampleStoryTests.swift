import Foundation
import Metrics
import Testing

/// The sample trust's stories (`sample-data/README.md`) show as ratings, with the sample's own
/// settings, against national figures the DfE has confirmed: a story the ratings cannot show
/// (a figure with nothing recent enough to be rated against) is no story.
@Suite("The sample trust's stories show in its ratings")
struct SampleStoryTests {
    static let fellside = URN(900_110)
    static let brookside = URN(900_112)

    static func sample() throws -> (TrustData, RatingConfig) {
        let data = try SuppressionAttackTests.read(folder: SuppressionAttackTests.sampleFolder.path)
        let config = try RatingConfig.load(
            path: SuppressionAttackTests.sampleFolder.appendingPathComponent("trustboard.yaml").path)
        return (data, config)
    }

    static func figure(
        _ kpi: KPI, _ yearGroup: YearGroup = .all, in rated: [RatedFigure]
    ) -> RatedFigure? {
        rated.first { $0.figure.kpi == kpi && $0.figure.group == .all && $0.figure.yearGroup == yearGroup }
    }

    @Test(
        "Fellside's persistent absence is red in every 2024/25 drop, against the secondary 25.56% of 2023/24")
    func fellsideIsRedAllYear() throws {
        let (data, config) = try Self.sample()
        let fellside = try #require(Self.fellside)
        // pupil-attendance-2024-25-*.csv, 900110, the pupils of Years 1–11: 281 of 847 pupils
        // persistently absent in autumn (33.2%), 304 of 860 in autumn and spring (35.3%), 326
        // of 880 in the year (37.0%). No 2024/25 figure is confirmed, so each is rated against
        // the 2023/24 full-year secondary figure, 25.56, shown 25.6: red above 25.6 + 5.0 = 30.6.
        let rows: [(Term, Double, Double, Double)] = [
            (.autumn, 281, 847, 33.2), (.spring, 304, 860, 35.3), (.summer, 326, 880, 37.0),
        ]
        for (term, persistent, pupils, shown) in rows {
            let drop = DataDrop(year: AcademicYear(2024), term: term)
            let rated = DropRater(data: data, drop: drop, config: config).rated(fellside)
            let absence = try #require(Self.figure(.persistentAbsenceRate, in: rated), "\(drop)")
            #expect(absence.figure.numerator == persistent && absence.figure.denominator == pupils, "\(drop)")
            #expect(absence.shown == shown, "\(drop)")
            #expect(absence.rating == .red, "\(drop)")
            let benchmark = try #require(absence.benchmark?.benchmark, "\(drop)")
            #expect(benchmark.value == 25.56 && benchmark.phase == .secondary, "\(drop)")
            #expect(benchmark.drop == DataDrop(year: AcademicYear(2023), term: .summer), "\(drop)")
        }
    }

    @Test(
        "Harbour View's suspensions of disadvantaged pupils rise sharply in 2024/25; a group of 5 is hidden")
    func harbourViewSuspensionsRise() throws {
        let (data, config) = try Self.sample()
        let harbourView = try #require(URN(900_111))
        let summer = DataDrop(year: AcademicYear(2024), term: .summer)
        let rated = DropRater(data: data, drop: summer, config: config).rated(harbourView)
        func figure(_ measure: InclusionMeasure, _ group: PupilGroup) throws -> RatedFigure {
            try #require(
                rated.first {
                    $0.figure.kpi == .inclusion(measure) && $0.figure.group == group
                        && $0.figure.yearGroup == .all
                }, "\(measure) \(group)")
        }
        // inclusion-2023-24-summer.csv, 900111, disadvantaged: 61 suspensions for 289 pupils,
        // 61 × 100 / 289 = 21.107 → 21.11. inclusion-2024-25-summer.csv: 171 for 291,
        // 171 × 100 / 291 = 58.763 → 58.76, up 58.76 − 21.11 = 37.65: nearly three times.
        let disadvantaged = try figure(.suspensionRate, .disadvantaged)
        #expect(disadvantaged.figure.numerator == 171 && disadvantaged.figure.denominator == 291)
        #expect(disadvantaged.shown == 58.76)
        #expect(disadvantaged.previousShown == 21.11)
        #expect(disadvantaged.change == 37.65)
        // The rest barely move: 60 for 433 (13.86) then 50 for 440 = 11.364 → 11.36.
        let others = try figure(.suspensionRate, .notDisadvantaged)
        #expect(others.shown == 11.36 && others.previousShown == 13.86)
        // All pupils: 89 of 731 suspended once or more, 12.175 → 12.18 %; 1 permanent
        // exclusion, 100 / 731 = 0.137 → 0.14 per 100. No national figure is built in: unrated.
        let suspended = try figure(.pupilsSuspendedRate, .all)
        #expect(suspended.shown == 12.18 && suspended.rating == .none)
        #expect(try figure(.permanentExclusionRate, .all).shown == 0.14)
        // St Mary's (900102) has 5 pupils with an EHCP: their suspensions are never shown.
        let stMarys = try #require(URN(900_102))
        let ehcp = try #require(
            DropRater(data: data, drop: summer, config: config).rated(stMarys).first {
                $0.figure.kpi == .inclusion(.suspensionRate) && $0.figure.group == .ehcp
                    && $0.figure.yearGroup == .all
            })
        #expect(ehcp.figure.denominator == 5)
        #expect(ehcp.rating == .suppressed && ehcp.shown == nil)
    }

    @Test("the secondaries' headline is the strong pass, rated in 2024/25 against 2023/24's 46.2%")
    func strongPassHeadline() throws {
        let (data, config) = try Self.sample()
        let headline = Headline(kpi: .greaterDepth(.englishMaths), yearGroup: .year(11))
        #expect(config.headline(for: .secondary) == headline)
        // The overview's three-column label: "E5+", not the long label cut to "En…".
        #expect(headline.shortLabel == "E5+")
        // attainment-2024-25-summer.csv, Year 11 English and maths, grade 5+ of the cohort:
        // 900109 101 of 197 = 51.3 (green: at least 46.2), 900110 74 of 176 = 42.0 (amber: at
        // least 46.2 − 5.0 = 41.2), 900111 46 of 151 = 30.5 (red). No 2024/25 figure is confirmed.
        let expected: [(Int, Double, Double, RAGRating)] = [
            (900_109, 101, 197, .green), (900_110, 74, 176, .amber), (900_111, 46, 151, .red),
        ]
        let drop = DataDrop(year: AcademicYear(2024), term: .summer)
        let rater = DropRater(data: data, drop: drop, config: config)
        for (number, passes, cohort, rating) in expected {
            let urn = try #require(URN(number))
            let pass = try #require(Self.figure(headline.kpi, headline.yearGroup, in: rater.rated(urn)))
            #expect(pass.figure.numerator == passes && pass.figure.denominator == cohort, "\(number)")
            #expect(pass.rating == rating, "\(number)")
            let benchmark = try #require(pass.benchmark?.benchmark)
            #expect(benchmark.value == 46.2 && benchmark.year == AcademicYear(2023), "\(number)")
        }
    }

    @Test(
        "the latest drop's overview is rated: all but Brookside's absence and the trust's that follows from it"
    )
    func latestDropIsRated() throws {
        let (data, config) = try Self.sample()
        let brookside = try #require(Self.brookside)
        let latest = try #require(data.drops.last)
        #expect(latest == DataDrop(year: AcademicYear(2024), term: .summer))
        let rater = DropRater(data: data, drop: latest, config: config)
        let colours: Set<RAGRating> = [.green, .amber, .red]
        let absences: [KPI] = [.persistentAbsenceRate, .severeAbsenceRate]
        #expect(data.academies.count == 12)
        for academy in data.academies {
            let rated = rater.rated(academy.urn)
            let attendance = try #require(Self.figure(.attendanceRate, in: rated), "\(academy.name)")
            #expect(colours.contains(attendance.rating), "\(academy.name): attendance \(attendance.rating)")
            for kpi in absences {
                let absence = try #require(Self.figure(kpi, in: rated), "\(academy.name)")
                if academy.urn == brookside {
                    // No national special-school figure for 2024/25 or 2023/24.
                    #expect(absence.rating == RAGRating.none, "\(kpi)")
                    #expect(absence.benchmarkMiss?.onlyPhase == .special, "\(kpi)")
                } else {
                    #expect(colours.contains(absence.rating), "\(academy.name): \(kpi) \(absence.rating)")
                }
            }
            guard let headline = config.headline(for: academy.phase) else {
                #expect(academy.urn == brookside, "\(academy.name) has no headline")
                continue
            }
            let figure = try #require(
                Self.figure(headline.kpi, headline.yearGroup, in: rated), "\(academy.name)")
            #expect(colours.contains(figure.rating), "\(academy.name): headline \(figure.rating)")
        }
        let trust = rater.ratedTrust()
        let attendance = try #require(Self.figure(.attendanceRate, in: trust))
        #expect(colours.contains(attendance.rating))
        for kpi in absences {
            let absence = try #require(Self.figure(kpi, in: trust))
            #expect(absence.rating == RAGRating.none, "\(kpi)")
            #expect(
                absence.benchmarkMiss?.academiesWithout == ["Brookside School (900112, special)"], "\(kpi)")
        }
    }

    @Test("every national row of benchmarks.csv is a built-in DfE figure, with its value and source")
    func nationalRowsAreTheBuiltInFigures() throws {
        let (data, _) = try Self.sample()
        let national = data.benchmarks.filter { $0.scope == .national }
        // Each drop is rated against its own year or the one before: 2021/22 to 2024/25.
        #expect(national.count > 50)
        for row in national {
            let builtIn = BuiltInBenchmarks.all.first {
                $0.kpi == row.kpi && $0.drop == row.drop && $0.phase == row.phase && $0.group == row.group
            }
            #expect(
                builtIn?.value == row.value, "\(row.kpi.key) \(row.period) \(row.phase?.rawValue ?? "all")")
            #expect(builtIn?.source == row.source, "\(row.kpi.key) \(row.period)")
            #expect((2021...2024).contains(row.year.start), "\(row.kpi.key) \(row.period)")
        }
        let scopes = Set(data.benchmarks.map(\.scope))
        #expect(scopes == [.national, .localAuthority("Northshire")])
    }
}

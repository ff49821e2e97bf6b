import Testing

@testable import Metrics

/// Comparisons that compare like with like: the previous drop only within a school year,
/// never teacher assessment against statutory results, and the trust's change over the
/// same academies on both sides.
@Suite("Like with like")
struct LikeWithLikeTests {
    static let a = Fixtures.urn(400_001)
    static let b = Fixtures.urn(400_002)
    static let summer24 = DataDrop(year: AcademicYear(2024), term: .summer)
    static let autumn25 = DataDrop(year: AcademicYear(2025), term: .autumn)
    static let spring25 = DataDrop(year: AcademicYear(2025), term: .spring)
    static let autumn24 = DataDrop(year: AcademicYear(2024), term: .autumn)
    static let spring24 = DataDrop(year: AcademicYear(2024), term: .spring)

    static func attendance(
        _ urn: URN, _ drop: DataDrop, pupils: Int, possible: Int, absent: Int, persistent: Int
    )
        -> AttendanceRecord
    {
        AttendanceRecord(
            urn: urn, drop: drop, pupils: pupils, possibleSessions: possible, absentSessions: absent,
            persistentAbsentees: persistent)
    }

    static let academies = [
        Academy(urn: a, name: "Ash", phase: .primary), Academy(urn: b, name: "Birch", phase: .primary),
    ]

    @Test("autumn is never compared with last summer, only with last autumn")
    func autumnAgainstLastAutumnOnly() {
        // Ash: summer 2024/25 900 of 10,000 missed (91.0, red against 2023/24's 94.5 −1 =
        // 93.5... the rating does not matter here, only which comparisons are made).
        let rwm = { (drop: DataDrop, expected: Int, basis: AttainmentRecord.Basis) in
            AttainmentRecord(
                urn: Self.a, drop: drop, yearGroup: .year(6), subject: .rwm, cohort: 30, expected: expected,
                basis: basis)
        }
        let data = TrustData(
            academies: Self.academies,
            attainment: [
                rwm(Self.summer24, 27, .statutory), rwm(Self.autumn25, 10, .teacherAssessment),
                rwm(Self.autumn24, 25, .teacherAssessment),
            ],
            benchmarks: BuiltInBenchmarks.all)
        let changes = RatingChanges(data: data, drop: Self.autumn25, config: RatingConfig())
        #expect(!changes.changes.isEmpty, "the fall from 25 to 10 of 30 should be listed against last autumn")
        #expect(changes.changes.allSatisfy { $0.comparedWith == .lastYear })
        #expect(changes.headerComparison == .lastYear)
        #expect(changes.emptyMessage == "No rating changed since 2024/25 autumn.")
        #expect(!RatingChange.Comparison.previousDrop.isLikeForLike(for: Self.autumn25))
        #expect(RatingChange.Comparison.previousDrop.isLikeForLike(for: Self.spring25))
    }

    @Test("teacher assessment is never compared with statutory results")
    func basesAreNotCompared() throws {
        let rwm = { (drop: DataDrop, expected: Int, basis: AttainmentRecord.Basis) in
            AttainmentRecord(
                urn: Self.a, drop: drop, yearGroup: .year(6), subject: .rwm, cohort: 30, expected: expected,
                basis: basis)
        }
        // Last spring statutory (an odd file, but possible), this spring teacher assessment.
        let data = TrustData(
            academies: Self.academies,
            attainment: [rwm(Self.spring24, 27, .statutory), rwm(Self.spring25, 10, .teacherAssessment)],
            benchmarks: BuiltInBenchmarks.all)
        let rated = DropRater(data: data, drop: Self.spring25, config: RatingConfig()).rated(Self.a)
        let figure = try #require(rated.first { $0.figure.kpi == .expected(.rwm) })
        #expect(figure.previous == nil && figure.change == nil)
        let changes = RatingChanges(data: data, drop: Self.spring25, config: RatingConfig())
        #expect(changes.changes.isEmpty)
    }

    @Test("the trust's change covers the academies with data in both years")
    func trustLikeForLike() throws {
        // Last spring only Ash: 30 of 200 persistently absent (15.0). This spring Ash 40 of
        // 200 (20.0) and Birch, new, 10 of 300: the trust is 50 of 500 = 10.0, but its
        // change is Ash's alone, 20.0 − 15.0 = +5.0, not 10.0 − 15.0 = −5.0.
        let data = TrustData(
            academies: Self.academies,
            attendance: [
                Self.attendance(
                    Self.a, Self.spring24, pupils: 200, possible: 10_000, absent: 500, persistent: 30),
                Self.attendance(
                    Self.a, Self.spring25, pupils: 200, possible: 10_000, absent: 600, persistent: 40),
                Self.attendance(
                    Self.b, Self.spring25, pupils: 300, possible: 15_000, absent: 300, persistent: 10),
            ],
            benchmarks: BuiltInBenchmarks.all)
        let trust = DropRater(data: data, drop: Self.spring25, config: RatingConfig()).ratedTrust()
        let pa = try #require(trust.first { $0.figure.kpi == .persistentAbsenceRate })
        #expect(pa.shown == 10.0)
        #expect(pa.previousShown == 15.0)
        #expect(pa.likeForLike?.shown == 20.0)
        #expect(pa.change == 5.0)
        let last = try #require(RatingExplanation(pa).lines.first { $0.label == "Last spring" })
        #expect(
            last.text
                == "15.0% in 2024/25 spring for the 1 academies with data in both years (20.0% now for the same 1) → change +5.0"
        )
    }

    @Test("the trust's change is withheld where it would give a hidden academy away")
    func trustLikeForLikeWithheld() throws {
        // Birch joins with 5 pupils (hidden). The like-for-like figure would be Ash's, and
        // the trust's full figure minus it would be Birch's: withheld.
        let data = TrustData(
            academies: Self.academies,
            attendance: [
                Self.attendance(
                    Self.a, Self.spring24, pupils: 200, possible: 10_000, absent: 500, persistent: 30),
                Self.attendance(
                    Self.a, Self.spring25, pupils: 200, possible: 10_000, absent: 600, persistent: 40),
                Self.attendance(Self.b, Self.spring25, pupils: 5, possible: 250, absent: 30, persistent: 1),
            ],
            benchmarks: BuiltInBenchmarks.all)
        let trust = DropRater(data: data, drop: Self.spring25, config: RatingConfig()).ratedTrust()
        let pa = try #require(trust.first { $0.figure.kpi == .persistentAbsenceRate })
        #expect(pa.changeWithheld && pa.change == nil && pa.previous == nil)
        #expect(
            RatingExplanation(pa).lines.contains {
                $0.text.hasPrefix("not compared: academies joined or left")
            })
    }

    /// `ratedTrust(keys:)` rates only the keys asked for, each as `ratedTrust()` does. With
    /// Birch new and 300 pupils, the trust's persistent absence changed by Ash's alone,
    /// 40 of 200 (20.0) − 30 of 200 (15.0) = +5.0, as in `trustLikeForLike`; with Birch at 5
    /// pupils (hidden) the change is withheld, as in `trustLikeForLikeWithheld`.
    @Test("the trust's figures rated by key are those rated all together")
    func trustByKey() throws {
        let paKey = KPI.persistentAbsenceRate.index << 16 | PupilGroup.all.index << 8 | YearGroup.all.code
        for (birch, change) in [(300, 5.0 as Double?), (5, nil)] {
            let data = TrustData(
                academies: Self.academies,
                attendance: [
                    Self.attendance(
                        Self.a, Self.spring24, pupils: 200, possible: 10_000, absent: 500, persistent: 30),
                    Self.attendance(
                        Self.a, Self.spring25, pupils: 200, possible: 10_000, absent: 600, persistent: 40),
                    Self.attendance(
                        Self.b, Self.spring25, pupils: birch, possible: birch * 50, absent: birch,
                        persistent: 1),
                ],
                benchmarks: BuiltInBenchmarks.all)
            let rater = DropRater(data: data, drop: Self.spring25, config: RatingConfig())
            let some = rater.ratedTrust(keys: [paKey])
            #expect(some.count == 1)
            let pa = try #require(some.first)
            #expect(pa.figure.kpi == .persistentAbsenceRate)
            #expect(pa.change == change)
            #expect(pa.changeWithheld == (change == nil))
            let all = try #require(rater.ratedTrust().first { FigureCalculator.smallKey($0.figure) == paKey })
            #expect(pa == all)
            #expect(rater.ratedTrust(keys: []).isEmpty)
        }
    }
}

/// National absence figures cover Years 1–11, so Reception and the sixth form are not
/// rated against them.
@Suite("Compulsory school age in ratings")
struct CompulsoryAgeRatingTests {
    @Test(
        "Reception and Year 12 attendance have no national benchmark; Year 6 and all do",
        arguments: [
            (YearGroup.reception, false), (.year(12), false), (.year(13), false), (.nursery, false),
            (.year(6), true),
            (.all, true),
        ])
    func yearGroups(year: YearGroup, benchmarked: Bool) throws {
        let urn = Fixtures.urn(500_001)
        let drop = DataDrop(year: AcademicYear(2023), term: .summer)
        let data = TrustData(
            academies: [Academy(urn: urn, name: "A", phase: .secondary)],
            attendance: [
                AttendanceRecord(
                    urn: urn, drop: drop, yearGroup: year, pupils: 100, possibleSessions: 30_000,
                    absentSessions: 3_000, persistentAbsentees: 20)
            ],
            benchmarks: BuiltInBenchmarks.all)
        let rated = try #require(
            DropRater(data: data, drop: drop, config: RatingConfig()).rated(urn).first {
                $0.figure.kpi == .attendanceRate
            })
        #expect((rated.benchmark != nil) == benchmarked)
        #expect((rated.rating == .none) == !benchmarked)
        if !benchmarked {
            #expect(
                RatingExplanation(rated).lines.contains {
                    $0.text.contains("compulsory school age (Years 1–11)")
                })
        }
    }
}

/// Every trust-wide sum counts alike: the like-for-like sums add a published percentage's
/// count of pupils, as the trust's own figure does, not value × pupils.
@Suite("Like-for-like sums count published percentages as the trust's figures do")
struct LikeForLikePublishedTests {
    @Test("67% of 30 is 20 pupils: the like-for-like figure is 20 of 30 = 66.7, not 20.1 of 30 = 67.0")
    func publishedCounts() throws {
        let a = Fixtures.urn(410_001)
        let b = Fixtures.urn(410_002)
        let now = DataDrop(year: AcademicYear(2018), term: .summer)
        let then = DataDrop(year: AcademicYear(2017), term: .summer)
        func rwm(_ urn: URN, _ drop: DataDrop, _ value: Double, of pupils: Int) -> PublishedFigure {
            PublishedFigure(
                urn: urn, drop: drop, kpi: .expected(.rwm), yearGroup: .year(6), value: value, pupils: pupils,
                source: "test")
        }
        // Ash in both years (60% of 30 = 18 then, 67% of 30 = 20 now: no other count of 30
        // rounds to 67); Birch joins (80% of 40 = 32).
        let data = TrustData(
            academies: [
                Academy(urn: a, name: "Ash", phase: .primary),
                Academy(urn: b, name: "Birch", phase: .primary),
            ],
            published: [rwm(a, then, 60, of: 30), rwm(a, now, 67, of: 30), rwm(b, now, 80, of: 40)],
            benchmarks: BuiltInBenchmarks.all)
        let trust = DropRater(data: data, drop: now, config: RatingConfig()).ratedTrust()
        let figure = try #require(trust.first { $0.figure.kpi == .expected(.rwm) })
        // The whole trust: (20 + 32) of 70 = 74.3.
        #expect(figure.shown == 74.3)
        #expect(figure.likeForLike?.shown == 66.7)
        #expect(figure.previousShown == 60.0)
        #expect(figure.change == 6.7)
    }
}

@Suite("An autumn drop with no autumn before it")
struct AutumnWithoutLastAutumnTests {
    @Test("last summer has data but is another school year, so only last autumn is named")
    func message() {
        let a = Fixtures.urn(420_001)
        let summer = DataDrop(year: AcademicYear(2023), term: .summer)
        let autumn = DataDrop(year: AcademicYear(2024), term: .autumn)
        func row(_ drop: DataDrop) -> AttendanceRecord {
            AttendanceRecord(
                urn: a, drop: drop, pupils: 200, possibleSessions: 10_000, absentSessions: 500,
                persistentAbsentees: 20)
        }
        let data = TrustData(
            academies: [Academy(urn: a, name: "Ash", phase: .primary)],
            attendance: [row(summer), row(autumn)],
            benchmarks: BuiltInBenchmarks.all)
        let changes = RatingChanges(data: data, drop: autumn, config: RatingConfig())
        #expect(changes.changes.isEmpty)
        #expect(
            changes.emptyMessage
                == "No data for 2023/24 autumn to compare with (2023/24 summer is another school year).")
    }
}

@Suite("Pandemic years are compared with no other year")
struct PandemicComparisonTests {
    static let a = Fixtures.urn(430_001)

    static func data(_ years: [Int]) -> TrustData {
        TrustData(
            academies: [Academy(urn: a, name: "Ash", phase: .primary)],
            attendance: years.map { year in
                AttendanceRecord(
                    urn: a, drop: DataDrop(year: AcademicYear(year), term: .summer), pupils: 200,
                    possibleSessions: 10_000, absentSessions: 500 + 100 * (year - 2019),
                    persistentAbsentees: 20)
            },
            benchmarks: BuiltInBenchmarks.all)
    }

    @Test("2021/22 is not compared with 2020/21; 2022/23 is compared with 2021/22")
    func previousAcrossThePandemic() throws {
        let data = Self.data([2020, 2021, 2022])
        let after = DataDrop(year: AcademicYear(2021), term: .summer)
        let rated = try #require(
            DropRater(data: data, drop: after, config: RatingConfig()).rated(Self.a).first {
                $0.figure.kpi == .absenceRate
            })
        #expect(rated.previous == nil && rated.change == nil)
        #expect(
            RatingExplanation(rated).lines.contains { $0.text.hasPrefix("not compared: 2019/20 and 2020/21") }
        )
        #expect(RatingChanges(data: data, drop: after, config: RatingConfig()).changes.isEmpty)
        // 2022/23: 800 of 10,000 missed (8.0%) against 2021/22's 700 (7.0%): +1.0.
        let later = DataDrop(year: AcademicYear(2022), term: .summer)
        let next = try #require(
            DropRater(data: data, drop: later, config: RatingConfig()).rated(Self.a).first {
                $0.figure.kpi == .absenceRate
            })
        #expect(next.previousShown == 7.0 && next.change == 1.0)
    }
}

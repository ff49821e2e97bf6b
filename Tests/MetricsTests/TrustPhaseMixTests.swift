import Testing

@testable import Metrics

@Suite("The trust's benchmark follows its mix of phases")
struct TrustPhaseMixTests {
    typealias F = BenchmarkFixtures
    let autumn = DataDrop(year: AcademicYear(2024), term: .autumn)

    /// Two primaries and a secondary in 2024/25 autumn:
    /// - 100001 primary: 3,500 of 70,000 sessions missed, 60 of 400 pupils persistently absent;
    /// - 100002 primary: 3,000 of 50,400 missed, 45 of 300;
    /// - 100003 secondary: 9,000 of 98,300 missed, 225 of 900.
    /// The trust: 15,500 of 218,700 missed → attendance 203,200 / 218,700 = 92.91… → 92.9,
    /// absence 7.087… → 7.1; persistent absence 330 of 1,600 = 20.625 → 20.6.
    var academies: [Academy] {
        [F.academy(100_001, .primary), F.academy(100_002, .primary), F.academy(100_003, .secondary)]
    }

    var attendance: [AttendanceRecord] {
        [
            F.attendance(100_001, autumn, pupils: 400, possible: 70_000, absent: 3_500, persistent: 60),
            F.attendance(100_002, autumn, pupils: 300, possible: 50_400, absent: 3_000, persistent: 45),
            F.attendance(100_003, autumn, pupils: 900, possible: 98_300, absent: 9_000, persistent: 225),
        ]
    }

    /// The autumn term's absence by phase (attendance 100 minus it), all schools' too, and
    /// persistent absence: primary from last full year, secondary this autumn.
    var benchmarks: [Benchmark] {
        [
            F.bench(.attendanceRate, 2024, .autumn, phase: .primary, 94.93),
            F.bench(.attendanceRate, 2024, .autumn, phase: .secondary, 92.34),
            F.bench(.attendanceRate, 2024, .autumn, 93.62),
            F.bench(.absenceRate, 2024, .autumn, phase: .primary, 5.07),
            F.bench(.absenceRate, 2024, .autumn, phase: .secondary, 7.66),
            F.bench(.absenceRate, 2024, .autumn, 6.38),
            F.bench(.persistentAbsenceRate, 2023, phase: .primary, 15.0),
            F.bench(.persistentAbsenceRate, 2024, .autumn, phase: .secondary, 25.0),
        ]
    }

    @Test func attendanceIsWeightedByEachPhasesPossibleSessions() throws {
        let trust = F.rater(academies, attendance, benchmarks, drop: autumn).ratedTrust()
        let attendance = try #require(F.figure(trust, .attendanceRate))
        #expect(attendance.shown == 92.9)
        // In hundredths: (9,493 × 120,400 + 9,234 × 98,300) / 218,700
        // = (1,142,957,200 + 907,702,200) / 218,700 = 2,050,659,400 / 218,700 = 9,376.59 → 93.77.
        #expect(attendance.benchmark?.benchmark.value == 93.77)
        #expect(attendance.benchmark?.benchmark.phase == nil)
        #expect(attendance.benchmark?.benchmark.source == "weighted by this trust's phase mix")
        #expect(attendance.benchmark?.periodText == "2024/25 autumn")
        // 92.9 is under 93.77 but within 1.0: amber.
        #expect(attendance.rating == .amber)
        #expect(
            F.benchmarkText(attendance)
                == "93.8% (93.77 before rounding)  national, weighted by this trust's phase mix, all pupils\n"
                + "93.77 = (94.93 × 120,400 primary + 92.34 × 98,300 secondary) / 218,700 possible sessions\n"
                + "primary (2 academies): 94.93% primary, all pupils, 2024/25 autumn (test release)\n"
                + "secondary (1 academy): 92.34% secondary, all pupils, 2024/25 autumn (test release)")
        // Absence: (507 × 120,400 + 766 × 98,300) / 218,700 = 136,340,600 / 218,700 = 623.41
        // hundredths → 6.23; 7.1 ≤ 7.23: amber.
        let absence = try #require(F.figure(trust, .absenceRate))
        #expect(absence.benchmark?.benchmark.value == 6.23)
        #expect(absence.rating == .amber)
    }

    @Test func persistentAbsenceIsWeightedByPupilsAndNamesBothPeriods() throws {
        let trust = F.rater(academies, attendance, benchmarks, drop: autumn).ratedTrust()
        let persistent = try #require(F.figure(trust, .persistentAbsenceRate))
        // (15.0 × 700 + 25.0 × 900) / 1,600 = (10,500 + 22,500) / 1,600 = 20.625 → 20.63.
        #expect(persistent.benchmark?.benchmark.value == 20.63)
        #expect(persistent.benchmark?.periodText == "2023/24 full year; 2024/25 autumn")
        // 20.6 ≤ 20.63: green.
        #expect(persistent.rating == .green)
        let working = RatingExplanation(persistent).lines.first { $0.label == "Working" }?.text
        #expect(working == "20.63 = (15.0 × 700 primary + 25.0 × 900 secondary) / 1,600 pupils")
        let report = ReportRow(persistent, academy: nil, trustName: "Test Trust")
        // The report writes the benchmark as it is shown and rated: 20.63 → 20.6.
        #expect(report.benchmark == 20.6)
        #expect(report.benchmarkPeriod == "2023/24 full year; 2024/25 autumn")
    }

    @Test func anAcademyWithoutItsOwnBenchmarkLeavesTheTrustUnrated() throws {
        // A special school with no special-school figure: the trust's figure includes its
        // 5,000 sessions, and the all-schools figure is not mixed in for it.
        let rater = F.rater(
            academies + [F.academy(100_004, .special)],
            attendance + [
                F.attendance(100_004, autumn, pupils: 20, possible: 5_000, absent: 600, persistent: 8)
            ],
            benchmarks, drop: autumn)
        let attendance = try #require(F.figure(rater.ratedTrust(), .attendanceRate))
        #expect(attendance.rating == .none)
        #expect(attendance.benchmark == nil)
        #expect(
            F.benchmarkText(attendance)
                == "none for the trust: its benchmark weights each academy's own, and Academy 100004 "
                + "(100004, special) has none, so not rated")
    }

    @Test func aTrustOfSpecialSchoolsIsNeverHeldToAllSchools() throws {
        // All schools' 93.62 is there, but neither academy may be compared with it.
        let rater = F.rater(
            [F.academy(100_004, .special), F.academy(100_005, .special)],
            [
                F.attendance(100_004, autumn, pupils: 20, possible: 5_000, absent: 600, persistent: 8),
                F.attendance(100_005, autumn, pupils: 30, possible: 7_000, absent: 700, persistent: 9),
            ],
            benchmarks, drop: autumn)
        let attendance = try #require(F.figure(rater.ratedTrust(), .attendanceRate))
        #expect(attendance.rating == .none)
        #expect(
            F.benchmarkText(attendance)
                == "none for the trust: its benchmark weights each academy's own, and Academy 100004 "
                + "(100004, special), Academy 100005 (100005, special) have none, so not rated")
        // With no benchmark anywhere, the reason is the plain one.
        let bare = F.rater(academies, self.attendance, [], drop: autumn).ratedTrust()
        let none = try #require(F.figure(bare, .attendanceRate))
        #expect(F.benchmarkText(none) == "no national figure for 2024/25 or 2023/24, so not rated")
    }

    @Test func aSuppressedGroupIsNeverGivenAwayByTheWeights() throws {
        // Disadvantaged pupils: 5 at 100001 (suppressed there) and 100 at 100003. Weighting
        // 94.93 and 92.34 by their sessions would show the five's 1,000 sessions, so the trust's
        // disadvantaged attendance has no benchmark.
        let groups = [
            F.attendance(
                100_001, autumn, group: .disadvantaged, pupils: 5, possible: 1_000, absent: 100, persistent: 1
            ),
            F.attendance(
                100_003, autumn, group: .disadvantaged, pupils: 100, possible: 11_000, absent: 1_100,
                persistent: 30),
        ]
        let trust = F.rater(academies, attendance + groups, benchmarks, drop: autumn).ratedTrust()
        let mixed = try #require(F.figure(trust, .attendanceRate, group: .disadvantaged))
        #expect(mixed.rating == .none)
        #expect(
            F.benchmarkText(mixed)
                == "none for the trust: weighting its academies' own benchmarks by their counts would give away "
                + "the size of a group too small to show, so not rated")
        // With only the all-schools figure, every part has the same benchmark, so the weights
        // do not matter: 93.62, and the working leaves the counts out. The trust's 10,800 of
        // 12,000 sessions attended = 90.0: red (below 92.62).
        let uniform = F.rater(
            academies, attendance + groups, [F.bench(.attendanceRate, 2024, .autumn, 93.62)], drop: autumn
        )
        .ratedTrust()
        let same = try #require(F.figure(uniform, .attendanceRate, group: .disadvantaged))
        #expect(same.benchmark?.benchmark.value == 93.62)
        #expect(same.rating == .red)
        let working = RatingExplanation(same).lines.first { $0.label == "Working" }?.text
        #expect(
            working
                == "93.62 = 93.62 primary, 93.62 secondary: every part has the same benchmark, and the counts "
                + "are not shown because a group in them is too small to show")
    }

    @Test func aTrustOfOnePhaseHasThatPhasesFigure() throws {
        let rater = F.rater(
            Array(academies.prefix(2)), Array(attendance.prefix(2)), benchmarks, drop: autumn)
        let attendance = try #require(F.figure(rater.ratedTrust(), .attendanceRate))
        #expect(attendance.benchmark?.benchmark.value == 94.93)
        #expect(attendance.benchmark?.period == .sameDrop)
    }
}

import Foundation
import Testing

@testable import Metrics

/// The noise test of a change: a two-proportion z-test at 95% with a pooled proportion,
/// each expected z worked out by hand below from the counts.
@Suite("Change significance: two-proportion z-test")
struct ChangeSignificanceTests {
    /// Six disadvantaged pupils in Year 1 phonics, 6 of 6 (100.0) then 4 of 6 (66.7):
    /// pooled p = 10/12 = 0.8333, SE = √(0.8333 × 0.1667 × (1/6 + 1/6)) = √0.046296 =
    /// 0.21517, z = (0.6667 − 1) / 0.21517 = −1.549. |z| < 1.96: could be chance.
    @Test func sixPupilsFromAllToTwoThirdsCouldBeChance() throws {
        let test = ChangeSignificance(oldPercent: 100, oldPupils: 6, newPercent: 4.0 / 6 * 100, newPupils: 6)
        #expect(test.verdict == .couldBeChance)
        let z = try #require(test.z)
        #expect(abs(z - -1.549) < 0.001)
    }

    /// 200 pupils each time, 90% then 80%: pooled p = 0.85, SE = √(0.85 × 0.15 × (2/200))
    /// = √0.001275 = 0.035707, z = −0.10 / 0.035707 = −2.801. Beyond chance.
    @Test func twoHundredPupilsFromNinetyToEightyIsBeyondChance() throws {
        let test = ChangeSignificance(oldPercent: 90, oldPupils: 200, newPercent: 80, newPupils: 200)
        #expect(test.verdict == .beyondChance)
        let z = try #require(test.z)
        #expect(abs(z - -2.801) < 0.001)
    }

    /// Just either side of 1.96, with unequal groups. 50 of 100 (0.5) then 75 of 120
    /// (0.625): pooled p = 125/220 = 0.568182, SE = √(0.568182 × 0.431818 × (1/100 +
    /// 1/120)) = √(0.245351 × 0.0183333) = √0.00449810 = 0.067068, z = 0.125 / 0.067068 =
    /// 1.8638: could be chance. 50 of 100 then 78 of 120 (0.65): pooled p = 128/220 =
    /// 0.581818, SE = √(0.581818 × 0.418182 × 0.0183333) = √0.00446061 = 0.066788,
    /// z = 0.15 / 0.066788 = 2.2459: beyond chance.
    @Test func theLineIsAtOneNinetySix() throws {
        let under = ChangeSignificance(oldPercent: 50, oldPupils: 100, newPercent: 62.5, newPupils: 120)
        #expect(under.verdict == .couldBeChance)
        #expect(abs(try #require(under.z) - 1.8638) < 0.001)
        let over = ChangeSignificance(oldPercent: 50, oldPupils: 100, newPercent: 65, newPupils: 120)
        #expect(over.verdict == .beyondChance)
        #expect(abs(try #require(over.z) - 2.2459) < 0.001)
    }

    /// All pupils at the standard both times: no spread, no change, z = 0.
    @Test func noSpreadIsNoChange() {
        let test = ChangeSignificance(oldPercent: 100, oldPupils: 30, newPercent: 100, newPupils: 30)
        #expect(test.verdict == .couldBeChance)
        #expect(test.z == 0)
    }

    @Test func unknownPupilsAreNotTested() {
        let test = ChangeSignificance(oldPercent: 60, oldPupils: nil, newPercent: 40, newPupils: 500)
        #expect(test.verdict == .notTested)
        #expect(test.z == nil)
        #expect(
            ChangeSignificance(oldPercent: 60, oldPupils: 0, newPercent: 40, newPupils: 500).verdict
                == .notTested)
    }

    static let now = DataDrop(year: AcademicYear(2025), term: .spring)
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)

    /// A figure with counts: `numerator` of `denominator`, over `pupils` pupils.
    static func figure(
        _ kpi: KPI, _ drop: DataDrop, _ numerator: Double, _ denominator: Double, pupils: Int
    ) -> Figure {
        Figure(
            owner: .academy(Fixtures.urn(100_301)), kpi: kpi, drop: drop, group: .all, yearGroup: .all,
            numerator: numerator, denominator: denominator, pupils: pupils)
    }

    /// Attendance counts pupils, not sessions: 9,400 of 10,000 sessions (94.0) of 200
    /// pupils then 9,100 of 10,000 (91.0) of 200. Over 10,000 sessions each this would be
    /// z ≈ −8 (beyond chance); over 200 pupils: pooled p = 0.925, SE = √(0.925 × 0.075 ×
    /// 0.01) = 0.026339, z = −0.03 / 0.026339 = −1.139: could be chance.
    @Test func attendanceCountsEachPupilOnce() throws {
        let test = ChangeSignificance(
            old: Self.figure(.attendanceRate, Self.autumn, 9_400, 10_000, pupils: 200),
            new: Self.figure(.attendanceRate, Self.now, 9_100, 10_000, pupils: 200))
        #expect(test.verdict == .couldBeChance)
        #expect(abs(try #require(test.z) - -1.139) < 0.001)
    }

    /// An average score is not a proportion: Attainment 8 from 40.0 to 30.0 of 200 pupils
    /// is not tested.
    @Test func averageScoresAreNotTested() {
        let test = ChangeSignificance(
            old: Self.figure(.score(.attainment8), Self.autumn, 8_000, 200, pupils: 200),
            new: Self.figure(.score(.attainment8), Self.now, 6_000, 200, pupils: 200))
        #expect(test.verdict == .notTested)
    }

    /// A percentage the DfE published without pupil numbers is not tested.
    @Test func publishedWithoutPupilsIsNotTested() {
        var old = Self.figure(.expected(.rwm), Self.autumn, 70, 100, pupils: 0)
        old.publication = Figure.Publication(hasPupils: false)
        let new = Self.figure(.expected(.rwm), Self.now, 40, 100, pupils: 100)
        #expect(ChangeSignificance(old: old, new: new).verdict == .notTested)
    }

    /// Absence is 100 − attendance: its change repeats the attendance line, so it is
    /// marked as a mirror, kept in the report, and not counted. Ash: 300 of 5,000 missed
    /// (attendance 94.0 amber, absence 6.0 amber) then 900 of 10,000 (91.0 red, 9.0 red),
    /// with attendance green ≥ 95, amber ≥ 92 and absence green ≤ 5, amber ≤ 8.
    @Test func absenceMirroringAttendanceIsMarkedAndNotCounted() {
        let ash = Fixtures.urn(100_301)
        var config = RatingConfig()
        config.rules = [
            .attendanceRate: .absolute(green: 95, amber: 92), .absenceRate: .absolute(green: 5, amber: 8),
        ]
        let data = TrustData(
            trustName: "Oak Learning Trust",
            academies: [Academy(urn: ash, name: "Ash Primary", phase: .primary)],
            attendance: [
                AttendanceRecord(
                    urn: ash, drop: Self.autumn, group: .all, pupils: 200, possibleSessions: 5_000,
                    absentSessions: 300, persistentAbsentees: 10),
                AttendanceRecord(
                    urn: ash, drop: Self.now, group: .all, pupils: 200, possibleSessions: 10_000,
                    absentSessions: 900, persistentAbsentees: 10),
            ])
        let changes = RatingChanges(data: data, drop: Self.now, config: config)
        // Ash's and the trust's attendance and absence turned red against autumn.
        let red = changes.changes(in: .turnedRed)
        #expect(red.count == 4)
        #expect(red.filter(\.mirrorsAttendance).map(\.kpi) == [.absenceRate, .absenceRate])
        #expect(!red.contains { $0.kpi == .attendanceRate && $0.mirrorsAttendance })
        #expect(changes.turnedRedSincePreviousDrop == 2)
        #expect(changes.turnedRedForHeader == 2)
        // The report keeps every line.
        let csv = changes.write(format: .csv).split(separator: "\n")
        #expect(csv.filter { $0.contains(",absence_rate,") }.count == 2)
    }
}

import Testing

@testable import Metrics

@Suite("KPI arithmetic, rounding and weighting")
struct FigureTests {
    let drop = Fixtures.spring2425
    let hollybank = Fixtures.urn(900101)
    let castle = Fixtures.urn(900102)

    func attendance(_ urn: URN, pupils: Int, possible: Int, absent: Int, persistent: Int, severe: Int?)
        -> AttendanceRecord
    {
        AttendanceRecord(
            urn: urn, drop: drop, pupils: pupils, possibleSessions: possible, absentSessions: absent,
            persistentAbsentees: persistent, severeAbsentees: severe)
    }

    @Test func attendanceKPIsFromCounts() {
        // 75,000 possible, 3,600 absent: attended 71,400 → 95.2%; absent 4.8%.
        // 40 of 300 pupils persistently absent → 13.33…% → 13.3; 5 of 300 severely → 1.66…% → 1.7.
        let figures = FigureCalculator.figures(
            of: attendance(hollybank, pupils: 300, possible: 75000, absent: 3600, persistent: 40, severe: 5))
        let shown = Dictionary(uniqueKeysWithValues: figures.map { ($0.kpi, $0.shown) })
        #expect(shown[.attendanceRate] == 95.2)
        #expect(shown[.absenceRate] == 4.8)
        #expect(shown[.persistentAbsenceRate] == 13.3)
        #expect(shown[.severeAbsenceRate] == 1.7)
        #expect(figures.allSatisfy { $0.pupils == 300 })
    }

    @Test func noSevereColumnMeansNoSevereFigure() {
        let figures = FigureCalculator.figures(
            of: attendance(hollybank, pupils: 300, possible: 75000, absent: 3600, persistent: 40, severe: nil)
        )
        #expect(figures.map(\.kpi) == [.attendanceRate, .absenceRate, .persistentAbsenceRate])
    }

    @Test func roundingIsHalfAwayFromZeroOnExactCounts() {
        // 1,869 of 2,000 is exactly 93.45%, which binary floating point holds as 93.4499…
        #expect(DisplayRounding.shown(numerator: 1869, denominator: 2000, kpi: .attendanceRate) == 93.5)
        // 1,867 of 2,000 is 93.35% → 93.4; 1,868.8 would not be a count.
        #expect(DisplayRounding.shown(numerator: 1867, denominator: 2000, kpi: .attendanceRate) == 93.4)
        // 17 of 29 = 58.620…% → 58.6; 1 of 8 = 12.5% → 12.5; 1 of 16 = 6.25% → 6.3.
        #expect(DisplayRounding.shown(numerator: 17, denominator: 29, kpi: .expected(.rwm)) == 58.6)
        #expect(DisplayRounding.shown(numerator: 1, denominator: 16, kpi: .expected(.rwm)) == 6.3)
        // Progress 8 to two places: -0.495 → -0.50 (away from zero), -0.494 → -0.49.
        #expect(DisplayRounding.round(-0.495, decimals: 2) == -0.5)
        #expect(DisplayRounding.round(-0.494, decimals: 2) == -0.49)
        #expect(DisplayRounding.round(0.125, decimals: 2) == 0.13)
        #expect(DisplayRounding.text(-0.5, decimals: 2) == "-0.50")
        #expect(DisplayRounding.text(93, decimals: 1) == "93.0")
        #expect(DisplayRounding.signed(1.4, for: .attendanceRate) == "+1.4")
        #expect(DisplayRounding.signed(-0.3, for: .attendanceRate) == "-0.3")
    }

    @Test func trustFiguresAreSummedCountsNotAveragedPercentages() {
        // Hollybank: 17 of 29 at RWM expected (58.6%); Castle Rise: 45 of 60 (75.0%).
        // Trust: 62 of 89 = 69.66…% → 69.7, not the 66.8 an average of percentages gives.
        let data = TrustData(
            academies: [
                Academy(urn: hollybank, name: "Hollybank", phase: .primary),
                Academy(urn: castle, name: "Castle Rise", phase: .primary),
            ],
            attainment: [
                AttainmentRecord(urn: hollybank, drop: drop, subject: .rwm, cohort: 29, expected: 17),
                AttainmentRecord(urn: castle, drop: drop, subject: .rwm, cohort: 60, expected: 45),
            ])
        let figures = FigureCalculator(data: data).figures(for: drop)
        let trust = figures[
            FigureCalculator.Key(owner: .trust, kpi: .expected(.rwm), group: .all, yearGroup: .all)]
        #expect(trust?.numerator == 62)
        #expect(trust?.denominator == 89)
        #expect(trust?.shown == 69.7)
        #expect(trust?.academies == 2)
        #expect(trust?.pupils == 89)
    }

    @Test func trustAttendanceWeightsLargeSchoolsMore() {
        // Small: 100 absent of 1,000 (90.0%). Large: 500 absent of 20,000 (97.5%).
        // Trust: 20,400 of 21,000 attended = 97.142…% → 97.1 (an average would say 93.8).
        let data = TrustData(attendance: [
            attendance(hollybank, pupils: 10, possible: 1000, absent: 100, persistent: 2, severe: 0),
            attendance(castle, pupils: 100, possible: 20000, absent: 500, persistent: 9, severe: 1),
        ])
        let figures = FigureCalculator(data: data).figures(for: drop)
        let key = FigureCalculator.Key(owner: .trust, kpi: .attendanceRate, group: .all, yearGroup: .all)
        #expect(figures[key]?.shown == 97.1)
        let pa = FigureCalculator.Key(
            owner: .trust, kpi: .persistentAbsenceRate, group: .all, yearGroup: .all)
        // 11 of 110 pupils = 10.0%.
        #expect(figures[pa]?.shown == 10.0)
    }

    @Test func averageScoresAreWeightedByCohort() {
        // 150 pupils at 46.2 and 50 at 40.0: (6930 + 2000) / 200 = 44.65 → 44.7.
        let data = TrustData(scores: [
            ScoreRecord(urn: hollybank, drop: drop, measure: .attainment8, cohort: 150, average: 46.2),
            ScoreRecord(urn: castle, drop: drop, measure: .attainment8, cohort: 50, average: 40.0),
        ])
        let figures = FigureCalculator(data: data).figures(for: drop)
        let key = FigureCalculator.Key(owner: .trust, kpi: .score(.attainment8), group: .all, yearGroup: .all)
        #expect(figures[key]?.shown == 44.7)
    }

    @Test func greaterDepthOnlyWhenGiven() {
        let withDepth = FigureCalculator.figures(
            of: AttainmentRecord(
                urn: hollybank, drop: drop, subject: .reading, cohort: 30, expected: 24, greaterDepth: 9))
        #expect(withDepth.map(\.kpi) == [.expected(.reading), .greaterDepth(.reading)])
        #expect(withDepth.map(\.shown) == [80.0, 30.0])
        let without = FigureCalculator.figures(
            of: AttainmentRecord(urn: hollybank, drop: drop, subject: .reading, cohort: 30, expected: 24))
        #expect(without.map(\.kpi) == [.expected(.reading)])
    }

    @Test func zeroDenominatorHasNoValue() {
        let figure = Figure(
            owner: .academy(hollybank), kpi: .attendanceRate, drop: drop, group: .all, yearGroup: .all,
            numerator: 0,
            denominator: 0, pupils: 0)
        #expect(figure.value == nil)
        #expect(figure.shown == nil)
    }
}

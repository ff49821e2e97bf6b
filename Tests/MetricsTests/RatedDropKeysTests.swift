import Testing

@testable import Metrics

/// A drop rated for some figures alone (`RatedDrop(_:keys:)`, what the board pack keeps of
/// each drop it only charts) holds exactly those figures of every academy and the trust,
/// each as the whole drop rates it.
@Suite("A drop rated for some figures")
struct RatedDropKeysTests {
    @Test("every drop of the sample, the board pack's charted figures")
    func chartedFigures() {
        let data = ReportCSVPathTests.sample
        let config = RatingConfig()
        // The pack's charts: attendance, persistent and severe absence, and each phase's
        // headline (Year 6 RWM expected, Year 11 Attainment 8).
        let charted: [(KPI, YearGroup)] = [
            (.attendanceRate, .all), (.persistentAbsenceRate, .all), (.severeAbsenceRate, .all),
            (.expected(.rwm), .year(6)), (.score(.attainment8), .year(11)),
        ]
        let keys = Set(charted.map { FigureCalculator.smallKey($0.0, .all, $0.1) })
        var kept = 0
        for drop in data.drops {
            let whole = RatedDrop(DropRater(data: data, drop: drop, config: config))
            let part = RatedDrop(DropRater(data: data, drop: drop, config: config), keys: keys)
            let wanted = whole.figures.filter { keys.contains(FigureCalculator.smallKey($0.value.figure)) }
            #expect(part.figures == wanted, "\(drop)")
            #expect(part.academiesWithData == whole.academiesWithData, "\(drop)")
            #expect(part.figures.count < whole.figures.count / 10, "\(drop)")
            kept += part.figures.count
        }
        // Twelve academies and the trust, with attendance in every drop of the sample.
        #expect(kept >= 9 * 13 * 3)
    }
}

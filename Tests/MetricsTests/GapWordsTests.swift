import Testing

@testable import Metrics

/// The words that say which group moved a gap: "rose" and "fell" where people know which
/// way is better, "worsened" and "improved" for suspensions, where more suspensions put a
/// group further behind (`GroupGap.behind`).
@Suite("Which group moved a gap, in words")
struct GapWordsTests {
    let now = Fixtures.spring2425

    func rated(_ kpi: KPI, _ group: PupilGroup, _ value: Double, was: Double, of pupils: Int) -> RatedFigure {
        func figure(_ numerator: Double, _ drop: DataDrop) -> Figure {
            Figure(
                owner: .academy(Fixtures.urn(900101)), kpi: kpi, drop: drop, group: group, yearGroup: .all,
                numerator: numerator, denominator: Double(pupils), pupils: pupils)
        }
        return RatedFigure(
            figure: figure(value, now), rating: .none, previous: figure(was, now.sameTermLastYear))
    }

    /// Suspensions: disadvantaged 22 for 120 = 18.33 (was 16 for 120 = 13.33), others 15
    /// for 300 = 5.00 (was 16 for 300 = 5.33). Disadvantaged +5.00, others
    /// −0.33: the gap widened, and the words say disadvantaged worsened, others improved.
    @Test func suspensionsWorsenAndImprove() throws {
        let kpi = KPI.inclusion(.suspensionRate)
        let gap = try #require(
            GroupGap(
                rated(kpi, .disadvantaged, 22, was: 16, of: 120),
                rated(kpi, .notDisadvantaged, 15, was: 16, of: 300)))
        // Behind: 18.33 − 5.00 = 13.33 now, 13.33 − 5.33 = 8.00 a year ago.
        #expect(gap.behind == 13.33 && gap.previousBehind == 8.00)
        #expect(
            gap.trend(names: ("disadvantaged", "others"), sizes: true)
                == "widened: disadvantaged worsened 5.00, others improved 0.33")
    }

    /// Attendance keeps "rose" and "fell": 88.0 (was 90.0) and 92.0 (was 92.5) of 100 sessions each.
    @Test func attendanceRisesAndFalls() throws {
        let gap = try #require(
            GroupGap(
                rated(.attendanceRate, .disadvantaged, 88, was: 90, of: 100),
                rated(.attendanceRate, .notDisadvantaged, 92, was: 92.5, of: 100)))
        #expect(
            gap.trend(names: ("disadvantaged", "others"), sizes: true)
                == "widened: both fell, disadvantaged by more: 2.0 vs 0.5")
    }
}

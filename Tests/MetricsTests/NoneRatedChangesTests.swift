import Testing

@testable import Metrics

/// What the changes say where a drop compared has no figure rated (no benchmark or target
/// to rate it against) or, for one academy, no data: that no rating could change and why,
/// never "No rating changed since" it.
@Suite("Changes where nothing is rated")
struct NoneRatedChangesTests {
    /// Outside the pandemic years a drop with no benchmark to rate it against has no figure
    /// rated either. Attendance benchmarked in 2023/24 alone rates 2023/24 summer (95.0%
    /// against 94.0%) but not 2022/23 summer, whose figures may be rated only against
    /// 2022/23's or 2021/22's: since 2022/23 summer no rating could change.
    @Test func anEarlierDropWithNoneRated() throws {
        let summer2023 = DataDrop(year: AcademicYear(2022), term: .summer)
        let summer2024 = DataDrop(year: AcademicYear(2023), term: .summer)
        var data = PandemicChangesTests.data([summer2023, summer2024], absent: [500, 500])
        data.benchmarks = [
            Benchmark(kpi: .attendanceRate, year: AcademicYear(2023), term: .summer, value: 94)
        ]
        let changes = RatingChanges(data: data, drop: summer2024, config: RatingConfig())
        try #require(changes.changes.isEmpty)
        #expect(changes.fairlyComparedDrops == [summer2023])
        #expect(changes.ratedDrops == [summer2024])
        #expect(
            changes.emptyMessage
                == "No figure of 2022/23 summer is rated, so no rating could change since it: there is no "
                + "benchmark or target to rate it against.")
        // With 2022/23's own benchmark both sides are rated, and nothing moved.
        data.benchmarks.append(
            Benchmark(kpi: .attendanceRate, year: AcademicYear(2022), term: .summer, value: 94))
        let rated = RatingChanges(data: data, drop: summer2024, config: RatingConfig())
        #expect(rated.ratedDrops == [summer2023, summer2024])
        #expect(rated.emptyMessage == "No rating changed since 2022/23 summer.")
    }

    /// Oak joined in 2023/24: its changes since 2022/23 summer, when it had no data, say so.
    /// Ash's attendance is rated in both years (95.0% each), so the trust's are compared.
    @Test func anAcademyWithNoDataBefore() {
        let summer2023 = DataDrop(year: AcademicYear(2022), term: .summer)
        let summer2024 = DataDrop(year: AcademicYear(2023), term: .summer)
        let oak = Fixtures.urn(431_002)
        var data = PandemicChangesTests.data([summer2023, summer2024], absent: [500, 500])
        data.academies.append(Academy(urn: oak, name: "Oak", phase: .primary))
        data.attendance.append(
            AttendanceRecord(
                urn: oak, drop: summer2024, pupils: 200, possibleSessions: 10_000, absentSessions: 500,
                persistentAbsentees: 20))
        let rater = DropRater(data: data, drop: summer2024, config: RatingConfig())
        let oakChanges = RatingChanges(rater, trustName: "Trust", academy: oak)
        #expect(oakChanges.dropsWithFigures == [summer2024])
        #expect(oakChanges.emptyMessage == "Oak has no data in 2022/23 summer to compare with.")
        let ashChanges = RatingChanges(rater, trustName: "Trust", academy: PandemicChangesTests.ash)
        #expect(ashChanges.emptyMessage == "No rating changed since 2022/23 summer.")
        let before = DropRater(data: data, drop: summer2023, config: RatingConfig())
        #expect(RatingChanges(before, trustName: "Trust", academy: oak).emptyMessage.hasPrefix("No data for"))
    }
}

import Testing

@testable import Metrics

/// What the changes say when the only earlier drop with data is kept apart by a pandemic
/// year: that it was not compared, and why, never "no rating changed since" it.
@Suite("Changes across a pandemic year")
struct PandemicChangesTests {
    static let ash = Fixtures.urn(431_001)

    /// Ash's attendance in `drops`, each missing `absent[i]` of 10,000 sessions.
    static func data(_ drops: [DataDrop], absent: [Int]) -> TrustData {
        TrustData(
            academies: [Academy(urn: ash, name: "Ash", phase: .primary)],
            attendance: zip(drops, absent).map { drop, absent in
                AttendanceRecord(
                    urn: ash, drop: drop, pupils: 200, possibleSessions: 10_000, absentSessions: absent,
                    persistentAbsentees: 20)
            },
            benchmarks: BuiltInBenchmarks.all)
    }

    static let summer2021 = DataDrop(year: AcademicYear(2020), term: .summer)
    static let summer2022 = DataDrop(year: AcademicYear(2021), term: .summer)

    /// A trend stops at the pandemic: two drops of different years with a pandemic year
    /// between or among them are a pandemic apart, in either order; drops of one year, or
    /// both before or both after the pandemic, are not.
    @Test("Which two drops a trend's line may not join")
    func spansPandemic() {
        func drop(_ year: Int, _ term: Term = .summer) -> DataDrop {
            DataDrop(year: AcademicYear(year), term: term)
        }
        let apart: [(DataDrop, DataDrop)] = [
            (drop(2018), drop(2019)), (drop(2018), drop(2020)), (drop(2018), drop(2021)),
            (drop(2019), drop(2020)), (drop(2020), drop(2021)), (drop(2016), drop(2024)),
            (drop(2021), drop(2018)),
        ]
        for (earlier, later) in apart {
            #expect(RatingChange.Comparison.spansPandemic(earlier, later), "\(earlier) to \(later)")
        }
        let joined: [(DataDrop, DataDrop)] = [
            (drop(2017), drop(2018)), (drop(2021), drop(2022)), (drop(2020, .autumn), drop(2020, .spring)),
            (drop(2019, .autumn), drop(2019)), (drop(2023), drop(2021)),
        ]
        for (earlier, later) in joined {
            #expect(!RatingChange.Comparison.spansPandemic(earlier, later), "\(earlier) to \(later)")
        }
    }

    /// The DfE's Bradford file has 2020/21 summer but no 2019/20, nor 2020/21 spring: no
    /// data to compare with, and 2019/20 would not have been compared in any case.
    @Test("2020/21 summer with no earlier data: the missing year would not be compared anyway")
    func noDataBeforeAPandemicYear() {
        let data = Self.data([Self.summer2021], absent: [500])
        let changes = RatingChanges(data: data, drop: Self.summer2021, config: RatingConfig())
        #expect(
            changes.emptyMessage
                == "No data for 2020/21 spring or 2019/20 summer to compare with. 2019/20 summer would not be "
                + "compared in any case: 2019/20 and 2020/21 are pandemic years, whose figures were gathered "
                + "differently and are compared with no other year.")
        // Outside the pandemic, nothing more is said.
        let later = DataDrop(year: AcademicYear(2023), term: .summer)
        let after = RatingChanges(
            data: Self.data([later], absent: [500]), drop: later, config: RatingConfig())
        #expect(after.emptyMessage == "No data for 2023/24 spring or 2022/23 summer to compare with.")
    }

    @Test("2021/22 summer against 2020/21 summer only: not compared, and the reason")
    func onlyThePandemicYear() {
        // 2020/21: 500 of 10,000 missed (95.0% attendance); 2021/22: 1,500 (85.0%), which
        // would have turned red had the years been compared.
        let data = Self.data([Self.summer2021, Self.summer2022], absent: [500, 1_500])
        let changes = RatingChanges(data: data, drop: Self.summer2022, config: RatingConfig())
        #expect(changes.changes.isEmpty)
        #expect(changes.comparedDrops == [Self.summer2021])
        #expect(changes.pandemicApart == [Self.summer2021])
        #expect(changes.fairlyComparedDrops.isEmpty)
        #expect(
            changes.emptyMessage
                == "2021/22 summer is not compared with 2020/21 summer: 2019/20 and 2020/21 are pandemic "
                + "years, whose figures were gathered differently and are compared with no other year.")
        #expect(!changes.write(format: .text).contains("No rating changed"))
        #expect(
            changes.write(format: .markdown).contains("2021/22 summer is not compared with 2020/21 summer"))
    }

    @Test("2021/22 spring: no change since 2021/22 autumn, and 2020/21 spring not compared")
    func oneFairOneApart() throws {
        let autumn = DataDrop(year: AcademicYear(2021), term: .autumn)
        let spring = DataDrop(year: AcademicYear(2021), term: .spring)
        let lastSpring = DataDrop(year: AcademicYear(2020), term: .spring)
        // The same 500 of 10,000 (95.0%) in every drop: nothing moves against the autumn.
        let data = Self.data([lastSpring, autumn, spring], absent: [500, 500, 500])
        let changes = RatingChanges(data: data, drop: spring, config: RatingConfig())
        try #require(changes.changes.isEmpty)
        #expect(changes.fairlyComparedDrops == [autumn])
        #expect(
            changes.emptyMessage
                == "No rating changed since 2021/22 autumn. 2021/22 spring is not compared with 2020/21 "
                + "spring: 2019/20 and 2020/21 are pandemic years, whose figures were gathered differently "
                + "and are compared with no other year.")
    }

    @Test("a year after the pandemic is compared as before: no note")
    func afterThePandemic() {
        let summer2023 = DataDrop(year: AcademicYear(2022), term: .summer)
        let data = Self.data([Self.summer2022, summer2023], absent: [500, 500])
        let changes = RatingChanges(data: data, drop: summer2023, config: RatingConfig())
        #expect(changes.pandemicApart.isEmpty)
        #expect(changes.pandemicNote == nil)
        #expect(changes.emptyMessage == "No rating changed since 2021/22 summer.")
    }

    /// 2020/21 summer set beside 2020/21 spring: the same school year, so compared, but no
    /// figure of a pandemic year is rated against a benchmark. Attendance falls from 95.0%
    /// to 85.0%, which would turn red in any other year; "No rating changed since 2020/21
    /// spring" would read as good news, so the message says that none could.
    @Test func withinAPandemicYear() {
        let spring = DataDrop(year: AcademicYear(2020), term: .spring)
        let data = Self.data([spring, Self.summer2021], absent: [500, 1_500])
        let changes = RatingChanges(data: data, drop: Self.summer2021, config: RatingConfig())
        #expect(changes.changes.isEmpty)
        #expect(changes.fairlyComparedDrops == [spring])
        #expect(changes.ratedDrops.isEmpty)
        #expect(changes.noneRated(since: spring))
        #expect(
            changes.emptyMessage
                == "No figure of 2020/21 summer is rated, so no rating could change: 2020/21 is a pandemic "
                + "year, whose figures are never compared with national ones.")
        #expect(!changes.write(format: .text).contains("No rating changed"))
    }

    /// The dashboard's and the board pack's way in (every drop already rated) knows the same.
    @Test func fromRatedDrops() {
        let spring = DataDrop(year: AcademicYear(2020), term: .spring)
        let data = Self.data([spring, Self.summer2021], absent: [500, 1_500])
        func rated(_ drop: DataDrop) -> RatedDrop {
            RatedDrop(data: data, drop: drop, config: RatingConfig())
        }
        let changes = RatingChanges(
            current: rated(Self.summer2021), previous: rated(spring),
            lastYear: rated(Self.summer2021.sameTermLastYear),
            trustName: "Trust")
        #expect(changes.ratedDrops.isEmpty)
        #expect(changes.nothingChanged(since: [spring]).hasPrefix("No figure of 2020/21 summer is rated"))
        let later = Self.data(
            [Self.summer2022, DataDrop(year: AcademicYear(2022), term: .summer)], absent: [500, 500])
        let after = RatingChanges(
            current: RatedDrop(
                data: later, drop: DataDrop(year: AcademicYear(2022), term: .summer), config: RatingConfig()),
            previous: RatedDrop(
                data: later, drop: DataDrop(year: AcademicYear(2022), term: .spring), config: RatingConfig()),
            lastYear: RatedDrop(data: later, drop: Self.summer2022, config: RatingConfig()),
            trustName: "Trust")
        #expect(after.ratedDrops == [Self.summer2022, DataDrop(year: AcademicYear(2022), term: .summer)])
        #expect(after.nothingChanged(since: [Self.summer2022]) == "No rating changed since 2021/22 summer.")
    }
}

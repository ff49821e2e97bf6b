import Foundation
import Metrics
import Testing

@testable import TrustStore

/// The store's drops listed without reading their rows, and loading only some of them.
@Suite struct StoredDropsTests {
    /// Three drops, each with one kind of row: 2023/24 summer attainment (Elm), 2024/25
    /// autumn attendance (Oak) and 2024/25 spring scores (Elm). Ingested newest first, so
    /// the list's order cannot come from the order of ingest.
    private func threeDrops(_ store: TrustStore, _ sample: Sample) throws -> DataDrop {
        _ = try store.ingest(sample.academiesBatch())
        let summer = DataDrop(year: AcademicYear(2023), term: .summer)
        var builder = BatchBuilder()
        let scores = builder.file("scores.csv", .scores, rows: 1)
        builder.add(
            ScoreRecord(
                urn: sample.elm, drop: sample.spring, measure: .attainment8, cohort: 150, average: 48.5),
            file: scores, line: 2)
        let attendance = builder.file("attendance.csv", .attendance, rows: 1)
        builder.add(sample.oakAttendance(), file: attendance, line: 2)
        let attainment = builder.file("attainment.csv", .attainment, rows: 1)
        builder.add(sample.elmAttainment(summer), file: attainment, line: 2)
        _ = try store.ingest(builder.batch)
        return summer
    }

    @Test func everyDropOldestFirstWithoutReadingRows() throws {
        try withNewStore { store in
            let sample = try Sample()
            let summer = try threeDrops(store, sample)
            // 2023/24 summer comes before 2024/25 autumn, which comes before spring.
            #expect(try store.storedDrops() == [summer, sample.autumn, sample.spring])
            #expect(try store.storedDrops() == (try store.load().drops))
        }
    }

    @Test func aStoreWithoutRowsHasNoDrops() throws {
        try withNewStore { store in
            let sample = try Sample()
            #expect(try store.storedDrops().isEmpty)
            _ = try store.ingest(sample.academiesBatch())
            #expect(try store.storedDrops().isEmpty)
        }
    }

    /// Two kinds in one drop and one kind in two drops: each drop listed once.
    @Test func aDropWithRowsOfSeveralKindsIsListedOnce() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            let attendance = builder.file("attendance.csv", .attendance, rows: 2)
            builder.add(sample.oakAttendance(), file: attendance, line: 2)
            builder.add(sample.oakAttendance(sample.spring), file: attendance, line: 3)
            let attainment = builder.file("attainment.csv", .attainment, rows: 1)
            builder.add(sample.elmAttainment(), file: attainment, line: 2)
            _ = try store.ingest(builder.batch)
            #expect(try store.storedDrops() == [sample.autumn, sample.spring])
        }
    }

    /// Loading only the latest drop gives the records, and so the figures, that loading
    /// every drop gives for it: Oak's spring attendance is 2,000 of 20,000 sessions missed,
    /// 90.0% attendance, whether autumn is loaded beside it or not.
    @Test func loadingOnlyTheLatestDropGivesItsFiguresAsLoadingAll() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            let attendance = builder.file("attendance.csv", .attendance, rows: 2)
            builder.add(sample.oakAttendance(), file: attendance, line: 2)
            builder.add(sample.oakAttendance(sample.spring, absent: 2_000), file: attendance, line: 3)
            _ = try store.ingest(builder.batch)

            let latest = try #require(try store.storedDrops().last)
            #expect(latest == sample.spring)
            let some = try store.load(drops: [latest])
            let all = try store.load()
            #expect(some.attendance == [sample.oakAttendance(sample.spring, absent: 2_000)])
            #expect(some.attendance == all.attendance.filter { $0.drop == latest })

            let figure = { (data: TrustData) in
                FigureCalculator(data: data).figures(of: sample.oak, in: latest).first {
                    $0.kpi == .attendanceRate && $0.group == .all && $0.yearGroup == .all
                }
            }
            let alone = try #require(figure(some))
            #expect(alone.numerator == 18_000)
            #expect(alone.denominator == 20_000)
            #expect(alone == figure(all))
        }
    }
}

import Foundation
import Metrics
import Testing

@testable import TrustStore

/// Loading chosen drops, when each drop was ingested, and the drop listing.
@Suite struct LoadTests {
    /// Autumn (ingested in December): Oak attendance in two groups, Elm attainment.
    /// Spring (ingested in January): Oak attendance, Elm attainment and a score.
    /// Both drops' files also list a second academy's row so that academy counts differ.
    private func twoDrops(_ store: TrustStore, _ sample: Sample) throws {
        _ = try store.ingest(sample.academiesBatch(), at: Times.december)

        var autumn = BatchBuilder()
        let autumnAttendance = autumn.file("attendance-autumn.csv", .attendance, rows: 2)
        autumn.add(sample.oakAttendance(), file: autumnAttendance, line: 2)
        var disadvantaged = sample.oakAttendance()
        disadvantaged.group = .disadvantaged
        disadvantaged.pupils = 50
        autumn.add(disadvantaged, file: autumnAttendance, line: 3)
        let autumnAttainment = autumn.file("attainment-autumn.csv", .attainment, rows: 1)
        autumn.add(sample.elmAttainment(), file: autumnAttainment, line: 2)
        _ = try store.ingest(autumn.batch, at: Times.december)

        var spring = BatchBuilder()
        let springAttendance = spring.file("attendance-spring.csv", .attendance, rows: 1)
        spring.add(sample.oakAttendance(sample.spring, absent: 2_000), file: springAttendance, line: 2)
        let springAttainment = spring.file("attainment-spring.csv", .attainment, rows: 1)
        spring.add(sample.elmAttainment(sample.spring), file: springAttainment, line: 2)
        let springScores = spring.file("scores-spring.csv", .scores, rows: 1)
        spring.add(
            ScoreRecord(
                urn: sample.elm, drop: sample.spring, measure: .attainment8, cohort: 150, average: 48.5),
            file: springScores, line: 2)
        _ = try store.ingest(spring.batch, at: Times.january)
    }

    @Test func loadingOneDropLeavesOutTheOthers() throws {
        try withNewStore { store in
            let sample = try Sample()
            try twoDrops(store, sample)
            let autumn = try store.load(drops: [sample.autumn])
            #expect(autumn.attendance.count == 2)
            #expect(autumn.attendance.allSatisfy { $0.drop == sample.autumn })
            #expect(autumn.attainment == [sample.elmAttainment()])
            #expect(autumn.scores.isEmpty)
            #expect(autumn.ingestedAt == [sample.autumn: "5 Dec 2025 09:05"])
            // Academies and benchmarks come whatever the drops.
            #expect(autumn.academies.count == 2)
            #expect(autumn.benchmarks.count == BuiltInBenchmarks.all.count)

            let spring = try store.load(drops: [sample.spring])
            #expect(spring.attendance == [sample.oakAttendance(sample.spring, absent: 2_000)])
            #expect(spring.scores.count == 1)
            #expect(spring.ingestedAt == [sample.spring: "20 Jan 2026 16:30"])
        }
    }

    @Test func loadingAllDropsOrNone() throws {
        try withNewStore { store in
            let sample = try Sample()
            try twoDrops(store, sample)
            let all = try store.load()
            #expect(all.attendance.count == 3)
            #expect(all.attainment.count == 2)
            #expect(all.scores.count == 1)
            #expect(all.drops == [sample.autumn, sample.spring])
            #expect(
                all.ingestedAt == [sample.autumn: "5 Dec 2025 09:05", sample.spring: "20 Jan 2026 16:30"])
            // Drop order first: the autumn rows come before the spring row.
            #expect(all.attendance.map(\.drop) == [sample.autumn, sample.autumn, sample.spring])

            let both = try store.load(drops: [sample.autumn, sample.spring])
            #expect(Set(both.attendance) == Set(all.attendance))

            let none = try store.load(drops: [])
            #expect(none.attendance.isEmpty)
            #expect(none.attainment.isEmpty)
            #expect(none.ingestedAt.isEmpty)
            #expect(none.academies.count == 2)

            let elsewhere = try store.load(drops: [DataDrop(year: AcademicYear(2019), term: .summer)])
            #expect(elsewhere.attendance.isEmpty)
        }
    }

    /// A correction to one autumn row ingested in March makes autumn's time March, though
    /// the autumn row read first still comes from December.
    @Test func aDropsTimeIsItsLatestFile() throws {
        try withNewStore { store in
            let sample = try Sample()
            try twoDrops(store, sample)
            var builder = BatchBuilder()
            let file = builder.file("attendance-autumn-fixed.csv", .attendance, rows: 1)
            var disadvantaged = sample.oakAttendance(absent: 999)
            disadvantaged.group = .disadvantaged
            disadvantaged.pupils = 50
            builder.add(disadvantaged, file: file, line: 3)
            _ = try store.ingest(builder.batch, at: Times.march)
            let data = try store.load()
            #expect(data.ingestedAt[sample.autumn] == "14 Mar 2026 10:42")
            #expect(data.ingestedAt[sample.spring] == "20 Jan 2026 16:30")
        }
    }

    @Test func dropListingNewestFirst() throws {
        try withNewStore { store in
            let sample = try Sample()
            try twoDrops(store, sample)
            let listing = try store.dropListing()
            #expect(listing.map(\.drop) == [sample.spring, sample.autumn])

            let spring = try #require(listing.first)
            #expect(spring.academies == 2)
            #expect(spring.attendanceRows == 1)
            #expect(spring.attainmentRows == 1)
            #expect(spring.scoreRows == 1)
            #expect(
                spring.files.map(\.name) == [
                    "attendance-spring.csv", "attainment-spring.csv", "scores-spring.csv",
                ])
            #expect(spring.files.allSatisfy { $0.ingestedAt == Times.january })

            let autumn = try #require(listing.last)
            #expect(autumn.academies == 2)
            #expect(autumn.attendanceRows == 2)
            #expect(autumn.attainmentRows == 1)
            #expect(autumn.scoreRows == 0)
            #expect(autumn.files.map(\.name) == ["attendance-autumn.csv", "attainment-autumn.csv"])
            #expect(autumn.files.first?.kind == .attendance)
            #expect(autumn.files.first?.rows == 2)
            #expect(autumn.files.first?.bytes == 200)
            #expect(
                autumn.description
                    == "2024/25 autumn: 2 academies, 2 attendance, 1 attainment, 0 score rows; from "
                    + "attendance-autumn.csv (5 Dec 2025 09:05), attainment-autumn.csv (5 Dec 2025 09:05)")
        }
    }

    @Test func oneAcademyWithRowsOfEveryKindCountsOnce() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            let attendance = builder.file("attendance.csv", .attendance, rows: 1)
            builder.add(sample.oakAttendance(), file: attendance, line: 2)
            let attainment = builder.file("attainment.csv", .attainment, rows: 1)
            builder.add(
                AttainmentRecord(
                    urn: sample.oak, drop: sample.autumn, subject: .gld, cohort: 30, expected: 20),
                file: attainment, line: 2)
            _ = try store.ingest(builder.batch)
            #expect(try store.dropListing().map(\.academies) == [1])
        }
    }

    @Test func knownURNsAreTheStoredAcademies() throws {
        try withNewStore { store in
            let sample = try Sample()
            #expect(try store.knownURNs().isEmpty)
            _ = try store.ingest(sample.academiesBatch())
            #expect(try store.knownURNs() == [sample.oak, sample.elm])
        }
    }

    @Test(arguments: [
        (0.0, "1 Jan 1970 00:00"),
        (1_709_251_199, "29 Feb 2024 23:59"),
        (951_868_800, "1 Mar 2000 00:00"),
        (1_764_925_500, "5 Dec 2025 09:05"),
        (1_773_484_957, "14 Mar 2026 10:42"),
        (-60, "31 Dec 1969 23:59"),
    ])
    func ingestTimesAreWrittenInUTC(seconds: Double, text: String) {
        #expect(IngestTime.text(Date(timeIntervalSince1970: seconds)) == text)
    }
}

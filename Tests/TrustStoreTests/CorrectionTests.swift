import Foundation
import Metrics
import Testing

@testable import TrustStore

/// A later batch that repeats a key replaces the stored value, and history keeps the old one.
@Suite struct CorrectionTests {
    /// Oak's autumn attendance from `name`, with `absent` sessions, on `line`.
    private func attendanceBatch(_ sample: Sample, name: String, absent: Int, line: Int) -> DropBatch {
        var builder = BatchBuilder()
        let file = builder.file(name, .attendance, rows: 1)
        builder.add(sample.oakAttendance(absent: absent), file: file, line: line)
        return builder.batch
    }

    @Test func aChangedValueReplacesTheOldOneAndHistoryKeepsIt() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            _ = try store.ingest(
                attendanceBatch(sample, name: "attendance-v1.csv", absent: 1_000, line: 2), at: Times.december
            )
            let outcome = try store.ingest(
                attendanceBatch(sample, name: "attendance-v2.csv", absent: 1_200, line: 5), at: Times.january)

            #expect(outcome.files.count == 1)
            #expect(outcome.files.first?.replaced == 1)
            #expect(outcome.files.first?.inserted == 0)
            #expect(outcome.files.first?.unchanged == 0)
            #expect(outcome.files.first?.alreadyKnown == false)
            #expect(try store.load().attendance == [sample.oakAttendance(absent: 1_200)])

            let history = try store.history(urn: sample.oak)
            #expect(history.count == 1)
            let entry = try #require(history.first)
            #expect(entry.replaced == .attendance(sample.oakAttendance(absent: 1_000)))
            #expect(entry.source.name == "attendance-v1.csv")
            #expect(entry.sourceLine == 2)
            #expect(entry.source.ingestedAt == Times.december)
            #expect(entry.replacedBy.name == "attendance-v2.csv")
            #expect(entry.replacedByLine == 5)
            #expect(entry.replacedBy.ingestedAt == Times.january)
            #expect(try store.history(urn: sample.elm).isEmpty)
        }
    }

    @Test func correctionsChainInOrder() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            for (version, absent) in [(1, 1_000), (2, 1_100), (3, 1_050)] {
                _ = try store.ingest(
                    attendanceBatch(sample, name: "attendance-v\(version).csv", absent: absent, line: 2))
            }
            let history = try store.history()
            #expect(
                history.map(\.replaced)
                    == [1_000, 1_100].map { .attendance(sample.oakAttendance(absent: $0)) })
            #expect(history.map(\.source.name) == ["attendance-v1.csv", "attendance-v2.csv"])
            #expect(history.map(\.replacedBy.name) == ["attendance-v2.csv", "attendance-v3.csv"])
            #expect(try store.load().attendance == [sample.oakAttendance(absent: 1_050)])
        }
    }

    /// One changed row and one identical row: the identical one keeps its first file.
    @Test func onlyChangedRowsMoveToTheNewFile() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var first = BatchBuilder()
            let v1 = first.file("drop-v1.csv", .attainment, rows: 2)
            first.add(sample.elmAttainment(), file: v1, line: 2)
            first.add(sample.elmAttainment(sample.spring), file: v1, line: 3)
            _ = try store.ingest(first.batch, at: Times.december)

            var second = BatchBuilder()
            let v2 = second.file("drop-v2.csv", .attainment, rows: 2)
            second.add(sample.elmAttainment(), file: v2, line: 2)
            second.add(sample.elmAttainment(sample.spring, expected: 25), file: v2, line: 3)
            let outcome = try store.ingest(second.batch, at: Times.january)
            #expect(outcome.files.first?.replaced == 1)
            #expect(outcome.files.first?.unchanged == 1)

            let listing = try store.dropListing()
            #expect(listing.map(\.drop) == [sample.spring, sample.autumn])
            #expect(listing.map { $0.files.map(\.name) } == [["drop-v2.csv"], ["drop-v1.csv"]])
            let data = try store.load()
            #expect(data.ingestedAt[sample.autumn] == "5 Dec 2025 09:05")
            #expect(data.ingestedAt[sample.spring] == "20 Jan 2026 16:30")
        }
    }

    @Test func anAcademyCorrectionIsKept() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            let file = builder.file("academies-2.csv", .academies, rows: 1)
            var renamed = sample.oakAcademy
            renamed.name = "Oak Church of England Primary Academy"
            renamed.ofsted = .outstanding
            renamed.sil = nil
            builder.add(renamed, file: file, line: 4)
            let outcome = try store.ingest(builder.batch)
            #expect(outcome.replaced == 1)
            #expect(try store.load().academies == [renamed, sample.elmAcademy])
            let history = try store.history(urn: sample.oak)
            #expect(history.map(\.replaced) == [.academy(sample.oakAcademy)])
            #expect(history.first?.replacedByLine == 4)
        }
    }

    /// A user's benchmark with the key of a built-in one replaces it; history names the
    /// built-in figures as the source, and only the unfiltered history shows it.
    @Test func aUserBenchmarkReplacesABuiltInOne() throws {
        try withNewStore { store in
            let sample = try Sample()
            let builtIn = try #require(
                BuiltInBenchmarks.all.first {
                    $0.kpi == .expected(.rwm) && $0.year.start == 2023 && $0.group == .all
                })
            var corrected = builtIn
            corrected.value = 60.7
            corrected.source = "DfE revised"
            var builder = BatchBuilder()
            let file = builder.file("benchmarks.csv", .benchmarks, rows: 1)
            builder.add(corrected, file: file, line: 2)
            let outcome = try store.ingest(builder.batch)
            // Replacing a built-in figure is not a correction of the trust's own data.
            #expect(outcome.replacedBuiltIn == 1)
            #expect(outcome.replaced == 0)
            #expect(outcome.unchanged == 0)

            let benchmarks = try store.load().benchmarks
            #expect(benchmarks.count == BuiltInBenchmarks.all.count)
            #expect(benchmarks.contains(corrected))
            #expect(!benchmarks.contains(builtIn))

            let history = try store.history()
            #expect(history.map(\.replaced) == [.benchmark(builtIn)])
            #expect(history.first?.source.name == TrustStore.builtInFileName)
            #expect(history.first?.source.sha256 == "")
            #expect(try store.history(urn: sample.oak).isEmpty)
        }
    }

    /// A user's benchmark identical to a built-in one is counted apart: it is not one of
    /// the user's rows left unchanged, and it changes no row.
    @Test func aUserBenchmarkEqualToABuiltInOneIsCountedApart() throws {
        try withNewStore { store in
            let builtIn = try #require(BuiltInBenchmarks.all.first)
            var builder = BatchBuilder()
            let file = builder.file("benchmarks.csv", .benchmarks, rows: 1)
            builder.add(builtIn, file: file, line: 2)
            let outcome = try store.ingest(builder.batch)
            #expect(outcome.sameAsBuiltIn == 1)
            #expect(outcome.unchanged == 0)
            #expect(outcome.inserted == 0)
            #expect(outcome.replaced == 0)
            // No row changed, so nothing went into the history.
            #expect(outcome.files.first?.changedNothing == true)
            #expect(try store.history().isEmpty)
        }
    }

    @Test func aScoreCorrectionKeepsTheExactOldAverage() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let old = ScoreRecord(
                urn: sample.elm, drop: sample.autumn, yearGroup: .year(11), measure: .progress8, cohort: 150,
                average: -0.12)
            var new = old
            new.average = 0.08
            for (name, record) in [("scores-1.csv", old), ("scores-2.csv", new)] {
                var builder = BatchBuilder()
                let file = builder.file(name, .scores, rows: 1)
                builder.add(record, file: file, line: 2)
                _ = try store.ingest(builder.batch)
            }
            #expect(try store.history(urn: sample.elm).map(\.replaced) == [.score(old)])
            #expect(try store.load().scores == [new])
        }
    }
}

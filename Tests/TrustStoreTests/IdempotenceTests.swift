import Foundation
import Metrics
import Testing

@testable import TrustStore

/// Ingesting the same files again changes nothing.
@Suite struct IdempotenceTests {
    /// Academies, Oak's attendance and Elm's attainment, in three files.
    private func fullBatch(_ sample: Sample) -> DropBatch {
        var builder = BatchBuilder()
        let academies = builder.file("academies.csv", .academies, rows: 2)
        builder.add(sample.oakAcademy, file: academies, line: 2)
        builder.add(sample.elmAcademy, file: academies, line: 3)
        let attendance = builder.file("attendance.csv", .attendance, rows: 1)
        builder.add(sample.oakAttendance(), file: attendance, line: 2)
        let attainment = builder.file("attainment.csv", .attainment, rows: 1)
        builder.add(sample.elmAttainment(), file: attainment, line: 2)
        return builder.batch
    }

    @Test func theSameBatchTwiceChangesNothing() throws {
        try withNewStore { store in
            let sample = try Sample()
            let first = try store.ingest(fullBatch(sample), at: Times.december)
            #expect(first.files.map(\.inserted) == [2, 1, 1])
            #expect(first.files.map(\.alreadyKnown) == [false, false, false])
            let before = try dump(store)
            let bytes = fileBytes(store)

            let second = try store.ingest(fullBatch(sample), at: Times.january)
            #expect(second.files.map(\.unchanged) == [2, 1, 1])
            #expect(second.inserted == 0)
            #expect(second.replaced == 0)
            #expect(second.files.map(\.alreadyKnown) == [true, true, true])
            #expect(second.changedNothing)
            #expect(try dump(store) == before)
            #expect(fileBytes(store) == bytes)
            // The built-in figures plus the three files; two ingests.
            #expect(try count("files", in: store) == 4)
            #expect(try count("ingests", in: store) == 2)
            #expect(try store.load().ingestedAt[sample.autumn] == "5 Dec 2025 09:05")
        }
    }

    /// A known file that changes nothing is not recorded again; a new file beside it is.
    @Test func aKnownFileBesideANewOneIsNotRecordedAgain() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(fullBatch(sample))
            var batch = fullBatch(sample)
            let scores = batch.files.count
            batch.files.append(
                DropFileSummary(name: "scores.csv", sha256: Sample.sha("scores"), kind: .scores, rows: 1))
            batch.scores = [
                Sourced(
                    ScoreRecord(
                        urn: sample.elm, drop: sample.autumn, measure: .attainment8, cohort: 150,
                        average: 47.2),
                    file: scores, line: 2)
            ]
            let outcome = try store.ingest(batch)
            #expect(outcome.files.map(\.recorded) == [false, false, false, true])
            #expect(outcome.files.last?.inserted == 1)
            #expect(!outcome.changedNothing)
            #expect(try count("files", in: store) == 5)
            #expect(try count("ingests", in: store) == 3)
        }
    }

    /// A known academies file is compared with the stored academies before anything is
    /// written: after another file renamed one academy, the old file renames it back and is
    /// recorded; sent once more, it changes nothing and is not recorded.
    @Test func aKnownAcademiesFileIsRecordedOnlyWhenItChangesAnAcademy() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(fullBatch(sample))
            var renamed = sample.oakAcademy
            renamed.name = "Oak Hill Academy"
            var builder = BatchBuilder()
            let file = builder.file("academies-renamed.csv", .academies, rows: 1)
            builder.add(renamed, file: file, line: 2)
            _ = try store.ingest(builder.batch)
            #expect(try store.load().academies.first { $0.urn == sample.oak }?.name == "Oak Hill Academy")
            // The built-in figures, the three files and the renaming file.
            #expect(try count("files", in: store) == 5)

            let back = try store.ingest(fullBatch(sample))
            // Oak's name is put back; Elm is as stored.
            #expect(back.files[0].replaced == 1)
            #expect(back.files[0].unchanged == 1)
            #expect(back.files.map(\.recorded) == [true, false, false])
            #expect(try store.load().academies.first { $0.urn == sample.oak }?.name == sample.oakAcademy.name)
            #expect(try count("files", in: store) == 6)

            let again = try store.ingest(fullBatch(sample))
            #expect(again.files[0].unchanged == 2)
            #expect(again.files.map(\.recorded) == [false, false, false])
            #expect(again.changedNothing)
            #expect(try count("files", in: store) == 6)
        }
    }

    /// Re-ingesting an old file after a correction puts its values back: it changes rows, so
    /// it is recorded again even though its hash is known.
    @Test func aKnownFileThatChangesRowsIsRecorded() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            func batch(_ name: String, absent: Int) -> DropBatch {
                var builder = BatchBuilder()
                let file = builder.file(name, .attendance, rows: 1)
                builder.add(sample.oakAttendance(absent: absent), file: file, line: 2)
                return builder.batch
            }
            _ = try store.ingest(batch("v1.csv", absent: 1_000))
            _ = try store.ingest(batch("v2.csv", absent: 1_300))
            let outcome = try store.ingest(batch("v1.csv", absent: 1_000))
            #expect(outcome.files.first?.alreadyKnown == true)
            #expect(outcome.files.first?.replaced == 1)
            #expect(outcome.files.first?.recorded == true)
            #expect(try store.load().attendance == [sample.oakAttendance(absent: 1_000)])
            #expect(try count("files", in: store) == 5)
            #expect(try store.history().map(\.replacedBy.name) == ["v2.csv", "v1.csv"])
        }
    }

    /// A file with a new hash but the same rows (saved again, say) is recorded, changing no row.
    @Test func aNewFileWithTheSameRowsIsRecordedButChangesNoRow() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            let file = builder.file("academies.csv", .academies, rows: 2, content: "academies, saved again")
            builder.add(sample.oakAcademy, file: file, line: 2)
            builder.add(sample.elmAcademy, file: file, line: 3)
            let outcome = try store.ingest(builder.batch)
            #expect(outcome.files.first?.unchanged == 2)
            #expect(outcome.files.first?.alreadyKnown == false)
            #expect(outcome.files.first?.recorded == true)
            #expect(try count("files", in: store) == 3)
            #expect(try count("history", in: store) == 0)
        }
    }

    @Test func anEmptyBatchChangesNothing() throws {
        try withNewStore { store in
            let before = try dump(store)
            let outcome = try store.ingest(DropBatch())
            #expect(outcome.files.isEmpty)
            #expect(outcome.changedNothing)
            #expect(try dump(store) == before)
        }
    }
}

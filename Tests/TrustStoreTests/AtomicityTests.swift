import Foundation
import Metrics
import Testing

@testable import TrustStore

/// One batch, all or nothing: a batch that fails leaves the store exactly as it was.
@Suite struct AtomicityTests {
    /// A store holding the academies and Oak's autumn attendance, and its dump.
    private func seeded(_ store: TrustStore, _ sample: Sample) throws -> String {
        var builder = BatchBuilder()
        let file = builder.file("attendance-autumn.csv", .attendance, rows: 1)
        builder.add(sample.oakAttendance(), file: file, line: 2)
        _ = try store.ingest(sample.academiesBatch())
        _ = try store.ingest(builder.batch)
        return try dump(store)
    }

    /// A batch that would add Ash in its first file and Oak's spring attendance in its second.
    private func twoFileBatch(_ sample: Sample, spring: AttendanceRecord) -> DropBatch {
        var builder = BatchBuilder()
        let academies = builder.file("new-academies.csv", .academies, rows: 1)
        builder.add(Academy(urn: sample.ash, name: "Ash Academy", phase: .special), file: academies, line: 2)
        let attendance = builder.file("attendance-spring.csv", .attendance, rows: 2)
        builder.add(sample.oakAttendance(sample.spring), file: attendance, line: 2)
        builder.add(spring, file: attendance, line: 3)
        return builder.batch
    }

    @Test func invalidBatchIsRefusedWithoutTouchingTheFile() throws {
        try withNewStore { store in
            let sample = try Sample()
            let before = try seeded(store, sample)
            let bytes = fileBytes(store)
            var batch = twoFileBatch(sample, spring: sample.oakAttendance(sample.spring, absent: 5))
            batch.issues = [
                DropIssue(
                    .warning, file: "attendance-spring.csv", column: "notes", problem: "unknown column"),
                DropIssue(
                    .error, file: "attendance-spring.csv", line: 3, column: "term", value: "winter",
                    problem: "unknown term"),
            ]
            #expect(throws: StoreError.invalidBatch(errors: 1)) { try store.ingest(batch) }
            #expect(try dump(store) == before)
            #expect(fileBytes(store) == bytes)
            #expect(try store.knownURNs() == [sample.oak, sample.elm])
        }
    }

    @Test func warningsAloneDoNotStopAnIngest() throws {
        try withNewStore { store in
            let sample = try Sample()
            var batch = sample.academiesBatch()
            batch.issues = [
                DropIssue(.warning, file: "academies.csv", column: "notes", problem: "unknown column")
            ]
            let outcome = try store.ingest(batch)
            #expect(outcome.inserted == 2)
        }
    }

    /// The second row of the second file breaks a CHECK (more absent sessions than possible):
    /// the academy from the first file and the first row of the second must not land.
    @Test func aRowRefusedMidBatchRollsBackEverything() throws {
        try withNewStore { store in
            let sample = try Sample()
            let before = try seeded(store, sample)
            let broken = AttendanceRecord(
                urn: sample.oak, drop: sample.spring, group: .boys, pupils: 100, possibleSessions: 10,
                absentSessions: 11, persistentAbsentees: 0)
            let batch = twoFileBatch(sample, spring: broken)
            #expect {
                try store.ingest(batch)
            } throws: { error in
                guard case .rowRefused(let file, let line, let reason) = error as? StoreError else {
                    return false
                }
                return file == "attendance-spring.csv" && line == 3
                    && reason.contains("CHECK constraint failed")
            }
            #expect(try dump(store) == before)
            #expect(try store.knownURNs() == [sample.oak, sample.elm])
            #expect(try store.load().attendance == [sample.oakAttendance()])
        }
    }

    /// A row naming an academy the store does not know breaks a foreign key.
    @Test func aRowForAnUnknownAcademyRollsBackEverything() throws {
        try withNewStore { store in
            let sample = try Sample()
            let before = try seeded(store, sample)
            let stranger = try #require(URN(999_999))
            let orphan = AttendanceRecord(
                urn: stranger, drop: sample.spring, pupils: 10, possibleSessions: 100, absentSessions: 5,
                persistentAbsentees: 0)
            #expect {
                try store.ingest(twoFileBatch(sample, spring: orphan))
            } throws: { error in
                guard case .rowRefused(_, let line, let reason) = error as? StoreError else { return false }
                return line == 3 && reason.contains("FOREIGN KEY")
            }
            #expect(try dump(store) == before)
        }
    }

    @Test func aRecordNamingNoFileOfTheBatchIsRefused() throws {
        try withNewStore { store in
            let sample = try Sample()
            let before = try seeded(store, sample)
            var batch = twoFileBatch(sample, spring: sample.oakAttendance(sample.spring, absent: 5))
            batch.scores = [
                Sourced(
                    ScoreRecord(
                        urn: sample.oak, drop: sample.spring, measure: .mtcAverage, cohort: 30, average: 20.1),
                    file: 2, line: 7)
            ]
            #expect(throws: StoreError.recordWithoutFile(table: "scores", line: 7, fileIndex: 2)) {
                try store.ingest(batch)
            }
            #expect(try dump(store) == before)
        }
    }

    @Test func theSameBatchWithoutTheBrokenRowIsStored() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try seeded(store, sample)
            let fine = AttendanceRecord(
                urn: sample.oak, drop: sample.spring, group: .boys, pupils: 100, possibleSessions: 10,
                absentSessions: 10, persistentAbsentees: 0)
            let outcome = try store.ingest(twoFileBatch(sample, spring: fine))
            #expect(outcome.files.map(\.inserted) == [1, 2])
            #expect(try store.knownURNs() == [sample.oak, sample.elm, sample.ash])
        }
    }
}

import Foundation
import Metrics
import Testing

@testable import TrustStore

/// A drop the store holds nothing of is written with plain inserts; what an upsert did for
/// it must still happen.
@Suite struct FreshDropTests {
    /// Two rows with one key in a drop new to the store (a batch `DropReader` would refuse,
    /// made by hand): the second corrects the first, with history, as it does for a drop
    /// stored before.
    @Test func aKeyGivenTwiceInANewDropIsCorrectedByItsSecondRow() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            let file = builder.file("attendance-autumn.csv", .attendance, rows: 2)
            builder.add(sample.oakAttendance(absent: 1_000), file: file, line: 2)
            builder.add(sample.oakAttendance(absent: 1_200), file: file, line: 3)
            let outcome = try store.ingest(builder.batch)
            #expect(outcome.inserted == 1)
            #expect(outcome.replaced == 1)
            #expect(try store.load().attendance.map(\.absentSessions) == [1_200])
            let history = try store.history()
            #expect(history.map(\.replaced) == [.attendance(sample.oakAttendance(absent: 1_000))])
            #expect(history.map(\.sourceLine) == [2])
            #expect(history.map(\.replacedByLine) == [3])
        }
    }

    /// A row for an academy the store does not know, in a new drop, is still refused by the
    /// foreign key, at its own line, and nothing of the batch is stored.
    @Test func aRowForAnUnknownAcademyInANewDropIsRefused() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let before = try dump(store)
            var stranger = sample.oakAttendance()
            stranger.urn = try #require(URN(999_999))
            var builder = BatchBuilder()
            let file = builder.file("attendance-autumn.csv", .attendance, rows: 2)
            builder.add(sample.oakAttendance(), file: file, line: 2)
            builder.add(stranger, file: file, line: 3)
            #expect {
                try store.ingest(builder.batch)
            } throws: { error in
                guard case .rowRefused(let name, let line, let reason) = error as? StoreError else {
                    return false
                }
                return name == "attendance-autumn.csv" && line == 3 && reason.contains("FOREIGN KEY")
            }
            #expect(try dump(store) == before)
        }
    }

    /// A batch with rows of a drop the store holds and of one it does not: the first are
    /// compared with what is stored, the second are new.
    @Test func aBatchOfAStoredDropAndANewOneCountsEach() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var first = BatchBuilder()
            let autumn = first.file("attendance-autumn.csv", .attendance, rows: 1)
            first.add(sample.oakAttendance(sample.autumn), file: autumn, line: 2)
            _ = try store.ingest(first.batch)
            var second = BatchBuilder()
            let both = second.file("attendance-both.csv", .attendance, rows: 3)
            second.add(sample.oakAttendance(sample.autumn), file: both, line: 2)
            second.add(sample.oakAttendance(sample.spring, absent: 900), file: both, line: 3)
            var elm = sample.oakAttendance(sample.autumn, absent: 700)
            elm.urn = sample.elm
            second.add(elm, file: both, line: 4)
            let outcome = try store.ingest(second.batch)
            // Oak's autumn row is the stored one; Elm's autumn row and Oak's spring row are new.
            #expect(outcome.files.map(\.unchanged) == [1])
            #expect(outcome.files.map(\.inserted) == [2])
            #expect(try store.load().attendance.count == 3)
        }
    }
}

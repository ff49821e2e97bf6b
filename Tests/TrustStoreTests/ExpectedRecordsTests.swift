import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// How many records `TrustStore.load` makes room for (`ExpectedRecords`): the rows of the
/// files that came with a drop's attendance, each file once, and the drop's rows counted
/// where those files give none of the kind.
@Suite struct ExpectedRecordsTests {
    /// The estimate of `kind` for `drops`, and the rows the store holds of it.
    private func expectedAndStored(_ store: TrustStore, _ kind: DropRecordKind, _ drops: [DataDrop]) throws
        -> (expected: Int, stored: Int)
    {
        try store.reading { db in
            let keys = drops.map { ($0.year.start.databaseValue, $0.term.rawValue.databaseValue) }
            let expected = try ExpectedRecords(db).count(db, of: kind, in: keys)
            let stored = try keys.reduce(0) { try $0 + ExpectedRecords.countRows(db, of: kind, $1) }
            return (expected, stored)
        }
    }

    /// Oak's attendance for all pupils and the disadvantaged of `drop`, in `builder`'s
    /// file `file`.
    private func addAttendance(_ sample: Sample, _ drop: DataDrop, to builder: inout BatchBuilder, file: Int)
    {
        builder.add(sample.oakAttendance(drop), file: file, line: 2)
        var disadvantaged = sample.oakAttendance(drop)
        disadvantaged.group = .disadvantaged
        builder.add(disadvantaged, file: file, line: 3)
    }

    /// A drop sent whole, one file of each kind: as many as stored.
    @Test func aDropSentWholeExpectsItsRows() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            var builder = BatchBuilder()
            let attendance = builder.file("attendance.csv", .attendance, rows: 2)
            addAttendance(sample, sample.spring, to: &builder, file: attendance)
            let attainment = builder.file("attainment.csv", .attainment, rows: 3)
            for (line, subject) in [Subject.rwm, .writing].enumerated() {
                builder.add(
                    AttainmentRecord(
                        urn: sample.oak, drop: sample.spring, yearGroup: .year(6), subject: subject,
                        cohort: 30,
                        expected: 20),
                    file: attainment, line: line + 2)
            }
            builder.add(sample.elmAttainment(sample.spring), file: attainment, line: 4)
            _ = try store.ingest(builder.batch, at: Times.january)
            #expect(try expectedAndStored(store, .attendance, [sample.spring]) == (2, 2))
            #expect(try expectedAndStored(store, .attainment, [sample.spring]) == (3, 3))
            // No scores file came, and none is stored: counted, none.
            #expect(try expectedAndStored(store, .scores, [sample.spring]) == (0, 0))
        }
    }

    /// One file holding two drops is counted once for both, and whole for either alone: no
    /// fewer than stored.
    @Test func aFileOfTwoDropsIsCountedOnce() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            var builder = BatchBuilder()
            let attendance = builder.file("attendance.csv", .attendance, rows: 4)
            addAttendance(sample, sample.autumn, to: &builder, file: attendance)
            addAttendance(sample, sample.spring, to: &builder, file: attendance)
            let attainment = builder.file("attainment.csv", .attainment, rows: 2)
            builder.add(sample.elmAttainment(sample.autumn), file: attainment, line: 2)
            builder.add(sample.elmAttainment(sample.spring), file: attainment, line: 3)
            _ = try store.ingest(builder.batch, at: Times.january)
            #expect(try expectedAndStored(store, .attendance, [sample.autumn, sample.spring]) == (4, 4))
            #expect(try expectedAndStored(store, .attendance, [sample.spring]) == (4, 2))
            #expect(try expectedAndStored(store, .attainment, [sample.autumn, sample.spring]) == (2, 2))
        }
    }

    /// Attainment sent in a later ingest than the drop's attendance is counted row by row;
    /// a corrected attendance file adds its rows to the first file's, more than stored.
    @Test func aKindSentOnItsOwnIsCounted() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            var first = BatchBuilder()
            let attendance = first.file("attendance.csv", .attendance, rows: 2)
            addAttendance(sample, sample.spring, to: &first, file: attendance)
            _ = try store.ingest(first.batch, at: Times.january)
            var later = BatchBuilder()
            let attainment = later.file("attainment.csv", .attainment, rows: 1)
            later.add(sample.elmAttainment(sample.spring), file: attainment, line: 2)
            let corrected = later.file("attendance-corrected.csv", .attendance, rows: 1)
            later.add(sample.oakAttendance(sample.spring, absent: 900), file: corrected, line: 2)
            _ = try store.ingest(later.batch, at: Times.march)
            // The later ingest gave Oak's attendance too, and with it a file of attainment.
            #expect(try expectedAndStored(store, .attainment, [sample.spring]) == (1, 1))
            #expect(try expectedAndStored(store, .attendance, [sample.spring]) == (3, 2))
            var alone = BatchBuilder()
            let scores = alone.file("scores.csv", .scores, rows: 1)
            alone.add(
                ScoreRecord(
                    urn: sample.elm, drop: sample.spring, yearGroup: .year(11), measure: .attainment8,
                    cohort: 150,
                    average: 45),
                file: scores, line: 2)
            _ = try store.ingest(alone.batch, at: Times.march.addingTimeInterval(60))
            #expect(try expectedAndStored(store, .scores, [sample.spring]) == (1, 1))
        }
    }

    /// A drop with no attendance, and published figures, which no file kind gives, are
    /// counted row by row.
    @Test func publishedFiguresAreCounted() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            var builder = BatchBuilder()
            let attainment = builder.file("attainment.csv", .attainment, rows: 3)
            builder.add(sample.elmAttainment(sample.spring), file: attainment, line: 2)
            var batch = builder.batch
            batch.published = [KPI.expected(.rwm), .expected(.maths)].enumerated().map { line, kpi in
                Sourced(
                    PublishedFigure(
                        urn: sample.oak, drop: sample.spring, kpi: kpi, group: .boys, yearGroup: .year(6),
                        value: 55, pupils: 14, source: "KS2 performance tables"),
                    file: attainment, line: 3 + line)
            }
            _ = try store.ingest(batch, at: Times.january)
            #expect(try expectedAndStored(store, .published, [sample.spring]) == (2, 2))
            #expect(try expectedAndStored(store, .attainment, [sample.spring]) == (1, 1))
        }
    }
}

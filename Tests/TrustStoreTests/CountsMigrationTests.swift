import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Version 7 moves the four termly tables into `drop_counts`: a store written by version 6
/// must read the same records, the same history and the same figures afterwards.
@Suite("Moving termly records into one table (version 7)")
struct CountsMigrationTests {
    /// Records of every kind, in the order a store keeps them (by key), some with values left out, a negative progress score, a
    /// suppressed published value and a source with a quote in it.
    private struct Records {
        let sample: Sample
        var attendance: [AttendanceRecord]
        var attainment: [AttainmentRecord]
        var scores: [ScoreRecord]
        var published: [PublishedFigure]

        init(_ sample: Sample) {
            self.sample = sample
            attendance = [
                sample.oakAttendance(absent: 1_200),
                AttendanceRecord(
                    urn: sample.oak, drop: sample.spring, group: .disadvantaged, yearGroup: .year(3),
                    pupils: 31,
                    possibleSessions: 5_890, absentSessions: 402, persistentAbsentees: 7, severeAbsentees: 1,
                    authorisedAbsentSessions: 300, unauthorisedAbsentSessions: 102),
            ]
            attainment = [
                sample.elmAttainment(),
                AttainmentRecord(
                    urn: sample.oak, drop: sample.spring, yearGroup: .year(6), subject: .rwm, cohort: 29,
                    expected: 17, basis: .statutory),
            ]
            scores = [
                ScoreRecord(
                    urn: sample.elm, drop: sample.autumn, yearGroup: .year(11), measure: .attainment8,
                    cohort: 150, average: 46.0),
                ScoreRecord(
                    urn: sample.elm, drop: sample.autumn, yearGroup: .year(11), measure: .progress8,
                    cohort: 150, average: -0.37),
            ]
            published = [
                PublishedFigure(
                    urn: sample.oak, drop: sample.autumn, kpi: .absenceRate, value: 5.3, pupils: 212,
                    source: "DfE \"absence\" 2024/25"),
                PublishedFigure(
                    urn: sample.elm, drop: sample.autumn, kpi: .score(.progress8), yearGroup: .year(11),
                    value: 0.12, pupils: 150, interval: -0.05...0.29, source: "DfE KS4 2024/25"),
                PublishedFigure(
                    urn: sample.elm, drop: sample.autumn, kpi: .expected(.englishMaths), value: nil,
                    source: "DfE KS4 2024/25"),
            ]
        }

        /// One file of every record, from `name`.
        func batch(_ name: String) -> DropBatch {
            var batch = DropBatch()
            batch.files = [
                DropFileSummary(name: name, sha256: Sample.sha(name), kind: .attendance, rows: 9, bytes: 900)
            ]
            var line = 1
            func next() -> Int {
                line += 1
                return line
            }
            batch.attendance = attendance.map { Sourced($0, file: 0, line: next()) }
            batch.attainment = attainment.map { Sourced($0, file: 0, line: next()) }
            batch.scores = scores.map { Sourced($0, file: 0, line: next()) }
            batch.published = published.map { Sourced($0, file: 0, line: next()) }
            return batch
        }

        var data: TrustData {
            TrustData(
                academies: [sample.oakAcademy, sample.elmAcademy], attendance: attendance,
                attainment: attainment,
                scores: scores, published: published)
        }
    }

    /// Writes a version 6 store at `path`: the academies, then every record, then a
    /// correction of one record of each kind, so each kind has one entry in history.
    private func makeVersion5Store(_ path: String, _ records: Records) throws -> Records {
        let queue = try DatabaseQueue(path: path)
        try StoreSchema.bringUpToDate(queue, path: path, upTo: "v6")
        var first = records
        first.attendance[0] = records.sample.oakAttendance(absent: 1_000)
        first.attainment[0] = records.sample.elmAttainment(expected: 20)
        first.scores[1].average = -0.5
        first.published[0].value = 5.1
        try queue.write { db in
            try writeBeforeV7(records.sample.academiesBatch(), to: db, at: Times.december)
            try writeBeforeV7(first.batch("first.csv"), to: db, at: Times.december)
            try writeBeforeV7(records.batch("second.csv"), to: db, at: Times.january)
        }
        let tables = try queue.read { db in
            try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(tables.contains("attendance") && !tables.contains("drop_counts"))
        let history = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM history") }
        #expect(history == 4)
        return first
    }

    @Test func everyRecordAndItsHistoryIsKept() throws {
        try withScratchFolder { folder in
            let path = folder + "/v6.sqlite"
            let records = Records(try Sample())
            let first = try makeVersion5Store(path, records)
            let store = try TrustStore(path: path)
            let data = try store.load()
            #expect(data.attendance == records.attendance)
            #expect(data.attainment == records.attainment)
            #expect(data.scores == records.scores)
            #expect(data.published == records.published)
            // The corrections, oldest first, each as it was before it was replaced.
            #expect(
                try store.history().map(\.replaced) == [
                    .attendance(first.attendance[0]), .attainment(first.attainment[0]),
                    .score(first.scores[1]),
                    .published(first.published[0]),
                ])
            #expect(try store.history(urn: records.sample.oak).count == 2)
            let tables = try store.reading { db in
                try String.fetchAll(
                    db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            }
            #expect(!tables.contains("attendance") && !tables.contains("published"))
            #expect(tables.contains("drop_counts"))
            let listing = try store.dropListing()
            #expect(listing.map(\.drop) == [records.sample.spring, records.sample.autumn])
            #expect(listing.map(\.attendanceRows) == [1, 1])
            #expect(listing.map(\.publishedRows) == [0, 3])
        }
    }

    /// The figures computed from the moved records are those computed from the records
    /// themselves: Oak's autumn absence 1,200 / 20,000 = 6.0%, its spring Year 3
    /// disadvantaged absence 402 / 5,890 = 6.8%, Elm's Progress 8 −0.37.
    @Test func theFiguresAreTheSame() throws {
        try withScratchFolder { folder in
            let path = folder + "/v6.sqlite"
            let records = Records(try Sample())
            _ = try makeVersion5Store(path, records)
            let loaded = try TrustStore(path: path).load()
            let sample = records.sample
            for drop in [sample.autumn, sample.spring] {
                let before = FigureCalculator(data: records.data).figures(for: drop)
                let after = FigureCalculator(data: loaded).figures(for: drop)
                #expect(after == before)
            }
            let autumn = FigureCalculator(data: loaded).figures(for: sample.autumn)
            let absence = FigureCalculator.Key(
                owner: .academy(sample.oak), kpi: .absenceRate, group: .all, yearGroup: .all)
            #expect(autumn[absence]?.shown == 6.0)
            let spring = FigureCalculator(data: loaded).figures(for: sample.spring)
            let year3 = FigureCalculator.Key(
                owner: .academy(sample.oak), kpi: .absenceRate, group: .disadvantaged, yearGroup: .year(3))
            #expect(spring[year3]?.shown == 6.8)
            let progress = FigureCalculator.Key(
                owner: .academy(sample.elm), kpi: .score(.progress8), group: .all, yearGroup: .year(11))
            #expect(autumn[progress]?.shown == -0.37)
        }
    }

    /// A moved row is stored as an ingest stores it: the same file again changes nothing,
    /// and a corrected value is one correction more in history.
    @Test func ingestingTheSameRecordsAgainChangesNothing() throws {
        try withScratchFolder { folder in
            let path = folder + "/v6.sqlite"
            let records = Records(try Sample())
            _ = try makeVersion5Store(path, records)
            let store = try TrustStore(path: path)
            let again = try store.ingest(records.batch("third.csv"), at: Times.march)
            #expect(again.files.first?.unchanged == 9)
            #expect(again.files.first?.inserted == 0)
            #expect(again.files.first?.replaced == 0)
            var corrected = records
            corrected.published[2].value = 61.4
            let outcome = try store.ingest(corrected.batch("fourth.csv"), at: Times.march)
            #expect(outcome.files.first?.replaced == 1)
            #expect(try store.history().count == 5)
            #expect(try store.history().last?.replaced == .published(records.published[2]))
        }
    }
}

import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A long run of rows of drops new to the store is inserted many rows to a statement
/// (`BulkInsert`, 128 a statement); what one row a statement did must still happen, and
/// the stored values must be the same text.
@Suite struct BulkInsertTests {
    /// Oak's whole-school attendance in `count` drops, 2000/01 autumn on, three a year:
    /// each row's key is new, each has its own sessions missed (line + 100), and every
    /// other row has its severe absentees, so that some values are null.
    func oakRows(_ sample: Sample, count: Int) -> [AttendanceRecord] {
        let terms: [Term] = [.autumn, .spring, .summer]
        return (0..<count).map { index in
            let drop = DataDrop(year: AcademicYear(2000 + index / 3), term: terms[index % 3])
            var record = sample.oakAttendance(drop, absent: index + 102)
            record.severeAbsentees = index.isMultiple(of: 2) ? 5 : nil
            return record
        }
    }

    /// A batch of `records`, one file, the first on line 2.
    func batch(_ records: [AttendanceRecord], name: String = "attendance.csv") -> DropBatch {
        var builder = BatchBuilder()
        let file = builder.file(name, .attendance, rows: records.count)
        for (index, record) in records.enumerated() { builder.add(record, file: file, line: index + 2) }
        return builder.batch
    }

    /// Every termly row's key and stored values, in key order.
    func storedCounts(_ store: TrustStore) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: store.path, configuration: configuration)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT kind || '|' || academic_year || '|' || term || '|' || urn || '|' || pupil_group
                        || '|' || year_group || '|' || item || '|' || counts
                    FROM drop_counts ORDER BY kind, academic_year, term, urn, pupil_group, year_group, item
                    """)
        }
    }

    /// 300 new rows in one batch are stored with the same values, in the same text, as the
    /// same rows one batch each (a few rows of a new drop go one by one through
    /// `json_array`), and all count as new.
    @Test func manyRowsAreStoredAsTheyAreOneByOne() throws {
        let sample = try Sample()
        let rows = oakRows(sample, count: 300)
        var scores: [ScoreRecord] = []
        for (index, row) in rows.enumerated() {
            // Averages with fractions, negative ones and a round one.
            scores.append(
                ScoreRecord(
                    urn: sample.oak, drop: row.drop, measure: .progress8, cohort: 30,
                    average: [0.1, -1.25, 52.28, 7.0, 1e-7][index % 5] * Double(index + 1)))
        }
        let bulk = try withNewStore { store in
            _ = try store.ingest(sample.academiesBatch())
            var whole = batch(rows)
            let scoreFile = whole.files.count
            whole.files.append(DropFileSummary(name: "scores.csv", sha256: "s", kind: .scores, rows: 300))
            whole.scores = scores.enumerated().map { Sourced($1, file: scoreFile, line: $0 + 2) }
            let outcome = try store.ingest(whole)
            #expect(outcome.files.map(\.inserted) == [300, 300])
            #expect(Set(try store.load().attendance) == Set(rows))
            return try storedCounts(store)
        }
        let oneByOne = try withNewStore { store in
            _ = try store.ingest(sample.academiesBatch())
            for (index, row) in rows.enumerated() {
                var single = batch([row], name: "attendance-\(index).csv")
                single.files.append(
                    DropFileSummary(name: "scores-\(index).csv", sha256: "s\(index)", kind: .scores, rows: 1))
                single.scores = [Sourced(scores[index], file: 1, line: 2)]
                _ = try store.ingest(single)
            }
            return try storedCounts(store)
        }
        #expect(bulk.count == 600)
        #expect(bulk == oneByOne)
    }

    /// Ingesting the same 300 rows again, after a bulk insert, changes nothing: the text made
    /// in Swift is the text the upsert compares with.
    @Test func theSameRowsAgainAreUnchanged() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let rows = oakRows(sample, count: 300)
            _ = try store.ingest(batch(rows))
            let again = try store.ingest(batch(rows, name: "attendance-again.csv"))
            #expect(again.files.map(\.unchanged) == [300])
            #expect(again.files.map(\.replaced) == [0])
        }
    }

    /// A key given again on line 192, in a later statement than its first row (line 12):
    /// the second row corrects the first, with history, as one row a statement did.
    @Test func aKeyGivenAgainInALaterStatementCorrectsTheFirst() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var rows = oakRows(sample, count: 200)
            let first = rows[10]
            rows[190] = first
            rows[190].absentSessions = 1_500
            let outcome = try store.ingest(batch(rows))
            #expect(outcome.inserted == 199)
            #expect(outcome.replaced == 1)
            let history = try store.history()
            #expect(history.map(\.replaced) == [.attendance(first)])
            #expect(history.map(\.sourceLine) == [12])
            #expect(history.map(\.replacedByLine) == [192])
        }
    }

    /// Two rows for academies the store does not know, inside the first statement's rows:
    /// the first of them (line 22) is named, and nothing of the batch is stored.
    @Test func anUnknownAcademyInAStatementIsNamedAtItsLine() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let before = try dump(store)
            var rows = oakRows(sample, count: 300)
            let stranger = try #require(URN(999_999))
            rows[20].urn = stranger
            rows[100].urn = stranger
            #expect {
                try store.ingest(batch(rows))
            } throws: { error in
                guard case .rowRefused(let name, let line, let reason) = error as? StoreError else {
                    return false
                }
                return name == "attendance.csv" && line == 22 && reason.contains("FOREIGN KEY")
            }
            #expect(try dump(store) == before)
        }
    }

    /// A row that breaks a rule of the store (line 252) after a row for an unknown academy
    /// in a full statement's rows (line 142): the earlier row is named, as one by one.
    @Test func theEarlierOfTwoBadRowsIsNamed() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let before = try dump(store)
            var rows = oakRows(sample, count: 300)
            rows[140].urn = try #require(URN(999_999))
            rows[250].absentSessions = rows[250].possibleSessions + 1
            #expect {
                try store.ingest(batch(rows))
            } throws: { error in
                guard case .rowRefused(_, let line, let reason) = error as? StoreError else { return false }
                return line == 142 && reason.contains("FOREIGN KEY")
            }
            rows[140].urn = sample.oak
            #expect {
                try store.ingest(batch(rows))
            } throws: { error in
                guard case .rowRefused(_, let line, let reason) = error as? StoreError else { return false }
                return line == 252 && reason.contains("absent_sessions BETWEEN 0 AND possible_sessions")
            }
            #expect(try dump(store) == before)
        }
    }
}

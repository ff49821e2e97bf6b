import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A long run of rows of drops new to the store is inserted many rows to a statement
/// (`BulkInsert`, 128 a statement); what one row a statement did must still happen, and
/// the stored values must be the same text.
@Suite struct BulkInsertTests {
    /// `count` rows of Oak's attendance, 128 to a drop (one statement's rows), 2000/01
    /// autumn on, three drops a year; the rows of a drop are each for their own pupil group
    /// and year group, so each row's key is new. Each has its own sessions missed (its
    /// index + 102), and every other row has its severe absentees, so that some values
    /// are null.
    func oakRows(_ sample: Sample, count: Int) -> [AttendanceRecord] {
        (0..<count).map { index in
            oakRow(sample, drop: Self.drops[index / 128], key: index % 128, absent: index + 102)
        }
    }

    /// The drops of `oakRows`, 2000/01 autumn on.
    static let drops: [DataDrop] = (0..<30).map { index in
        DataDrop(year: AcademicYear(2000 + index / 3), term: [.autumn, .spring, .summer][index % 3])
    }

    /// Oak's attendance in `drop` for the pupil group and year group numbered `key` (0 to
    /// 143: 9 groups of 16 year groups).
    func oakRow(_ sample: Sample, drop: DataDrop, key: Int, absent: Int) -> AttendanceRecord {
        var record = sample.oakAttendance(drop, absent: absent)
        record.group = PupilGroup.allCases[key / YearGroup.allCases.count]
        record.yearGroup = YearGroup.allCases[key % YearGroup.allCases.count]
        record.severeAbsentees = absent.isMultiple(of: 2) ? 5 : nil
        return record
    }

    /// A batch of `records`, one file, the first on line 2.
    func batch(_ records: [AttendanceRecord], name: String = "attendance.csv") -> DropBatch {
        var builder = BatchBuilder()
        let file = builder.file(name, .attendance, rows: records.count)
        for (index, record) in records.enumerated() { builder.add(record, file: file, line: index + 2) }
        return builder.batch
    }

    /// Expects `batch` refused at `file`'s `line`, for a reason holding `reason`.
    func expectRefused(
        _ batch: DropBatch, in store: TrustStore, file: String, line: Int, saying reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(sourceLocation: sourceLocation) {
            try store.ingest(batch)
        } throws: { error in
            guard case .rowRefused(let name, let refused, let why) = error as? StoreError else {
                return false
            }
            return name == file && refused == line && why.contains(reason)
        }
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
                    urn: sample.oak, drop: row.drop, group: row.group, yearGroup: row.yearGroup,
                    measure: .progress8, cohort: 30,
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
            expectRefused(batch(rows), in: store, file: "attendance.csv", line: 22, saying: "FOREIGN KEY")
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
            expectRefused(batch(rows), in: store, file: "attendance.csv", line: 142, saying: "FOREIGN KEY")
            rows[140].urn = sample.oak
            expectRefused(
                batch(rows), in: store, file: "attendance.csv", line: 252,
                saying: "absent_sessions BETWEEN 0 AND possible_sessions")
            #expect(try dump(store) == before)
        }
    }

    /// A key given again in the same statement's rows as its first (line 12; again on line
    /// 102, both of the first drop), or in a later statement (line 192): the second row
    /// corrects the first, with history, as one row a statement did. In the same
    /// statement, the statement fails on the key with nothing written, and row by row the
    /// second row corrects the first.
    @Test(arguments: [100, 190]) func aKeyGivenAgainCorrectsTheFirst(again: Int) throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var rows = oakRows(sample, count: 200)
            let first = rows[10]
            rows[again] = first
            rows[again].absentSessions = 1_500
            let outcome = try store.ingest(batch(rows))
            #expect(outcome.inserted == 199)
            #expect(outcome.replaced == 1)
            let history = try store.history()
            #expect(history.map(\.replaced) == [.attendance(first)])
            #expect(history.map(\.sourceLine) == [12])
            // Row index `again` is on line `again` + 2 (the header is line 1).
            #expect(history.map(\.replacedByLine) == [again + 2])
        }
    }

    /// Each row's file and line, by its key, for the attendance rows stored.
    func storedSources(_ store: TrustStore) throws -> [String] {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: store.path, configuration: configuration)
        return try queue.read { db in
            try String.fetchAll(
                db,
                sql: """
                    SELECT academic_year || '|' || term || '|' || pupil_group || '|' || year_group || '|'
                        || files.name || '|' || line
                    FROM drop_counts JOIN files ON files.id = drop_counts.file_id
                    ORDER BY academic_year, term, pupil_group, year_group
                    """)
        }
    }

    /// Two files whose rows run on from one to the other, and from one drop to another, in
    /// the middle of a statement's rows: a.csv has 140 rows of the first drop, b.csv the
    /// other 4 keys of that drop and then 136 of the second. The first 128 rows (a.csv's,
    /// one drop) go in one statement; rows 129 to 256 cross a file and a drop, which one
    /// statement cannot bind, and go row by row, as the last 24 do. Every row is stored
    /// with its own file and line and the values it had.
    @Test func rowsCrossingAFileAndADropAreStoredWithTheirOwnFileAndLine() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let first = Self.drops[0]
            let second = Self.drops[1]
            let aRows = (0..<140).map { oakRow(sample, drop: first, key: $0, absent: 1_000 + $0) }
            let bRows =
                (140..<144).map { oakRow(sample, drop: first, key: $0, absent: 2_000 + $0) }
                + (0..<136).map { oakRow(sample, drop: second, key: $0, absent: 3_000 + $0) }
            var builder = BatchBuilder()
            let aFile = builder.file("a.csv", .attendance, rows: aRows.count)
            let bFile = builder.file("b.csv", .attendance, rows: bRows.count)
            for (index, record) in aRows.enumerated() { builder.add(record, file: aFile, line: index + 2) }
            for (index, record) in bRows.enumerated() { builder.add(record, file: bFile, line: index + 2) }
            let outcome = try store.ingest(builder.batch)
            #expect(outcome.files.map(\.inserted) == [140, 140])
            #expect(Set(try store.load().attendance) == Set(aRows + bRows))
            // Worked out from the rows: each key with the file and line it was given on.
            var expected: [String] = []
            for (name, rows) in [("a.csv", aRows), ("b.csv", bRows)] {
                for (index, row) in rows.enumerated() {
                    expected.append(
                        "\(row.drop.year.start)|\(row.drop.term.rawValue)|\(row.group.rawValue)|"
                            + "\(row.yearGroup.rawValue)|\(name)|\(index + 2)")
                }
            }
            #expect(try storedSources(store).sorted() == expected.sorted())
        }
    }

    /// An academy the store does not know on row 100 of 144 rows of one drop, one file: the
    /// statement of the first 128 fails with nothing written and row by row names line 101.
    @Test func anUnknownAcademyDeepInAStatementOfOneDropIsNamedAtItsLine() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let before = try dump(store)
            var rows = (0..<144).map { oakRow(sample, drop: Self.drops[0], key: $0, absent: 1_000 + $0) }
            rows[99].urn = try #require(URN(999_999))
            expectRefused(batch(rows), in: store, file: "attendance.csv", line: 101, saying: "FOREIGN KEY")
            #expect(try dump(store) == before)
        }
    }

    /// A row for an academy the store does not know, on line 4 of a drop the store holds
    /// rows of (written by the upsert, not a plain insert), after two good rows: it is
    /// refused at its own line, and nothing of the batch is stored.
    @Test func anUnknownAcademyInADropTheStoreHoldsIsNamedAtItsLine() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let drop = Self.drops[0]
            _ = try store.ingest(batch([oakRow(sample, drop: drop, key: 0, absent: 1_000)]))
            let before = try dump(store)
            var stranger = oakRow(sample, drop: drop, key: 3, absent: 1_003)
            stranger.urn = try #require(URN(999_999))
            let rows = [
                oakRow(sample, drop: drop, key: 1, absent: 1_001),
                oakRow(sample, drop: drop, key: 2, absent: 1_002),
                stranger,
            ]
            expectRefused(
                batch(rows, name: "more.csv"), in: store, file: "more.csv", line: 4, saying: "FOREIGN KEY")
            #expect(try dump(store) == before)
            // The writer's connection checks foreign keys again once the ingest is over.
            #expect(
                try store.pool.writeWithoutTransaction { try Bool.fetchOne($0, sql: "PRAGMA foreign_keys") }
                    == true)
        }
    }
}

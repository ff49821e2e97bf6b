import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A new drop's records are written in the order of `drop_counts`' key within each run of
/// one drop, file and academy (`NewRowOrder`): that order must be SQLite's own, the runs
/// must stay as they came, and every record must be stored as it was, at its own line.
@Suite struct NewRowOrderTests {
    /// The year groups used, chosen so that their texts' order ("1" < "10" < "2" < "R" <
    /// "all") is not their order in school.
    static let yearGroups: [YearGroup] = [.reception, .year(2), .year(10), .year(1), .all, .nursery]

    /// The subjects used, in no order of their names.
    static let subjects: [Subject] = [.writing, .maths, .reading, .englishMaths, .gps, .ebacc]

    /// Every key of one academy's attainment in `drop`, each once, in the order a file
    /// gives them (year group, subject, then pupil group), then shuffled with `step`
    /// (prime to the count, so every key is taken once).
    static func keys(step: Int) -> [(group: PupilGroup, yearGroup: YearGroup, subject: Subject)] {
        var keys: [(group: PupilGroup, yearGroup: YearGroup, subject: Subject)] = []
        for yearGroup in yearGroups {
            for subject in subjects {
                for group in PupilGroup.allCases { keys.append((group, yearGroup, subject)) }
            }
        }
        return keys.indices.map { keys[$0 * step % keys.count] }
    }

    /// Runs of several academies, two files and two drops, each shuffled its own way; the
    /// runs are not in the order of the key either (Elm before Oak, the later drop first).
    /// With `repeating`, one key is given twice in Oak's first run, on two lines.
    func records(_ sample: Sample, repeating: Bool = true) -> [Sourced<AttainmentRecord>] {
        let runs: [(urn: URN, drop: DataDrop, file: Int, step: Int)] = [
            (sample.elm, sample.spring, 0, 7), (sample.oak, sample.spring, 0, 11),
            (sample.ash, sample.spring, 1, 13), (sample.oak, sample.autumn, 1, 17),
        ]
        var items: [Sourced<AttainmentRecord>] = []
        var line = 2
        for (number, run) in runs.enumerated() {
            for (index, key) in Self.keys(step: run.step).enumerated() {
                let record = AttainmentRecord(
                    urn: run.urn, drop: run.drop, group: key.group, yearGroup: key.yearGroup,
                    subject: key.subject, cohort: 30 + index, expected: index % 30)
                items.append(Sourced(record, file: run.file, line: line))
                line += 1
                if repeating && number == 1 && index == 5 {
                    items.append(Sourced(record, file: run.file, line: line))
                    line += 1
                }
            }
        }
        return items
    }

    /// The lines of `items` in the order SQLite sorts their key texts, the line breaking ties.
    func linesInSQLiteOrder(_ items: ArraySlice<Sourced<AttainmentRecord>>) throws -> [Int] {
        let queue = try DatabaseQueue()
        return try queue.write { db in
            try db.execute(
                sql: "CREATE TABLE run (pupil_group TEXT, year_group TEXT, item TEXT, line INTEGER)")
            for item in items {
                try db.execute(
                    sql: "INSERT INTO run VALUES (?, ?, ?, ?)",
                    arguments: [
                        item.record.group.rawValue, item.record.yearGroup.rawValue, item.record.item,
                        item.line,
                    ])
            }
            return try Int.fetchAll(
                db, sql: "SELECT line FROM run ORDER BY pupil_group, year_group, item, line")
        }
    }

    /// Each run comes out in SQLite's order of its keys, the runs in the order they came,
    /// and nothing is lost or repeated; the key given twice keeps its lines' order.
    @Test func eachRunComesOutInSQLitesOrder() throws {
        let sample = try Sample()
        let items = records(sample)
        let sorted = NewRowOrder.sorted(items)
        #expect(sorted.map(\.line).sorted() == items.map(\.line).sorted())
        var start = 0
        var runs = 0
        while start < items.count {
            let first = items[start]
            let end =
                items[start...].firstIndex {
                    $0.file != first.file || $0.record.urn != first.record.urn
                        || $0.record.drop != first.record.drop
                } ?? items.count
            #expect(
                sorted[start..<end].allSatisfy { $0.file == first.file && $0.record.urn == first.record.urn })
            #expect(sorted[start..<end].map(\.line) == (try linesInSQLiteOrder(items[start..<end])))
            #expect(sorted[start..<end].map(\.line) != items[start..<end].map(\.line))
            start = end
            runs += 1
        }
        #expect(runs == 4)
    }

    /// A run already in key order is left as it is.
    @Test func aRunInOrderIsKeptAsItIs() throws {
        let sample = try Sample()
        let items = records(sample)
        let once = NewRowOrder.sorted(items)
        #expect(NewRowOrder.sorted(once).map(\.line) == once.map(\.line))
    }

    /// Texts are ranked by their bytes, as SQLite compares them, not as people read them.
    @Test func textsAreRankedByTheirBytes() {
        let ranks = NewRowOrder.ranks([(0, "all"), (1, "R"), (2, "10"), (3, "2"), (4, "N")], count: 6)
        #expect(ranks == [4, 3, 0, 1, 2, 0])
    }

    /// A new drop's attainment, given in a file's order across several academies, is stored
    /// row for row as given: each record's values at its own key and line.
    @Test func aNewDropIsStoredAsGivenOutOfKeyOrder() throws {
        let sample = try Sample()
        try withNewStore { store in
            var builder = BatchBuilder()
            let academies = builder.file("academies.csv", .academies, rows: 3)
            builder.add(sample.oakAcademy, file: academies, line: 2)
            builder.add(sample.elmAcademy, file: academies, line: 3)
            builder.add(
                Academy(urn: sample.ash, name: "Ash Academy", phase: .primary), file: academies, line: 4)
            var batch = builder.batch
            let first = builder.file("attainment-spring.csv", .attainment, rows: 0)
            let second = builder.file("attainment-autumn.csv", .attainment, rows: 0)
            batch.files = builder.batch.files
            let items = records(sample, repeating: false)
            batch.attainment = items.map { item in
                Sourced(item.record, file: item.file == 0 ? first : second, line: item.line)
            }
            batch.files[first].rows = items.filter { $0.file == 0 }.count
            batch.files[second].rows = items.filter { $0.file == 1 }.count
            let outcome = try store.ingest(batch)
            #expect(outcome.files[first].inserted + outcome.files[second].inserted == items.count)
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: store.path, configuration: configuration)
            let stored = try queue.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT line || '|' || academic_year || '|' || term || '|' || urn || '|' || pupil_group
                            || '|' || year_group || '|' || item || '|' || counts
                        FROM drop_counts WHERE kind = 'attainment' ORDER BY line
                        """)
            }
            let expected = items.map { item in
                let record = item.record
                return [
                    "\(item.line)", "\(record.drop.year.start)", record.drop.term.rawValue,
                    "\(record.urn.value)",
                    record.group.rawValue, record.yearGroup.rawValue, record.item,
                    "[\(record.cohort),\(record.expected),null,\"teacher_assessment\"]",
                ].joined(separator: "|")
            }
            #expect(stored == expected)
        }
    }
}

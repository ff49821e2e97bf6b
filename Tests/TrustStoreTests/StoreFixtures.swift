import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// A folder of its own for one test, removed when the test ends.
func withScratchFolder<T>(_ body: (String) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("truststore-tests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    return try body(folder)
}

/// A new store in a folder of its own.
func withNewStore<T>(_ body: (TrustStore) throws -> T) throws -> T {
    try withScratchFolder { folder in
        try body(try TrustStore(path: folder + "/trust.sqlite"))
    }
}

/// Fixed times, worked out with Python's `calendar.timegm`.
enum Times {
    /// 5 Dec 2025 09:05:00 UTC.
    static let december = Date(timeIntervalSince1970: 1_764_925_500)
    /// 20 Jan 2026 16:30:00 UTC.
    static let january = Date(timeIntervalSince1970: 1_768_926_600)
    /// 14 Mar 2026 10:42:37 UTC.
    static let march = Date(timeIntervalSince1970: 1_773_484_957)
}

/// The academies, drops and records the tests share; `let sample = try Sample()` in a test.
struct Sample {
    let oak: URN
    let elm: URN
    let ash: URN
    let autumn = DataDrop(year: AcademicYear(2024), term: .autumn)
    let spring = DataDrop(year: AcademicYear(2024), term: .spring)

    init() throws {
        oak = try #require(URN(100_001))
        elm = try #require(URN(100_002))
        ash = try #require(URN(100_003))
    }

    var oakAcademy: Academy {
        Academy(
            urn: oak, name: "Oak Primary Academy", phase: .primary, localAuthority: "Surrey", sil: "J. Patel",
            joined: "2019-09-01", ofsted: .good)
    }

    var elmAcademy: Academy { Academy(urn: elm, name: "Elm Secondary", phase: .secondary) }

    /// Oak's whole-school attendance: 200 pupils, 1,000 of 20,000 sessions missed.
    func oakAttendance(_ drop: DataDrop? = nil, absent: Int = 1_000) -> AttendanceRecord {
        AttendanceRecord(
            urn: oak, drop: drop ?? autumn, pupils: 200, possibleSessions: 20_000, absentSessions: absent,
            persistentAbsentees: 24)
    }

    /// Elm's Year 11 disadvantaged English and maths.
    func elmAttainment(_ drop: DataDrop? = nil, expected: Int = 22) -> AttainmentRecord {
        AttainmentRecord(
            urn: elm, drop: drop ?? autumn, group: .disadvantaged, yearGroup: .year(11),
            subject: .englishMaths,
            cohort: 40, expected: expected, greaterDepth: 12, basis: .forecast)
    }

    /// The academies file every test starts from: Oak on line 2, Elm on line 3.
    func academiesBatch() -> DropBatch {
        var builder = BatchBuilder()
        let file = builder.file("academies.csv", .academies, rows: 2)
        builder.add(oakAcademy, file: file, line: 2)
        builder.add(elmAcademy, file: file, line: 3)
        return builder.batch
    }

    /// A fake SHA-256 that tells files apart: the hash of `text`.
    static func sha(_ text: String) -> String { SHA256.hex(Array(text.utf8)) }
}

/// Builds a batch file by file, as the CSV reader would.
struct BatchBuilder {
    private(set) var batch = DropBatch()

    /// Adds a file summary and returns its index; `content` stands in for the file's bytes.
    @discardableResult
    mutating func file(_ name: String, _ kind: DropFileKind, rows: Int, content: String? = nil) -> Int {
        batch.files.append(
            DropFileSummary(
                name: name, sha256: Sample.sha(content ?? name), kind: kind, rows: rows, bytes: 100 * rows))
        return batch.files.count - 1
    }

    mutating func add(_ academy: Academy, file: Int, line: Int) {
        batch.academies.append(Sourced(academy, file: file, line: line))
    }

    mutating func add(_ record: AttendanceRecord, file: Int, line: Int) {
        batch.attendance.append(Sourced(record, file: file, line: line))
    }

    mutating func add(_ record: AttainmentRecord, file: Int, line: Int) {
        batch.attainment.append(Sourced(record, file: file, line: line))
    }

    mutating func add(_ record: ScoreRecord, file: Int, line: Int) {
        batch.scores.append(Sourced(record, file: file, line: line))
    }

    mutating func add(_ benchmark: Benchmark, file: Int, line: Int) {
        batch.benchmarks.append(Sourced(benchmark, file: file, line: line))
    }
}

/// Every table of the store, row by row, sorted: equal dumps mean equal content.
///
/// Read through a connection of its own, read-only, so the dump cannot change the store.
func dump(_ store: TrustStore) throws -> String {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: store.path, configuration: configuration)
    return try queue.read { db in
        var lines = try String.fetchAll(
            db, sql: "SELECT type || ' ' || name || ': ' || coalesce(sql, '') FROM sqlite_master ORDER BY 1")
        let tables = try String.fetchAll(
            db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        for table in tables {
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(table)\"")
            lines += rows.map { "\(table) \($0)" }.sorted()
        }
        return lines.joined(separator: "\n")
    }
}

/// The number of rows in `table`, read through a connection of its own.
func count(_ table: String, in store: TrustStore) throws -> Int {
    var configuration = Configuration()
    configuration.readonly = true
    let queue = try DatabaseQueue(path: store.path, configuration: configuration)
    return try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(table)\"") ?? -1 }
}

/// The bytes of the store's file and its write-ahead log, for checks that nothing was written.
func fileBytes(_ store: TrustStore) -> [Data?] {
    [store.path, store.path + "-wal"].map { FileManager.default.contents(atPath: $0) }
}

import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// Version 8: the built-in national figures reach stores made before them.
    ///
    /// Version 1 seeds the built-in benchmarks when a store is made, so a store made before a
    /// figure was built in (the seventeen absence-by-reason figures, for one) never had it.
    /// This step adds `built_in_figures`, one row holding the fingerprint of the built-in
    /// figures the store was last brought up to date with. Whenever this version's figures
    /// have another fingerprint, on this step and on any later opening (see
    /// `StoreSchema.State.figuresBehind`), `addBuiltInBenchmarks` adds the figures the store
    /// lacks, so a figure built in later reaches every store without a step of its own.
    static func migrateToV8(_ db: Database) throws {
        try db.execute(
            sql: """
                CREATE TABLE built_in_figures (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    fingerprint TEXT NOT NULL -- BuiltInBenchmarks' fingerprint, lower-case hex
                )
                """)
    }

    /// The fingerprint of this version's built-in benchmarks: the SHA-256 of every figure's
    /// key, value and source, one line each, in the order they are built in.
    static let builtInFingerprint: String = {
        let lines = BuiltInBenchmarks.all.map { benchmark in
            (builtInKey(benchmark) + [String(benchmark.value), benchmark.source ?? ""]).joined(separator: "|")
        }
        return SHA256.hex(Array(lines.joined(separator: "\n").utf8))
    }()

    /// The fingerprint the store was last brought up to date with; nil before version 8.
    static func storedBuiltInFingerprint(_ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT fingerprint FROM built_in_figures WHERE id = 1")
    }

    /// Adds every built-in benchmark the store lacks, and replaces every stored built-in
    /// figure whose value or source this version gives otherwise (a corrected figure), as
    /// one ingest of the built-in pseudo-file, so each shows in the store's listing and a
    /// replaced one keeps its old value in history. A figure the user ingested for the same
    /// key is kept as it is: it replaced the built-in one on purpose. Then records this
    /// version's fingerprint.
    static func addBuiltInBenchmarks(_ db: Database, at date: Date) throws {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT benchmarks.measure, benchmarks.academic_year, benchmarks.term, benchmarks.phase,
                    benchmarks.pupil_group, benchmarks.scope, benchmarks.value, benchmarks.source,
                    files.sha256 = '' AND files.name = ? AS built_in
                FROM benchmarks JOIN files ON files.id = benchmarks.file_id
                """,
            arguments: [builtInFileName])
        var stored: [[String]: (value: Double, source: String?, builtIn: Bool)] = [:]
        for row in rows {
            let year: Int = row[1]
            let key: [String] = [row[0], String(year), row[2], row[3], row[4], row[5]]
            stored[key] = (row[6], row[7], row[8])
        }
        let lacking = BuiltInBenchmarks.all.filter { benchmark in
            guard let figure = stored[builtInKey(benchmark)] else { return true }
            return figure.builtIn && (figure.value != benchmark.value || figure.source != benchmark.source)
        }
        if !lacking.isEmpty { try seedBuiltInBenchmarks(lacking, db, at: date) }
        try db.execute(
            sql: """
                INSERT INTO built_in_figures (id, fingerprint) VALUES (1, ?)
                ON CONFLICT (id) DO UPDATE SET fingerprint = excluded.fingerprint
                """,
            arguments: [builtInFingerprint])
    }

    /// A benchmark's stored key, as text: measure, year, term, phase ('' for all), pupil
    /// group and scope.
    private static func builtInKey(_ benchmark: Benchmark) -> [String] {
        [
            benchmark.kpi.key, String(benchmark.year.start), benchmark.term.rawValue,
            benchmark.phase?.rawValue ?? "", benchmark.group.rawValue, benchmark.scope.description,
        ]
    }
}

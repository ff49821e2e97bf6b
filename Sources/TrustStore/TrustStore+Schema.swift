import Foundation
import GRDB
import Metrics

extension TrustStore {
    /// `PRAGMA application_id` of a trust store, "TBRD" in ASCII, so that opening some other
    /// SQLite file is refused instead of adding tables to it.
    static let applicationID: Int32 = 0x5442_5244

    /// The name of the pseudo-file the built-in national figures are recorded as coming from.
    public static let builtInFileName = "built-in national figures"

    /// The schema, one step per version, oldest first.
    ///
    /// A step is never edited once released: stores made by earlier versions have run it
    /// already. Allowed values are written out rather than taken from the Metrics enums,
    /// so that a new enum case needs a new step and cannot silently make two stores of the
    /// same version differ. `StoreSchema` applies the steps a store lacks, all in one
    /// transaction.
    static let schemaSteps: [SchemaStep] = [
        SchemaStep("v1") { db in
            try db.execute(sql: schemaV1)
            try db.execute(sql: "PRAGMA application_id = \(applicationID)")
            try seedBuiltInBenchmarks(BuiltInBenchmarks.all, db, at: Date())
        },
        SchemaStep("v2") { db in try migrateToV2(db) },
        SchemaStep("v3") { db in try migrateToV3(db) },
        SchemaStep("v4") { db in try migrateToV4(db) },
        SchemaStep("v5") { db in try migrateToV5(db) },
        SchemaStep("v6") { db in try migrateToV6(db) },
        SchemaStep("v7") { db in try migrateToV7(db) },
        SchemaStep("v8") { db in try migrateToV8(db) },
        SchemaStep("v9") { db in try migrateToV9(db) },
        SchemaStep("v10") { db in try migrateToV10(db) },
        SchemaStep("v11") { db in try migrateToV11(db) },
    ]

    /// Records `benchmarks`, built-in ones, as one ingest of a pseudo-file, so that a user's
    /// own benchmark with the same key later replaces one through the ordinary correction
    /// path, with history.
    static func seedBuiltInBenchmarks(_ benchmarks: [Benchmark], _ db: Database, at date: Date) throws {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(name: builtInFileName, sha256: "", kind: .benchmarks, rows: benchmarks.count)
        ]
        batch.benchmarks = benchmarks.enumerated().map { Sourced($1, file: 0, line: $0 + 1) }
        _ = try write(batch, to: db, at: date)
    }

    /// `column = 'a' OR column = 'b' …`, true also for NULL as `IN` would be.
    ///
    /// Not `column IN ('a', 'b', …)`: SQLite evaluates a constant IN list of more than two
    /// values through a temporary index that it builds afresh every time the statement
    /// runs, which made each one-row upsert ten times slower.
    private static func oneOf(_ column: String, _ values: [String]) -> String {
        values.map { "\(column) = '\($0)'" }.joined(separator: " OR ")
    }

    private static let terms = ["autumn", "spring", "summer"]
    private static let pupilGroups = [
        "all", "disadvantaged", "not_disadvantaged", "sen_support", "ehcp", "no_sen", "eal", "boys", "girls",
    ]
    private static let phases = ["primary", "secondary", "all-through", "special", "alternative-provision"]
    private static let fileKinds = ["academies", "attendance", "attainment", "scores", "benchmarks"]
    private static let ofstedJudgements = [
        "outstanding", "good", "requires-improvement", "inadequate", "not-inspected",
    ]

    /// Version 1.
    ///
    /// Termly tables are `WITHOUT ROWID` with the drop first in the primary key: the key is the
    /// only index, a batch for one drop is written nearly in key order, and loading one drop
    /// is a range scan. Each row keeps the file and 1-based line it came from. A trigger on
    /// each table copies a replaced row, as JSON, into `history` with the file it came from
    /// and the file that replaced it. (SQLite's JSON keeps 15 significant digits of a REAL,
    /// more than any figure in a data-drop file has.)
    ///
    /// CHECK constraints hold the rules of the data-drop format that a buggy caller could
    /// break (counts not negative, parts not above wholes). Vocabulary columns are checked
    /// against their allowed values in the small tables only: in the termly tables, which
    /// take a million rows at a time, those checks added a sixth to the ingest time, and
    /// their values are only ever written from Metrics enums and read back through them,
    /// so a foreign value (a hand edit) is still reported when the store is loaded.
    private static let schemaV1 = """
        CREATE TABLE ingests (
            id INTEGER PRIMARY KEY,
            time REAL NOT NULL -- seconds since 1970-01-01 00:00 UTC
        );

        CREATE TABLE files (
            id INTEGER PRIMARY KEY,
            ingest_id INTEGER NOT NULL REFERENCES ingests (id),
            name TEXT NOT NULL,
            sha256 TEXT NOT NULL, -- lower-case hex; '' for the built-in figures
            kind TEXT CHECK (\(oneOf("kind", fileKinds))),
            rows INTEGER NOT NULL CHECK (rows >= 0),
            bytes INTEGER NOT NULL CHECK (bytes >= 0),
            time REAL NOT NULL
        );
        CREATE INDEX files_by_sha256 ON files (sha256);

        CREATE TABLE academies (
            urn INTEGER PRIMARY KEY CHECK (urn BETWEEN 100000 AND 999999),
            name TEXT NOT NULL,
            phase TEXT NOT NULL CHECK (\(oneOf("phase", phases))),
            local_authority TEXT,
            sil TEXT,
            joined TEXT,
            ofsted TEXT CHECK (\(oneOf("ofsted", ofstedJudgements))),
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL
        );

        CREATE TABLE attendance (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL,
            urn INTEGER NOT NULL REFERENCES academies (urn),
            pupil_group TEXT NOT NULL,
            year_group TEXT NOT NULL,
            pupils INTEGER NOT NULL CHECK (pupils >= 0),
            possible_sessions INTEGER NOT NULL CHECK (possible_sessions >= 0),
            absent_sessions INTEGER NOT NULL CHECK (absent_sessions BETWEEN 0 AND possible_sessions),
            persistent_absentees INTEGER NOT NULL CHECK (persistent_absentees BETWEEN 0 AND pupils),
            severe_absentees INTEGER CHECK (severe_absentees BETWEEN 0 AND persistent_absentees),
            authorised_absent_sessions INTEGER CHECK (authorised_absent_sessions >= 0),
            unauthorised_absent_sessions INTEGER CHECK (unauthorised_absent_sessions >= 0),
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, term, urn, pupil_group, year_group)
        ) WITHOUT ROWID;

        CREATE TABLE attainment (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL,
            urn INTEGER NOT NULL REFERENCES academies (urn),
            pupil_group TEXT NOT NULL,
            year_group TEXT NOT NULL,
            subject TEXT NOT NULL,
            cohort INTEGER NOT NULL CHECK (cohort >= 0),
            expected INTEGER NOT NULL CHECK (expected BETWEEN 0 AND cohort),
            greater_depth INTEGER CHECK (greater_depth BETWEEN 0 AND expected),
            basis TEXT NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, term, urn, pupil_group, year_group, subject)
        ) WITHOUT ROWID;

        CREATE TABLE scores (
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL,
            urn INTEGER NOT NULL REFERENCES academies (urn),
            pupil_group TEXT NOT NULL,
            year_group TEXT NOT NULL,
            measure TEXT NOT NULL,
            cohort INTEGER NOT NULL CHECK (cohort >= 0),
            average REAL NOT NULL,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (academic_year, term, urn, pupil_group, year_group, measure)
        ) WITHOUT ROWID;

        CREATE TABLE benchmarks (
            measure TEXT NOT NULL CHECK (measure <> ''), -- a KPI key
            academic_year INTEGER NOT NULL CHECK (academic_year BETWEEN 1990 AND 2100),
            term TEXT NOT NULL CHECK (\(oneOf("term", terms))),
            phase TEXT NOT NULL CHECK (\(oneOf("phase", [""] + phases))), -- '' for all phases
            pupil_group TEXT NOT NULL CHECK (\(oneOf("pupil_group", pupilGroups))),
            scope TEXT NOT NULL CHECK (scope = 'national' OR scope LIKE 'la:_%'),
            value REAL NOT NULL,
            source TEXT,
            file_id INTEGER NOT NULL REFERENCES files (id),
            line INTEGER NOT NULL,
            PRIMARY KEY (measure, academic_year, term, phase, pupil_group, scope)
        ) WITHOUT ROWID;

        CREATE TABLE history (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (\(oneOf("kind", fileKinds))),
            urn INTEGER, -- NULL for benchmarks
            old TEXT NOT NULL, -- the replaced row as a JSON object, column name to value
            old_file_id INTEGER NOT NULL REFERENCES files (id),
            old_line INTEGER NOT NULL,
            new_file_id INTEGER NOT NULL REFERENCES files (id),
            new_line INTEGER NOT NULL
        );
        CREATE INDEX history_by_urn ON history (urn);

        CREATE TRIGGER academies_replaced AFTER UPDATE ON academies BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('academies', OLD.urn, json_object(
                'urn', OLD.urn, 'name', OLD.name, 'phase', OLD.phase,
                'local_authority', OLD.local_authority, 'sil', OLD.sil, 'joined', OLD.joined,
                'ofsted', OLD.ofsted),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;

        CREATE TRIGGER attendance_replaced AFTER UPDATE ON attendance BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('attendance', OLD.urn, json_object(
                'academic_year', OLD.academic_year, 'term', OLD.term, 'urn', OLD.urn,
                'pupil_group', OLD.pupil_group, 'year_group', OLD.year_group, 'pupils', OLD.pupils,
                'possible_sessions', OLD.possible_sessions, 'absent_sessions', OLD.absent_sessions,
                'persistent_absentees', OLD.persistent_absentees, 'severe_absentees', OLD.severe_absentees,
                'authorised_absent_sessions', OLD.authorised_absent_sessions,
                'unauthorised_absent_sessions', OLD.unauthorised_absent_sessions),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;

        CREATE TRIGGER attainment_replaced AFTER UPDATE ON attainment BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('attainment', OLD.urn, json_object(
                'academic_year', OLD.academic_year, 'term', OLD.term, 'urn', OLD.urn,
                'pupil_group', OLD.pupil_group, 'year_group', OLD.year_group, 'subject', OLD.subject,
                'cohort', OLD.cohort, 'expected', OLD.expected, 'greater_depth', OLD.greater_depth,
                'basis', OLD.basis),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;

        CREATE TRIGGER scores_replaced AFTER UPDATE ON scores BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('scores', OLD.urn, json_object(
                'academic_year', OLD.academic_year, 'term', OLD.term, 'urn', OLD.urn,
                'pupil_group', OLD.pupil_group, 'year_group', OLD.year_group, 'measure', OLD.measure,
                'cohort', OLD.cohort, 'average', OLD.average),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;

        CREATE TRIGGER benchmarks_replaced AFTER UPDATE ON benchmarks BEGIN
            INSERT INTO history (kind, urn, old, old_file_id, old_line, new_file_id, new_line)
            VALUES ('benchmarks', NULL, json_object(
                'measure', OLD.measure, 'academic_year', OLD.academic_year, 'term', OLD.term,
                'phase', OLD.phase, 'pupil_group', OLD.pupil_group, 'scope', OLD.scope,
                'value', OLD.value, 'source', OLD.source),
                OLD.file_id, OLD.line, NEW.file_id, NEW.line);
        END;
        """
}

import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Version 9 keeps which files each academy's attendance and inclusion rows of each drop
/// came from in `drop_sources`, so that `dropSources` does not read every row; what it
/// says must not change.
@Suite("Where each drop came from, kept apart (version 9)")
struct DropSourcesMigrationTests {
    /// `drop_sources` as its rows, and what it must hold: the distinct files of the
    /// attendance and inclusion rows of `drop_counts`.
    private func sourcesAndRows(_ path: String) throws -> (kept: [[String]], rows: [[String]]) {
        var configuration = Configuration()
        configuration.readonly = true
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let columns = "kind || ' ' || academic_year || ' ' || term || ' ' || urn || ' ' || file_id"
            let kept = try String.fetchAll(db, sql: "SELECT \(columns) FROM drop_sources ORDER BY 1")
            let rows = try String.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT \(columns) FROM drop_counts
                    WHERE kind = 'attendance' OR kind = 'inclusion' ORDER BY 1
                    """)
            return ([kept], [rows])
        }
    }

    /// A version 8 store: Oak's autumn attendance from an aggregate file (one of its two
    /// rows later corrected by a second file) and its inclusion from an `inclusion` file;
    /// Elm's autumn attendance and inclusion from its pupil-level export.
    @Test func aVersion8StoreKeepsItsSources() throws {
        try withScratchFolder { folder in
            let path = folder + "/v8.sqlite"
            let queue = try DatabaseQueue(path: path)
            try StoreSchema.bringUpToDate(queue, path: path, upTo: "v8")
            try queue.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO ingests (id, time) VALUES (9, 0);
                        INSERT INTO files (id, ingest_id, name, sha256, kind, rows, bytes, time) VALUES
                            (10, 9, 'attendance-autumn.csv', 'a', 'attendance', 2, 100, 0),
                            (11, 9, 'export-elm.csv', 'b', 'pupil_attendance', 200, 100, 0),
                            (12, 9, 'attendance-fix.csv', 'c', 'attendance', 1, 100, 0),
                            (13, 9, 'inclusion-oak.csv', 'd', 'inclusion', 1, 100, 0);
                        INSERT INTO academies (urn, name, phase, file_id, line) VALUES
                            (100001, 'Oak', 'primary', 10, 2), (100002, 'Elm', 'secondary', 10, 3);
                        INSERT INTO drop_counts VALUES
                            ('attendance', 2024, 'autumn', 100001, 'all', 'all', '', '[200,20000,1000,24]', 10, 2),
                            ('attendance', 2024, 'autumn', 100001, 'boys', 'all', '', '[90,9000,500,10]', 12, 2),
                            ('attendance', 2024, 'autumn', 100002, 'all', 'all', '', '[300,30000,900,20]', 11, 0),
                            ('inclusion', 2024, 'autumn', 100001, 'all', 'all', '', '[4,3,0,0]', 13, 2),
                            ('inclusion', 2024, 'autumn', 100002, 'all', 'all', '', '[5,2,0,0]', 11, 0),
                            ('attainment', 2024, 'autumn', 100002, 'all', '11', 'maths', '[40,22,12,"forecast"]', 10, 4);
                        """)
            }
            let store = try TrustStore(path: path)
            let sources = try sourcesAndRows(path)
            // Oak: files 10 and 12; Elm: 11; inclusion: Oak 13, Elm 11. Not the attainment row.
            #expect(
                sources.kept == [
                    [
                        "attendance 2024 autumn 100001 10", "attendance 2024 autumn 100001 12",
                        "attendance 2024 autumn 100002 11", "inclusion 2024 autumn 100001 13",
                        "inclusion 2024 autumn 100002 11",
                    ]
                ])
            #expect(sources.kept == sources.rows)
            let sample = try Sample()
            #expect(
                try store.dropSources() == [
                    AcademyDrop(urn: sample.oak, drop: sample.autumn):
                        DropSource(
                            fromExport: false, file: "attendance-autumn.csv", inclusionFromExport: false,
                            inclusionFile: "inclusion-oak.csv"),
                    AcademyDrop(urn: sample.elm, drop: sample.autumn):
                        DropSource(fromExport: true, file: "export-elm.csv", inclusionFromExport: true),
                ])
        }
    }

    /// Each ingest rewrites the sources of the academies and drops it stored: a corrected
    /// row takes its new file, an unchanged one keeps its old file, a new drop is added.
    @Test func anIngestKeepsThemUpToDate() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var elm = sample.oakAttendance()
            elm.urn = sample.elm
            var first = BatchBuilder()
            let a = first.file("attendance-a.csv", .attendance, rows: 2)
            first.add(sample.oakAttendance(), file: a, line: 2)
            first.add(elm, file: a, line: 3)
            _ = try store.ingest(first.batch)

            var second = BatchBuilder()
            let b = second.file("attendance-b.csv", .attendance, rows: 3)
            second.add(sample.oakAttendance(absent: 1_200), file: b, line: 2)
            second.add(elm, file: b, line: 3)
            second.add(sample.oakAttendance(sample.spring), file: b, line: 4)
            _ = try store.ingest(second.batch)

            let sources = try sourcesAndRows(store.path)
            #expect(sources.kept == sources.rows)
            #expect(sources.kept.first?.count == 3)
            #expect(
                try store.dropSources() == [
                    AcademyDrop(urn: sample.oak, drop: sample.autumn):
                        DropSource(fromExport: false, file: "attendance-b.csv"),
                    AcademyDrop(urn: sample.elm, drop: sample.autumn):
                        DropSource(fromExport: false, file: "attendance-a.csv"),
                    AcademyDrop(urn: sample.oak, drop: sample.spring):
                        DropSource(fromExport: false, file: "attendance-b.csv"),
                ])
        }
    }

    /// A batch whose records are all new rows, of a drop new to the store (spring, from two
    /// files) and of one it holds (autumn, where Oak's whole-school row came from a.csv):
    /// the new drop's sources are its records' files, and the held drop's are rewritten
    /// from its rows, old file and new.
    @Test func anIngestOfNewRowsAddsTheirFiles() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var first = BatchBuilder()
            let a = first.file("attendance-a.csv", .attendance, rows: 1)
            first.add(sample.oakAttendance(), file: a, line: 2)
            _ = try store.ingest(first.batch)

            func row(_ urn: URN, _ drop: DataDrop, _ group: PupilGroup) -> AttendanceRecord {
                var record = sample.oakAttendance(drop)
                record.urn = urn
                record.group = group
                return record
            }
            var second = BatchBuilder()
            let b = second.file("attendance-b.csv", .attendance, rows: 2)
            let c = second.file("attendance-c.csv", .attendance, rows: 2)
            second.add(row(sample.oak, sample.autumn, .disadvantaged), file: b, line: 2)
            second.add(row(sample.oak, sample.spring, .all), file: b, line: 3)
            second.add(row(sample.oak, sample.spring, .disadvantaged), file: c, line: 2)
            second.add(row(sample.elm, sample.spring, .all), file: c, line: 3)
            let outcome = try store.ingest(second.batch)
            #expect(outcome.files.map(\.inserted) == [2, 2])

            let sources = try sourcesAndRows(store.path)
            #expect(sources.kept == sources.rows)
            var configuration = Configuration()
            configuration.readonly = true
            let queue = try DatabaseQueue(path: store.path, configuration: configuration)
            let named = try queue.read { db in
                try String.fetchAll(
                    db,
                    sql: """
                        SELECT term || ' ' || urn || ' ' || files.name FROM drop_sources
                        JOIN files ON files.id = drop_sources.file_id ORDER BY 1
                        """)
            }
            let oak = sample.oak.value
            let elm = sample.elm.value
            #expect(
                named
                    == [
                        "autumn \(oak) attendance-a.csv", "autumn \(oak) attendance-b.csv",
                        "spring \(elm) attendance-c.csv", "spring \(oak) attendance-b.csv",
                        "spring \(oak) attendance-c.csv",
                    ].sorted())
        }
    }
}

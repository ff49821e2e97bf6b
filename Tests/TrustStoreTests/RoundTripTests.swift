import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// What goes in comes out: every record kind, every optional field given and not, every
/// value of every vocabulary (which also checks the schema's CHECK lists against the enums).
@Suite struct RoundTripTests {
    @Test func academiesWithAndWithoutOptionalFields() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let academies = try store.load().academies
            #expect(academies == [sample.oakAcademy, sample.elmAcademy])
            #expect(academies.last?.localAuthority == nil)
            #expect(academies.last?.ofsted == nil)
        }
    }

    @Test func everyPhaseAndOfstedJudgement() throws {
        try withNewStore { store in
            var builder = BatchBuilder()
            let file = builder.file("academies.csv", .academies, rows: 5)
            var expected: [Academy] = []
            for (index, phase) in Phase.allCases.enumerated() {
                let urn = try #require(URN(200_000 + index))
                let ofsted = Academy.Ofsted.allCases[index % Academy.Ofsted.allCases.count]
                let academy = Academy(
                    urn: urn, name: "Académie \(index) — “quoted”, comma", phase: phase, ofsted: ofsted)
                builder.add(academy, file: file, line: index + 2)
                expected.append(academy)
            }
            _ = try store.ingest(builder.batch)
            #expect(try store.load().academies == expected)
            #expect(Set(expected.compactMap(\.ofsted)) == Set(Academy.Ofsted.allCases))
        }
    }

    @Test func attendanceWithAndWithoutOptionalFields() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("attendance.csv", .attendance, rows: 2)
            let bare = sample.oakAttendance()
            let full = AttendanceRecord(
                urn: sample.oak, drop: sample.autumn, group: .girls, yearGroup: .reception, pupils: 30,
                possibleSessions: 3_000, absentSessions: 150, persistentAbsentees: 4, severeAbsentees: 1,
                authorisedAbsentSessions: 100, unauthorisedAbsentSessions: 50)
            builder.add(bare, file: file, line: 2)
            builder.add(full, file: file, line: 3)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let stored = try store.load().attendance
            #expect(Set(stored) == [bare, full])
            #expect(stored.count == 2)
        }
    }

    /// A record's absence bands come back as they went in, each in its place; a stored
    /// row with only some of them (which no ingest writes) reads with none.
    @Test func attendanceWithAbsenceBands() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("attendance.csv", .attendance, rows: 1)
            var banded = sample.oakAttendance()
            banded.absenceBands = AbsenceBands(
                underFive: banded.pupils - 10, atRisk: 4, tenToTwenty: 3, twentyToFifty: 2, fiftyPlus: 1)
            builder.add(banded, file: file, line: 2)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let stored = try store.load().attendance
            #expect(stored == [banded])
            #expect(stored.first?.absenceBands?.counts == [banded.pupils - 10, 4, 3, 2, 1])

            // The third band (the eighth to twelfth values are the bands) made null.
            try DatabaseQueue(path: store.path).write { db in
                try db.execute(
                    sql:
                        "UPDATE drop_counts SET counts = json_set(counts, '$[9]', NULL) WHERE kind = 'attendance'"
                )
            }
            let partial = try store.load().attendance
            #expect(partial.count == 1)
            #expect(partial.first?.absenceBands == nil)
            #expect(partial.first?.pupils == banded.pupils)
        }
    }

    /// A stored basis this version does not know is reported with its column and the
    /// record's values, as any value it cannot read.
    @Test func anUnknownBasisIsReported() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("attainment.csv", .attainment, rows: 1)
            builder.add(sample.elmAttainment(), file: file, line: 2)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            #expect(try store.load().attainment == [sample.elmAttainment()])
            let spoilt = "[30,22,null,\"guesswork\"]"
            try DatabaseQueue(path: store.path).write { db in
                try db.execute(
                    sql: "UPDATE drop_counts SET counts = ? WHERE kind = 'attainment'", arguments: [spoilt])
            }
            #expect(
                throws: StoreError.unreadableValue(
                    path: store.path, table: "attainment", column: "basis", value: spoilt)
            ) {
                try store.load()
            }
        }
    }

    @Test func attainmentWithAndWithoutOptionalFields() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("attainment.csv", .attainment, rows: 2)
            let full = sample.elmAttainment()
            let bare = AttainmentRecord(
                urn: sample.oak, drop: sample.spring, subject: .phonics, cohort: 30, expected: 24)
            builder.add(full, file: file, line: 2)
            builder.add(bare, file: file, line: 3)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let stored = try store.load().attainment
            #expect(Set(stored) == [bare, full])
            #expect(stored.count == 2)
            #expect(stored.first { $0.urn == sample.oak }?.basis == .teacherAssessment)
            #expect(stored.first { $0.urn == sample.oak }?.greaterDepth == nil)
        }
    }

    @Test func scoresIncludingNegativeAndFractionalAverages() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let file = builder.file("scores.csv", .scores, rows: 2)
            let progress = ScoreRecord(
                urn: sample.elm, drop: sample.autumn, group: .ehcp, yearGroup: .year(11), measure: .progress8,
                cohort: 7, average: -0.37)
            let scaled = ScoreRecord(
                urn: sample.oak, drop: sample.autumn, measure: .readingScaled, cohort: 30, average: 104.1)
            builder.add(progress, file: file, line: 2)
            builder.add(scaled, file: file, line: 3)
            _ = try store.ingest(sample.academiesBatch())
            _ = try store.ingest(builder.batch)
            let stored = try store.load().scores
            #expect(Set(stored) == [progress, scaled])
            #expect(stored.first { $0.measure == .progress8 }?.average == -0.37)
        }
    }

    @Test func benchmarksWithAndWithoutOptionalFields() throws {
        try withNewStore { store in
            var builder = BatchBuilder()
            let file = builder.file("benchmarks.csv", .benchmarks, rows: 2)
            let full = Benchmark(
                kpi: .persistentAbsenceRate, year: AcademicYear(2024), term: .spring, phase: .allThrough,
                group: .senSupport, scope: .localAuthority("Surrey"), value: 18.25,
                source: "Surrey LA, spring")
            let bare = Benchmark(kpi: .score(.attainment8), year: AcademicYear(2025), value: 45.9)
            builder.add(full, file: file, line: 2)
            builder.add(bare, file: file, line: 3)
            _ = try store.ingest(builder.batch)
            let stored = Set(try store.load().benchmarks)
            #expect(stored == Set(BuiltInBenchmarks.all + [full, bare]))
        }
    }

    /// Every pupil group, year group, subject, measure and term in one batch of Oak's rows.
    @Test func everyVocabularyValue() throws {
        try withNewStore { store in
            let sample = try Sample()
            var builder = BatchBuilder()
            let attendanceFile = builder.file("attendance.csv", .attendance, rows: 0)
            let attainmentFile = builder.file("attainment.csv", .attainment, rows: 0)
            let scoresFile = builder.file("scores.csv", .scores, rows: 0)
            var line = 1
            var attendance: [AttendanceRecord] = []
            var attainment: [AttainmentRecord] = []
            var scores: [ScoreRecord] = []
            for term in Term.allCases {
                let drop = DataDrop(year: AcademicYear(2023), term: term)
                for group in PupilGroup.allCases {
                    for yearGroup in YearGroup.allCases {
                        line += 1
                        let record = AttendanceRecord(
                            urn: sample.oak, drop: drop, group: group, yearGroup: yearGroup, pupils: line,
                            possibleSessions: 10 * line, absentSessions: line, persistentAbsentees: 1)
                        attendance.append(record)
                        builder.add(record, file: attendanceFile, line: line)
                    }
                }
                for (index, subject) in Subject.allCases.enumerated() {
                    let basis = AttainmentRecord.Basis.allCases[index % AttainmentRecord.Basis.allCases.count]
                    let record = AttainmentRecord(
                        urn: sample.oak, drop: drop, subject: subject, cohort: 30, expected: 20,
                        greaterDepth: 5,
                        basis: basis)
                    attainment.append(record)
                    builder.add(record, file: attainmentFile, line: index + 2)
                }
                for (index, measure) in ScoreMeasure.allCases.enumerated() {
                    let record = ScoreRecord(
                        urn: sample.oak, drop: drop, measure: measure, cohort: 30,
                        average: Double(index) + 0.5)
                    scores.append(record)
                    builder.add(record, file: scoresFile, line: index + 2)
                }
            }
            _ = try store.ingest(sample.academiesBatch())
            let outcome = try store.ingest(builder.batch)
            // 3 terms × 9 groups × 16 year groups; 3 × 12 subjects; 3 × 9 measures.
            #expect(outcome.files.map(\.inserted) == [432, 36, 27])
            let data = try store.load()
            #expect(Set(data.attendance) == Set(attendance))
            #expect(data.attendance.count == 432)
            #expect(Set(data.attainment) == Set(attainment))
            #expect(Set(data.scores) == Set(scores))
        }
    }

    /// Every KPI key as a benchmark measure, every phase and the all-phases blank.
    @Test func everyKPIAndPhaseAsABenchmark() throws {
        try withNewStore { store in
            var builder = BatchBuilder()
            let file = builder.file("benchmarks.csv", .benchmarks, rows: 0)
            var benchmarks: [Benchmark] = []
            let phases: [Phase?] = [nil] + Phase.allCases
            for (index, kpi) in KPI.allCases.enumerated() {
                let benchmark = Benchmark(
                    kpi: kpi, year: AcademicYear(2030), phase: phases[index % phases.count],
                    value: Double(index))
                benchmarks.append(benchmark)
                builder.add(benchmark, file: file, line: index + 2)
            }
            _ = try store.ingest(builder.batch)
            #expect(Set(try store.load().benchmarks) == Set(BuiltInBenchmarks.all + benchmarks))
        }
    }
}

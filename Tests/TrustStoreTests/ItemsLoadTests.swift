import Foundation
import Metrics
import Testing

@testable import TrustStore

/// Loading a drop for some KPIs' records only (`TrustStore.load(_:only:attendanceOf:)`,
/// `RecordItems`): exactly the records of a whole load those KPIs are counted from, and
/// nil when the records left out could change the drop's academies or time of ingest.
@Suite struct ItemsLoadTests {
    /// The overview's KPIs under the built-in headlines, as the dashboard asks for them.
    static let kpis: [KPI] = [
        .attendanceRate, .persistentAbsenceRate, .severeAbsenceRate, .inclusion(.suspensionRate),
        .expected(.writing), .expected(.rwm), .score(.attainment8),
    ]

    /// Spring, ingested in January: Oak's attendance (all pupils and disadvantaged), Year 6
    /// RWM, writing, reading and science, published RWM and maths, and an inclusion line;
    /// Elm's English and maths, Attainment 8 and Progress 8.
    private func spring(_ store: TrustStore, _ sample: Sample) throws {
        _ = try store.ingest(sample.academiesBatch(), at: Times.december)
        var builder = BatchBuilder()
        let attendance = builder.file("attendance.csv", .attendance, rows: 2)
        builder.add(sample.oakAttendance(sample.spring), file: attendance, line: 2)
        var disadvantaged = sample.oakAttendance(sample.spring)
        disadvantaged.group = .disadvantaged
        disadvantaged.pupils = 50
        builder.add(disadvantaged, file: attendance, line: 3)
        let attainment = builder.file("attainment.csv", .attainment, rows: 5)
        for (line, subject) in [Subject.rwm, .writing, .reading, .science].enumerated() {
            builder.add(
                AttainmentRecord(
                    urn: sample.oak, drop: sample.spring, yearGroup: .year(6), subject: subject, cohort: 30,
                    expected: 20 + line),
                file: attainment, line: line + 2)
        }
        builder.add(sample.elmAttainment(sample.spring), file: attainment, line: 6)
        let scores = builder.file("scores.csv", .scores, rows: 2)
        for (line, measure) in [ScoreMeasure.attainment8, .progress8].enumerated() {
            builder.add(
                ScoreRecord(
                    urn: sample.elm, drop: sample.spring, yearGroup: .year(11), measure: measure, cohort: 150,
                    average: 40.5 + Double(line)),
                file: scores, line: line + 2)
        }
        var batch = builder.batch
        batch.published = [KPI.expected(.rwm), .expected(.maths)].enumerated().map { line, kpi in
            Sourced(
                PublishedFigure(
                    urn: sample.oak, drop: sample.spring, kpi: kpi, group: .boys, yearGroup: .year(6),
                    value: 55,
                    pupils: 14, source: "KS2 performance tables"),
                file: attainment, line: 10 + line)
        }
        batch.inclusion = [
            Sourced(
                InclusionRecord(
                    urn: sample.oak, drop: sample.spring, pupils: 210, suspensions: 3, pupilsSuspended: 2,
                    permanentExclusions: 0),
                file: attendance, line: 20)
        ]
        _ = try store.ingest(batch, at: Times.january)
    }

    @Test func theRecordsOfTheKPIsAsAWholeLoadReadsThem() throws {
        try withNewStore { store in
            let sample = try Sample()
            try spring(store, sample)
            let items = RecordItems(figuresOf: Self.kpis)
            let some = try #require(try store.load(sample.spring, only: items))
            let whole = try store.load(drops: [sample.spring])
            #expect(some.attendance == whole.attendance)
            #expect(some.attendance.count == 2)
            #expect(some.inclusion == whole.inclusion)
            #expect(some.inclusion.count == 1)
            #expect(some.attainment.map(\.subject) == [.rwm, .writing])
            #expect(some.attainment == whole.attainment.filter { [.rwm, .writing].contains($0.subject) })
            #expect(some.scores == whole.scores.filter { $0.measure == .attainment8 })
            #expect(some.scores.count == 1)
            #expect(some.published == whole.published.filter { $0.kpi == .expected(.rwm) })
            #expect(some.published.count == 1)
            #expect(some.academies == whole.academies)
            #expect(some.benchmarks == whole.benchmarks)
            #expect(some.trustName == whole.trustName)
            #expect(some.ingestedAt == whole.ingestedAt)
            #expect(some.ingestedAt == [sample.spring: "20 Jan 2026 16:30"])
            // Every record, as the whole load reads them.
            let all = try #require(try store.load(sample.spring, only: .all))
            #expect(all.attainment == whole.attainment)
            #expect(all.scores == whole.scores)
            #expect(all.published == whole.published)
        }
    }

    @Test func itemsReadAndNot() {
        let items = RecordItems(figuresOf: Self.kpis)
        #expect(items.reads(.attendance, item: ""))
        #expect(items.reads(.attainment, item: "rwm"))
        #expect(!items.reads(.attainment, item: "science"))
        #expect(items.reads(.scores, item: "attainment8"))
        #expect(!items.reads(.scores, item: "progress8"))
        #expect(items.reads(.published, item: "rwm_expected"))
        #expect(!items.reads(.published, item: "maths_expected"))
        #expect(!items.readsWhole(.attendance))
        #expect(RecordItems.all.readsWhole(.attainment))
        let attendanceOnly = RecordItems(figuresOf: [KPI.attendanceRate])
        #expect(!attendanceOnly.reads(.attainment, item: "rwm"))
        #expect(!attendanceOnly.reads(.inclusion, item: ""))
    }

    /// Elm has English and maths only, which the KPIs do not read: its having data in the
    /// drop is not known from what was read, so the drop is read whole.
    @Test func anAcademyWithOnlyOtherRecordsReadsTheDropWhole() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            var builder = BatchBuilder()
            let attendance = builder.file("attendance.csv", .attendance, rows: 1)
            builder.add(sample.oakAttendance(sample.spring), file: attendance, line: 2)
            let attainment = builder.file("attainment.csv", .attainment, rows: 1)
            builder.add(sample.elmAttainment(sample.spring), file: attainment, line: 2)
            _ = try store.ingest(builder.batch, at: Times.january)
            #expect(try store.load(sample.spring, only: RecordItems(figuresOf: Self.kpis)) == nil)
            // With English and maths read, Elm has data among what was read.
            let withIt = RecordItems(figuresOf: Self.kpis + [.expected(.englishMaths)])
            #expect(try store.load(sample.spring, only: withIt)?.attainment.count == 1)
        }
    }

    /// A file of science alone ingested in March: whether it has rows in the drop is not
    /// known from what was read, so the drop is read whole; a later academies file holds no
    /// records and changes nothing.
    @Test func aLaterFileReadsTheDropWhole() throws {
        try withNewStore { store in
            let sample = try Sample()
            try spring(store, sample)
            var academies = BatchBuilder()
            let file = academies.file("academies-march.csv", .academies, rows: 1)
            academies.add(sample.oakAcademy, file: file, line: 2)
            _ = try store.ingest(academies.batch, at: Times.march)
            let items = RecordItems(figuresOf: Self.kpis)
            #expect(
                try store.load(sample.spring, only: items)?.ingestedAt == [sample.spring: "20 Jan 2026 16:30"]
            )

            var science = BatchBuilder()
            let attainment = science.file("science.csv", .attainment, rows: 1)
            science.add(
                AttainmentRecord(
                    urn: sample.oak, drop: sample.spring, yearGroup: .year(6), subject: .science, cohort: 30,
                    expected: 11),
                file: attainment, line: 2)
            _ = try store.ingest(science.batch, at: Times.march)
            #expect(try store.load(sample.spring, only: items) == nil)
            #expect(try store.load(drops: [sample.spring]).ingestedAt == [sample.spring: "14 Mar 2026 10:42"])
        }
    }
}

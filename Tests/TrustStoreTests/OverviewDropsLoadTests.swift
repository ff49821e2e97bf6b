import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Loading several drops for some KPIs' records only (`TrustStore.load(drops:only:attendanceOf:)`),
/// as the live dashboard's first frame of a store of many drops reads them: exactly the
/// records of a whole load those KPIs are counted from, and nil when the records left out
/// could change any drop's academies or time of ingest, but not for a later file that
/// holds none of a drop's records.
@Suite struct OverviewDropsLoadTests {
    /// The overview's KPIs under the built-in headlines.
    static let items = RecordItems(figuresOf: ItemsLoadTests.kpis)

    /// Oak's attendance and Year 6 RWM and science of `drop`, in one file each.
    private func oakDrop(_ sample: Sample, _ drop: DataDrop, science: Int = 11) -> DropBatch {
        var builder = BatchBuilder()
        let attendance = builder.file("attendance-\(drop.key).csv", .attendance, rows: 1)
        builder.add(sample.oakAttendance(drop), file: attendance, line: 2)
        let attainment = builder.file("attainment-\(drop.key).csv", .attainment, rows: 2)
        for (line, (subject, expected)) in [(Subject.rwm, 20), (.science, science)].enumerated() {
            builder.add(
                AttainmentRecord(
                    urn: sample.oak, drop: drop, yearGroup: .year(6), subject: subject, cohort: 30,
                    expected: expected),
                file: attainment, line: line + 2)
        }
        return builder.batch
    }

    /// Autumn ingested in December and spring in January: the spring files, later than
    /// every autumn one, hold no autumn record, so both drops are read in part, each with
    /// its own time of ingest, as a whole load gives them.
    @Test func theRecordsOfTheKPIsOfEachDrop() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.autumn), at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.spring), at: Times.january)
            let drops: Set = [sample.autumn, sample.spring]
            let some = try #require(try store.load(drops: drops, only: Self.items))
            let whole = try store.load(drops: drops)
            #expect(some.attendance == whole.attendance)
            #expect(some.attendance.count == 2)
            #expect(some.attainment == whole.attainment.filter { $0.subject == .rwm })
            #expect(some.attainment.map(\.drop) == [sample.autumn, sample.spring])
            #expect(whole.attainment.count == 4)
            #expect(some.academies == whole.academies)
            #expect(some.ingestedAt == whole.ingestedAt)
            #expect(
                some.ingestedAt == [sample.autumn: "5 Dec 2025 09:05", sample.spring: "20 Jan 2026 16:30"])
        }
    }

    /// A file of autumn science alone ingested in March: whether it has rows in autumn is
    /// not known from what was read, so the drops are read whole, though the drop shown
    /// (spring) had no later file.
    @Test func aLaterFileOfAnEarlierDropReadsTheDropsWhole() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.autumn), at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.spring), at: Times.january)
            var science = BatchBuilder()
            let attainment = science.file("science.csv", .attainment, rows: 1)
            science.add(
                AttainmentRecord(
                    urn: sample.oak, drop: sample.autumn, yearGroup: .year(6), subject: .science, cohort: 30,
                    expected: 14),
                file: attainment, line: 2)
            _ = try store.ingest(science.batch, at: Times.march)
            #expect(try store.load(drops: [sample.autumn, sample.spring], only: Self.items) == nil)
            #expect(try store.load(drops: [sample.spring], only: Self.items)?.attainment.count == 1)
            #expect(try store.load(drops: [sample.autumn]).ingestedAt == [sample.autumn: "14 Mar 2026 10:42"])
        }
    }

    /// Elm has English and maths alone in autumn, which the KPIs do not read: its having
    /// data in that drop is not known from what was read, so the drops are read whole.
    @Test func anAcademyWithOnlyOtherRecordsInAnEarlierDropReadsTheDropsWhole() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            var autumn = oakDrop(sample, sample.autumn)
            autumn.attainment.append(Sourced(sample.elmAttainment(sample.autumn), file: 1, line: 4))
            _ = try store.ingest(autumn, at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.spring), at: Times.january)
            #expect(try store.load(drops: [sample.autumn, sample.spring], only: Self.items) == nil)
            #expect(try store.load(drops: [sample.spring], only: Self.items) != nil)
            let withIt = RecordItems(figuresOf: ItemsLoadTests.kpis + [.expected(.englishMaths)])
            #expect(
                try store.load(drops: [sample.autumn, sample.spring], only: withIt)?.attainment.count == 3)
        }
    }

    /// The trend's drops give what the store kept of them for the trend, as
    /// `load(drops:attendanceOf:)` gives them (Oak's 1,000 of 20,000 sessions missed: 95.0%,
    /// the trust's too), and are not checked: nothing of them but their attendance is shown.
    /// Without kept figures, their attendance records are read.
    @Test func theTrendsDropsGiveTheirAttendance() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch(), at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.autumn), at: Times.december)
            _ = try store.ingest(oakDrop(sample, sample.spring), at: Times.january)
            let some = try #require(
                try store.load(drops: [sample.spring], only: Self.items, attendanceOf: [sample.autumn]))
            #expect(some.attendance == (try store.load(drops: [sample.spring])).attendance)
            #expect(
                some.shownAttendance
                    == [
                        sample.autumn: ShownAttendance(
                            drop: sample.autumn, trust: 95.0, academies: [sample.oak: 95.0])
                    ])
            #expect(some.attainment.map(\.drop) == [sample.spring])

            try DatabaseQueue(path: store.path).write { try $0.execute(sql: "DELETE FROM attendance_trend") }
            let read = try #require(
                try store.load(drops: [sample.spring], only: Self.items, attendanceOf: [sample.autumn]))
            #expect(read.attendance == (try store.load(drops: [sample.autumn, sample.spring])).attendance)
            #expect(read.shownAttendance.isEmpty)
        }
    }
}

import Foundation
import GRDB
import Metrics
import Testing

@testable import TrustStore

/// Every school's published outcomes and names (schema v4): stored for any school, read
/// back by drop, replaced without history, and added to a store made by version 3 with
/// its history kept.
@Suite struct OutcomesStoreTests {
    let summer = DataDrop(year: AcademicYear(2018), term: .summer)

    private func urn(_ value: Int) throws -> URN { try #require(URN(value)) }

    /// Two schools of the absence file, neither of them an academy of any store here.
    private func outcomes(absence: Double = 2.6) throws -> [SchoolOutcome] {
        [
            SchoolOutcome(urn: try urn(100_000), drop: summer, kpi: .absenceRate, value: absence),
            SchoolOutcome(urn: try urn(100_000), drop: summer, kpi: .persistentAbsenceRate, value: 3.4),
            SchoolOutcome(urn: try urn(136_807), drop: summer, kpi: .absenceRate, value: 4.3),
        ]
    }

    private func batch(_ name: String, _ outcomes: [SchoolOutcome], names: [SchoolName] = []) -> DropBatch {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(name: name, sha256: Sample.sha(name + "\(outcomes)"), rows: outcomes.count)
        ]
        batch.outcomes = outcomes.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        batch.schoolNames = names.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        return batch
    }

    @Test func outcomesOfAnySchoolRoundTripByDrop() throws {
        try withNewStore { store in
            let outcome = try store.ingest(batch("england_abs_2018-19.csv", try outcomes()))
            #expect(outcome.files.first?.inserted == 3)
            let loaded = try store.schoolOutcomes(of: summer)
            #expect(loaded.value(.absenceRate, at: try urn(100_000)) == 2.6)
            #expect(loaded.value(.persistentAbsenceRate, at: try urn(100_000)) == 3.4)
            #expect(loaded.value(.absenceRate, at: try urn(136_807)) == 4.3)
            // 136807's persistent absence was not published: no value, never zero.
            #expect(loaded.value(.persistentAbsenceRate, at: try urn(136_807)) == nil)
            #expect(loaded.kpis == [.absenceRate, .persistentAbsenceRate])
            #expect(try store.schoolOutcomes(of: DataDrop(year: AcademicYear(2019), term: .summer)).isEmpty)
            #expect(try store.schoolOutcomeDrops() == [summer])
            // Outcomes are no drop's figures: the trust has no drops.
            #expect(try store.load().drops.isEmpty)
        }
    }

    @Test func theSameFileAgainChangesNothingAndALaterOneReplacesWithoutHistory() throws {
        try withNewStore { store in
            _ = try store.ingest(batch("abs-a.csv", try outcomes()))
            #expect(try store.ingest(batch("abs-a.csv", try outcomes())).changedNothing)
            let outcome = try store.ingest(batch("abs-b.csv", try outcomes(absence: 2.7)))
            #expect(outcome.files.first?.replaced == 1)
            #expect(outcome.files.first?.unchanged == 2)
            #expect(try store.schoolOutcomes(of: summer).value(.absenceRate, at: try urn(100_000)) == 2.7)
            #expect(try store.history().isEmpty)
        }
    }

    @Test func aFileWithoutANameKeepsTheNameAnotherGave() throws {
        try withNewStore { store in
            let school = try urn(139_975)
            let ks4 = SchoolName(urn: school, name: "Beckfoot School", localAuthority: "380")
            _ = try store.ingest(batch("ks4.csv", try outcomes(), names: [ks4]))
            // The absence file gives the local authority alone.
            let absence = SchoolName(urn: school, name: nil, localAuthority: "381")
            _ = try store.ingest(batch("abs.csv", try outcomes(absence: 2.9), names: [absence]))
            let names = try store.schoolNames(of: [school])
            #expect(names[school]?.name == "Beckfoot School")
            #expect(names[school]?.localAuthority == "381")
            #expect(try store.schoolNames(of: [try urn(100_000)]).isEmpty)
        }
    }

    /// A file ingested before whose figures are all stored alike, but whose school names
    /// put back a name another file changed, changed something: it is recorded (the names
    /// point at it), says so, and the name is its own again.
    @Test func aKnownFileThatOnlyRenamesASchoolIsRecorded() throws {
        try withNewStore { store in
            let school = try urn(139_975)
            let beckfoot = SchoolName(urn: school, name: "Beckfoot School", localAuthority: "380")
            let renamed = SchoolName(urn: school, name: "Beckfoot Academy", localAuthority: "380")
            let first = try store.ingest(batch("ks4.csv", try outcomes(), names: [beckfoot]))
            // A name given for the first time is stored, not updated.
            #expect(first.files.first?.schoolsNamed == 1)
            #expect(first.files.first?.renamed == 0)
            #expect(
                first.files.first?.counts
                    == "3 new, 0 corrected, 0 unchanged, 1 school's name or local authority stored")
            let second = try store.ingest(batch("ks4-b.csv", try outcomes(), names: [renamed]))
            #expect(second.files.first?.renamed == 1)
            #expect(second.files.first?.schoolsNamed == 0)
            #expect(try store.schoolNames(of: [school])[school]?.name == "Beckfoot Academy")
            let again = try store.ingest(batch("ks4.csv", try outcomes(), names: [beckfoot]))
            let file = try #require(again.files.first)
            #expect(file.alreadyKnown)
            #expect(file.unchanged == 3)
            #expect(file.renamed == 1)
            #expect(file.recorded)
            #expect(!again.changedNothing)
            #expect(
                file.counts
                    == "0 new, 0 corrected, 3 unchanged, 1 school's name or local authority updated (ingested before)"
            )
            #expect(try store.schoolNames(of: [school])[school]?.name == "Beckfoot School")
            // Sent once more, it changes nothing and is skipped.
            let third = try store.ingest(batch("ks4.csv", try outcomes(), names: [beckfoot]))
            #expect(third.changedNothing)
            #expect(third.files.first?.renamed == 0)
        }
    }

    /// A store made by version 3, with a correction in its history, gains the tables and
    /// keeps its academies, figures and history.
    @Test func aVersion3StoreGainsTheTablesAndKeepsItsHistory() throws {
        try withScratchFolder { folder in
            let path = folder + "/v3.sqlite"
            let sample = try Sample()
            do {
                let queue = try DatabaseQueue(path: path)
                try StoreSchema.bringUpToDate(queue, path: path, upTo: "v3")
                var first = sample.academiesBatch()
                first.attendance = [Sourced(sample.oakAttendance(absent: 1_000), file: 0, line: 2)]
                var correction = BatchBuilder()
                let file = correction.file("attendance-b.csv", .attendance, rows: 1)
                correction.add(sample.oakAttendance(absent: 1_200), file: file, line: 2)
                try queue.write { db in
                    try writeBeforeV7(first, to: db, at: Times.december)
                    try writeBeforeV7(correction.batch, to: db, at: Times.january)
                }
                let tables = try queue.read { db in
                    try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                #expect(!tables.contains("school_outcomes"))
                #expect(!tables.contains("school_names"))
                #expect(tables.contains("school_census"))
            }
            let store = try TrustStore(path: path)
            let history = try store.history()
            #expect(history.count == 1)
            #expect(history.first?.replaced == .attendance(sample.oakAttendance(absent: 1_000)))
            #expect(try store.load().attendance == [sample.oakAttendance(absent: 1_200)])
            #expect(try store.knownURNs() == [sample.oak, sample.elm])
            _ = try store.ingest(batch("abs.csv", try outcomes()))
            #expect(try store.schoolOutcomes(of: summer).values(of: .absenceRate).count == 2)
            #expect(try store.history().count == 1)
        }
    }
}

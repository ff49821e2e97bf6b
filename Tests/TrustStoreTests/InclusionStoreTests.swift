import Foundation
import Metrics
import Testing

@testable import TrustStore

/// Inclusion records go into the store's one table of termly records with no schema step
/// of their own, and are corrected with history like every other kind.
@Suite("Storing inclusion records")
struct InclusionStoreTests {
    private func record(_ sample: Sample, group: PupilGroup = .all, suspensions: Int) -> InclusionRecord {
        InclusionRecord(
            urn: sample.elm, drop: sample.spring, group: group, pupils: 1_200, suspensions: suspensions,
            pupilsSuspended: 61, permanentExclusions: 2)
    }

    private func batch(_ name: String, _ records: [InclusionRecord]) -> DropBatch {
        var batch = DropBatch()
        batch.files = [
            DropFileSummary(
                name: name, sha256: Sample.sha(name), kind: .inclusion, rows: records.count, bytes: 100)
        ]
        batch.inclusion = records.enumerated().map { Sourced($1, file: 0, line: $0 + 2) }
        return batch
    }

    @Test func inclusionRecordsRoundTripAndKeepTheirHistory() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            let first = [record(sample, suspensions: 150), record(sample, group: .boys, suspensions: 101)]
            let stored = try store.ingest(batch("inclusion-a.csv", first))
            #expect(stored.files.first?.inserted == 2)
            // Key order: the pupil group `all` before `boys`.
            #expect(try store.load().inclusion == first)
            #expect(try store.load(drops: [sample.spring]).inclusion == first)
            #expect(try store.load(drops: [sample.autumn]).inclusion.isEmpty)

            let again = try store.ingest(batch("inclusion-b.csv", first))
            #expect(again.files.first?.unchanged == 2)

            let corrected = [record(sample, suspensions: 152)]
            let outcome = try store.ingest(batch("inclusion-c.csv", corrected))
            #expect(outcome.files.first?.replaced == 1)
            #expect(try store.load().inclusion == [corrected[0], first[1]])
            #expect(try store.history().map(\.replaced) == [.inclusion(first[0])])
            #expect(try store.history(urn: sample.oak).isEmpty)
            #expect(try store.dropListing().first?.academies == 1)
        }
    }

    /// `dropSources` says where each drop's attendance came from, whether an export gave its
    /// inclusion figures, and else which `inclusion` file did, so that a later file of the
    /// other way is refused.
    @Test func theStoreSaysWhichDropsHaveInclusionFromAnExport() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var builder = BatchBuilder()
            // Oak from an export with its inclusion columns; Elm's attendance from an
            // aggregate file, its inclusion from an `inclusion` file.
            let export = builder.file("export-oak.csv", .pupilAttendance, rows: 200)
            builder.add(sample.oakAttendance(sample.spring), file: export, line: 2)
            let aggregate = builder.file("attendance-elm.csv", .attendance, rows: 1)
            var elm = sample.oakAttendance(sample.spring)
            elm.urn = sample.elm
            builder.add(elm, file: aggregate, line: 2)
            var batch = builder.batch
            var oakInclusion = record(sample, suspensions: 100)
            oakInclusion.urn = sample.oak
            batch.inclusion = [Sourced(oakInclusion, file: export, line: 2)]
            batch.files.append(
                DropFileSummary(
                    name: "inclusion-elm.csv", sha256: Sample.sha("inclusion-elm.csv"), kind: .inclusion,
                    rows: 1,
                    bytes: 100))
            batch.inclusion.append(Sourced(record(sample, suspensions: 120), file: 2, line: 2))
            _ = try store.ingest(batch)
            let sources = try store.dropSources()
            #expect(
                sources == [
                    AcademyDrop(urn: sample.oak, drop: sample.spring):
                        DropSource(fromExport: true, file: "export-oak.csv", inclusionFromExport: true),
                    AcademyDrop(urn: sample.elm, drop: sample.spring):
                        DropSource(
                            fromExport: false, file: "attendance-elm.csv", inclusionFromExport: false,
                            inclusionFile: "inclusion-elm.csv"),
                ])
            // Elm's autumn, from an aggregate file: asked for one drop, the store gives
            // that drop's academies alone.
            let autumn = DataDrop(year: sample.spring.year, term: .autumn)
            var later = BatchBuilder()
            let autumnFile = later.file("attendance-elm-autumn.csv", .attendance, rows: 1)
            elm.drop = autumn
            later.add(elm, file: autumnFile, line: 2)
            _ = try store.ingest(later.batch)
            let elmAutumn = AcademyDrop(urn: sample.elm, drop: autumn)
            #expect(
                try store.dropSources(of: [autumn])
                    == [elmAutumn: DropSource(fromExport: false, file: "attendance-elm-autumn.csv")])
            #expect(try store.dropSources(of: [sample.spring]) == sources)
            #expect(try store.dropSources(of: [DataDrop(year: sample.spring.year, term: .summer)]).isEmpty)
            #expect(try store.dropSources().count == 3)
            #expect(try store.dropSources(of: [autumn, sample.spring]) == store.dropSources())
        }
    }

    /// The store refuses a record that breaks its rules even from a caller that did not
    /// parse it: more pupils suspended than suspensions.
    @Test func aRecordBreakingARuleIsRefused() throws {
        try withNewStore { store in
            let sample = try Sample()
            _ = try store.ingest(sample.academiesBatch())
            var broken = record(sample, suspensions: 150)
            broken.pupilsSuspended = 151
            #expect {
                try store.ingest(batch("inclusion.csv", [broken]))
            } throws: { error in
                guard case .rowRefused(let file, let line, let reason) = error as? StoreError else {
                    return false
                }
                return file == "inclusion.csv" && line == 2 && reason.contains("pupils_suspended")
            }
            #expect(try store.load().inclusion.isEmpty)
        }
    }
}

import Foundation
import Testing

@testable import Metrics

@Suite("Taking a trust's academies from an Explore Education Statistics file")
struct DfETrustTests {
    /// Line 2: Alpha Primary (ALPHA TRUST, primary); line 3: Gamma School (ALPHA TRUST, a
    /// school type that names no phase); line 4: Beta Academy (BETA TRUST, secondary).
    static let text =
        EESFixtures.header + "\n"
        + "202122,Academic year,School,Bradford,State-funded primary,100001,Alpha Primary,ALPHA TRUST,"
        + "200,50000,2500,2000,500,30,4\n"
        + "202122,Academic year,School,Bradford,,100003,Gamma School,ALPHA TRUST,"
        + "100,25000,1000,800,200,10,1\n"
        + "202122,Academic year,School,Bradford,State-funded secondary,100002,Beta Academy,BETA TRUST,"
        + "900,225000,18000,15000,3000,200,20\n"

    static func files() throws -> [String: ExploreEducationAbsenceFile] {
        ["ees.csv": try #require(ExploreEducationAbsenceFile(bytes: Array(text.utf8)))]
    }

    @Test func theTrustsSchoolsWithAPhaseAreAdded() throws {
        let trust = try DfETrust(named: "  alpha trust ", in: Self.files())
        #expect(trust.urns == [Fixtures.urn(100_001)])
        #expect(trust.trustName == "ALPHA TRUST")
        // Gamma has no phase: left out, with a warning naming its file and line.
        #expect(trust.warnings.count == 1)
        #expect(trust.warnings.first?.hasPrefix("ees.csv:3: Gamma School (100003) has no phase") == true)
    }

    @Test func academiesAreAddedAsComingFromTheirFileAndLine() throws {
        let trust = try DfETrust(named: "ALPHA TRUST", in: Self.files())
        var batch = DropBatch()
        batch.files = [DropFileSummary(name: "other.csv", sha256: "", kind: nil, rows: 0)]
        batch.files.append(DropFileSummary(name: "ees.csv", sha256: "", kind: .attendance, rows: 3))
        trust.add(to: &batch, known: [])
        #expect(batch.academies.map(\.record.urn) == [Fixtures.urn(100_001)])
        #expect(batch.academies.first?.file == 1)
        #expect(batch.academies.first?.line == 2)
        #expect(batch.trustName == "ALPHA TRUST")

        // An academy already stored keeps what the trust's own academies file said.
        var again = DropBatch()
        again.files = batch.files
        trust.add(to: &again, known: [Fixtures.urn(100_001)])
        #expect(again.academies.isEmpty)
    }

    @Test func anUnknownTrustNamesTheClosestTrusts() throws {
        // ALPHA TRUTS is 2 edits from ALPHA TRUST, 6 from BETA TRUST.
        #expect(
            throws: DfETrust.Failure.notFound(
                trust: "ALPHA TRUTS", files: ["ees.csv"], closest: ["ALPHA TRUST", "BETA TRUST"])
        ) {
            try DfETrust(named: "ALPHA TRUTS", in: Self.files())
        }
    }

    @Test func noFileIsAClearFailure() {
        #expect(throws: DfETrust.Failure.noFile) { try DfETrust(named: "ALPHA TRUST", in: [:]) }
        #expect(DfETrust.Failure.noFile.description.contains("Explore Education Statistics absence file"))
    }

    @Test func aHeaderIsRecognisedThroughTheCSVScanner() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A quoted first column with a line break in it: read as one field, not as the end
        // of the header.
        let quoted = folder.appendingPathComponent("quoted.csv")
        try Data(("\"notes\nabout it\"," + EESFixtures.header + "\n").utf8).write(to: quoted)
        #expect(DfETrust.hasExploreEducationHeader(quoted.path))
        let plain = folder.appendingPathComponent("academies.csv")
        try Data("urn,name,phase\n100001,Alpha,primary\n".utf8).write(to: plain)
        #expect(!DfETrust.hasExploreEducationHeader(plain.path))
        #expect(Array(DfETrust.files(among: [quoted.path, plain.path]).keys) == [quoted.path])
    }
}

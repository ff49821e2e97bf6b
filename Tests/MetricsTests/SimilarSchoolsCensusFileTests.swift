import Foundation
import Testing

@testable import Metrics

/// Beckfoot School's similar schools among every state-funded secondary in the DfE's
/// census of January 2019, the group worked out again here from the file's raw rows.
@Suite(
    "Similar schools from the DfE's census file of January 2019",
    .enabled(if: DfECensusFile.present, "needs ../shared/data/dfe/ (absent on this machine)"))
struct SimilarSchoolsCensusFileTests {
    /// Beckfoot School, Bingley (its name is in the KS4 file).
    static let beckfoot = 139_975

    /// A secondary school's five characteristics from its raw row: `PNUMFSMEVER` (column
    /// 22), `PNUMEAL` (17), `PSENELK` (13), `PSENELSE` (11), and the natural log of `NOR`
    /// (5); nil when any is not a number, a percentage is outside 0–100, or no pupils.
    static func characteristics(_ row: [String]) -> [Double]? {
        guard row.count > 21, let pupils = Double(row[4]), pupils > 0 else { return nil }
        let percentages = [row[21], row[16], row[12], row[10]].compactMap(Double.init)
        guard percentages.count == 4, percentages.allSatisfy({ (0...100).contains($0) }) else { return nil }
        return percentages + [log(pupils)]
    }

    @Test func beckfootsGroupIsTheNearestTwentyWorkedFromTheRawRows() throws {
        let raw = try DfECensusFile.rows(DfECensusFile.path)
        // School rows only: the national row (URN `NAT`) has the type too.
        let secondary = raw.filter { $0.count > 3 && $0[3] == "State-funded secondary" && Int($0[0]) != nil }
        let complete = secondary.compactMap { row in
            Int(row[0]).flatMap { urn in Self.characteristics(row).map { (urn: urn, values: $0) } }
        }
        let count = Double(complete.count)
        let spread = (0..<5).map { index in
            let mean = complete.reduce(0) { $0 + $1.values[index] } / count
            return (complete.reduce(0) { $0 + pow($1.values[index] - mean, 2) } / count).squareRoot()
        }
        let own = try #require(complete.first { $0.urn == Self.beckfoot }).values
        let nearest = complete.filter { $0.urn != Self.beckfoot }.map { school in
            let sum = (0..<5).reduce(0.0) { $0 + pow((school.values[$1] - own[$1]) / spread[$1], 2) }
            return (urn: school.urn, distance: sum.squareRoot())
        }
        .sorted { ($0.distance, $0.urn) < ($1.distance, $1.urn) }

        let batch = DropReader(knownAcademies: [Fixtures.urn(Self.beckfoot)]).read(paths: [DfECensusFile.path]
        )
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        let line = try #require(batch.census.first { $0.record.urn.value == Self.beckfoot }).record
        let finder = SimilarSchoolsFinder(census: batch.census.map(\.record))
        let group = try #require(finder.group(for: SchoolCharacteristics(census: line)).group)
        #expect(group.phase == .secondary)
        #expect(group.candidates == complete.count - 1)
        #expect(group.leftOut == secondary.count - complete.count)
        #expect(group.urns.map(\.value) == nearest.prefix(20).map(\.urn))
        for (member, expected) in zip(group.members, nearest) {
            #expect(abs(member.distance - expected.distance) < 1e-9, "\(member.urn)")
        }
        for (index, characteristic) in SimilarityCharacteristic.allCases.enumerated() {
            #expect(abs((group.spread[characteristic] ?? 0) - spread[index]) < 1e-9, "\(characteristic)")
        }
    }
}

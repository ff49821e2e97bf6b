import Foundation
import Testing

@testable import Metrics

/// The national distributions of the performance-tables absence file place each school by
/// the phase the school census gives it, in the same batch (either order) or stored before.
@Suite("National distributions take each school's phase from the school census")
struct CensusPhaseTests {
    typealias Absence = DfEPerformanceTablesAbsenceFixtures
    typealias Census = DfESchoolCensusFixtures

    /// A census for `DfEPerformanceTablesAbsenceFixtures.nationalFile()`: primary schools
    /// 1–120 (URN 100001–100120) are state-funded primary; URN 100121 (absence 5.0) is an
    /// independent school; URN 100205 (ESTAB 6905, in no range; absence 3.0, persistent 5.0)
    /// is state-funded primary; URN 100207 (SUPP) is primary too. 100201–100204 and 100206
    /// are not in it: 123 schools.
    static var censusText: String {
        var lines = [Census.header]
        for k in 1...120 {
            lines.append(Census.row(String(100_000 + k), la: String(200 + k), type: "State-funded primary"))
        }
        lines.append(Census.row("100121", type: "Independent school"))
        lines.append(Census.row("100205", type: "State-funded primary"))
        lines.append(Census.row("100207", type: "State-funded primary"))
        return lines.joined(separator: "\n") + "\n"
    }

    static func read(_ files: [(String, String)], census: CensusPhases = CensusPhases()) -> DropBatch {
        DropReader(year: Absence.year, censusPhases: census).read(
            files: files.map { ($0.0, Array($0.1.utf8)) })
    }

    /// The checks worked by hand for the census above, whichever way it was given.
    static func expectPlacedByCensus(_ batch: DropBatch, absenceFile: String = "abs.csv") throws {
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        // Primary: schools 1–120 (absence 0.1…12.0) and URN 100205 (3.0); the independent
        // school is out, and SUPP gives no value: 121 values.
        let absence = try #require(Absence.distribution(batch, .absenceRate, .primary))
        #expect(absence.count == 121)
        // 3.0 twice (school 30 and URN 100205), 5.0 once (school 50; URN 100121 is out).
        #expect(absence.values.filter { $0 == 3.0 }.count == 2)
        #expect(absence.values.filter { $0 == 5.0 }.count == 1)
        // Absence 3.0: schools 31–120 are worse (90), school 30 and URN 100205 equal (2):
        // (200 × 90 + 100 × 2) / (2 × 121) = 18,200 / 242 = 75.2 → 75.
        #expect(absence.percentile(of: 3.0) == 75)
        // Persistent absence k / 5 for school k, 5.0 for URN 100205: 5.0 ties school 25;
        // schools 26–120 are worse (95): (19,000 + 200) / 242 = 79.3 → 79.
        let persistent = try #require(Absence.distribution(batch, .persistentAbsenceRate, .primary))
        #expect(persistent.count == 121)
        #expect(persistent.percentile(of: 5.0) == 79)
        // The two secondaries (from ESTAB, not in the census) are too few for a distribution.
        #expect(Absence.distribution(batch, .absenceRate, .secondary) == nil)
        let warnings = batch.warnings.filter { $0.file == absenceFile }.map(\.problem)
        #expect(
            warnings.contains(
                "1 school that the 2018/19 school census lists as a type with no phase of its own (independent "
                    + "schools, nurseries, non-maintained special schools) was left out of the national distributions"
            ), "\(warnings)")
        // 100201–100204 (from ESTAB) and 100206 (ESTAB 5300, in no range: left out).
        #expect(
            warnings.contains(
                "5 schools are not in the 2018/19 school census (123 schools), so their phase came from their "
                    + "establishment number (ESTAB); 1 of them, in no ESTAB range, was left out"),
            "\(warnings)")
        #expect(!warnings.contains { $0.hasPrefix("no school census") })
        #expect(!warnings.contains { $0.contains("is in no phase's range") })
    }

    @Test func aCensusAfterTheAbsenceFileInTheBatch() throws {
        let batch = Self.read([("abs.csv", Absence.nationalFile()), (Census.name, Self.censusText)])
        try Self.expectPlacedByCensus(batch)
        #expect(batch.census.count == 123)
        // The distributions are the absence file's, on its first line.
        #expect(batch.distributions.allSatisfy { $0.file == 0 && $0.line == 1 })
    }

    @Test func aCensusBeforeTheAbsenceFileInTheBatch() throws {
        let batch = Self.read([(Census.name, Self.censusText), ("abs.csv", Absence.nationalFile())])
        try Self.expectPlacedByCensus(batch)
        #expect(batch.distributions.allSatisfy { $0.file == 1 })
    }

    @Test func aCensusStoredBefore() throws {
        let census = Self.read([(Census.name, Self.censusText)])
        #expect(census.isValid)
        let batch = Self.read(
            [("abs.csv", Absence.nationalFile())], census: CensusPhases(census.census.map(\.record)))
        try Self.expectPlacedByCensus(batch)
        #expect(batch.census.isEmpty)
    }

    @Test func withoutACensusOfTheYearPhasesComeFromESTABWithAWarning() throws {
        // A census of another year does not count.
        var other = CensusPhases()
        other.add(urn: Fixtures.urn(100_205), year: AcademicYear(2017), phase: .primary)
        let batch = Self.read([("abs.csv", Absence.nationalFile())], census: other)
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        // As before the census: 120 primary schools and URN 100121 (ESTAB 3999); 100205 is out.
        let absence = try #require(Absence.distribution(batch, .absenceRate, .primary))
        #expect(absence.count == 121)
        #expect(absence.values.filter { $0 == 3.0 }.count == 1)
        #expect(absence.values.filter { $0 == 5.0 }.count == 2)
        // Absence 3.0: 91 worse (schools 31–120 and URN 100121's 5.0), school 30 alone equal:
        // (18,200 + 100) / 242 = 75.6 → 75.
        #expect(absence.percentile(of: 3.0) == 75)
        let warnings = Absence.warnings(batch)
        #expect(warnings.contains { $0.hasPrefix("2 rows for schools whose establishment number (ESTAB)") })
        let missing = try #require(
            batch.warnings.first { $0.problem.hasPrefix("no school census for 2018/19") })
        #expect(missing.fix?.contains("england_census_2018-19.csv") == true)
        #expect(missing.fix?.contains("ingest this file again after the census") == true)
    }

    @Test func theLookupTellsAPhaseNoPhaseAbsenceAndNoCensusApart() {
        var phases = CensusPhases()
        let year = AcademicYear(2018)
        phases.add(urn: Fixtures.urn(100_001), year: year, phase: .secondary)
        phases.add(urn: Fixtures.urn(100_002), year: year, phase: nil)
        #expect(phases.lookup(Fixtures.urn(100_001), in: year) == .phase(.secondary))
        #expect(phases.lookup(Fixtures.urn(100_002), in: year) == .noPhase)
        #expect(phases.lookup(Fixtures.urn(100_003), in: year) == .notInCensus)
        #expect(phases.lookup(Fixtures.urn(100_001), in: AcademicYear(2017)) == .noCensus)
        #expect(phases.schools(in: year) == 2)
        #expect(phases.years == [year])
        // A later line replaces an earlier one.
        phases.add(urn: Fixtures.urn(100_002), year: year, phase: .primary)
        #expect(phases.lookup(Fixtures.urn(100_002), in: year) == .phase(.primary))
    }
}

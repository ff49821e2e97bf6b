import Foundation
import Testing

@testable import Metrics

/// Every school's published values, kept by URN for similar schools: the trust's and any
/// other school's alike, as published, and nothing for a suppressed or unpublished value.
@Suite struct SchoolOutcomesReaderTests {
    private static func outcomes(_ batch: DropBatch, _ urn: Int) -> [KPI: Double] {
        var values: [KPI: Double] = [:]
        for item in batch.outcomes where item.record.urn == Fixtures.urn(urn) {
            values[item.record.kpi] = item.record.value
        }
        return values
    }

    @Test func absenceFileKeepsEverySchoolsPublishedRatesWithTheirLines() throws {
        // 100001 is the trust's; 100002 and 100003 are not. 100003's persistent absence is
        // SUPP and 100004's absence is NE: neither gives a value.
        let batch = DfEPerformanceTablesAbsenceFixtures.read(
            DfEPerformanceTablesAbsenceFixtures.header + "\n"
                + "201,3614,100001,2.6,3.4\n202,2000,100002,4.3,11\n203,4001,100003,5.5,SUPP\n"
                + "204,2001,100004,NE,NE\n")
        #expect(batch.isValid)
        // Attendance is 100 − PERCTOT: 100 − 2.6 = 97.4, 100 − 4.3 = 95.7, 100 − 5.5 = 94.5.
        #expect(
            Self.outcomes(batch, 100_001) == [
                .absenceRate: 2.6, .attendanceRate: 97.4, .persistentAbsenceRate: 3.4,
            ])
        #expect(
            Self.outcomes(batch, 100_002) == [
                .absenceRate: 4.3, .attendanceRate: 95.7, .persistentAbsenceRate: 11,
            ])
        #expect(Self.outcomes(batch, 100_003) == [.absenceRate: 5.5, .attendanceRate: 94.5])
        #expect(Self.outcomes(batch, 100_004).isEmpty)
        #expect(batch.outcomes.allSatisfy { $0.record.drop == DfEPerformanceTablesAbsenceFixtures.drop })
        // Each value points at its row: the header is line 1.
        let lines = batch.outcomes.filter { $0.record.urn == Fixtures.urn(100_002) }.map(\.line)
        #expect(lines == [3, 3, 3])
        // The file gives each school's local authority, no name.
        let names = batch.schoolNames.map(\.record)
        #expect(names.first { $0.urn == Fixtures.urn(100_004) }?.localAuthority == "204")
        #expect(names.allSatisfy { $0.name == nil })
    }

    @Test func ks4FileKeepsEverySchoolsMeasuresAndNames() throws {
        let lines = [
            DfEKS4ReaderTestsFixtures.school(urn: 100_001),
            // Another school: SUPP Attainment 8, NE Progress 8.
            DfEKS4ReaderTestsFixtures.school(
                lea: "380", urn: 100_002, att8: "SUPP", p8: "NE", basics4: "\"71.5%\"", basics5: "50%"),
        ]
        let batch = DfEKS4ReaderTestsFixtures.read(lines)
        #expect(batch.isValid)
        #expect(
            Self.outcomes(batch, 100_001) == [
                .score(.attainment8): 47.2, .score(.progress8): -0.08, .expected(.englishMaths): 66.2,
                .greaterDepth(.englishMaths): 47.1,
            ])
        #expect(
            Self.outcomes(batch, 100_002) == [
                .expected(.englishMaths): 71.5, .greaterDepth(.englishMaths): 50,
            ])
        let name = batch.schoolNames.map(\.record).first { $0.urn == Fixtures.urn(100_002) }
        #expect(name == SchoolName(urn: Fixtures.urn(100_002), name: "Acland Academy", localAuthority: "380"))
    }
}

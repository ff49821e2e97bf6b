import Foundation
import Testing

@testable import Metrics

/// The census's national (`NAT`) rows: read as each school type's intake in England, the
/// figures an academy's intake is set beside, never worked out from the school rows.
@Suite("The school census's national rows")
struct NationalCensusTests {
    typealias F = DfESchoolCensusFixtures

    @Test func eachNationalRowIsKeptWithItsTypePhaseAndIntake() throws {
        let batch = F.read([
            F.row("100000", type: "State-funded primary"),
            "NAT,,PRI,State-funded primary,4727089,0,0,0,0,0,1.6,0,12.6,0,0,0,21.2,0,0,0,0,23",
            "NAT,,SEC,State-funded secondary,3327970,0,0,0,0,0,1.7,0,10.8,0,0,0,16.9,0,0,0,0,27.7",
            "NAT,,ALL,All schools,NA,0,0,0,0,0,NA,0,12.0,0,0,0,NA,0,0,0,0,24.5",
        ])
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(batch.census.count == 1)
        #expect(batch.nationalCensus.map(\.line) == [3, 4, 5])
        let rows = batch.nationalCensus.map(\.record)
        #expect(
            rows[0]
                == NationalCensus(
                    year: F.year, schoolType: "State-funded primary", phase: .primary, pupils: 4_727_089,
                    disadvantagedPercent: 23, ealPercent: 21.2, senSupportPercent: 12.6, ehcpPercent: 1.6))
        #expect(rows[1].phase == .secondary && rows[1].disadvantagedPercent == 27.7)
        // A type with no phase is kept as what it says; NA is no value, never zero.
        #expect(
            rows[2]
                == NationalCensus(
                    year: F.year, schoolType: "All schools", phase: nil, pupils: nil,
                    disadvantagedPercent: 24.5,
                    ealPercent: nil, senSupportPercent: 12.0, ehcpPercent: nil))
        #expect(rows[0].coverage == "state-funded primary schools")
        #expect(rows[2].coverage == "all schools")
    }

    @Test func anUnreadableNationalFigureIsAnErrorNamingItsLineAndColumn() throws {
        let batch = F.read([
            "NAT,,SEC,State-funded secondary,3327970,0,0,0,0,0,1.7,0,10.8,0,0,0,lots,0,0,0,0,27.7"
        ])
        #expect(!batch.isValid)
        let error = try #require(batch.errors.first)
        #expect(error.line == 2)
        #expect(error.description.contains("PNUMEAL"))
        #expect(error.description.contains("lots"))
        #expect(batch.nationalCensus.isEmpty)
    }

    @Test func aSchoolIsSetBesideItsOwnPhaseElseAllSchoolsElseNothing() throws {
        let year = F.year
        let primary = NationalCensus(year: year, schoolType: "State-funded primary", phase: .primary)
        let secondary = NationalCensus(year: year, schoolType: "State-funded secondary", phase: .secondary)
        let all = NationalCensus(year: year, schoolType: "All schools", phase: nil)
        let older = NationalCensus(
            year: AcademicYear(2017), schoolType: "State-funded special school", phase: .special)
        let rows = [primary, secondary, all, older]
        #expect(NationalCensus.row(for: .primary, year: year, in: rows) == primary)
        // The census counts all-through schools as secondary.
        #expect(NationalCensus.row(for: .allThrough, year: year, in: rows) == secondary)
        // No special row this year: the all-schools row, which says what it is.
        #expect(NationalCensus.row(for: .special, year: year, in: rows) == all)
        #expect(NationalCensus.row(for: .special, year: year, in: [primary, older]) == nil)
    }
}

@Suite(
    "The national rows of the DfE's census file",
    .enabled(if: DfECensusFile.present, "needs ../shared/data/dfe/ (absent on this machine)"))
struct NationalCensusFileTests {
    typealias C = DfECensusFile

    @Test func theThreeNationalRowsAreReadAsTheFileGivesThem() throws {
        let raw = try C.rows(C.path)
        let national = raw.enumerated().filter { $0.element[0] == "NAT" }
        let batch = DropReader().read(paths: [C.path])
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(batch.nationalCensus.count == national.count)
        #expect(national.count == 3)
        // Columns: 3 SCHOOLTYPE, 4 NOR, 10 PSENELSE, 12 PSENELK, 16 PNUMEAL, 21 PNUMFSMEVER;
        // lines are 1-based and the header is line 1.
        for ((index, row), read) in zip(national, batch.nationalCensus) {
            #expect(read.line == index + 2)
            let expected = NationalCensus(
                year: AcademicYear(2018), schoolType: row[3], phase: C.phaseOfType[row[3]],
                pupils: Int(row[4]), disadvantagedPercent: Double(row[21]), ealPercent: Double(row[16]),
                senSupportPercent: Double(row[12]), ehcpPercent: Double(row[10]))
            #expect(read.record == expected)
        }
        // The secondary row as printed in the file: 27.7% disadvantaged, EAL 16.9%, SEN
        // support 10.8%, EHCP 1.7%.
        let secondary = try #require(batch.nationalCensus.map(\.record).first { $0.phase == .secondary })
        #expect(secondary.disadvantagedPercent == 27.7)
        #expect(secondary.ealPercent == 16.9)
        #expect(secondary.senSupportPercent == 10.8)
        #expect(secondary.ehcpPercent == 1.7)
    }
}

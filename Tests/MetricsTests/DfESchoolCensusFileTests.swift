import Foundation
import Testing

@testable import Metrics

/// The DfE's own census file for January 2019, and the 2018/19 absence file placed by it.
/// Every expected value is worked out here from the files' raw lines (neither has a quoted
/// field), with the phases of the school types and the ESTAB ranges written out again.
enum DfECensusFile {
    static let name = "england_census_2018-19.csv"
    static let path = DfEPerformanceTablesAbsenceFixtures.dataFile(name)
    static let present =
        FileManager.default.fileExists(atPath: path)
        && DfEPerformanceTablesAbsenceFixtures.englandPresent

    /// The data lines of a file, split at commas, the header and its byte-order mark left out.
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).dropFirst().map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
    }

    /// The phase of each `SCHOOLTYPE`, as the README gives it; other types have none.
    static let phaseOfType: [String: Phase] = [
        "State-funded primary": .primary, "State-funded secondary": .secondary,
        "State-funded special school": .special, "Pupil referral unit": .alternativeProvision,
    ]

    /// The ESTAB ranges, as the README gives them.
    static func phase(ofEstablishment text: String) -> Phase? {
        guard let number = Int(text) else { return nil }
        switch number {
        case 2000...3999, 5000...5299: return .primary
        case 4000...4999, 5400...5999: return .secondary
        case 7000...7999: return .special
        case 1100...1199: return .alternativeProvision
        default: return nil
        }
    }
}

@Suite(
    "The DfE's school census file, and the absence file placed by it",
    .enabled(if: DfECensusFile.present, "needs ../shared/data/dfe/ (absent on this machine)"))
struct DfESchoolCensusFileTests {
    typealias C = DfECensusFile
    typealias Absence = DfEPerformanceTablesAbsenceFixtures

    // Mossbourne Community Academy, Hackney: URN 134693, ESTAB 6905 (its name is in the KS4
    // file; the census and absence files have none).
    static let mossbourne = 134_693

    @Test func everySchoolIsKeptWithItsPhaseAndIntakeAsTheFileGivesThem() throws {
        let raw = try C.rows(C.path)
        let batch = DropReader(knownAcademies: [Fixtures.urn(Self.mossbourne)]).read(paths: [C.path])
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        let file = try #require(batch.files.first)
        #expect(file.layout == "dfe-census")
        #expect(file.rows == raw.count)
        // School rows have a six-digit URN; the national rows have NAT.
        let schools = raw.filter { $0[0] != "NAT" }
        #expect(raw.filter { $0[0] == "NAT" }.count == 3)
        #expect(batch.census.count == schools.count)
        let summary = try #require(file.census)
        #expect(summary.year == AcademicYear(2018))
        #expect(summary.nationalRows == 3)
        var byPhase: [Phase: Int] = [:]
        var withoutPhase: [String: Int] = [:]
        for row in schools {
            if let phase = C.phaseOfType[row[3]] {
                byPhase[phase, default: 0] += 1
            } else {
                withoutPhase[row[3], default: 0] += 1
            }
        }
        #expect(summary.schoolsByPhase == byPhase)
        #expect(summary.schoolsWithoutPhase == withoutPhase)
        var counted: [Phase: Int] = [:]
        for line in batch.census { if let phase = line.record.phase { counted[phase, default: 0] += 1 } }
        #expect(counted == byPhase)

        // The first school (after the byte-order mark): URN 100000, state-funded primary, NOR 285.
        let first = try #require(batch.census.first)
        #expect(first.line == 2)
        #expect(first.record.urn == Fixtures.urn(Int(schools[0][0]) ?? 0))
        #expect(first.record.pupils == Int(schools[0][4]))
        #expect(first.record.phase == .primary && schools[0][3] == "State-funded primary")

        // Mossbourne, from its own row: URN, LA, ESTAB, SCHOOLTYPE, NOR, … PSENELSE (10),
        // PSENELK (12), PNUMEAL (16), PNUMFSMEVER (21).
        let row = try #require(schools.first { $0[0] == String(Self.mossbourne) })
        #expect(row[2] == "6905" && row[3] == "State-funded secondary")
        let line = try #require(batch.census.map(\.record).first { $0.urn == Fixtures.urn(Self.mossbourne) })
        #expect(line.phase == .secondary)
        #expect(line.schoolType == row[3])
        #expect(line.pupils == Int(row[4]))
        #expect(line.ehcpPercent == Double(row[10]))
        #expect(line.senSupportPercent == Double(row[12]))
        #expect(line.ealPercent == Double(row[16]))
        #expect(line.disadvantagedPercent == Double(row[21]))
        #expect(file.academies == [Fixtures.urn(Self.mossbourne)])

        // NA is no value, never a zero: as many lines lack each figure as rows write NA.
        let records = batch.census.map(\.record)
        let columns: [(Int, (SchoolCensus) -> Double?)] = [
            (10, \.ehcpPercent), (12, \.senSupportPercent), (16, \.ealPercent), (21, \.disadvantagedPercent),
        ]
        for (column, figure) in columns {
            let na = schools.filter { $0[column] == "NA" }.count
            #expect(na > 0)
            #expect(records.filter { figure($0) == nil }.count == na, "column \(column)")
        }
        #expect(records.filter { $0.pupils == nil }.count == schools.filter { $0[4] == "NA" }.count)
        #expect(batch.warnings.isEmpty, "\(batch.warnings.map(\.description))")
    }

    @Test func theAbsenceFilesSchoolsArePlacedByTheCensusAndTheRestByESTAB() throws {
        let census = try C.rows(C.path).filter { $0[0] != "NAT" }
        var typeOf: [String: String] = [:]
        for row in census { typeOf[row[0]] = row[3] }
        // Each absence school row's phase: the census's, else its ESTAB's.
        var absence: [Phase: [Double]] = [:]
        var persistent: [Phase: Int] = [:]
        for row in try C.rows(Absence.england) where row[2].count == 6 {
            let phase = typeOf[row[2]].map { C.phaseOfType[$0] } ?? C.phase(ofEstablishment: row[1])
            guard let phase else { continue }
            if let value = Double(row[3]) { absence[phase, default: []].append(value) }
            if Double(row[4]) != nil { persistent[phase, default: 0] += 1 }
        }
        // Census first in one batch, the absence file first in the other: the same result.
        for paths in [[C.path, Absence.england], [Absence.england, C.path]] {
            let batch = DropReader(year: Absence.year).read(paths: paths)
            #expect(batch.isValid, "\(Fixtures.errors(batch))")
            for phase in [Phase.primary, .secondary, .special] {
                #expect(
                    Absence.distribution(batch, .absenceRate, phase)?.count == absence[phase]?.count,
                    "\(phase)")
                #expect(
                    Absence.distribution(batch, .persistentAbsenceRate, phase)?.count == persistent[phase],
                    "\(phase)")
            }
            // Mossbourne's absence, 3.4, among the secondary schools: worse are those with
            // more absence, equal those with 3.4 (Mossbourne among them).
            let row = try #require(try C.rows(Absence.england).first { $0[2] == String(Self.mossbourne) })
            let value = try #require(Double(row[3]))
            let secondary = absence[.secondary] ?? []
            let worse = secondary.filter { $0 > value }.count
            let equal = secondary.filter { $0 == value }.count
            #expect(equal >= 1)
            let distribution = try #require(Absence.distribution(batch, .absenceRate, .secondary))
            #expect(distribution.percentile(of: value) == (200 * worse + 100 * equal) / (2 * secondary.count))
            // More secondary schools than by ESTAB alone (3,171: the absence file's own test).
            #expect(distribution.count > 3_171)
            #expect(!batch.warnings.contains { $0.problem.hasPrefix("no school census") })
        }
    }
}

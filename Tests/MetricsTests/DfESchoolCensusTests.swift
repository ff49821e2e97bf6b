import Foundation
import Testing

@testable import Metrics

/// Census files written here, in the layout of the DfE's `england_census_2018-19.csv`.
enum DfESchoolCensusFixtures {
    static let header =
        "URN,LA,ESTAB,SCHOOLTYPE,NOR,NORG,NORB,PNORG,PNORB,TSENELSE,PSENELSE,TSENELK,PSENELK,NUMEAL,NUMENGFL,"
        + "NUMUNCFL,PNUMEAL,PNUMENGFL,PNUMUNCFL,NUMFSM,NUMFSMEVER,PNUMFSMEVER"
    static let name = "england_census_2018-19.csv"
    static let year = AcademicYear(2018)

    /// A school row: the columns the reader keeps are given, the others filled with 0.
    static func row(
        _ urn: String, la: String = "201", estab: String = "3614", type: String, pupils: String = "285",
        ehcp: String = "1.8", senSupport: String = "17.5", eal: String = "49.5",
        disadvantaged: String = "16.2"
    ) -> String {
        [
            urn, la, estab, type, pupils, "0", "0", "0", "0", "0", ehcp, "0", senSupport, "0", "0", "0", eal,
            "0",
            "0", "0", "0", disadvantaged,
        ].joined(separator: ",")
    }

    /// Reads one census file called `name`, with `known` the trust's academies.
    static func read(
        _ lines: [String], name: String = name, known: Set<URN> = [], year: AcademicYear? = nil
    ) -> DropBatch {
        let text = ([header] + lines).joined(separator: "\n") + "\n"
        return DropReader(knownAcademies: known, year: year).read(files: [(name, Array(text.utf8))])
    }

    /// The census line of `urn`, if any.
    static func line(_ batch: DropBatch, _ urn: Int) -> SchoolCensus? {
        batch.census.map(\.record).first { $0.urn == Fixtures.urn(urn) }
    }
}

@Suite("Reading the DfE's school census layout")
struct DfESchoolCensusTests {
    typealias F = DfESchoolCensusFixtures

    @Test func theHeaderIsRecognisedAndTakenForNoOtherLayout() {
        let header = F.header.lowercased().split(separator: ",").map(String.init)
        #expect(SchoolCensusReader.recognises(header: header))
        #expect(dfeLayouts.filter { $0.recognises(header: header) }.map { $0.layoutName } == ["dfe-census"])
        #expect(!SchoolCensusReader.recognises(header: ["la", "estab", "urn", "perctot", "ppersabs10"]))
        #expect(!SchoolCensusReader.recognises(header: ["urn", "schooltype"]))
    }

    @Test func eachSchoolRowBecomesACensusLineWithItsPhaseAndIntake() throws {
        let batch = F.read(
            [
                F.row("100000", type: "State-funded primary"),
                F.row(
                    "100001", estab: "6005", type: "Independent school", pupils: "752", ehcp: "0",
                    senSupport: "7.7",
                    eal: "NA", disadvantaged: "NA"),
                F.row(
                    "134693", la: "204", estab: "6905", type: "State-funded secondary", pupils: "1343",
                    ehcp: "4.4",
                    senSupport: "10.8", eal: "49.7", disadvantaged: "47.4"),
                F.row("100002", estab: "7001", type: "State-funded special school", pupils: "NA"),
                F.row("100003", estab: "1100", type: "Pupil referral unit"),
                F.row("100004", estab: "1000", type: "State-funded nursery"),
                F.row("100005", estab: "7002", type: "Non-maintained special school"),
                "NAT,,PRI,State-funded primary,4727089,0,0,0,0,0,1.6,0,12.6,0,0,0,21.2,0,0,0,0,23",
            ], known: [Fixtures.urn(134_693)])
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(batch.warnings.isEmpty, "\(batch.warnings.map(\.description))")
        let file = try #require(batch.files.first)
        #expect(file.kind == nil)
        #expect(file.layout == "dfe-census")
        #expect(file.rows == 8)
        #expect(file.drops.isEmpty)
        #expect(file.academies == [Fixtures.urn(134_693)])
        // Seven schools, every one kept (the trust's or not); the national row is not a school.
        #expect(batch.census.count == 7)
        #expect(batch.census.map(\.line) == [2, 3, 4, 5, 6, 7, 8])
        #expect(batch.census.allSatisfy { $0.record.year == F.year && $0.file == 0 })
        #expect(
            F.line(batch, 134_693)
                == SchoolCensus(
                    urn: Fixtures.urn(134_693), year: F.year, schoolType: "State-funded secondary",
                    phase: .secondary,
                    pupils: 1343, disadvantagedPercent: 47.4, ealPercent: 49.7, senSupportPercent: 10.8,
                    ehcpPercent: 4.4))
        #expect(F.line(batch, 100_000)?.phase == .primary)
        #expect(F.line(batch, 100_002)?.phase == .special)
        #expect(F.line(batch, 100_003)?.phase == .alternativeProvision)
        // NA is no value, never a zero.
        let independent = try #require(F.line(batch, 100_001))
        #expect(independent.phase == nil)
        #expect(independent.schoolType == "Independent school")
        #expect(independent.pupils == 752)
        #expect(independent.ealPercent == nil && independent.disadvantagedPercent == nil)
        #expect(independent.senSupportPercent == 7.7 && independent.ehcpPercent == 0)
        #expect(F.line(batch, 100_002)?.pupils == nil)
        #expect(F.line(batch, 100_004)?.phase == nil)
        #expect(F.line(batch, 100_005)?.phase == nil)
        let summary = try #require(file.census)
        #expect(summary.year == F.year)
        #expect(summary.schools == 7)
        #expect(summary.nationalRows == 1)
        #expect(
            summary.schoolsByPhase == [.primary: 1, .secondary: 1, .special: 1, .alternativeProvision: 1])
        #expect(
            summary.schoolsWithoutPhase
                == ["Independent school": 1, "State-funded nursery": 1, "Non-maintained special school": 1])
        #expect(
            summary.description
                == "2018/19 census of 7 schools: 1 primary, 1 secondary, 1 special, 1 alternative provision, "
                + "3 of a type with no phase (1 Independent school, 1 Non-maintained special school, "
                + "1 State-funded nursery); 1 national row")
    }

    @Test func aByteOrderMarkAndCRLFLineEndsAreRead() throws {
        let text = F.header + "\r\n" + F.row("100000", type: "State-funded primary") + "\r\n"
        let batch = DropReader().read(files: [(F.name, [0xEF, 0xBB, 0xBF] + Array(text.utf8))])
        #expect(batch.isValid, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.layout == "dfe-census")
        #expect(F.line(batch, 100_000)?.pupils == 285)
        #expect(F.line(batch, 100_000)?.disadvantagedPercent == 16.2)
    }

    @Test func theYearComesFromTheNameOrYearAndMustBeGivenAndAgree() throws {
        let rows = [F.row("100000", type: "State-funded primary")]
        #expect(
            F.read(rows, name: "census.csv", year: AcademicYear(2019)).census.first?.record.year.start == 2019
        )
        let unnamed = F.read(rows, name: "census.csv")
        #expect(unnamed.census.isEmpty)
        #expect(unnamed.errors.count == 1)
        #expect(unnamed.errors.first?.line == 1)
        let disagreeing = F.read(rows, year: AcademicYear(2017))
        #expect(disagreeing.census.isEmpty)
        #expect(disagreeing.errors.first?.problem.contains("--year 2017/18 disagrees with 2018/19") == true)
    }

    @Test func anUnreadableValueIsAnErrorForTheTrustAndLeftOutForOthers() throws {
        let batch = F.read(
            [
                F.row("100000", type: "State-funded primary", eal: "lots"),
                F.row("100001", type: "State-funded primary", pupils: "many", disadvantaged: "120"),
                F.row("100002", type: "State-funded primary", pupils: "1200.5"),
            ], known: [Fixtures.urn(100_002)])
        // The trust's academy (line 4): one error naming its line, column and value.
        #expect(
            Fixtures.errors(batch) == [
                "\(F.name):4: column 'NOR', value '1200.5': is neither a number of pupils nor a DfE "
                    + "missing-value code; write a whole number of pupils, or a code such as NA"
            ])
        // Other schools: three cells left out (EAL of 100000; NOR and a disadvantaged 120% of 100001).
        let others = try #require(
            batch.warnings.first { $0.problem.hasPrefix("3 cells of schools outside the trust") })
        #expect(others.problem.contains("left out of those schools' characteristics"))
        #expect(F.line(batch, 100_000)?.ealPercent == nil)
        #expect(F.line(batch, 100_000)?.pupils == 285)
        #expect(F.line(batch, 100_001)?.pupils == nil)
        #expect(F.line(batch, 100_001)?.disadvantagedPercent == nil)
        #expect(F.line(batch, 100_002) == nil)
    }

    @Test func aURNThatIsNotOneIsAnErrorAndATypeWithNoPhaseIsNamed() throws {
        let batch = F.read([
            F.row("10000", type: "State-funded primary"),
            F.row("100001", type: "Free school 16-19"),
            F.row("100002", type: "NA"),
            F.row("100003", type: "Independent school"),
        ])
        #expect(
            Fixtures.errors(batch) == [
                "\(F.name):2: column 'URN', value '10000': is not a URN; "
                    + "a URN is six digits, 100000–999999; national rows have NAT"
            ])
        let named = try #require(
            batch.warnings.first { $0.problem.contains("of a type that names no phase") })
        #expect(
            named.problem.hasPrefix(
                "2 schools of a type that names no phase (Free school 16-19 (1), no type given (1))"))
        #expect(F.line(batch, 100_001)?.phase == nil)
        #expect(F.line(batch, 100_002)?.schoolType == "")
    }

    @Test func aSchoolTwiceInOneYearIsAnErrorNamingBothPlaces() {
        let batch = F.read([
            F.row("100000", type: "State-funded primary"), F.row("100000", type: "State-funded secondary"),
        ])
        #expect(
            Fixtures.errors(batch) == [
                "\(F.name):3: gives the 2018/19 census line of school 100000 again; it was first given at "
                    + "\(F.name):2; keep one of the two rows (a later batch may correct a value)"
            ])
    }

    @Test func theSchoolTypesAndTheirPhases() {
        let phase = SchoolCensus.phase(ofSchoolType:)
        #expect(phase("State-funded primary") == .primary)
        #expect(phase(" state-funded SECONDARY ") == .secondary)
        #expect(phase("State-funded special school") == .special)
        #expect(phase("Pupil referral unit") == .alternativeProvision)
        #expect(phase("Independent school") == nil)
        #expect(phase("State-funded nursery") == nil)
        #expect(phase("Non-maintained special school") == nil)
        #expect(phase("") == nil)
    }
}

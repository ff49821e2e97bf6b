import Foundation
import Testing

extension DfEFiles {
    static let census = path("england_census_2018-19.csv")
    static let censusPresent =
        FileManager.default.fileExists(atPath: census) && FileManager.default.fileExists(atPath: absence)
}

/// The census file through the real binary: its summary line, then the absence file
/// placed by the stored census. Every count is worked out here from the files' rows.
@Suite(
    "trustboard ingest of the DfE's school census, end to end",
    .enabled(if: DfEFiles.censusPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
struct DfECensusEndToEndTests {
    @Test func theCensusIsSummedUpThenPlacesTheAbsenceFilesSchools() throws {
        let census = try DfEFiles.rows(DfEFiles.census).dropFirst()
        let schools = census.filter { $0[0] != "NAT" }
        var types: [String: Int] = [:]
        for row in schools { types[row[3], default: 0] += 1 }
        let withPhase = [
            ("State-funded primary", "primary"), ("State-funded secondary", "secondary"),
            ("State-funded special school", "special"), ("Pupil referral unit", "alternative provision"),
        ]
        let withoutPhase = types.keys.filter { type in !withPhase.contains { $0.0 == type } }.sorted()
        let without = withoutPhase.reduce(0) { $0 + (types[$1] ?? 0) }
        let expected =
            "england_census_2018-19.csv: dfe-census, \(census.count) rows, 2018/19 census of \(schools.count) "
            + "schools: " + withPhase.map { "\(types[$0.0] ?? 0) \($0.1)" }.joined(separator: ", ")
            + ", \(without) of a type with no phase ("
            + withoutPhase.map { "\(types[$0] ?? 0) \($0)" }.joined(separator: ", ")
            + "); \(census.count - schools.count) national rows"

        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        // No --year: the year is in the file's name.
        let ingest = try CommandRunner.run(["ingest", "--store", store, DfEFiles.census])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        // One line for the file: what was read, then what it did to a new store (a new row
        // per school and per national row).
        let stored = "; \(census.count) new, 0 corrected, 0 unchanged"
        #expect(
            ingest.stdout.contains(expected + stored + "\n"),
            "\(ingest.stdout)\nexpected: \(expected)\(stored)")
        #expect(ingest.stdout.contains("stored: \(census.count) new rows"), "\(ingest.stdout)")

        // The absence file's schools: in the census as a type with no phase, or not in it.
        var typeOf: [String: String] = [:]
        for row in schools { typeOf[row[0]] = row[3] }
        let absenceSchools = try DfEFiles.rows(DfEFiles.absence).dropFirst().filter { $0[2].count == 6 }
        let noPhase = absenceSchools.filter { row in typeOf[row[2]].map { withoutPhase.contains($0) } ?? false
        }.count
        let notInCensus = absenceSchools.filter { typeOf[$0[2]] == nil }.count
        #expect(noPhase > 0 && notInCensus > 0)
        let absence = try CommandRunner.run([
            "ingest", "--store", store, "--year", "2018/19", DfEFiles.absence,
        ])
        #expect(absence.status == 0, "\(absence.stderr)")
        #expect(!absence.stderr.contains("no school census"), "\(absence.stderr)")
        #expect(
            absence.stderr.contains(
                "warning: \(noPhase) schools that the 2018/19 school census lists as a type with no phase of its own"
            ),
            "\(absence.stderr)")
        #expect(
            absence.stderr.contains(
                "warning: \(notInCensus) schools are not in the 2018/19 school census (\(schools.count) schools), "
                    + "so their phase came from their establishment number (ESTAB)"),
            "\(absence.stderr)")

        // A store without the census: the phases are guessed, and the warning says how to do better.
        let bare = try CommandRunner.run([
            "ingest", "--store", folder.path("bare.sqlite"), "--year", "2018/19", DfEFiles.absence,
        ])
        #expect(bare.status == 0, "\(bare.stderr)")
        #expect(bare.stderr.contains("warning: no school census for 2018/19 is stored or in this batch"))
        #expect(bare.stderr.contains("england_census_2018-19.csv"))
    }
}

import Foundation
import Testing

@testable import Metrics

/// Small Explore Education Statistics absence files written here, and the real Bradford
/// file from `../shared/data/dfe/` when it is present.
enum EESFixtures {
    static let header =
        "time_period,time_identifier,geographic_level,la_name,school_type,school_urn,school_name,trust,"
        + "enrolments,sess_possible,sess_overall,sess_authorised,sess_unauthorised,"
        + "enrolments_pa_10_exact,enrolments_pa_50_exact"

    /// A school row for 100001 in 2021/22 with the given last values.
    static func school(
        urn: Int = 100_001, period: String = "Academic year", counts: String = "200,50000,2500,2000,500,30,4"
    ) -> String {
        "202122,\(period),School,Bradford,State-funded primary,\(urn),Alpha Primary,ALPHA TRUST,\(counts)"
    }

    static func read(_ text: String, known: Set<URN> = [Fixtures.urn(100_001)]) -> DropBatch {
        DropReader(knownAcademies: known).read(files: [("ees.csv", Array(text.utf8))])
    }

    /// The project's root, from this file's place in `Tests/MetricsTests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let bradford = root.appendingPathComponent(
        "../shared/data/dfe/bradford_absence_3term_school_2013-2022.csv"
    ).standardizedFileURL.path

    static let bradfordPresent = FileManager.default.fileExists(atPath: bradford)
}

@Suite("Reading the DfE's Explore Education Statistics absence layout")
struct DfEAbsenceReaderTests {
    @Test func aSchoolRowBecomesAnAttendanceRecordFromItsCounts() throws {
        let batch = EESFixtures.read(EESFixtures.header + "\n" + EESFixtures.school() + "\n")
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.kind == .attendance)
        #expect(batch.files.first?.rows == 1)
        let record = try #require(batch.attendance.first?.record)
        #expect(record.urn == Fixtures.urn(100_001))
        #expect(record.drop == DataDrop(year: AcademicYear(2021), term: .summer))
        #expect(record.group == .all)
        #expect(record.yearGroup == .all)
        #expect(record.pupils == 200)
        #expect(record.possibleSessions == 50000)
        #expect(record.absentSessions == 2500)
        #expect(record.authorisedAbsentSessions == 2000)
        #expect(record.unauthorisedAbsentSessions == 500)
        #expect(record.persistentAbsentees == 30)
        #expect(record.severeAbsentees == 4)
    }

    static let codes = ["SUPP", "NE", "NA", "NP", "LOWCOV", "NEW", "DNS", "x", "z", "c", ":", "", " "]

    /// A national file: 120 primary schools, each in a local authority of its own, school
    /// k (0…119) with 50,000 possible sessions of which 1,000 + 100 × (k mod 40) were missed,
    /// so its absence is 2.0 + 0.2 × (k mod 40): three schools at each of 2.0, 2.2, … 9.8.
    /// The trust's 100001 is school 0 (absence 2.0, attendance 98.0): for absence (lower
    /// is better) 117 schools are worse and 3 equal: 100 × (117 + 1.5) / 120 = 98.75 → 98.
    /// Persistent absence is 30 of 200 (15.0) everywhere: all equal → 100 × 60 / 120 = 50.
    @Test func aNationalFileGivesDistributionsWorkedOutFromCounts() throws {
        let rows = (0..<120).map { k in
            "202122,Academic year,School,LA \(k),State-funded primary,\(100_001 + k),School \(k),,"
                + "200,50000,\(1_000 + 100 * (k % 40)),,,30,"
        }
        let batch = EESFixtures.read(([EESFixtures.header] + rows).joined(separator: "\n"))
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let drop = DataDrop(year: AcademicYear(2021), term: .summer)
        let absence = try #require(
            batch.distributions.map(\.record).first { $0.kpi == .absenceRate && $0.phase == .primary })
        #expect(absence.drop == drop)
        #expect(absence.count == 120)
        #expect(absence.values.first == 2.0)
        #expect(absence.values.last == 9.8)
        #expect(absence.percentile(of: 2.0) == 98)
        let attendance = try #require(batch.distributions.map(\.record).first { $0.kpi == .attendanceRate })
        #expect(attendance.percentile(of: 98.0) == 98)
        let persistent = try #require(
            batch.distributions.map(\.record).first { $0.kpi == .persistentAbsenceRate })
        #expect(persistent.percentile(of: 15.0) == 50)
        // No severe counts were given, so there is no severe distribution.
        #expect(!batch.distributions.contains { $0.record.kpi == .severeAbsenceRate })
        // The same schools in 99 local authorities are not national.
        let local = (0..<120).map { k in
            rows[k].replacingOccurrences(of: ",LA \(k),", with: ",LA \(k % 99),")
        }
        let localBatch = EESFixtures.read(([EESFixtures.header] + local).joined(separator: "\n"))
        #expect(localBatch.distributions.isEmpty)
    }

    @Test(
        "The Bradford file is one local authority, so it gives no national distributions",
        .enabled(if: EESFixtures.bradfordPresent, "needs ../shared/data/dfe/"))
    func bradfordIsNotNational() throws {
        let data = try #require(FileManager.default.contents(atPath: EESFixtures.bradford))
        let batch = DropReader().read(files: [("bradford.csv", [UInt8](data))])
        #expect(batch.distributions.isEmpty)
    }

    @Test(
        "A missing-value code in a needed count skips the row, never a zero or an error; SUPP is kept",
        arguments: codes)
    func missingNeededCount(code: String) {
        let text =
            EESFixtures.header + "\n" + EESFixtures.school(counts: "200,50000,\(code),2000,500,30,4") + "\n"
        let batch = EESFixtures.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.attendance.isEmpty)
        if code == "SUPP" {
            // Kept as suppressed: the academy shows SUPP for the drop, not nothing.
            #expect(
                batch.published.map(\.record.kpi) == [.attendanceRate, .absenceRate, .persistentAbsenceRate])
            #expect(
                batch.published.allSatisfy {
                    $0.record.value == nil && $0.record.urn == Fixtures.urn(100_001)
                })
            #expect(batch.files.first?.drops == [DataDrop(year: AcademicYear(2021), term: .summer)])
        } else {
            #expect(batch.published.isEmpty)
            #expect(
                batch.warnings.map(\.problem).contains { $0.hasPrefix("1 row without the counts needed") })
        }
    }

    @Test("A missing-value code in an optional count leaves it out", arguments: codes)
    func missingOptionalCount(code: String) throws {
        let text =
            EESFixtures.header + "\n" + EESFixtures.school(counts: "200,50000,2500,\(code),500,30,\(code)")
            + "\n"
        let batch = EESFixtures.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let record = try #require(batch.attendance.first?.record)
        #expect(record.absentSessions == 2500)
        #expect(record.severeAbsentees == nil)
        #expect(record.authorisedAbsentSessions == nil)
        #expect(record.unauthorisedAbsentSessions == nil)
    }

    @Test func textThatIsNeitherACountNorACodeIsAnError() {
        let text =
            EESFixtures.header + "\n" + EESFixtures.school(counts: "200,50000,lots,2000,500,30,4") + "\n"
        let batch = EESFixtures.read(text)
        #expect(batch.errors.map(\.column) == ["sess_overall"])
        #expect(batch.errors.first?.line == 2)
    }

    @Test func raggedRowsHaveMissingValuesNotErrors() throws {
        let text = [
            EESFixtures.header,
            // Stops after enrolments_pa_10_exact: severe is missing, the row is kept.
            EESFixtures.school(counts: "200,50000,2500,2000,500,30"),
            // Stops after sess_overall: the PA count is missing, so the row is skipped.
            EESFixtures.school(urn: 100_002, counts: "100,20000,900"),
        ].joined(separator: "\n")
        let batch = EESFixtures.read(text, known: [Fixtures.urn(100_001), Fixtures.urn(100_002)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.attendance.count == 1)
        let record = try #require(batch.attendance.first?.record)
        #expect(record.urn == Fixtures.urn(100_001))
        #expect(record.persistentAbsentees == 30)
        #expect(record.severeAbsentees == nil)
        #expect(batch.warnings.map(\.problem).contains { $0.hasPrefix("1 row without the counts needed") })
    }

    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let text = EESFixtures.header + "\r\n" + EESFixtures.school() + "\r\n"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let batch = DropReader(knownAcademies: [Fixtures.urn(100_001)]).read(files: [("bom.csv", bytes)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let record = try #require(batch.attendance.first?.record)
        #expect(record.severeAbsentees == 4)
        #expect(record.pupils == 200)
    }

    @Test func termsMapToYearToDateDropsAndSingleTermsAreSkippedWithOneWarning() {
        let text = [
            EESFixtures.header,
            EESFixtures.school(period: "Autumn term"),
            EESFixtures.school(period: "Autumn and spring term"),
            EESFixtures.school(period: "Academic year"),
            EESFixtures.school(period: "Spring term"),
            EESFixtures.school(period: "Summer term"),
        ].joined(separator: "\n")
        let batch = EESFixtures.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let year = AcademicYear(2021)
        #expect(
            batch.attendance.map(\.record.drop) == [
                DataDrop(year: year, term: .autumn), DataDrop(year: year, term: .spring),
                DataDrop(year: year, term: .summer),
            ])
        let termWarnings = batch.warnings.filter { $0.problem.contains("term on its own") }
        #expect(termWarnings.count == 1)
        #expect(termWarnings.first?.problem.hasPrefix("2 rows for a spring or summer term") == true)
    }

    @Test func anUnknownPeriodOrYearIsAnError() {
        let text = [
            EESFixtures.header,
            EESFixtures.school(period: "Calendar year"),
            "2021,Academic year,School,Bradford,State-funded primary,100001,Alpha,T,1,2,1,0,1,0,0",
        ].joined(separator: "\n")
        let batch = EESFixtures.read(text)
        #expect(batch.errors.map(\.column) == ["time_identifier", "time_period"])
    }

    @Test func nationalAndLocalAuthorityRowsBecomeBenchmarksByPhase() throws {
        let text = [
            EESFixtures.header,
            // England: 190,000 of 200,000 sessions attended → 95.0 / 5.0; 150 of 1,000 PA → 15.0;
            // 20 severe → 2.0.
            "202122,Academic year,National,,Total,,,,1000,200000,10000,8000,2000,150,20",
            // Bradford primary: 3,200 of 80,000 missed → 96.0 / 4.0; 40 of 400 PA → 10.0; severe x.
            "202122,Academic year,Local authority,Bradford,State-funded primary,,,,400,80000,3200,3000,200,40,x",
            "202122,Academic year,Regional,,Total,,,,1,2,1,1,0,0,0",
        ].joined(separator: "\n")
        let batch = EESFixtures.read(text, known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let national = batch.benchmarks.map(\.record).filter { $0.scope == .national }
        #expect(national.count == 4)
        #expect(
            national.allSatisfy { $0.phase == nil && $0.term == .summer && $0.year == AcademicYear(2021) })
        #expect(national.first { $0.kpi == .attendanceRate }?.value == 95.0)
        #expect(national.first { $0.kpi == .absenceRate }?.value == 5.0)
        #expect(national.first { $0.kpi == .persistentAbsenceRate }?.value == 15.0)
        #expect(national.first { $0.kpi == .severeAbsenceRate }?.value == 2.0)
        #expect(national.first?.source == "DfE Pupil absence in schools in England 2021/22 (EES)")
        let local = batch.benchmarks.map(\.record).filter { $0.scope == .localAuthority("Bradford") }
        #expect(local.count == 3)
        #expect(local.allSatisfy { $0.phase == .primary })
        #expect(local.first { $0.kpi == .attendanceRate }?.value == 96.0)
        #expect(local.first { $0.kpi == .persistentAbsenceRate }?.value == 10.0)
        #expect(batch.warnings.map(\.problem).contains { $0.hasPrefix("1 row for regions was skipped") })
    }

    @Test func rowsForOtherSchoolsAreSkippedAndCounted() throws {
        let text = [
            EESFixtures.header,
            EESFixtures.school(),
            EESFixtures.school(urn: 100_002),
            EESFixtures.school(urn: 100_003),
        ].joined(separator: "\n")
        let batch = EESFixtures.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.attendance.map(\.record.urn) == [Fixtures.urn(100_001)])
        #expect(batch.files.first?.academies == [Fixtures.urn(100_001)])
        #expect(batch.files.first?.otherSchools == 2)
        #expect(batch.files.first?.layout == "dfe-absence")
    }

    @Test func aTrustIsFoundInTheLatestYearIgnoringCaseAndOuterSpaces() throws {
        let text = [
            EESFixtures.header,
            "202021,Academic year,School,Bradford,State-funded primary,100009,Old,Alpha Trust,1,2,1,0,1,0,0",
            "202122,Academic year,School,Bradford,State-funded secondary,100001,Alpha High,ALPHA TRUST ,1,2,1,0,1,0,0",
            "202122,Academic year,School,Leeds,Special,100002,Beta,BETA TRUST,1,2,1,0,1,0,0",
            "202122,Academic year,School,Leeds,Special,100003,Gamma,ALPHAS TRUST,1,2,1,0,1,0,0",
        ].joined(separator: "\n")
        let file = try #require(ExploreEducationAbsenceFile(bytes: Array(text.utf8)))
        let schools = file.schools(ofTrust: "  alpha trust ")
        #expect(schools.map(\.urn) == [Fixtures.urn(100_001)])
        let academy = try #require(schools.first.flatMap(Academy.init))
        #expect(academy.name == "Alpha High")
        #expect(academy.phase == .secondary)
        #expect(academy.localAuthority == "Bradford")
        // ALPHA TRSUT: ALPHA TRUST is 2 edits away, ALPHAS TRUST 3, BETA TRUST 6.
        #expect(file.closestTrustNames(to: "alpha trsut") == ["ALPHA TRUST", "ALPHAS TRUST", "BETA TRUST"])
    }

    @Test func anotherLayoutIsNotTakenForThisOne() {
        #expect(ExploreEducationAbsenceFile(bytes: Array(Fixtures.academiesCSV.utf8)) == nil)
    }

    // Beckfoot Allerton (143092), 2021/22, from its row in the file: 128,729 possible
    // sessions, 9,301 missed → (128,729 − 9,301) / 128,729 = 119,428 / 128,729
    // = 92.774… → 92.8. Beckfoot School (139975): 487,932 possible, 43,287 missed
    // → 444,645 / 487,932 = 91.128… → 91.1.
    @Test(
        "Two Beckfoot academies' 2021/22 attendance equals the Bradford file's own counts",
        .enabled(if: EESFixtures.bradfordPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func bradfordAttendanceMatchesHandWorkedFigures() throws {
        let allerton = Fixtures.urn(143_092)
        let beckfoot = Fixtures.urn(139_975)
        let batch = DropReader(knownAcademies: [allerton, beckfoot]).read(paths: [EESFixtures.bradford])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let drop = DataDrop(year: AcademicYear(2021), term: .summer)
        func attendance(_ urn: URN) throws -> Double {
            let record = try #require(
                batch.attendance.first { $0.record.urn == urn && $0.record.drop == drop })
            let figure = try #require(
                FigureCalculator.figures(of: record.record).first { $0.kpi == .attendanceRate })
            return DisplayRounding.shown(
                numerator: figure.numerator, denominator: figure.denominator, kpi: .attendanceRate)
        }
        #expect(try attendance(allerton) == 92.8)
        #expect(try attendance(beckfoot) == 91.1)
        // The file has school rows only, so it gives no benchmarks.
        #expect(batch.benchmarks.isEmpty)
    }
}

extension DfEAbsenceReaderTests {
    @Test func unreadableBenchmarkCountsAreErrorsAndMissingOnesAreSkipped() {
        let text = [
            EESFixtures.header,
            "202122,Academic year,National,,Total,,,,1000,many,10000,8000,2000,150,20",
            "202122,Academic year,National,,State-funded primary,,,,SUPP,200000,10000,8000,2000,150,20",
        ].joined(separator: "\n")
        let batch = EESFixtures.read(text, known: [])
        #expect(batch.errors.map(\.column) == ["sess_possible"])
        #expect(batch.benchmarks.isEmpty)
        #expect(batch.warnings.map(\.problem).contains { $0.hasPrefix("1 row without the counts needed") })
    }
}

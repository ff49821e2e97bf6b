import Foundation
import Testing

@testable import Metrics

/// Small performance-tables absence files written here, and the real England file from
/// `../shared/data/dfe/` when it is present.
enum DfEPerformanceTablesAbsenceFixtures {
    static let header = "LA,ESTAB,URN,PERCTOT,PPERSABS10"
    static let year = AcademicYear(2018)
    static let drop = DataDrop(year: AcademicYear(2018), term: .summer)
    static let source = "DfE performance tables absence 2018/19"

    /// Reads `text` as one file, for `year` (nil for no `--year`).
    static func read(
        _ text: String, known: Set<URN> = [Fixtures.urn(100_001)], year: AcademicYear? = AcademicYear(2018)
    ) -> DropBatch {
        read(bytes: Array(text.utf8), known: known, year: year)
    }

    static func read(bytes: [UInt8], known: Set<URN>, year: AcademicYear? = AcademicYear(2018)) -> DropBatch {
        DropReader(knownAcademies: known, year: year).read(files: [("abs.csv", bytes)])
    }

    /// The published figure of `kpi` for `urn`, if any.
    static func figure(_ batch: DropBatch, _ urn: Int, _ kpi: KPI) -> PublishedFigure? {
        batch.published.map(\.record).first { $0.urn == Fixtures.urn(urn) && $0.kpi == kpi }
    }

    /// The national benchmark of `kpi` for `phase`, if any.
    static func benchmark(_ batch: DropBatch, _ kpi: KPI, _ phase: Phase) -> Benchmark? {
        batch.benchmarks.map(\.record).first { $0.kpi == kpi && $0.phase == phase && $0.scope == .national }
    }

    /// The distribution of `kpi` for `phase`, if any.
    static func distribution(_ batch: DropBatch, _ kpi: KPI, _ phase: Phase) -> NationalDistribution? {
        batch.distributions.map(\.record).first { $0.kpi == kpi && $0.phase == phase }
    }

    /// The warnings' problems.
    static func warnings(_ batch: DropBatch) -> [String] { batch.warnings.map(\.problem) }

    /// A synthetic national file: 121 primary schools in 120 local authorities (201–320),
    /// plus two secondary, one special, one alternative-provision school, two schools whose
    /// ESTAB is in no phase, and one primary school with SUPP. `persistentColumn` names the
    /// last column.
    ///
    /// Primary school k (k = 1…120) is URN 100000 + k in LA 200 + k, ESTAB 2000 + k, absence
    /// k / 10 (0.1…12.0) and persistent absence k / 5; one more primary school, URN 100121,
    /// also has absence 5.0 and persistent absence 10.0, tying with school 50.
    static func nationalFile(persistentColumn: String = "PPERSABS10") -> String {
        var lines = ["LA,ESTAB,URN,PERCTOT,\(persistentColumn)"]
        for k in 1...120 {
            lines.append("\(200 + k),\(2000 + k),\(100_000 + k),\(Double(k) / 10),\(Double(k) / 5)")
        }
        lines += [
            "201,3999,100121,5.0,10.0",
            "202,4001,100201,6.0,12.0",
            "203,5401,100202,7.0,14.0",
            "204,7001,100203,9.0,25.0",
            "205,1101,100204,20.0,60.0",
            "206,6905,100205,3.0,5.0",
            "207,5300,100206,3.0,5.0",
            "208,2500,100207,SUPP,SUPP",
            "NAT,PRI,,4,8.2",
        ]
        return lines.joined(separator: "\n") + "\n"
    }

    /// The project's root, from this file's place in `Tests/MetricsTests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func dataFile(_ name: String) -> String {
        root.appendingPathComponent("../shared/data/dfe/\(name)").standardizedFileURL.path
    }

    static let england = dataFile("england_abs_2018-19.csv")
    static let englandPresent = FileManager.default.fileExists(atPath: england)

    /// The header of a real file, trimmed and lower-cased as the reader sees it.
    static func realHeader(_ name: String) -> [String]? {
        guard let data = FileManager.default.contents(atPath: dataFile(name)) else { return nil }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let firstLine = bytes.prefix { $0 != 0x0A && $0 != 0x0D }
        return String(decoding: firstLine, as: UTF8.self).split(
            separator: ",", omittingEmptySubsequences: false
        )
        .map { String($0).trimmingSpaces.lowercased() }
    }
}

@Suite("Reading the DfE's performance-tables absence layout")
struct DfEPerformanceTablesAbsenceTests {
    typealias F = DfEPerformanceTablesAbsenceFixtures

    @Test func theHeaderIsRecognisedWithEitherPersistentAbsenceColumn() {
        let reader = PerformanceTablesAbsenceReader.self
        #expect(reader.recognises(header: ["la", "estab", "urn", "perctot", "ppersabs10"]))
        #expect(reader.recognises(header: ["la", "estab", "urn", "perctot", "ppersabs15"]))
        #expect(!reader.recognises(header: ["la", "estab", "urn", "perctot"]))
        #expect(!reader.recognises(header: ["la", "estab", "urn", "ppersabs10"]))
        // A KS2/KS4 table has RECTYPE, even were it to carry these columns.
        #expect(!reader.recognises(header: ["rectype", "lea", "estab", "urn", "perctot", "ppersabs10"]))
        // The Explore Education Statistics layout.
        let ees =
            "time_period,time_identifier,geographic_level,la_name,school_type,school_urn,school_name,trust,"
            + "enrolments,sess_possible,sess_overall,sess_authorised,sess_unauthorised,"
            + "enrolments_pa_10_exact,enrolments_pa_50_exact"
        #expect(!reader.recognises(header: ees.split(separator: ",").map(String.init)))
    }

    @Test(
        "The real KS2, KS4 and EES headers are not taken for this layout; the absence file's is",
        .enabled(if: F.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func realHeaders() throws {
        for name in [
            "england_ks4provisional_2018-19.csv", "surrey_936_ks2final_2018-2019.csv",
            "bradford_absence_3term_school_2013-2022.csv",
        ] {
            let header = try #require(F.realHeader(name))
            #expect(!PerformanceTablesAbsenceReader.recognises(header: header), "\(name)")
        }
        let own = try #require(F.realHeader("england_abs_2018-19.csv"))
        #expect(PerformanceTablesAbsenceReader.recognises(header: own))
    }

    @Test func aSchoolRowGivesAbsenceAttendanceAndPersistentAbsence() throws {
        let batch = F.read(F.header + "\n936,2011,100001,6.2,18.8\n")
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let file = try #require(batch.files.first)
        #expect(file.kind == .attendance)
        #expect(file.layout == "dfe-pt-absence")
        #expect(file.rows == 1)
        #expect(file.drops == [F.drop])
        #expect(file.academies == [Fixtures.urn(100_001)])
        #expect(file.otherSchools == 0)
        #expect(batch.published.count == 3)
        #expect(batch.published.allSatisfy { $0.line == 2 && $0.file == 0 })
        for figure in batch.published.map(\.record) {
            #expect(figure.drop == F.drop)
            #expect(figure.group == .all)
            #expect(figure.yearGroup == .all)
            #expect(figure.pupils == nil)
            #expect(figure.interval == nil)
            #expect(figure.source == F.source)
        }
        #expect(F.figure(batch, 100_001, .absenceRate)?.value == 6.2)
        // 100 − 6.2 = 93.8.
        #expect(F.figure(batch, 100_001, .attendanceRate)?.value == 93.8)
        #expect(F.figure(batch, 100_001, .persistentAbsenceRate)?.value == 18.8)
        // One local authority: not a national file, so no distributions; no NAT rows.
        #expect(batch.distributions.isEmpty)
        #expect(batch.benchmarks.isEmpty)
    }

    @Test func withoutAYearTheFileIsAnErrorOnItsHeaderAndNothingIsRead() throws {
        let batch = F.read(F.header + "\n936,2011,100001,6.2,18.8\nNAT,PRI,,4,8.2\n", year: nil)
        #expect(batch.errors.count == 1)
        let error = try #require(batch.errors.first)
        #expect(error.line == 1)
        #expect(error.problem.contains("holds no academic year"))
        #expect(error.fix?.contains("--year 2018/19") == true)
        #expect(batch.published.isEmpty)
        #expect(batch.benchmarks.isEmpty)
        #expect(batch.distributions.isEmpty)
        #expect(batch.files.first?.rows == 0)
        #expect(batch.files.first?.academies.isEmpty == true)
    }

    @Test func theYearGivenNamesTheDropAndTheSource() throws {
        let batch = F.read(F.header + "\n936,2011,100001,6.2,18.8\n", year: AcademicYear(2016))
        let figure = try #require(F.figure(batch, 100_001, .absenceRate))
        #expect(figure.drop == DataDrop(year: AcademicYear(2016), term: .summer))
        #expect(figure.source == "DfE performance tables absence 2016/17")
    }

    @Test func suppIsKeptAsASuppressedFigure() throws {
        let batch = F.read(F.header + "\n201,2011,100001,SUPP,SUPP\n")
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.published.count == 3)
        #expect(batch.published.allSatisfy { $0.record.value == nil })
        #expect(
            Set(batch.published.map(\.record.kpi)) == [.absenceRate, .attendanceRate, .persistentAbsenceRate])
        #expect(batch.files.first?.academies == [Fixtures.urn(100_001)])
        #expect(batch.warnings.isEmpty)
    }

    static let missingCodes = ["NE", "NA", "NP", "LOWCOV", "NEW", "DNS", "x", "z", "c", ":", "", " "]

    @Test("Any other missing-value code gives no figure, never a zero or an error", arguments: missingCodes)
    func missingCode(code: String) throws {
        let text = [
            F.header,
            // Both values missing: no figure at all.
            "201,2011,100001,\(code),\(code)",
            // Absence missing, persistent absence published.
            "201,2012,100002,\(code),7.5",
            // Absence published, persistent absence missing.
            "201,2013,100003,4.5,\(code)",
        ].joined(separator: "\n")
        let known: Set<URN> = [Fixtures.urn(100_001), Fixtures.urn(100_002), Fixtures.urn(100_003)]
        let batch = F.read(text, known: known)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.published.allSatisfy { $0.record.value != nil && $0.record.value != 0 })
        #expect(batch.published.filter { $0.record.urn == Fixtures.urn(100_001) }.isEmpty)
        #expect(
            batch.published.filter { $0.record.urn == Fixtures.urn(100_002) }.map(\.record.kpi) == [
                .persistentAbsenceRate
            ])
        #expect(F.figure(batch, 100_002, .persistentAbsenceRate)?.value == 7.5)
        #expect(F.figure(batch, 100_003, .absenceRate)?.value == 4.5)
        #expect(F.figure(batch, 100_003, .attendanceRate)?.value == 95.5)
        #expect(F.figure(batch, 100_003, .persistentAbsenceRate) == nil)
        #expect(batch.files.first?.academies == [Fixtures.urn(100_002), Fixtures.urn(100_003)])
        // Four values missing: two on the first row, one on each of the others.
        #expect(
            F.warnings(batch).filter { $0.contains("not published") } == [
                "4 figures of the trust's academies were not published (a DfE code such as NE, NA or x, "
                    + "or an empty cell) and are left out"
            ])
    }

    @Test func percentagesWrittenWithAPercentSignAreRead() throws {
        let batch = F.read(F.header + "\n201,2011,100001,\"4.3%\",\"9%\"\n")
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(F.figure(batch, 100_001, .absenceRate)?.value == 4.3)
        // 100 − 4.3 = 95.7, exactly as published, without binary rounding noise.
        #expect(F.figure(batch, 100_001, .attendanceRate)?.value == 95.7)
        #expect(F.figure(batch, 100_001, .persistentAbsenceRate)?.value == 9)
    }

    @Test func attendanceIsOneHundredLessAbsenceWithoutBinaryNoise() throws {
        // In binary, 100 − 64.1 is 35.900000000000006 and 100 − 8.04 is 91.96000000000001;
        // the published figures are 35.9 and 91.96.
        let text = [F.header, "201,2011,100001,64.1,70", "201,2012,100002,8.04,20"].joined(separator: "\n")
        let batch = F.read(text, known: [Fixtures.urn(100_001), Fixtures.urn(100_002)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(F.figure(batch, 100_001, .attendanceRate)?.value == 35.9)
        #expect(F.figure(batch, 100_002, .attendanceRate)?.value == 91.96)
    }

    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let text = F.header + "\r\n936,5406,100001,5.6,13\r\nNAT,SEC,,5.5,13.7\r\n"
        let batch = F.read(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), known: [Fixtures.urn(100_001)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.layout == "dfe-pt-absence")
        #expect(F.figure(batch, 100_001, .absenceRate)?.value == 5.6)
        #expect(F.figure(batch, 100_001, .persistentAbsenceRate)?.value == 13)
        #expect(F.benchmark(batch, .persistentAbsenceRate, .secondary)?.value == 13.7)
    }

    @Test func raggedRowsHaveMissingValuesNotErrors() throws {
        let text = [
            F.header,
            // Stops after PERCTOT: persistent absence is missing.
            "201,2011,100001,4.3",
            // Stops after URN: both are missing.
            "201,2012,100002",
        ].joined(separator: "\n")
        let batch = F.read(text, known: [Fixtures.urn(100_001), Fixtures.urn(100_002)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.rows == 2)
        #expect(batch.published.map(\.record.kpi) == [.absenceRate, .attendanceRate])
        #expect(F.figure(batch, 100_001, .absenceRate)?.value == 4.3)
        // One missing on the first row, two on the second.
        #expect(
            F.warnings(batch).contains {
                $0.hasPrefix("3 figures of the trust's academies were not published")
            })
    }

    @Test func rowsForOtherSchoolsAreCountedNotListed() throws {
        let text = [
            F.header,
            "201,2011,100001,4.3,9",
            "201,2012,100002,5.1,10",
            "202,4012,100003,SUPP,x",
        ].joined(separator: "\n")
        let batch = F.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(Set(batch.published.map(\.record.urn)) == [Fixtures.urn(100_001)])
        let file = try #require(batch.files.first)
        #expect(file.otherSchools == 2)
        #expect(file.academies == [Fixtures.urn(100_001)])
        #expect(file.rows == 3)
        // Other schools' missing values are not the trust's concern.
        #expect(!F.warnings(batch).contains { $0.contains("not published") })
    }

    @Test func anUnreadableValueIsAnErrorNamingLineColumnValueAndFix() throws {
        let text = [
            F.header,
            "201,2011,100001,lots,9",
            "201,2011,100002,4.1,9..5",
        ].joined(separator: "\n")
        let batch = F.read(text, known: [Fixtures.urn(100_001), Fixtures.urn(100_002)])
        #expect(batch.errors.count == 2)
        let first = try #require(batch.errors.first)
        #expect(first.line == 2)
        #expect(first.column == "PERCTOT")
        #expect(first.value == "lots")
        #expect(first.fix?.isEmpty == false)
        let second = try #require(batch.errors.last)
        #expect(second.line == 3)
        #expect(second.column == "PPERSABS10")
        #expect(second.value == "9..5")
        // A row with an error gives no figures.
        #expect(batch.published.isEmpty)
    }

    @Test func anotherSchoolsUnreadableValueIsLeftOutWithAWarning() throws {
        // 100002 is not the trust's: its cell cannot stop the ingest, so it is counted.
        let text = [F.header, "201,2011,100001,4.3,9", "201,2011,100002,lots,9..5"].joined(separator: "\n")
        let batch = F.read(text, known: [Fixtures.urn(100_001)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(
            F.warnings(batch).contains { $0.contains("2 cells of schools outside the trust are neither") })
        #expect(batch.published.count == 3)
    }

    @Test func aURNThatIsNotAURNIsAnError() throws {
        let text = [
            F.header,
            "201,2011,12345,4.3,9",
            "201,2011,ABCDEF,4.3,9",
        ].joined(separator: "\n")
        let batch = F.read(text)
        #expect(batch.errors.map(\.column) == ["URN", "URN"])
        #expect(batch.errors.map(\.value) == ["12345", "ABCDEF"])
        #expect(batch.errors.map(\.line) == [2, 3])
        #expect(batch.errors.allSatisfy { $0.fix?.contains("six digits") == true })
        #expect(batch.published.isEmpty)
    }

    @Test func nationalRowsBecomeNationalBenchmarksByPhase() throws {
        let text = [
            F.header,
            "NAT,PRI,,4,8.2",
            "NAT,SEC,,5.5,13.7",
            "NAT,SPE,,10.1,28.8",
            "NAT,ALL,,4.7,10.9",
            // An empty URN on a row that is not national.
            "201,2011,,4.7,10.9",
        ].joined(separator: "\n")
        let batch = F.read(text, known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.benchmarks.count == 9)
        for benchmark in batch.benchmarks.map(\.record) {
            #expect(benchmark.year == F.year)
            #expect(benchmark.term == .summer)
            #expect(benchmark.group == .all)
            #expect(benchmark.scope == .national)
            #expect(benchmark.source == F.source)
        }
        // NAT,PRI,,4,8.2
        #expect(F.benchmark(batch, .absenceRate, .primary)?.value == 4)
        #expect(F.benchmark(batch, .attendanceRate, .primary)?.value == 96)
        #expect(F.benchmark(batch, .persistentAbsenceRate, .primary)?.value == 8.2)
        // NAT,SEC,,5.5,13.7
        #expect(F.benchmark(batch, .absenceRate, .secondary)?.value == 5.5)
        #expect(F.benchmark(batch, .attendanceRate, .secondary)?.value == 94.5)
        #expect(F.benchmark(batch, .persistentAbsenceRate, .secondary)?.value == 13.7)
        // NAT,SPE,,10.1,28.8
        #expect(F.benchmark(batch, .absenceRate, .special)?.value == 10.1)
        #expect(F.benchmark(batch, .attendanceRate, .special)?.value == 89.9)
        #expect(F.benchmark(batch, .persistentAbsenceRate, .special)?.value == 28.8)
        #expect(batch.benchmarks.map(\.line).sorted() == [2, 2, 2, 3, 3, 3, 4, 4, 4])
        let warnings = F.warnings(batch)
        #expect(warnings.contains { $0.hasPrefix("1 row of national figures for a phase other than") })
        #expect(warnings.contains { $0.hasPrefix("1 row with no URN that is not a national (NAT) row") })
    }

    @Test func aPPERSABS15OnlyFileReadsAbsenceButNeverPersistentAbsence() throws {
        let header = "LA,ESTAB,URN,PERCTOT,PPERSABS15"
        let text = [header, "201,2011,100001,4.3,20.1", "NAT,PRI,,4,8.2"].joined(separator: "\n")
        let batch = F.read(text)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.layout == "dfe-pt-absence")
        #expect(Set(batch.published.map(\.record.kpi)) == [.absenceRate, .attendanceRate])
        #expect(F.figure(batch, 100_001, .absenceRate)?.value == 4.3)
        #expect(F.figure(batch, 100_001, .persistentAbsenceRate) == nil)
        #expect(F.benchmark(batch, .absenceRate, .primary)?.value == 4)
        #expect(!batch.benchmarks.contains { $0.record.kpi == .persistentAbsenceRate })
        let warnings = batch.warnings.filter { $0.problem.contains("PPERSABS15") }
        #expect(warnings.count == 1)
        let warning = try #require(warnings.first)
        #expect(warning.problem.contains("15%"))
        #expect(warning.problem.contains("not the 10% persistent-absence rate"))
        #expect(warning.problem.contains("persistent absence was not read"))
        #expect(warning.line == 1)
    }

    @Test func aPPERSABS15OnlyNationalFileGivesNoPersistentAbsenceDistribution() throws {
        let batch = F.read(F.nationalFile(persistentColumn: "PPERSABS15"), known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(F.distribution(batch, .absenceRate, .primary)?.count == 121)
        #expect(!batch.distributions.contains { $0.record.kpi == .persistentAbsenceRate })
        #expect(batch.published.isEmpty)
    }

    @Test(arguments: [
        "LA,ESTAB,URN,PERCTOT,PPERSABS15,PPERSABS10", "LA,ESTAB,URN,PERCTOT,PPERSABS10,PPERSABS15",
    ])
    func withBothColumnsOnlyPPERSABS10IsRead(header: String) throws {
        // The PPERSABS15 value is 20.1 (school) and 11.1 (national) in both orders.
        let fifteenFirst = header.hasSuffix("PPERSABS10")
        let school = fifteenFirst ? "201,2011,100001,4.3,20.1,9.5" : "201,2011,100001,4.3,9.5,20.1"
        let national = fifteenFirst ? "NAT,PRI,,4,11.1,8.2" : "NAT,PRI,,4,8.2,11.1"
        let batch = F.read([header, school, national].joined(separator: "\n"))
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(F.figure(batch, 100_001, .persistentAbsenceRate)?.value == 9.5)
        #expect(F.benchmark(batch, .persistentAbsenceRate, .primary)?.value == 8.2)
        #expect(!F.warnings(batch).contains { $0.contains("PPERSABS15") })
    }

    @Test func theEstablishmentNumberGivesThePhase() {
        let phase = PerformanceTablesAbsenceReader.phase(ofEstablishment:)
        #expect(phase(1099) == nil)
        #expect(phase(1100) == .alternativeProvision)
        #expect(phase(1199) == .alternativeProvision)
        #expect(phase(1200) == nil)
        #expect(phase(1999) == nil)
        #expect(phase(2000) == .primary)
        #expect(phase(3999) == .primary)
        #expect(phase(4000) == .secondary)
        #expect(phase(4999) == .secondary)
        #expect(phase(5000) == .primary)
        #expect(phase(5299) == .primary)
        #expect(phase(5300) == nil)
        #expect(phase(5399) == nil)
        #expect(phase(5400) == .secondary)
        #expect(phase(5999) == .secondary)
        #expect(phase(6905) == nil)
        #expect(phase(7000) == .special)
        #expect(phase(7999) == .special)
        #expect(phase(8000) == nil)
    }

    @Test func aNationalFileGivesDistributionsByPhaseWithTheTrustsSchoolsInThem() throws {
        let batch = F.read(F.nationalFile(), known: [Fixtures.urn(100_050)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        // 120 primary schools with absence 0.1…12.0 and one more with 5.0; the SUPP row is out.
        let absence = try #require(F.distribution(batch, .absenceRate, .primary))
        #expect(absence.count == 121)
        #expect(absence.drop == F.drop)
        #expect(absence.source == F.source)
        // Absence 5.0 (school 50, the trust's, and URN 100121): 70 schools are worse (5.1…12.0),
        // 2 equal: 100 × (70 + 1) / 121 = 58.67 → 58.
        #expect(absence.percentile(of: 5.0) == 58)
        let attendance = try #require(F.distribution(batch, .attendanceRate, .primary))
        #expect(attendance.count == 121)
        // Attendance 95.0: the same 70 schools have lower attendance (88.0…94.9), 2 equal → 58.
        #expect(attendance.percentile(of: 95.0) == 58)
        #expect(attendance.values.first == 88.0)
        #expect(attendance.values.last == 99.9)
        let persistent = try #require(F.distribution(batch, .persistentAbsenceRate, .primary))
        #expect(persistent.count == 121)
        // Persistent absence 10.0: 70 worse (10.2…24.0), 2 equal → 58.
        #expect(persistent.percentile(of: 10.0) == 58)
        // ESTAB 4001 and 5401 are secondary, 7001 special, 1101 alternative provision;
        // 6905 and 5300 are in no phase.
        // Each has too few schools (fewer than `DistributionBuilder.fewestSchools`) for a
        // percentile to mean anything, so none of them gives a distribution.
        #expect(DistributionBuilder.fewestSchools > 2)
        #expect(F.distribution(batch, .absenceRate, .secondary) == nil)
        #expect(F.distribution(batch, .absenceRate, .special) == nil)
        #expect(F.distribution(batch, .absenceRate, .alternativeProvision) == nil)
        #expect(F.distribution(batch, .absenceRate, .allThrough) == nil)
        #expect(batch.distributions.allSatisfy { $0.line == 1 && $0.file == 0 })
        #expect(
            F.warnings(batch).contains {
                $0.hasPrefix("2 rows for schools whose establishment number (ESTAB) is in no phase's range")
            })
        // The trust's academy still gets its figures; every other school is counted.
        #expect(F.figure(batch, 100_050, .absenceRate)?.value == 5.0)
        #expect(batch.files.first?.otherSchools == 127)
        #expect(F.benchmark(batch, .absenceRate, .primary)?.value == 4)
    }

    // Weyfield Academy, Surrey (URN 139070): row `936,2011,139070,6.2,18.8` — ESTAB 2011,
    // primary. The Beacon School, Surrey (URN 137735): row `936,5406,137735,5.6,13` —
    // ESTAB 5406, secondary. Names from the Surrey KS2 and England KS4 files.
    @Test(
        "Two academies' figures and the national rows equal the England file's own values",
        .enabled(if: F.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func englandFileFiguresAndBenchmarks() throws {
        let weyfield = 139_070
        let beacon = 137_735
        let batch = DropReader(knownAcademies: [Fixtures.urn(weyfield), Fixtures.urn(beacon)], year: F.year)
            .read(paths: [F.england])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let file = try #require(batch.files.first)
        #expect(file.layout == "dfe-pt-absence")
        // 21,218 lines: the header, 21,214 school rows and 3 national rows.
        #expect(file.rows == 21_217)
        #expect(file.otherSchools == 21_212)
        #expect(file.academies == [Fixtures.urn(weyfield), Fixtures.urn(beacon)])
        #expect(F.figure(batch, weyfield, .absenceRate)?.value == 6.2)
        #expect(F.figure(batch, weyfield, .attendanceRate)?.value == 93.8)
        #expect(F.figure(batch, weyfield, .persistentAbsenceRate)?.value == 18.8)
        #expect(F.figure(batch, beacon, .absenceRate)?.value == 5.6)
        #expect(F.figure(batch, beacon, .attendanceRate)?.value == 94.4)
        #expect(F.figure(batch, beacon, .persistentAbsenceRate)?.value == 13)
        #expect(batch.published.count == 6)
        // The national rows: NAT,PRI,,4,8.2; NAT,SEC,,5.5,13.7; NAT,SPE,,10.1,28.8.
        #expect(batch.benchmarks.count == 9)
        let expected: [(Phase, Double, Double)] = [
            (.primary, 4, 8.2), (.secondary, 5.5, 13.7), (.special, 10.1, 28.8),
        ]
        for (phase, absence, persistent) in expected {
            #expect(F.benchmark(batch, .absenceRate, phase)?.value == absence)
            let attendance = try #require(F.benchmark(batch, .attendanceRate, phase)?.value)
            #expect(abs(attendance - (100 - absence)) < 1e-9)
            #expect(F.benchmark(batch, .persistentAbsenceRate, phase)?.value == persistent)
            #expect(F.benchmark(batch, .absenceRate, phase)?.source == F.source)
        }
        // 258 school rows have an ESTAB in no phase (6000s: 6905, 6906, …).
        #expect(
            F.warnings(batch).contains {
                $0.hasPrefix("258 rows for schools whose establishment number (ESTAB) is in no phase's range")
            })
    }

    // Counted with python from the file: school rows (six-digit URN) whose ESTAB is
    // 2000–3999 or 5000–5299 number 16,775, all with a numeric PERCTOT; 15,928 of them have
    // a numeric PPERSABS10 (the rest SUPP). Secondary (4000–4999, 5400–5999): 3,171.
    // Weyfield's absence 6.2: 390 primary schools are higher, 53 equal →
    // (200 × 390 + 100 × 53) / (2 × 16,775) = 83,300 / 33,550 = 2.48 → 2. Its persistent
    // absence 18.8: 479 higher, 22 equal → 98,000 / 31,856 = 3.08 → 3. The Beacon's
    // absence 5.6 among secondaries: 1,316 higher, 91 equal → 272,300 / 6,342 = 42.9 → 42.
    @Test(
        "The England file's primary distribution holds every primary school and ranks Weyfield as worked by hand",
        .enabled(if: F.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func englandFileDistributions() throws {
        let batch = DropReader(knownAcademies: [], year: F.year).read(paths: [F.england])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let absence = try #require(F.distribution(batch, .absenceRate, .primary))
        #expect(absence.count == 16_775)
        #expect(absence.percentile(of: 6.2) == 2)
        let attendance = try #require(F.distribution(batch, .attendanceRate, .primary))
        #expect(attendance.count == 16_775)
        #expect(attendance.percentile(of: 93.8) == 2)
        let persistent = try #require(F.distribution(batch, .persistentAbsenceRate, .primary))
        #expect(persistent.count == 15_928)
        #expect(persistent.percentile(of: 18.8) == 3)
        let secondary = try #require(F.distribution(batch, .absenceRate, .secondary))
        #expect(secondary.count == 3_171)
        #expect(secondary.percentile(of: 5.6) == 42)
        #expect(F.distribution(batch, .absenceRate, .special)?.count == 1_009)
    }
}

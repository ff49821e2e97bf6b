import Foundation
import Testing

@testable import Metrics

/// Small KS4 performance-table files written here, and the real England file from
/// `../shared/data/dfe/` when it is present.
enum DfEKS4ReaderTestsFixtures {
    /// The header of the DfE's 2018/19 provisional KS4 file, as it is written there.
    static let header =
        "RECTYPE,LEA,ESTAB,URN,SCHNAME,ICLOSE,NFTYPE,TPUP,ATT8SCR,P8PUP,TP8ADJ,P8MEA,P8CILOW,P8CIUPP,"
        + "P8MEA_ORIG,P8CILOW_ORIG,P8CIUPP_ORIG,PTL2BASICS_94,PTL2BASICS_95,EBACCAPS,PTEBACC_E_PTQ_EE,"
        + "PTEBACC_94,PTEBACC_95,PT5EM_94,P8_BANDING"

    static let name = "england_ks4provisional_2018-19.csv"

    /// A school row with the given cells; the rest are filled as the DfE writes them.
    static func school(
        rectype: String = "1", lea: String = "202", urn: Int = 100_001, type: String = "AC",
        pupils: String = "136", att8: String = "47.2", progressPupils: String = "128", p8: String = "-0.08",
        low: String = "-0.3", high: String = "0.14", basics4: String = "\"66.2%\"",
        basics5: String = "\"47.1%\""
    ) -> String {
        "\(rectype),\(lea),4285,\(urn),Acland Academy,0,\(type),\(pupils),\(att8),\(progressPupils),1,\(p8),\(low),"
            + "\(high),"
            + "\(p8),\(low),\(high),\(basics4),\(basics5),4.29,51.5%,36.8%,26.5%,62.5%,3"
    }

    /// The state-funded national row (RECTYPE 7) of the 2018/19 file.
    static let stateFunded =
        "7,,,,,,,542831,46.5,513055,4888,-0.03,,,-0.03,,,64.4%,43.0%,4.06,40.0%,24.8%,17.0%,60.0%,"
    /// The all-schools national row (RECTYPE 5) of the 2018/19 file.
    static let allSchools = "5,,,,,,,605874,44.5,,,,,,,,,59.5%,39.8%,3.86,36.5%,22.8%,15.7%,55.4%,"

    static func read(
        _ lines: [String], name: String = name, known: Set<URN> = [Fixtures.urn(100_001)],
        year: AcademicYear? = nil
    ) -> DropBatch {
        let text = ([header] + lines).joined(separator: "\n") + "\n"
        return DropReader(knownAcademies: known, year: year).read(files: [(name, Array(text.utf8))])
    }

    static let y2018 = DataDrop(year: AcademicYear(2018), term: .summer)

    /// The project's root, from this file's place in `Tests/MetricsTests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let england = root.appendingPathComponent(
        "../shared/data/dfe/england_ks4provisional_2018-19.csv"
    ).standardizedFileURL.path

    static let englandPresent = FileManager.default.fileExists(atPath: england)
}

@Suite("Reading the DfE's KS4 performance tables")
struct DfEKS4ReaderTests {
    typealias Files = DfEKS4ReaderTestsFixtures

    @Test func theHeaderIsRecognisedAndOtherLayoutsAreNot() {
        let header = Files.header.lowercased().split(separator: ",").map(String.init)
        #expect(KS4PerformanceTablesReader.recognises(header: header))
        #expect(!KS4PerformanceTablesReader.recognises(header: header.filter { $0 != "att8scr" }))
        #expect(
            !KS4PerformanceTablesReader.recognises(header: ["la", "estab", "urn", "perctot", "ppersabs10"]))
    }

    @Test func anAcademyRowBecomesFiveValuesWeightedByItsPupils() throws {
        let batch = Files.read([Files.school()])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let file = try #require(batch.files.first)
        #expect(file.kind == .attainment)
        #expect(file.layout == "dfe-ks4")
        #expect(file.rows == 1)
        #expect(file.drops == [Files.y2018])
        #expect(file.academies == [Fixtures.urn(100_001)])
        let figures = batch.published.map(\.record)
        #expect(figures.count == 4)
        #expect(batch.published.allSatisfy { $0.line == 2 })
        for figure in figures {
            #expect(figure.urn == Fixtures.urn(100_001))
            #expect(figure.drop == Files.y2018)
            #expect(figure.group == .all)
            #expect(figure.yearGroup == .year(11))
            // Progress 8 is over the 128 pupils with KS2 results (P8PUP), the rest over TPUP.
            #expect(figure.pupils == (figure.kpi == .score(.progress8) ? 128 : 136))
            #expect(figure.source == "DfE KS4 performance tables 2018/19 (provisional)")
        }
        // The cells of the row: 47.2, -0.08 (-0.3 to 0.14), "66.2%", "47.1%".
        #expect(figures.first { $0.kpi == .score(.attainment8) }?.value == 47.2)
        let progress = try #require(figures.first { $0.kpi == .score(.progress8) })
        #expect(progress.value == -0.08)
        #expect(progress.interval == -0.3...0.14)
        #expect(figures.first { $0.kpi == .score(.attainment8) }?.interval == nil)
        #expect(figures.first { $0.kpi == .expected(.englishMaths) }?.value == 66.2)
        #expect(figures.first { $0.kpi == .greaterDepth(.englishMaths) }?.value == 47.1)
    }

    @Test func percentagesAreReadQuotedOrBareAndAByteOrderMarkAndCRLFAreRead() throws {
        let text =
            Files.header + "\r\n" + Files.school(basics4: "70.8%", basics5: "\"46.8%\"") + "\r\n"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let batch = DropReader(knownAcademies: [Fixtures.urn(100_001)]).read(files: [(Files.name, bytes)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.layout == "dfe-ks4")
        let figures = batch.published.map(\.record)
        #expect(figures.first { $0.kpi == .expected(.englishMaths) }?.value == 70.8)
        #expect(figures.first { $0.kpi == .greaterDepth(.englishMaths) }?.value == 46.8)
        #expect(figures.first { $0.kpi == .score(.progress8) }?.interval == -0.3...0.14)
    }

    static let codes = ["NE", "NA", "NP", "LOWCOV", "NEW", "DNS", "x", "z", "c", ":", "", " "]

    @Test("A missing-value code gives no figure, never a zero or an error", arguments: codes)
    func missingCode(code: String) {
        let row = Files.school(
            pupils: code, att8: code, p8: code, low: code, high: code, basics4: code, basics5: code)
        let batch = Files.read([row])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.published.isEmpty)
        #expect(batch.files.first?.academies == [])
        let written =
            code.trimmingCharacters(in: .whitespaces).isEmpty ? "blank" : "coded \(code.uppercased())"
        let warnings = batch.warnings.map(\.problem).filter { $0.contains("KS4 figure") }
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("4 KS4 figures of the trust's academies are \(written)") == true)
    }

    @Test func suppressedValuesAreKeptAsSuppressedFigures() throws {
        let row = Files.school(
            pupils: "2", att8: "SUPP", progressPupils: "SUPP", p8: "SUPP", low: "SUPP", high: "SUPP",
            basics4: "SUPP", basics5: "supp"
        )
        let batch = Files.read([row])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let figures = batch.published.map(\.record)
        #expect(figures.count == 4)
        #expect(figures.allSatisfy { $0.value == nil && $0.interval == nil && $0.pupils == 2 })
        #expect(batch.files.first?.academies == [Fixtures.urn(100_001)])
        #expect(!batch.warnings.map(\.problem).contains { $0.contains("KS4 figure") })
    }

    @Test func aProgressScoreWithoutItsLimitsHasNoInterval() throws {
        let batch = Files.read([Files.school(p8: "0.5", low: "NE", high: "0.7")])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let progress = try #require(batch.published.map(\.record).first { $0.kpi == .score(.progress8) })
        #expect(progress.value == 0.5)
        #expect(progress.interval == nil)
    }

    @Test func raggedRowsHaveMissingValuesNotErrors() throws {
        let full = Files.school(urn: 100_002).split(separator: ",", omittingEmptySubsequences: false)
        let lines = [
            // Stops after P8CIUPP: Attainment 8 and Progress 8 only.
            full.prefix(14).joined(separator: ","),
            // Stops after TPUP: nothing.
            Files.school().split(separator: ",").prefix(8).joined(separator: ","),
        ]
        let batch = Files.read(lines, known: [Fixtures.urn(100_001), Fixtures.urn(100_002)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.rows == 2)
        let figures = batch.published.map(\.record)
        #expect(figures.map(\.kpi) == [.score(.attainment8), .score(.progress8)])
        #expect(figures.allSatisfy { $0.urn == Fixtures.urn(100_002) })
        #expect(figures.last?.interval == -0.3...0.14)
        // Two cells of the first row and four of the second are absent.
        #expect(
            batch.warnings.map(\.problem).contains {
                $0.hasPrefix("6 KS4 figures of the trust's academies are blank or absent")
            })
    }

    @Test func rowsForOtherSchoolsAreCountedNotListed() throws {
        let batch = Files.read([
            Files.school(urn: 100_002), Files.school(), Files.school(rectype: "2", urn: 100_003),
        ])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(Set(batch.published.map(\.record.urn)) == [Fixtures.urn(100_001)])
        #expect(batch.published.allSatisfy { $0.line == 3 })
        let file = try #require(batch.files.first)
        #expect(file.otherSchools == 2)
        #expect(file.academies == [Fixtures.urn(100_001)])
        #expect(file.rows == 3)
    }

    @Test func anUnreadableValueIsAnErrorNamingLineColumnValueAndFix() throws {
        let batch = Files.read([Files.school(), Files.school(att8: "lots")])
        let error = try #require(batch.errors.first)
        #expect(batch.errors.count == 1)
        #expect(error.line == 3)
        #expect(error.column == "att8scr")
        #expect(error.value == "lots")
        #expect(error.fix?.contains("SUPP") == true)
        #expect(!batch.isValid)
    }

    @Test func anUnreadableValueOfAnotherSchoolIsLeftOutWithAWarningNotAnError() {
        // Another school's cell cannot stop the trust's ingest: it is left out of the
        // distributions and counted.
        let batch = Files.read([Files.school(urn: 100_002, basics5: "\"high%\"")])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(
            batch.warnings.contains { $0.problem.hasPrefix("1 cell of schools outside the trust is neither") }
        )
        #expect(batch.files.first?.otherSchools == 1)
    }

    @Test func anUnreadablePupilCountOrLimitIsAnError() {
        let batch = Files.read([
            Files.school(pupils: "many"), Files.school(low: "low"), Files.school(low: "0.2", high: "0.1"),
        ])
        #expect(batch.errors.map(\.column) == ["tpup", "p8cilow", "p8cilow"])
        #expect(batch.errors.map(\.line) == [2, 3, 4])
        #expect(batch.errors.map(\.value) == ["many", "low", "0.2"])
        #expect(batch.errors.last?.problem.contains("0.1") == true)
        #expect(batch.errors.allSatisfy { $0.fix != nil })
    }

    @Test func theStateFundedNationalRowGivesSecondaryBenchmarksAndTheOthersAreSkipped() throws {
        let batch = Files.read(
            [
                Files.school(), "4,201,,,,,,,,,,,,,,,,,,,,,,,", "4,202,,,,,,,1571,48.5", Files.allSchools,
                Files.stateFunded, "3,201,,,,,,,1,2",
            ],
            known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let benchmarks = batch.benchmarks.map(\.record)
        // The RECTYPE 7 row: ATT8SCR 46.5, P8MEA -0.03, PTL2BASICS_94 64.4%, PTL2BASICS_95 43.0%.
        #expect(benchmarks.count == 4)
        #expect(batch.benchmarks.allSatisfy { $0.line == 6 })
        #expect(benchmarks.first { $0.kpi == .score(.attainment8) }?.value == 46.5)
        #expect(benchmarks.first { $0.kpi == .score(.progress8) }?.value == -0.03)
        #expect(benchmarks.first { $0.kpi == .expected(.englishMaths) }?.value == 64.4)
        #expect(benchmarks.first { $0.kpi == .greaterDepth(.englishMaths) }?.value == 43.0)
        for benchmark in benchmarks {
            #expect(benchmark.scope == .national)
            #expect(benchmark.phase == nil)
            #expect(benchmark.group == .all)
            #expect(benchmark.drop == Files.y2018)
            #expect(benchmark.source == "DfE KS4 performance tables 2018/19 (provisional)")
        }
        let warnings = batch.warnings.map(\.problem)
        #expect(
            warnings.contains {
                $0.hasPrefix("1 row for all schools in England (RECTYPE 5) was skipped: it includes")
            })
        #expect(warnings.contains { $0.hasPrefix("2 rows for local authorities (RECTYPE 4) were skipped") })
        #expect(
            warnings.contains { $0.hasPrefix("1 row with a RECTYPE other than 1, 2, 4, 5 or 7 was skipped") })
        #expect(batch.files.first?.otherSchools == 1)
        #expect(batch.files.first?.rows == 6)
        #expect(batch.files.first?.drops == [Files.y2018])
    }
}

extension DfEKS4ReaderTests {
    @Test func theYearComesFromTheFileNameOrFromYear() throws {
        // The last part of the path alone: the folder's 2016-17 is not the file's year.
        let final = Files.read([Files.school()], name: "data/2016-17/england_ks4final_2017-2018.csv")
        #expect(final.errors.isEmpty, "\(Fixtures.errors(final))")
        let figure = try #require(final.published.first?.record)
        #expect(figure.drop == DataDrop(year: AcademicYear(2017), term: .summer))
        #expect(figure.source == "DfE KS4 performance tables 2017/18")
        let given = Files.read([Files.school()], name: "ks4.csv", year: AcademicYear(2019))
        #expect(given.errors.isEmpty, "\(Fixtures.errors(given))")
        #expect(given.published.first?.record.drop == DataDrop(year: AcademicYear(2019), term: .summer))
        let agreeing = Files.read([Files.school()], year: AcademicYear(2018))
        #expect(agreeing.errors.isEmpty, "\(Fixtures.errors(agreeing))")
        #expect(agreeing.published.count == 4)
    }

    @Test(
        "Without a year in --year or the name, one error and nothing read",
        arguments: ["ks4.csv", "england_ks4_2018-20.csv", "england_ks4_2018-2020.csv", "ks4_12018-19.csv"])
    func noYear(name: String) throws {
        let batch = Files.read([Files.school(), Files.school(att8: "lots"), Files.stateFunded], name: name)
        #expect(batch.errors.count == 1)
        let error = try #require(batch.errors.first)
        #expect(error.line == 1)
        #expect(error.value == name)
        #expect(error.fix == "give it with --year, such as --year 2018/19, or keep the DfE's file name")
        #expect(batch.published.isEmpty)
        #expect(batch.benchmarks.isEmpty)
        #expect(batch.files.first?.rows == 0)
        #expect(batch.files.first?.layout == "dfe-ks4")
    }

    @Test func aYearThatDisagreesWithTheNameIsOneErrorNamingBoth() throws {
        let batch = Files.read([Files.school(), Files.stateFunded], year: AcademicYear(2019))
        #expect(batch.errors.count == 1)
        let error = try #require(batch.errors.first)
        #expect(error.line == 1)
        #expect(error.value == Files.name)
        #expect(error.problem.contains("2019/20"))
        #expect(error.problem.contains("2018/19"))
        #expect(error.fix?.contains("--year 2018/19") == true)
        #expect(batch.published.isEmpty)
        #expect(batch.benchmarks.isEmpty)
    }

    /// 100 local authorities (801–900), one state-funded secondary school each, whose
    /// Attainment 8 is 40 + (its number mod 10): ten schools each at 40, 41, … 49.
    static func nationalRows() -> [String] {
        (0..<100).map { index in
            Files.school(
                lea: String(801 + index), urn: 110_000 + index, att8: String(40 + index % 10), p8: "0.1",
                low: "0", high: "0.2")
        }
    }

    @Test func aFileOfEveryAuthorityGivesDistributionsOfStateFundedSchools() throws {
        let lines =
            Self.nationalRows() + [
                // An independent school with a value (the real ones have NA): left out.
                Files.school(lea: "801", urn: 120_001, type: "IND", att8: "99"),
                // A special school: its own phase.
                Files.school(rectype: "2", lea: "802", urn: 120_002, type: "ACS", att8: "5.8"),
            ]
        let batch = Files.read(lines, known: [Fixtures.urn(110_005)])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let distributions = batch.distributions.map(\.record)
        let secondary = try #require(
            distributions.first { $0.kpi == .score(.attainment8) && $0.phase == .secondary })
        // 100 state-funded secondary schools; the independent one is not counted.
        #expect(secondary.count == 100)
        #expect(secondary.drop == Files.y2018)
        #expect(secondary.source == "DfE KS4 performance tables 2018/19 (provisional)")
        // The trust's school 110005 has 45: 50 schools below (40–44) and 10 equal, so
        // 100 × (50 + 10 / 2) / 100 = 55.
        let own = try #require(
            batch.published.map(\.record).first { $0.kpi == .score(.attainment8) })
        #expect(own.value == 45)
        #expect(secondary.percentile(of: 45) == 55)
        // One special school is too few for a distribution (`DistributionBuilder.fewestSchools`).
        #expect(!distributions.contains { $0.phase == .special })
        #expect(batch.distributions.allSatisfy { $0.line == 1 })
    }

    @Test func aFileOfFewerAuthoritiesGivesNoDistributions() {
        let batch = Files.read(Array(Self.nationalRows().prefix(99)), known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.distributions.isEmpty)
    }
}

extension DfEKS4ReaderTests {
    // The rows of the real file, read with Python's csv module (line numbers count the
    // header as line 1):
    //   line 33, 138449 Harris Academy Greenwich (AC): TPUP 187, ATT8SCR 54.8, P8MEA 0.56,
    //     P8CILOW 0.37, P8CIUPP 0.75, PTL2BASICS_94 79.1%, PTL2BASICS_95 57.2% (interval above 0).
    //   line 21, 137181 The UCL Academy (AC): TPUP 171, ATT8SCR 50, P8MEA 0.09, P8CILOW -0.1,
    //     P8CIUPP 0.29, PTL2BASICS_94 70.8%, PTL2BASICS_95 46.8% (interval spans 0).
    static let harris = Fixtures.urn(138_449)
    static let ucl = Fixtures.urn(137_181)

    @Test(
        "Two academies' KS4 figures equal their rows in the England file",
        .enabled(if: Files.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func realAcademies() throws {
        let batch = DropReader(knownAcademies: [Self.harris, Self.ucl]).read(paths: [Files.england])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let file = try #require(batch.files.first)
        #expect(file.layout == "dfe-ks4")
        #expect(file.academies == [Self.harris, Self.ucl])
        #expect(file.drops == [Files.y2018])
        // 5,652 data rows: 4,296 RECTYPE 1 and 1,199 RECTYPE 2 school rows, of which two
        // are the trust's, 155 RECTYPE 4 and one each of 5 and 7.
        #expect(file.rows == 5652)
        #expect(file.otherSchools == 4296 + 1199 - 2)
        func figure(_ urn: URN, _ kpi: KPI) throws -> PublishedFigure {
            try #require(batch.published.first { $0.record.urn == urn && $0.record.kpi == kpi }).record
        }
        let harrisP8 = try figure(Self.harris, .score(.progress8))
        #expect(try figure(Self.harris, .score(.attainment8)).value == 54.8)
        #expect(harrisP8.value == 0.56)
        #expect(harrisP8.interval == 0.37...0.75)
        #expect(try figure(Self.harris, .expected(.englishMaths)).value == 79.1)
        #expect(try figure(Self.harris, .greaterDepth(.englishMaths)).value == 57.2)
        // P8PUP 178 of TPUP 187.
        #expect(harrisP8.pupils == 178)
        let uclP8 = try figure(Self.ucl, .score(.progress8))
        #expect(try figure(Self.ucl, .score(.attainment8)).value == 50)
        #expect(uclP8.value == 0.09)
        #expect(uclP8.interval == -0.1...0.29)
        #expect(try figure(Self.ucl, .expected(.englishMaths)).value == 70.8)
        #expect(try figure(Self.ucl, .greaterDepth(.englishMaths)).value == 46.8)
        // P8PUP 163 of TPUP 171.
        #expect(uclP8.pupils == 163)
        #expect(batch.published.filter { $0.record.urn == Self.harris }.allSatisfy { $0.line == 33 })
        #expect(batch.published.filter { $0.record.urn == Self.ucl }.allSatisfy { $0.line == 21 })
        #expect(
            batch.published.map(\.record).allSatisfy {
                $0.drop == Files.y2018 && $0.yearGroup == .year(11) && $0.group == .all
                    && $0.source == "DfE KS4 performance tables 2018/19 (provisional)"
            })
    }

    @Test(
        "The national benchmarks equal the file's state-funded row",
        .enabled(if: Files.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func realNationalBenchmarks() throws {
        let batch = DropReader(knownAcademies: []).read(paths: [Files.england])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        // The RECTYPE 7 row (the last line, 5653): TPUP 542831, ATT8SCR 46.5, P8MEA -0.03,
        // PTL2BASICS_94 64.4%, PTL2BASICS_95 43.0%. The RECTYPE 5 row (ATT8SCR 44.5) is skipped.
        let benchmarks = batch.benchmarks.map(\.record)
        #expect(benchmarks.count == 4)
        #expect(batch.benchmarks.allSatisfy { $0.line == 5653 })
        #expect(benchmarks.first { $0.kpi == .score(.attainment8) }?.value == 46.5)
        #expect(benchmarks.first { $0.kpi == .score(.progress8) }?.value == -0.03)
        #expect(benchmarks.first { $0.kpi == .expected(.englishMaths) }?.value == 64.4)
        #expect(benchmarks.first { $0.kpi == .greaterDepth(.englishMaths) }?.value == 43.0)
        #expect(
            benchmarks.allSatisfy {
                $0.scope == .national && $0.phase == nil && $0.group == .all && $0.drop == Files.y2018
            })
        let warnings = batch.warnings.map(\.problem)
        #expect(
            warnings.contains { $0.hasPrefix("1 row for all schools in England (RECTYPE 5) was skipped") })
        #expect(warnings.contains { $0.hasPrefix("155 rows for local authorities (RECTYPE 4) were skipped") })
    }

    @Test(
        "Schools coded NE, NA, LOWCOV or SUPP give no figure (or a suppressed one) and no error",
        .enabled(if: Files.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func realMissingCodes() throws {
        // line 28, 138547 Charlton Park Academy: TPUP 26, NE in all five KPI cells.
        // line 2, 100003 City of London School (IND): NA throughout.
        // line 173, 140966 Trinity Academy: TPUP 60, ATT8SCR 36.4, P8MEA/P8CILOW/P8CIUPP LOWCOV,
        //   PTL2BASICS_94 43.3%, PTL2BASICS_95 23.3%.
        // line 97, 100381 Jack Tizard School: TPUP 2, SUPP in all five KPI cells.
        let charlton = Fixtures.urn(138_547)
        let city = Fixtures.urn(100_003)
        let trinity = Fixtures.urn(140_966)
        let tizard = Fixtures.urn(100_381)
        let batch = DropReader(knownAcademies: [charlton, city, trinity, tizard]).read(paths: [Files.england])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let figures = batch.published.map(\.record)
        #expect(!figures.contains { $0.urn == charlton || $0.urn == city })
        let trinityFigures = figures.filter { $0.urn == trinity }
        #expect(
            trinityFigures.map(\.kpi) == [
                .score(.attainment8), .expected(.englishMaths), .greaterDepth(.englishMaths),
            ])
        #expect(trinityFigures.map(\.value) == [36.4, 43.3, 23.3])
        #expect(trinityFigures.allSatisfy { $0.pupils == 60 })
        let tizardFigures = figures.filter { $0.urn == tizard }
        #expect(tizardFigures.count == 4)
        #expect(tizardFigures.allSatisfy { $0.value == nil && $0.pupils == 2 })
        #expect(batch.files.first?.academies == [trinity, tizard])
        // Charlton Park's 4 NE and City of London's 4 NA; Trinity's one LOWCOV.
        let warnings = batch.warnings.map(\.problem)
        #expect(warnings.contains { $0.hasPrefix("4 KS4 figures of the trust's academies are coded NE") })
        #expect(warnings.contains { $0.hasPrefix("4 KS4 figures of the trust's academies are coded NA") })
        #expect(warnings.contains { $0.hasPrefix("1 KS4 figure of the trust's academies is coded LOWCOV") })
    }

    @Test(
        "The secondary distributions' counts and an academy's percentile match a hand count",
        .enabled(if: Files.englandPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func realDistribution() throws {
        let batch = DropReader(knownAcademies: [Self.harris]).read(paths: [Files.england])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let distributions = batch.distributions.map(\.record)
        func distribution(_ kpi: KPI, _ phase: Phase) throws -> NationalDistribution {
            try #require(distributions.first { $0.kpi == kpi && $0.phase == phase })
        }
        // Counted with Python's csv module: RECTYPE 1 rows whose NFTYPE is not IND and whose
        // ATT8SCR is a number: 3,190 (P8MEA a number: 3,182). Of them 2,748 have an
        // Attainment 8 below Harris Academy Greenwich's 54.8 and 7 (Harris among them) equal
        // it: (200 × 2,748 + 100 × 7) / (2 × 3,190) = 550,300 / 6,380 = 86.25… → 86.
        let attainment = try distribution(.score(.attainment8), .secondary)
        #expect(attainment.count == 3190)
        #expect(attainment.percentile(of: 54.8) == 86)
        // Progress 8 of the UCL Academy, 0.09: 1,904 below and 25 equal of 3,182:
        // (380,800 + 2,500) / 6,364 = 60.2… → 60.
        let progress = try distribution(.score(.progress8), .secondary)
        #expect(progress.count == 3182)
        #expect(progress.percentile(of: 0.09) == 60)
        // The same counts for RECTYPE 2: 349 special schools with an Attainment 8.
        #expect(try distribution(.score(.attainment8), .special).count == 349)
        #expect(try distribution(.expected(.englishMaths), .secondary).count == 3190)
        #expect(try distribution(.greaterDepth(.englishMaths), .special).count == 349)
    }
}

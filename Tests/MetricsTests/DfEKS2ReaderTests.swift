import Foundation
import Testing

@testable import Metrics

/// Small KS2 performance-tables files written here, and the real Surrey files from
/// `../shared/data/dfe/` when they are present.
enum DfEKS2Fixtures {
    /// A cut-down KS2 header: the columns read, with traps around the progress scores
    /// (an earlier year's score, a group split, the unadjusted score and a lower limit
    /// of an earlier year).
    static let columns = [
        "RECTYPE", "LEA", "URN", "SCHNAME", "TELIG", "PTRWM_EXP", "PTRWM_HIGH", "PTREAD_EXP", "PTREAD_HIGH",
        "PTMAT_EXP", "PTMAT_HIGH", "PTGPS_EXP", "PTGPS_HIGH", "PTWRITTA_EXP", "PTWRITTA_HIGH", "TFSM6CLA1A",
        "PTRWM_EXP_FSM6CLA1A", "TNotFSM6CLA1A", "PTRWM_EXP_NotFSM6CLA1A", "READPROG_16", "READPROG",
        "READPROG_LOWER", "READPROG_UPPER", "WRITPROG", "WRITPROG_LOWER", "WRITPROG_UPPER", "MATPROG",
        "MATPROG_LOWER", "MATPROG_UPPER", "READPROG_B", "READPROG_LOWER_17", "READPROG_UNADJUSTED",
        "READPROG_FSM6CLA1A",
    ]

    static let header = columns.joined(separator: ",")

    /// The cells of a school row unless a test gives others. Every figure differs, so a
    /// figure read from the wrong column shows.
    static let defaults: [String: String] = [
        "RECTYPE": "1", "LEA": "936", "URN": "100001", "SCHNAME": "Alpha Primary", "TELIG": "30",
        "PTRWM_EXP": "\"70%\"", "PTRWM_HIGH": "\"10%\"", "PTREAD_EXP": "\"75%\"", "PTREAD_HIGH": "\"25%\"",
        "PTMAT_EXP": "\"80%\"", "PTMAT_HIGH": "\"20%\"", "PTGPS_EXP": "\"85%\"", "PTGPS_HIGH": "\"35%\"",
        "PTWRITTA_EXP": "\"78%\"", "PTWRITTA_HIGH": "\"15%\"", "TFSM6CLA1A": "10",
        "PTRWM_EXP_FSM6CLA1A": "\"50%\"", "TNotFSM6CLA1A": "20", "PTRWM_EXP_NotFSM6CLA1A": "\"80%\"",
        "READPROG_16": "-9.9", "READPROG": "1.5", "READPROG_LOWER": "-0.5", "READPROG_UPPER": "3.5",
        "WRITPROG": "-1.2", "WRITPROG_LOWER": "-3", "WRITPROG_UPPER": "0.6", "MATPROG": "0.4",
        "MATPROG_LOWER": "-1.4", "MATPROG_UPPER": "2.2", "READPROG_B": "8.8", "READPROG_LOWER_17": "-7.7",
        "READPROG_UNADJUSTED": "6.6", "READPROG_FSM6CLA1A": "5.5",
    ]

    /// A row with the default cells, `cells` written over them; `fields` keeps only the
    /// first so many, as the DfE's ragged rows do.
    static func row(_ cells: [String: String] = [:], fields: Int? = nil) -> String {
        let all = columns.map { cells[$0] ?? defaults[$0] ?? "" }
        return all.prefix(fields ?? all.count).joined(separator: ",")
    }

    static let urn = Fixtures.urn(100_001)

    static let name = "surrey_936_ks2final_2018-2019.csv"

    static func read(
        _ lines: [String], name: String = name, year: AcademicYear? = nil, known: Set<URN> = [urn]
    ) -> DropBatch {
        let text = ([header] + lines).joined(separator: "\n") + "\n"
        return DropReader(knownAcademies: known, year: year).read(files: [(name, Array(text.utf8))])
    }

    /// The figure of `kpi` for `group`.
    static func figure(
        _ batch: DropBatch, _ kpi: KPI, _ group: PupilGroup = .all, urn: URN = urn
    ) -> PublishedFigure? {
        batch.published.map(\.record).first { $0.urn == urn && $0.kpi == kpi && $0.group == group }
    }

    static let drop2018 = DataDrop(year: AcademicYear(2018), term: .summer)

    /// The project's root, from this file's place in `Tests/MetricsTests/`.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func surrey(_ years: String) -> String {
        root.appendingPathComponent("../shared/data/dfe/surrey_936_ks2final_\(years).csv").standardizedFileURL
            .path
    }

    static let surreyPresent = ["2016-2017", "2017-2018", "2018-2019"].allSatisfy {
        FileManager.default.fileExists(atPath: surrey($0))
    }

    static let codes = ["SUPP", "NE", "NA", "NP", "LOWCOV", "NEW", "DNS", "x", "z", "c", ":", "", " "]
}

@Suite("Reading the DfE's KS2 performance tables layout")
struct DfEKS2ReaderTests {
    @Test func theHeaderIsRecognisedAndTheKS4OneIsNot() {
        let ks2 = DfEKS2Fixtures.columns.map { $0.lowercased() }
        #expect(KS2PerformanceTablesReader.recognises(header: ks2))
        let ks4 = ["rectype", "lea", "urn", "schname", "tpup", "att8scr", "p8mea", "ptl2basics_94"]
        #expect(!KS2PerformanceTablesReader.recognises(header: ks4))
        #expect(!KS2PerformanceTablesReader.recognises(header: ks2.filter { $0 != "telig" }))
    }

    @Test func anAcademysRowBecomesItsPublishedFigures() throws {
        let batch = DfEKS2Fixtures.read([DfEKS2Fixtures.row()])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let file = try #require(batch.files.first)
        #expect(file.kind == .attainment)
        #expect(file.layout == "dfe-ks2")
        #expect(file.rows == 1)
        #expect(file.academies == [DfEKS2Fixtures.urn])
        #expect(file.drops == [DfEKS2Fixtures.drop2018])
        #expect(file.otherSchools == 0)
        // 10 percentages for all pupils, 2 disadvantaged splits, 3 progress scores.
        #expect(batch.published.count == 15)
        let figures = batch.published.map(\.record)
        #expect(figures.allSatisfy { $0.drop == DfEKS2Fixtures.drop2018 && $0.yearGroup == .year(6) })
        #expect(figures.allSatisfy { $0.source == "DfE KS2 performance tables 2018/19" })
        #expect(batch.published.allSatisfy { $0.line == 2 })
        let expected: [(KPI, Double)] = [
            (.expected(.rwm), 70), (.greaterDepth(.rwm), 10), (.expected(.reading), 75),
            (.greaterDepth(.reading), 25), (.expected(.maths), 80), (.greaterDepth(.maths), 20),
            (.expected(.gps), 85), (.greaterDepth(.gps), 35), (.expected(.writing), 78),
            (.greaterDepth(.writing), 15),
        ]
        for (kpi, value) in expected {
            let figure = try #require(DfEKS2Fixtures.figure(batch, kpi), "\(kpi)")
            #expect(figure.value == value, "\(kpi)")
            #expect(figure.pupils == 30, "\(kpi)")
            #expect(figure.interval == nil, "\(kpi)")
        }
        let disadvantaged = try #require(DfEKS2Fixtures.figure(batch, .expected(.rwm), .disadvantaged))
        #expect(disadvantaged.value == 50)
        #expect(disadvantaged.pupils == 10)
        let others = try #require(DfEKS2Fixtures.figure(batch, .expected(.rwm), .notDisadvantaged))
        #expect(others.value == 80)
        #expect(others.pupils == 20)
        let reading = try #require(DfEKS2Fixtures.figure(batch, .score(.readingProgress)))
        #expect(reading.value == 1.5)
        #expect(reading.interval == -0.5...3.5)
        #expect(reading.pupils == 30)
        let writing = try #require(DfEKS2Fixtures.figure(batch, .score(.writingProgress)))
        #expect(writing.value == -1.2)
        #expect(writing.interval == -3...0.6)
        let maths = try #require(DfEKS2Fixtures.figure(batch, .score(.mathsProgress)))
        #expect(maths.value == 0.4)
        #expect(maths.interval == -1.4...2.2)
    }

    @Test func earlierYearsScoresAndGroupSplitsAreNeverReadAsTheYearsScore() throws {
        // The default row has READPROG 1.5 with READPROG_16 −9.9, READPROG_B 8.8,
        // READPROG_LOWER_17 −7.7, READPROG_UNADJUSTED 6.6, READPROG_FSM6CLA1A 5.5 around it.
        let batch = DfEKS2Fixtures.read([DfEKS2Fixtures.row()])
        let reading = try #require(DfEKS2Fixtures.figure(batch, .score(.readingProgress)))
        #expect(reading.value == 1.5)
        #expect(reading.interval == -0.5...3.5)
        #expect(batch.published.filter { $0.record.kpi == .score(.readingProgress) }.count == 1)
        // A file with only the traps gives no reading progress at all.
        let traps = [
            "READPROG_16", "READPROG_B", "READPROG_LOWER_17", "READPROG_UNADJUSTED", "READPROG_FSM6CLA1A",
        ]
        let kept = DfEKS2Fixtures.columns.filter {
            !["READPROG", "READPROG_LOWER", "READPROG_UPPER"].contains($0)
        }
        #expect(traps.allSatisfy(kept.contains))
        let text =
            kept.joined(separator: ",") + "\n"
            + kept.map { DfEKS2Fixtures.defaults[$0] ?? "" }.joined(separator: ",") + "\n"
            + "3,936, ,Surrey,"
            + kept.dropFirst(4).map { DfEKS2Fixtures.defaults[$0] ?? "" }.joined(separator: ",")
            + "\n"
        let trapBatch = DropReader(knownAcademies: [DfEKS2Fixtures.urn]).read(files: [
            (DfEKS2Fixtures.name, Array(text.utf8))
        ])
        #expect(trapBatch.errors.isEmpty, "\(Fixtures.errors(trapBatch))")
        #expect(DfEKS2Fixtures.figure(trapBatch, .score(.readingProgress)) == nil)
        #expect(DfEKS2Fixtures.figure(trapBatch, .score(.writingProgress))?.value == -1.2)
        #expect(!trapBatch.benchmarks.contains { $0.record.kpi == .score(.readingProgress) })
        #expect(trapBatch.benchmarks.contains { $0.record.kpi == .score(.writingProgress) })
    }

    @Test(
        "SUPP is kept as suppressed; every other missing-value code gives no figure, never a zero or an error",
        arguments: DfEKS2Fixtures.codes)
    func missingValueCodes(code: String) throws {
        let row = DfEKS2Fixtures.row([
            "PTRWM_EXP": code, "PTMAT_HIGH": code, "PTRWM_EXP_FSM6CLA1A": code, "READPROG": code,
            "TELIG": code,
        ])
        let batch = DfEKS2Fixtures.read([row])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        // The weight is missing too, so the figures for all pupils have no pupils.
        let reading = try #require(DfEKS2Fixtures.figure(batch, .expected(.reading)))
        #expect(reading.value == 75)
        #expect(reading.pupils == nil)
        let columns: [(KPI, PupilGroup)] = [
            (.expected(.rwm), .all), (.greaterDepth(.maths), .all), (.expected(.rwm), .disadvantaged),
            (.score(.readingProgress), .all),
        ]
        if code == "SUPP" {
            #expect(batch.published.count == 15)
            for (kpi, group) in columns {
                let figure = try #require(DfEKS2Fixtures.figure(batch, kpi, group), "\(kpi) \(group)")
                #expect(figure.value == nil, "\(kpi) \(group)")
                #expect(figure.interval == nil)
            }
            #expect(DfEKS2Fixtures.figure(batch, .expected(.rwm), .disadvantaged)?.pupils == 10)
            #expect(!batch.warnings.contains { $0.problem.contains("of the trust's academies") })
        } else {
            #expect(batch.published.count == 11)
            for (kpi, group) in columns {
                #expect(DfEKS2Fixtures.figure(batch, kpi, group) == nil, "\(kpi) \(group)")
            }
            let shown =
                code.trimmingCharacters(in: .whitespaces).isEmpty ? "empty" : "written \(code.uppercased())"
            let warnings = batch.warnings.filter { $0.problem.contains("of the trust's academies") }
            #expect(
                warnings.map(\.problem) == [
                    "4 figures of the trust's academies were \(shown) and not read: the DfE published no value there"
                ])
        }
    }

    @Test func percentagesAreReadWithOrWithoutQuotesAndPercentSigns() throws {
        let batch = DfEKS2Fixtures.read([
            DfEKS2Fixtures.row(["PTRWM_EXP": "\"78%\"", "PTRWM_HIGH": "12%", "PTREAD_EXP": "64"])
        ])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(DfEKS2Fixtures.figure(batch, .expected(.rwm))?.value == 78)
        #expect(DfEKS2Fixtures.figure(batch, .greaterDepth(.rwm))?.value == 12)
        #expect(DfEKS2Fixtures.figure(batch, .expected(.reading))?.value == 64)
    }

    @Test func aByteOrderMarkAndCRLFAreRead() throws {
        let text = DfEKS2Fixtures.header + "\r\n" + DfEKS2Fixtures.row() + "\r\n"
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        let batch = DropReader(knownAcademies: [DfEKS2Fixtures.urn]).read(files: [
            (DfEKS2Fixtures.name, bytes)
        ])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.files.first?.layout == "dfe-ks2")
        #expect(batch.published.count == 15)
        // The last column of the row, read before the CR.
        #expect(DfEKS2Fixtures.figure(batch, .score(.mathsProgress))?.interval == -1.4...2.2)
        #expect(DfEKS2Fixtures.figure(batch, .expected(.rwm))?.value == 70)
    }

    @Test func raggedRowsReadAsMissingValuesNeverAsErrors() throws {
        let known: Set<URN> = [DfEKS2Fixtures.urn, Fixtures.urn(100_002)]
        let batch = DfEKS2Fixtures.read(
            [
                // Stops after TELIG: no results at all.
                DfEKS2Fixtures.row(fields: 5),
                // Another school's row, stopping after SCHNAME.
                DfEKS2Fixtures.row(["URN": "100003"], fields: 4),
                // Stops after PTRWM_HIGH: two figures; the other 13 cells are absent.
                DfEKS2Fixtures.row(["URN": "100002"], fields: 7),
            ], known: known)
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.published.map(\.record.urn) == [Fixtures.urn(100_002), Fixtures.urn(100_002)])
        #expect(DfEKS2Fixtures.figure(batch, .expected(.rwm), urn: Fixtures.urn(100_002))?.value == 70)
        #expect(DfEKS2Fixtures.figure(batch, .greaterDepth(.rwm), urn: Fixtures.urn(100_002))?.value == 10)
        #expect(batch.files.first?.otherSchools == 1)
        #expect(batch.files.first?.academies == [Fixtures.urn(100_002)])
        let problems = batch.warnings.map(\.problem)
        #expect(
            problems.contains {
                $0.hasPrefix("2 school rows with no results (1 of them for the trust's academies)")
            })
        #expect(
            problems.contains {
                $0.hasPrefix("13 figures of the trust's academies were absent (the row stops before it)")
            })
    }

    @Test func rowsForOtherSchoolsAreCountedNotListed() throws {
        let batch = DfEKS2Fixtures.read([
            DfEKS2Fixtures.row(),
            DfEKS2Fixtures.row(["URN": "100002"]),
            DfEKS2Fixtures.row(["URN": "100003", "RECTYPE": "2"]),
        ])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(Set(batch.published.map(\.record.urn)) == [DfEKS2Fixtures.urn])
        #expect(batch.files.first?.otherSchools == 2)
        #expect(batch.files.first?.rows == 3)
        #expect(batch.files.first?.academies == [DfEKS2Fixtures.urn])
        // Surrey alone: no national distribution.
        #expect(batch.distributions.isEmpty)
    }

    @Test func unreadableValuesAreErrorsNamingLineColumnValueAndFix() throws {
        let batch = DfEKS2Fixtures.read([
            DfEKS2Fixtures.row(["PTRWM_EXP": "lots"]),
            DfEKS2Fixtures.row(["URN": "100002", "PTRWM_EXP": "lots"]),
            DfEKS2Fixtures.row(["URN": "10001", "RECTYPE": "1"]),
            DfEKS2Fixtures.row(["RECTYPE": "school"]),
        ])
        let errors = batch.errors
        #expect(errors.count == 3, "\(Fixtures.errors(batch))")
        let first = try #require(errors.first)
        #expect(first.line == 2)
        #expect(first.column == "ptrwm_exp")
        #expect(first.value == "lots")
        #expect(first.fix?.isEmpty == false)
        // Line 3 is another school's: its value is not kept, so it is no error.
        #expect(errors.map(\.line) == [2, 4, 5])
        #expect(errors.map(\.column) == ["ptrwm_exp", "urn", "rectype"])
        #expect(errors.map(\.value) == ["lots", "10001", "school"])
    }

    @Test func aPercentageAbove100OrAnUnreadableWeightIsAnError() {
        let batch = DfEKS2Fixtures.read([DfEKS2Fixtures.row(["PTGPS_EXP": "120%", "TFSM6CLA1A": "ten"])])
        #expect(batch.errors.map(\.column) == ["ptgps_exp", "tfsm6cla1a"])
        #expect(batch.errors.map(\.value) == ["120%", "ten"])
        #expect(DfEKS2Fixtures.figure(batch, .expected(.gps)) == nil)
        #expect(DfEKS2Fixtures.figure(batch, .expected(.rwm), .disadvantaged)?.pupils == nil)
    }

    @Test func progressIntervalsNeedBothLimitsInOrder() throws {
        let batch = DfEKS2Fixtures.read([
            DfEKS2Fixtures.row(["READPROG_LOWER": "SUPP", "WRITPROG_UPPER": "NA", "MATPROG_LOWER": "3.1"])
        ])
        // MATPROG 0.4 with limits 3.1 > 2.2: an error, and no figure.
        #expect(batch.errors.map(\.column) == ["matprog_lower"])
        #expect(batch.errors.first?.value == "3.1 > 2.2")
        #expect(batch.errors.first?.line == 2)
        let reading = try #require(DfEKS2Fixtures.figure(batch, .score(.readingProgress)))
        #expect(reading.value == 1.5)
        #expect(reading.interval == nil)
        let writing = try #require(DfEKS2Fixtures.figure(batch, .score(.writingProgress)))
        #expect(writing.value == -1.2)
        #expect(writing.interval == nil)
        #expect(DfEKS2Fixtures.figure(batch, .score(.mathsProgress)) == nil)
    }
}

extension DfEKS2ReaderTests {
    @Test func theYearComesFromTheFilesNameOrFromYear() throws {
        let row = DfEKS2Fixtures.row()
        let named = DfEKS2Fixtures.read([row], name: "/data/dfe/surrey_936_ks2final_2016-2017.csv")
        #expect(named.errors.isEmpty, "\(Fixtures.errors(named))")
        #expect(named.published.first?.record.drop == DataDrop(year: AcademicYear(2016), term: .summer))
        let given = DfEKS2Fixtures.read([row], name: "ks2.csv", year: AcademicYear(2017))
        #expect(given.errors.isEmpty, "\(Fixtures.errors(given))")
        #expect(given.published.first?.record.drop == DataDrop(year: AcademicYear(2017), term: .summer))
        #expect(given.published.first?.record.source == "DfE KS2 performance tables 2017/18")
        let agreeing = DfEKS2Fixtures.read([row], year: AcademicYear(2018))
        #expect(agreeing.errors.isEmpty, "\(Fixtures.errors(agreeing))")
        #expect(agreeing.published.count == 15)
        #expect(DfEFileYear.year(inName: "x_2018-2019.csv") == AcademicYear(2018))
        #expect(DfEFileYear.year(inName: "x_2018-2020.csv") == nil)
        #expect(DfEFileYear.year(inName: "x_12018-2019.csv") == nil)
        #expect(DfEFileYear.year(inName: "x_2009-2010.csv") == AcademicYear(2009))
        #expect(DfEFileYear.year(inName: "england_ks4provisional_2018-19.csv") == AcademicYear(2018))
        #expect(DfEFileYear.year(inName: "x_2018-123456789012345678901234567890.csv") == nil)
    }

    @Test func withoutAYearTheFileIsNotReadAndOneErrorSaysHowToGiveIt() throws {
        // The folder names a year but the file does not: only the file's name counts.
        let batch = DfEKS2Fixtures.read(
            [DfEKS2Fixtures.row(), DfEKS2Fixtures.row()], name: "2018-2019/ks2.csv")
        #expect(batch.errors.count == 1)
        let error = try #require(batch.errors.first)
        #expect(error.line == 1)
        #expect(error.value == "ks2.csv")
        #expect(error.fix == "give it with --year, such as --year 2018/19, or keep the DfE's file name")
        #expect(batch.published.isEmpty)
        #expect(batch.benchmarks.isEmpty)
        #expect(batch.files.first?.layout == "dfe-ks2")
    }

    @Test func aYearThatDisagreesWithTheNameIsOneErrorNamingBoth() throws {
        let batch = DfEKS2Fixtures.read([DfEKS2Fixtures.row()], year: AcademicYear(2017))
        #expect(batch.errors.count == 1)
        let error = try #require(batch.errors.first)
        #expect(error.line == 1)
        #expect(error.problem.contains("2018/19"))
        #expect(error.problem.contains("2017/18"))
        #expect(batch.published.isEmpty)
    }

    /// A local-authority or national row with `cells` over the defaults, and no URN.
    static func area(_ type: String, _ cells: [String: String] = [:]) -> String {
        var all = ["RECTYPE": type, "URN": " ", "LEA": " ", "SCHNAME": " "]
        all.merge(cells) { $1 }
        return DfEKS2Fixtures.row(all)
    }

    @Test func theLocalAuthorityRowGivesItsBenchmarks() throws {
        let batch = DfEKS2Fixtures.read([Self.area("3", ["LEA": "936", "SCHNAME": "Surrey"])], known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let local = batch.benchmarks.map(\.record)
        #expect(local.count == 15)
        #expect(local.allSatisfy { $0.scope == .localAuthority("Surrey") && $0.phase == nil })
        #expect(local.allSatisfy { $0.year == AcademicYear(2018) && $0.term == .summer })
        #expect(local.first { $0.kpi == .expected(.rwm) && $0.group == .all }?.value == 70)
        #expect(local.first { $0.kpi == .greaterDepth(.writing) }?.value == 15)
        #expect(local.first { $0.kpi == .expected(.rwm) && $0.group == .disadvantaged }?.value == 50)
        #expect(local.first { $0.kpi == .expected(.rwm) && $0.group == .notDisadvantaged }?.value == 80)
        #expect(local.first { $0.kpi == .score(.readingProgress) }?.value == 1.5)
        #expect(batch.files.first?.drops == [DfEKS2Fixtures.drop2018])
        // Without SCHNAME the LA code names it.
        let coded = DfEKS2Fixtures.read([Self.area("3", ["LEA": "936"])], known: [])
        #expect(coded.benchmarks.allSatisfy { $0.record.scope == .localAuthority("936") })
        #expect(coded.benchmarks.count == 15)
    }

    @Test(
        "RECTYPE 5 wins over RECTYPE 4 for the same KPI and group, in either order", arguments: [true, false])
    func nationalRows(fiveFirst: Bool) throws {
        // RECTYPE 5: RWM 65 / 11, no GPS higher; RECTYPE 4: RWM 64 / 10, GPS higher 36.
        // Progress scores are a space in both, as in the DfE's files.
        let noProgress = Dictionary(
            uniqueKeysWithValues: ["READPROG", "READPROG_LOWER", "READPROG_UPPER", "WRITPROG", "MATPROG"].map
            {
                ($0, " ")
            })
        let five = Self.area(
            "5", noProgress.merging(["PTRWM_EXP": "65%", "PTRWM_HIGH": "11%", "PTGPS_HIGH": " "]) { $1 })
        let four = Self.area(
            "4", noProgress.merging(["PTRWM_EXP": "64%", "PTRWM_HIGH": "10%", "PTGPS_HIGH": "36%"]) { $1 })
        let batch = DfEKS2Fixtures.read(fiveFirst ? [five, four] : [four, five], known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let national = batch.benchmarks.filter { $0.record.scope == .national }
        // 12 percentages, each once.
        #expect(national.count == 12)
        let keys = national.map { "\($0.record.kpi.key)|\($0.record.group.rawValue)" }
        #expect(Set(keys).count == keys.count)
        let fiveLine = fiveFirst ? 2 : 3
        let fourLine = fiveFirst ? 3 : 2
        func value(_ kpi: KPI, _ group: PupilGroup = .all) -> Sourced<Benchmark>? {
            national.first { $0.record.kpi == kpi && $0.record.group == group }
        }
        #expect(value(.expected(.rwm))?.record.value == 65)
        #expect(value(.expected(.rwm))?.line == fiveLine)
        #expect(value(.greaterDepth(.rwm))?.record.value == 11)
        #expect(value(.greaterDepth(.gps))?.record.value == 36)
        #expect(value(.greaterDepth(.gps))?.line == fourLine)
        #expect(value(.expected(.rwm), .disadvantaged)?.record.value == 50)
        #expect(value(.expected(.rwm), .disadvantaged)?.line == fiveLine)
        #expect(national.allSatisfy { $0.record.phase == nil && $0.record.kpi.isPercentage })
    }
}

extension DfEKS2ReaderTests {
    /// 100 primary schools in 100 local authorities (801–900), school k with RWM expected
    /// (k mod 10) × 10%: 0, 10, … 90, each ten times; two special schools (10% and 20%);
    /// a school in a 101st authority with no results; one whose RWM is SUPP.
    static func nationalFile() -> [String] {
        var lines = (0..<100).map { k in
            DfEKS2Fixtures.row([
                "URN": String(200_000 + k), "LEA": String(801 + k), "PTRWM_EXP": "\((k % 10) * 10)%",
            ])
        }
        lines.append(DfEKS2Fixtures.row(["URN": "300001", "RECTYPE": "2", "PTRWM_EXP": "10%"]))
        lines.append(DfEKS2Fixtures.row(["URN": "300002", "RECTYPE": "2", "PTRWM_EXP": "20%"]))
        lines.append(DfEKS2Fixtures.row(["URN": "300003", "LEA": "999"], fields: 5))
        lines.append(DfEKS2Fixtures.row(["URN": "300004", "PTRWM_EXP": "SUPP"]))
        return lines
    }

    @Test func aFileSpanningEveryAuthorityGivesNationalDistributions() throws {
        let academy = Fixtures.urn(200_003)
        let batch = DfEKS2Fixtures.read(Self.nationalFile(), known: [academy])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let distributions = batch.distributions.map(\.record)
        let primary = try #require(distributions.first { $0.kpi == .expected(.rwm) && $0.phase == .primary })
        // The 100 primary schools with an RWM figure (the SUPP one is left out, the ragged
        // one has none); the SUPP school still gives the other KPIs.
        #expect(primary.count == 100)
        #expect(primary.drop == DfEKS2Fixtures.drop2018)
        #expect(primary.source == "DfE KS2 performance tables 2018/19")
        // School 200003 has 30%: 30 schools lower (0, 10, 20), 10 level →
        // (200 × 30 + 100 × 10) / (2 × 100) = 7000 / 200 = 35.
        let figure = try #require(DfEKS2Fixtures.figure(batch, .expected(.rwm), urn: academy))
        #expect(figure.value == 30)
        #expect(primary.percentile(of: 30) == 35)
        // 95%: all 100 lower → 100; 0%: none lower, 10 level → 1000 / 200 = 5.
        #expect(primary.percentile(of: 95) == 100)
        #expect(primary.percentile(of: 0) == 5)
        // Two special schools are too few for a distribution (`DistributionBuilder.fewestSchools`).
        #expect(!distributions.contains { $0.phase == .special })
        let reading = try #require(
            distributions.first { $0.kpi == .expected(.reading) && $0.phase == .primary })
        #expect(reading.count == 101)
        let progress = try #require(
            distributions.first { $0.kpi == .score(.readingProgress) && $0.phase == .primary })
        #expect(progress.count == 101)
        #expect(!distributions.contains { $0.kpi == .expected(.rwm) && $0.phase == .secondary })
        #expect(batch.files.first?.otherSchools == 103)
    }

    @Test func ninetyNineAuthoritiesAreNotNational() {
        let lines = Self.nationalFile().prefix(99)
        let batch = DfEKS2Fixtures.read(Array(lines), known: [])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        #expect(batch.distributions.isEmpty)
    }
}

extension DfEKS2ReaderTests {
    static let wyke = Fixtures.urn(145_543)
    static let weyfield = Fixtures.urn(139_070)

    // From surrey_936_ks2final_2018-2019.csv, read with python's csv module:
    // line 2, URN 145543 Wyke Primary School: TELIG 27, PTRWM_EXP 78%, PTRWM_HIGH 11%,
    // PTREAD_EXP 78%, PTREAD_HIGH 26%, PTMAT_EXP 89%, PTMAT_HIGH 33%, PTGPS_EXP 89%,
    // PTGPS_HIGH 26%, PTWRITTA_EXP 93%, PTWRITTA_HIGH 22%, PTRWM_EXP_FSM6CLA1A SUPP
    // (TFSM6CLA1A 3), PTRWM_EXP_NotFSM6CLA1A SUPP (TNotFSM6CLA1A 24), READPROG 1.7
    // (-0.6 to 4.1; READPROG_18 is -1), WRITPROG 1.9 (-0.2 to 4.1), MATPROG 2 (-0.2 to 4.1).
    // Line 6, URN 139070 Weyfield Academy: TELIG 35, 31% / 3%, reading 46% / 11%,
    // maths 43% / 14%, GPS 46% / 9%, writing 49% / 3%, disadvantaged 24% of 17,
    // others 39% of 18, READPROG -5.7 (-7.9 to -3.6), WRITPROG -6.9 (-8.8 to -4.9;
    // WRITPROG_UNADJUSTED is -7.2), MATPROG -7.3 (-9.2 to -5.5; MATPROG_UNADJUSTED -7.7).
    @Test(
        "Two Surrey schools' 2018/19 figures equal their cells in the DfE's file",
        .enabled(if: DfEKS2Fixtures.surreyPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func surreySchoolsMatchTheirRows() throws {
        let batch = DropReader(knownAcademies: [Self.wyke, Self.weyfield]).read(paths: [
            DfEKS2Fixtures.surrey("2018-2019")
        ])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let all: [KPI] = [
            .expected(.rwm), .greaterDepth(.rwm), .expected(.reading), .greaterDepth(.reading),
            .expected(.maths), .greaterDepth(.maths), .expected(.gps), .greaterDepth(.gps),
            .expected(.writing), .greaterDepth(.writing),
        ]
        let expected: [URN: (line: Int, pupils: Int, values: [Double])] = [
            Self.wyke: (2, 27, [78, 11, 78, 26, 89, 33, 89, 26, 93, 22]),
            Self.weyfield: (6, 35, [31, 3, 46, 11, 43, 14, 46, 9, 49, 3]),
        ]
        for (urn, row) in expected {
            for (kpi, value) in zip(all, row.values) {
                let figure = try #require(DfEKS2Fixtures.figure(batch, kpi, urn: urn), "\(urn) \(kpi)")
                #expect(figure.value == value, "\(urn) \(kpi)")
                #expect(figure.pupils == row.pupils, "\(urn) \(kpi)")
                #expect(figure.yearGroup == .year(6))
                #expect(figure.drop == DfEKS2Fixtures.drop2018)
            }
            #expect(batch.published.filter { $0.record.urn == urn }.allSatisfy { $0.line == row.line })
            #expect(batch.published.filter { $0.record.urn == urn }.count == 15)
        }
        let wykeGap = try #require(
            DfEKS2Fixtures.figure(batch, .expected(.rwm), .disadvantaged, urn: Self.wyke))
        #expect(wykeGap.value == nil)
        #expect(wykeGap.pupils == 3)
        let wykeOthers = try #require(
            DfEKS2Fixtures.figure(batch, .expected(.rwm), .notDisadvantaged, urn: Self.wyke))
        #expect(wykeOthers.value == nil)
        #expect(wykeOthers.pupils == 24)
        let weyfieldGap = try #require(
            DfEKS2Fixtures.figure(batch, .expected(.rwm), .disadvantaged, urn: Self.weyfield))
        #expect(weyfieldGap.value == 24)
        #expect(weyfieldGap.pupils == 17)
        let weyfieldOthers = try #require(
            DfEKS2Fixtures.figure(batch, .expected(.rwm), .notDisadvantaged, urn: Self.weyfield))
        #expect(weyfieldOthers.value == 39)
        #expect(weyfieldOthers.pupils == 18)
        // Pupils are TELIG × coverage: Wyke 27 × READCOV 100%, WRITCOV 100%, MATCOV 89%
        // (24.03 → 24); Weyfield 35 × 91% (31.85 → 32), 94% (32.9 → 33), 94% (33).
        let progress: [(URN, ScoreMeasure, Double, ClosedRange<Double>, Int)] = [
            (Self.wyke, .readingProgress, 1.7, -0.6...4.1, 27),
            (Self.wyke, .writingProgress, 1.9, -0.2...4.1, 27),
            (Self.wyke, .mathsProgress, 2, -0.2...4.1, 24),
            (Self.weyfield, .readingProgress, -5.7, -7.9...(-3.6), 32),
            (Self.weyfield, .writingProgress, -6.9, -8.8...(-4.9), 33),
            (Self.weyfield, .mathsProgress, -7.3, -9.2...(-5.5), 33),
        ]
        for (urn, measure, value, interval, pupils) in progress {
            let figure = try #require(
                DfEKS2Fixtures.figure(batch, .score(measure), urn: urn), "\(urn) \(measure)")
            #expect(figure.value == value, "\(urn) \(measure)")
            #expect(figure.interval == interval, "\(urn) \(measure)")
            #expect(figure.pupils == pupils, "\(urn) \(measure)")
        }
        let file = try #require(batch.files.first)
        #expect(file.academies == [Self.wyke, Self.weyfield])
        // 242 data rows; 239 school rows (223 mainstream, 16 special), 2 of them the trust's.
        #expect(file.rows == 242)
        #expect(file.otherSchools == 237)
        // Lines 9, 23, 31–34, 36, 40, 160, 209 and 230 stop after 25 or 26 fields.
        #expect(batch.warnings.map(\.problem).contains { $0.hasPrefix("11 school rows with no results:") })
        // One local authority: no national distribution.
        #expect(batch.distributions.isEmpty)
    }

    // The same file's RECTYPE 5 row (line 243, England, state-funded): RWM 65% / 11%,
    // reading 73% / 27%, maths 79% / 27%, GPS 78% / 36%, writing 78% / 20%,
    // disadvantaged 51%, others 71%; progress a space. The RECTYPE 4 row (line 242)
    // has the same percentages. RECTYPE 3 (line 241, Surrey): 70% / 14%, 79% / 35%,
    // 83% / 33%, 82% / 42%, 81% / 23%, 46%, 75%; READPROG 0.3, WRITPROG -0.6, MATPROG -0.1.
    @Test(
        "Surrey's 2018/19 benchmarks equal the file's national and local-authority rows",
        .enabled(if: DfEKS2Fixtures.surreyPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func surreyBenchmarksMatchTheirRows() throws {
        let batch = DropReader(knownAcademies: []).read(paths: [DfEKS2Fixtures.surrey("2018-2019")])
        #expect(batch.errors.isEmpty, "\(Fixtures.errors(batch))")
        let kpis: [(KPI, PupilGroup)] = [
            (.expected(.rwm), .all), (.greaterDepth(.rwm), .all), (.expected(.reading), .all),
            (.greaterDepth(.reading), .all), (.expected(.maths), .all), (.greaterDepth(.maths), .all),
            (.expected(.gps), .all), (.greaterDepth(.gps), .all), (.expected(.writing), .all),
            (.greaterDepth(.writing), .all), (.expected(.rwm), .disadvantaged),
            (.expected(.rwm), .notDisadvantaged),
        ]
        let national = batch.benchmarks.filter { $0.record.scope == .national }
        #expect(national.count == 12)
        #expect(national.allSatisfy { $0.line == 243 && $0.record.phase == nil })
        let nationalValues: [Double] = [65, 11, 73, 27, 79, 27, 78, 36, 78, 20, 51, 71]
        for ((kpi, group), value) in zip(kpis, nationalValues) {
            let benchmark = national.first { $0.record.kpi == kpi && $0.record.group == group }
            #expect(benchmark?.record.value == value, "\(kpi) \(group)")
            #expect(benchmark?.record.year == AcademicYear(2018))
        }
        let local = batch.benchmarks.filter { $0.record.scope == .localAuthority("Surrey") }
        #expect(local.count == 15)
        #expect(local.allSatisfy { $0.line == 241 && $0.record.phase == nil })
        let localValues: [Double] = [70, 14, 79, 35, 83, 33, 82, 42, 81, 23, 46, 75]
        for ((kpi, group), value) in zip(kpis, localValues) {
            let benchmark = local.first { $0.record.kpi == kpi && $0.record.group == group }
            #expect(benchmark?.record.value == value, "\(kpi) \(group)")
        }
        let progress: [(ScoreMeasure, Double)] = [
            (.readingProgress, 0.3), (.writingProgress, -0.6), (.mathsProgress, -0.1),
        ]
        for (measure, value) in progress {
            #expect(local.first { $0.record.kpi == .score(measure) }?.record.value == value, "\(measure)")
        }
        #expect(batch.benchmarks.count == 27)
    }

    @Test(
        "Each Surrey file's year comes from its name, and a --year that disagrees is an error",
        .enabled(if: DfEKS2Fixtures.surreyPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
    func surreyYearsComeFromTheNames() throws {
        for (years, start) in [("2016-2017", 2016), ("2017-2018", 2017), ("2018-2019", 2018)] {
            let batch = DropReader(knownAcademies: []).read(paths: [DfEKS2Fixtures.surrey(years)])
            #expect(batch.errors.isEmpty, "\(years): \(Fixtures.errors(batch))")
            let drop = DataDrop(year: AcademicYear(start), term: .summer)
            #expect(batch.files.first?.drops == [drop], "\(years)")
            #expect(!batch.benchmarks.isEmpty)
            #expect(batch.benchmarks.allSatisfy { $0.record.drop == drop }, "\(years)")
            let rwm = batch.benchmarks.first {
                $0.record.scope == .national && $0.record.kpi == .expected(.rwm)
            }
            // RWM expected in England, state-funded: 61, 64, 65 (domain.md's table too).
            #expect(rwm?.record.value == [2016: 61, 2017: 64, 2018: 65][start], "\(years)")
        }
        let wrong = DropReader(knownAcademies: [], year: AcademicYear(2017)).read(paths: [
            DfEKS2Fixtures.surrey("2018-2019")
        ])
        #expect(wrong.errors.count == 1)
        #expect(wrong.errors.first?.problem.contains("2018/19") == true)
        #expect(wrong.errors.first?.problem.contains("2017/18") == true)
        #expect(wrong.benchmarks.isEmpty)
    }
}

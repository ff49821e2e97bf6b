import Foundation
import Testing

extension DfEFiles {
    static func path(_ name: String) -> String {
        root.appendingPathComponent("../shared/data/dfe/" + name).standardizedFileURL.path
    }

    static let absence = path("england_abs_2018-19.csv")
    static let ks4 = path("england_ks4provisional_2018-19.csv")
    static let ks2 = path("surrey_936_ks2final_2018-2019.csv")

    static let publishedPresent = [absence, ks4, ks2].allSatisfy {
        FileManager.default.fileExists(atPath: $0)
    }

    /// The rows of a DfE file, split into fields, header first (a BOM removed).
    static func rows(_ path: String) throws -> [[String]] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var rows = text.split(whereSeparator: \.isNewline).map(fields)
        if var header = rows.first {
            header[0] = header[0].replacingOccurrences(of: "\u{FEFF}", with: "")
            rows[0] = header
        }
        return rows
    }

    /// The report's CSV row for one academy (or `trust`), KPI, pupil group and year group.
    static func row(
        _ report: String, drop: String, urn: String, kpi: String, group: String = "all", year: String
    ) -> [String]? {
        report.split(separator: "\n").map(fields).first {
            $0.count > 13 && $0[0] == drop && $0[1] == urn && $0[4] == kpi && $0[5] == group && $0[6] == year
        }
    }
}

/// A real trust on real data: Beckfoot Trust from the Bradford absence file, then the
/// national performance-tables absence and KS4 files for 2018/19 on top, through the
/// real binary. Every expected figure is worked out here from the files' own rows.
@Suite(
    "trustboard ingest of the DfE performance tables, end to end",
    .enabled(
        if: DfEFiles.bradfordPresent && DfEFiles.publishedPresent,
        "needs ../shared/data/dfe/ (absent on this machine)"
    ))
struct DfEPublishedEndToEndTests {
    /// The shared Beckfoot store with both national 2018/19 files (`BeckfootStore.published`);
    /// returns the store's path and the 2018/19 summer report as CSV.
    private func beckfoot() throws -> (store: String, report: String) {
        let store = try BeckfootStore.published.path()
        let report = try CommandRunner.run([
            "report", "--store", store, "--drop", "2018/19-summer", "--format", "csv",
        ])
        try #require(report.status == 0, "\(report.stderr)")
        return (store, report.stdout)
    }

    @Test func ks4FiguresAreTheFilesOwnAndProgress8IsRatedOnItsInterval() throws {
        let (_, report) = try beckfoot()
        let rows = try DfEFiles.rows(DfEFiles.ks4)
        let header = try #require(rows.first)
        func cell(_ urn: String, _ column: String) throws -> String {
            let index = try #require(header.firstIndex(of: column))
            let row = try #require(rows.first { $0.count > index && $0[3] == urn })
            return row[index].replacingOccurrences(of: "%", with: "")
        }
        // Beckfoot School (139975): TPUP 266, ATT8SCR 50.2, P8MEA 0.14 (CI -0.02 to 0.3),
        // PTL2BASICS_94 69.5%, PTL2BASICS_95 45.1%.
        let school = "139975"
        let a8 = DfEFiles.row(report, drop: "2018/19-summer", urn: school, kpi: "attainment8", year: "11")
        #expect(a8?[7] == (try cell(school, "ATT8SCR")))
        #expect(a8?[7] == "50.2")
        #expect(a8?[12] == (try cell(school, "TPUP")))
        let p8 = DfEFiles.row(report, drop: "2018/19-summer", urn: school, kpi: "progress8", year: "11")
        #expect(p8?[7] == "0.14")
        #expect(p8?[8] == "amber", "the interval -0.02 to 0.3 spans 0")
        let basics = DfEFiles.row(
            report, drop: "2018/19-summer", urn: school, kpi: "english_maths_expected", year: "11")
        #expect(basics?[7] == (try cell(school, "PTL2BASICS_94")))
        let strong = DfEFiles.row(
            report, drop: "2018/19-summer", urn: school, kpi: "english_maths_greater_depth", year: "11")
        #expect(strong?[7] == (try cell(school, "PTL2BASICS_95")))
        // Beckfoot Upper Heaton (142031): P8MEA 0.4, CI 0.08 to 0.72, wholly above 0 → green;
        // Beckfoot Oakbank (143112): P8MEA -0.45, CI -0.6 to -0.29, wholly below 0 → red.
        let upper = DfEFiles.row(report, drop: "2018/19-summer", urn: "142031", kpi: "progress8", year: "11")
        #expect(upper?[7] == "0.40")
        #expect(upper?[8] == "green")
        let oakbank = DfEFiles.row(
            report, drop: "2018/19-summer", urn: "143112", kpi: "progress8", year: "11")
        #expect(oakbank?[7] == "-0.45")
        #expect(oakbank?[8] == "red")
        // The national benchmark is the state-funded row (RECTYPE 7): ATT8SCR 46.5.
        let national = try #require(rows.first { $0.first == "7" })
        let a8Column = try #require(header.firstIndex(of: "ATT8SCR"))
        #expect(a8.flatMap { Double($0[9]) } == Double(national[a8Column]))
    }

    @Test func theTrustsAttainment8IsWeightedByPupils() throws {
        let (_, report) = try beckfoot()
        // The four Beckfoot secondaries with results: Σ(ATT8SCR × TPUP) / Σ TPUP
        // = (38 × 267 + 50.2 × 266 + 39.2 × 250 + 39.2 × 66) / 849 = 35,886.4 / 849 = 42.27 → 42.3.
        // Hazelbeck (139977) has NE throughout, so no figure and nothing to weigh.
        let rows = try DfEFiles.rows(DfEFiles.ks4)
        let header = try #require(rows.first)
        let urn = try #require(header.firstIndex(of: "URN"))
        let pupils = try #require(header.firstIndex(of: "TPUP"))
        let score = try #require(header.firstIndex(of: "ATT8SCR"))
        let beckfoot: Set<String> = ["143112", "139975", "143114", "142031", "139977"]
        var sum = 0.0
        var total = 0
        for row in rows.dropFirst() where row.count > score && beckfoot.contains(row[urn]) {
            guard let value = Double(row[score]), let count = Int(row[pupils]) else { continue }
            sum += value * Double(count)
            total += count
        }
        #expect(total == 849)
        let expected = String(format: "%.1f", sum / Double(total))
        #expect(expected == "42.3")
        let trust = DfEFiles.row(report, drop: "2018/19-summer", urn: "trust", kpi: "attainment8", year: "11")
        #expect(trust?[7] == expected)
        #expect(trust?[12] == "849")
    }

    @Test func countsWinOverPublishedRatesAndTheNationalPercentileIsHandWorked() throws {
        let (_, report) = try beckfoot()
        // Beckfoot Allerton Primary (143092) has 2018/19 counts in the Bradford file
        // (6,239 of 135,644 sessions missed = 4.60%) and PERCTOT 4.6 in the national file:
        // the figure is the counts', with its enrolments (363) as the cohort.
        let absence = DfEFiles.row(
            report, drop: "2018/19-summer", urn: "143092", kpi: "absence_rate", year: "all")
        #expect(absence?[7] == "4.6")
        #expect(absence?[12] == "363")
        // Its national percentile among primary schools (DfE numbers 2000–3999 and
        // 5000–5299) with a PERCTOT: the share with a higher (worse) absence, ties half.
        let rows = try DfEFiles.rows(DfEFiles.absence)
        var worse = 0
        var equal = 0
        var count = 0
        for row in rows.dropFirst() where row.count >= 4 {
            guard let estab = Int(row[1]), (2000...3999).contains(estab) || (5000...5299).contains(estab),
                let value = Double(row[3])
            else { continue }
            count += 1
            if value > 4.6 + 1e-9 { worse += 1 } else if abs(value - 4.6) < 1e-9 { equal += 1 }
        }
        #expect(count > 15_000)
        let percentile = (200 * worse + 100 * equal) / (2 * count)
        #expect(absence?[13] == String(percentile), "worse \(worse), equal \(equal) of \(count)")
        // The attainment 8 percentile of Beckfoot School among secondary (RECTYPE 1) schools.
        let ks4 = try DfEFiles.rows(DfEFiles.ks4)
        let header = try #require(ks4.first)
        let score = try #require(header.firstIndex(of: "ATT8SCR"))
        let values = ks4.dropFirst().filter { $0.first == "1" && $0.count > score }.compactMap {
            Double($0[score])
        }
        let below = values.filter { $0 < 50.2 - 1e-9 }.count
        let same = values.filter { abs($0 - 50.2) < 1e-9 }.count
        let a8 = DfEFiles.row(report, drop: "2018/19-summer", urn: "139975", kpi: "attainment8", year: "11")
        #expect(a8?[13] == String((200 * below + 100 * same) / (2 * values.count)))
        // The trust's own row never has a percentile.
        let trust = DfEFiles.row(
            report, drop: "2018/19-summer", urn: "trust", kpi: "absence_rate", year: "all")
        #expect(trust?[13] == "")
    }

    @Test func theAcademyPageSaysWhereTheAcademyStandsNationally() throws {
        let (store, _) = try beckfoot()
        let snapshot = try CommandRunner.run([
            "snapshot", "--store", store, "--screen", "academy", "--academy", "139975", "--drop",
            "2018/19-summer", "--width", "160", "--height", "48",
        ])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        // Beckfoot School's attendance from the Bradford counts: 478,072 of 502,905 sessions
        // attended = 95.06% → 95.1. Among secondary schools (DfE numbers 4000–4999 and
        // 5400–5999) with 100 − PERCTOT, those below 95.1 are worse and those at it equal.
        let rows = try DfEFiles.rows(DfEFiles.absence)
        var worse = 0
        var equal = 0
        var count = 0
        for row in rows.dropFirst() where row.count >= 4 {
            guard let estab = Int(row[1]), (4000...4999).contains(estab) || (5400...5999).contains(estab),
                let absence = Double(row[3])
            else { continue }
            let attendance = (1000 - absence * 10).rounded() / 10
            count += 1
            if attendance < 95.1 - 1e-9 { worse += 1 } else if abs(attendance - 95.1) < 1e-9 { equal += 1 }
        }
        let percentile = (200 * worse + 100 * equal) / (2 * count)
        #expect(
            snapshot.stdout.contains("Better than \(percentile)% of secondary schools (2018/19)"),
            "worse \(worse), equal \(equal) of \(count):\n\(snapshot.stdout)")
    }

    @Test func aTrustWideFigureLeavesOutPublishedRatesWithoutPupilsAndSaysSo() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        // Two schools the national absence file has, with no counts anywhere: 100000
        // (PERCTOT 2.6) and 136807 (PERCTOT 4.3).
        let academies = try folder.write(
            "academies.csv", "urn,name,phase\n100000,First Primary,primary\n136807,Second Primary,primary\n")
        let ingest = try CommandRunner.run([
            "ingest", "--store", store, "--year", "2018/19", academies, DfEFiles.absence,
        ])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let csv = try CommandRunner.run(["report", "--store", store, "--format", "csv"])
        let first = DfEFiles.row(
            csv.stdout, drop: "2018/19-summer", urn: "100000", kpi: "absence_rate", year: "all")
        #expect(first?[7] == "2.6")
        #expect(first?[12] == "", "a published rate has no cohort")
        let trust = DfEFiles.row(
            csv.stdout, drop: "2018/19-summer", urn: "trust", kpi: "absence_rate", year: "all")
        #expect(trust?[7] == "", "rates are not averaged: \(csv.stdout)")
        let text = try CommandRunner.run(["report", "--store", store])
        #expect(
            text.stdout.contains("leave out First Primary (100000), Second Primary (136807)"),
            "\(text.stdout)")
    }

    @Test func theAbsenceFileNeedsAYear() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let ingest = try CommandRunner.run(["ingest", "--store", store, DfEFiles.absence])
        #expect(ingest.status != 0)
        #expect(ingest.stderr.contains("--year"), "\(ingest.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
    }

    @Test func ks2FiguresForTwoSurreyAcademies() throws {
        let folder = try TemporaryFolder()
        let store = folder.path("trust.sqlite")
        let rows = try DfEFiles.rows(DfEFiles.ks2)
        let header = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let urn = try column("URN")
        let telig = try column("TELIG")
        let rwm = try column("PTRWM_EXP")
        // The first two mainstream schools with a readable RWM percentage.
        let schools = rows.dropFirst().filter {
            $0.first == "1" && $0.count > rwm
                && Double($0[rwm].replacingOccurrences(of: "%", with: "")) != nil
                && Int($0[telig]) != nil
        }.prefix(2)
        try #require(schools.count == 2)
        let lines = schools.enumerated().map { "\($1[urn]),Surrey School \($0 + 1),primary" }
        let academies = try folder.write(
            "academies.csv", "urn,name,phase\n" + lines.joined(separator: "\n") + "\n")
        let ingest = try CommandRunner.run(["ingest", "--store", store, academies, DfEFiles.ks2])
        try #require(ingest.status == 0, "\(ingest.stderr)")
        let report = try CommandRunner.run([
            "report", "--store", store, "--drop", "2018/19-summer", "--format", "csv",
        ])
        var counted = 0
        var pupils = 0
        for school in schools {
            let expected = school[rwm].replacingOccurrences(of: "%", with: "")
            let row = DfEFiles.row(
                report.stdout, drop: "2018/19-summer", urn: school[urn], kpi: "rwm_expected", year: "6")
            #expect(row.map { Double($0[7]) } == Double(expected), "\(school[urn])")
            #expect(row?[12] == school[telig])
            // The count of pupils behind the whole-number percentage: the only c of TELIG
            // whose 100 × c / TELIG rounds half up to it, ⌊(200c + n) / 2n⌋.
            let n = try #require(Int(school[telig]))
            let percent = try #require(Int(expected))
            let fits = (0...n).filter { (200 * $0 + n) / (2 * n) == percent }
            try #require(fits.count == 1, "\(school[urn]): \(expected)% of \(n) fits \(fits)")
            counted += fits[0]
            pupils += n
        }
        // The trust's RWM is the two counts over the two cohorts, rounded half up to one
        // place, and not approximate.
        let trust = DfEFiles.row(
            report.stdout, drop: "2018/19-summer", urn: "trust", kpi: "rwm_expected", year: "6")
        let tenths = (2000 * counted + pupils) / (2 * pupils)
        #expect(trust?[7] == "\(tenths / 10).\(tenths % 10)")
        #expect(trust?[15] == "false")
        // The national benchmark of a primary academy is the RECTYPE 5 row's: 65%.
        let national = try #require(rows.first { $0.first == "5" })
        let first = DfEFiles.row(
            report.stdout, drop: "2018/19-summer", urn: schools.first?[urn] ?? "", kpi: "rwm_expected",
            year: "6")
        #expect(
            first.flatMap { Double($0[9]) } == Double(national[rwm].replacingOccurrences(of: "%", with: "")))
    }
}

import Foundation
import Testing

/// Beckfoot Trust from the Bradford file, rated against the built-in national figures:
/// special schools only against special schools, no benchmark older than a year or from
/// across the pandemic, and the trust against its own mix of phases. Every expectation is
/// worked out here from the file's rows.
@Suite(
    "Benchmarks that fit the school, on Beckfoot Trust's real figures",
    .enabled(if: DfEFiles.bradfordPresent, "needs ../shared/data/dfe/ (absent on this machine)"))
struct DfEBenchmarkEndToEndTests {
    /// One school's row of the Bradford file in one year.
    struct SchoolRow {
        var urn: String
        var schoolType: String
        var enrolments: Int
        var possible: Int
        var missed: Int
        var persistent: Int
    }

    /// Beckfoot Trust's academies (those the file's 2021/22 rows name) with their
    /// `school_type` then, and their rows in `period` (such as "201819").
    static func rows(_ period: String) throws -> (types: [String: String], rows: [SchoolRow]) {
        let rows = try DfEFiles.rows(DfEFiles.bradford)
        let header = try #require(rows.first)
        func column(_ name: String) throws -> Int { try #require(header.firstIndex(of: name)) }
        let time = try column("time_period")
        let trust = try column("trust")
        let urn = try column("school_urn")
        let type = try column("school_type")
        let enrolments = try column("enrolments")
        let possible = try column("sess_possible")
        let missed = try column("sess_overall")
        let persistent = try column("enrolments_pa_10_exact")
        var types: [String: String] = [:]
        for row in rows.dropFirst() where row.count > persistent && row[time] == "202122" {
            if row[trust].trimmingCharacters(in: .whitespaces).uppercased() == "BECKFOOT TRUST" {
                types[row[urn]] = row[type]
            }
        }
        let chosen = rows.dropFirst().filter {
            $0.count > persistent && $0[time] == period && types[$0[urn]] != nil
        }
        return (
            types,
            chosen.map {
                SchoolRow(
                    urn: $0[urn], schoolType: types[$0[urn]] ?? "", enrolments: Int($0[enrolments]) ?? 0,
                    possible: Int($0[possible]) ?? 0, missed: Int($0[missed]) ?? 0,
                    persistent: Int($0[persistent]) ?? 0)
            }
        )
    }

    /// The shared store with Beckfoot Trust (`BeckfootStore.bradford`), and its report for
    /// `drop` as CSV.
    static func report(drop: String) throws -> String {
        let store = try BeckfootStore.bradford.path()
        let report = try CommandRunner.run(["report", "--store", store, "--drop", drop, "--format", "csv"])
        try #require(report.status == 0, "\(report.stderr)")
        return report.stdout
    }

    /// `numerator / denominator` as a percentage with one decimal, half away from zero.
    static func tenths(_ numerator: Int, _ denominator: Int) -> Int {
        (2 * numerator * 1000 + denominator) / (2 * denominator)
    }

    @Test func in2021SpecialSchoolsAndTheTrustAreNotRatedAndTheOthersAgainst2021() throws {
        let report = try Self.report(drop: "2021/22-summer")
        let (types, rows) = try Self.rows("202122")
        #expect(rows.count == 10)
        #expect(types.values.filter { $0 == "Special" }.count == 2)
        let kpis = ["attendance_rate", "absence_rate", "persistent_absence_rate", "severe_absence_rate"]
        for row in rows where row.schoolType == "Special" {
            // The only special-school figures built in are 2018/19's: not rated, no benchmark.
            for kpi in kpis {
                let line = DfEFiles.row(report, drop: "2021/22-summer", urn: row.urn, kpi: kpi, year: "all")
                #expect(line?[8] == "none", "\(row.urn) \(kpi)")
                #expect(line?[9] == "", "\(row.urn) \(kpi)")
                #expect(line?[16] == "", "\(row.urn) \(kpi)")
            }
        }
        // Persistent absence 2021/22: 17.7 for primary schools, 27.7 for secondary schools
        // (green at or under, amber within 5), no longer 2018/19's 8.2 and 13.7.
        for row in rows where row.schoolType != "Special" {
            let bench = row.schoolType == "State-funded primary" ? 177 : 277
            let shown = Self.tenths(row.persistent, row.enrolments)
            let rating = shown <= bench ? "green" : shown <= bench + 50 ? "amber" : "red"
            let line = DfEFiles.row(
                report, drop: "2021/22-summer", urn: row.urn, kpi: "persistent_absence_rate", year: "all")
            #expect(line?[7] == "\(shown / 10).\(shown % 10)", "\(row.urn)")
            #expect(line?[9] == "\(bench / 10).\(bench % 10)", "\(row.urn)")
            #expect(line?[8] == rating, "\(row.urn)")
            #expect(line?[16] == "2021/22 full year")
            // Attendance: no phase figure for 2021/22, so all schools' 100 − 7.6 = 92.4.
            let attendance = DfEFiles.row(
                report, drop: "2021/22-summer", urn: row.urn, kpi: "attendance_rate", year: "all")
            #expect(attendance?[9] == "92.4", "\(row.urn)")
        }
        // The trust's figures sum the special schools too, which have no benchmark of their own.
        for kpi in kpis {
            let trust = DfEFiles.row(report, drop: "2021/22-summer", urn: "trust", kpi: kpi, year: "all")
            #expect(trust?[8] == "none", "\(kpi)")
            #expect(trust?[9] == "", "\(kpi)")
        }
        // 2020/21 is a pandemic year: nothing in it is rated.
        let pandemic = try CommandRunner.run([
            "report", "--store", try BeckfootStore.bradford.path(), "--drop", "2020/21-summer", "--format",
            "csv",
        ])
        let ratings = pandemic.stdout.split(separator: "\n").dropFirst().map { DfEFiles.fields($0)[8] }
        // 44 lines of the four attendance measures, and 77 of the seven reasons for absence
        // the DfE's file gives, for the same eleven owners.
        #expect(ratings.count == 44 + 77)
        #expect(ratings.allSatisfy { $0 == "none" })
    }

    @Test func in2018TheTrustIsRatedAgainstItsMixOfPhases() throws {
        let report = try Self.report(drop: "2018/19-summer")
        let (_, rows) = try Self.rows("201819")
        #expect(rows.count == 10)
        // The built-in 2018/19 national figures (the NAT rows of england_abs_2018-19.csv):
        // persistent absence 8.2 primary, 13.7 secondary, 28.8 special; absence 4.0, 5.5, 10.1.
        func tenths(_ type: String, _ values: (Int, Int, Int)) -> Int {
            type == "State-funded primary" ? values.0 : type == "Special" ? values.2 : values.1
        }
        // Persistent absence weighted by pupils, in hundredths, rounded half away from zero.
        var top = 0
        var pupils = 0
        var absentees = 0
        for row in rows {
            top += tenths(row.schoolType, (82, 137, 288)) * 10 * row.enrolments
            pupils += row.enrolments
            absentees += row.persistent
        }
        #expect(pupils == 6_321)
        let hundredths = (2 * top + pupils) / (2 * pupils)
        let bench = "\(hundredths / 100).\(String(format: "%02d", hundredths % 100))"
        #expect(bench == "12.89")
        let persistent = DfEFiles.row(
            report, drop: "2018/19-summer", urn: "trust", kpi: "persistent_absence_rate", year: "all")
        // The report writes the benchmark as shown and rated, to one place: 12.89 → 12.9.
        let shownBench = (hundredths + 5) / 10
        #expect(persistent?[9] == "\(shownBench / 10).\(shownBench % 10)")
        #expect(persistent?[16] == "2018/19 full year")
        let shown = Self.tenths(absentees, pupils)
        #expect(shown == 149)
        // 14.9 is above 12.89 but within 5: amber.
        #expect(persistent?[8] == "amber")
        // Absence weighted by possible sessions.
        var absenceTop = 0
        var possible = 0
        for row in rows {
            absenceTop += tenths(row.schoolType, (40, 55, 101)) * 10 * row.possible
            possible += row.possible
        }
        let absence = (2 * absenceTop + possible) / (2 * possible)
        let absenceRow = DfEFiles.row(
            report, drop: "2018/19-summer", urn: "trust", kpi: "absence_rate", year: "all")
        let absenceShown = (absence + 5) / 10
        #expect(absenceRow?[9] == "\(absenceShown / 10).\(absenceShown % 10)")
        // And each special school against the special schools' 10.1, not all schools' 4.7.
        for row in rows where row.schoolType == "Special" {
            let line = DfEFiles.row(
                report, drop: "2018/19-summer", urn: row.urn, kpi: "absence_rate", year: "all")
            #expect(line?[9] == "10.1", "\(row.urn)")
        }
    }
}

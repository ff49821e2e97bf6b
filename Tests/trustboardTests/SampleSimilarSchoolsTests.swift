import Foundation
import Testing

/// The sample trust's similar schools, from the fictional England the generator writes in
/// `sample-data/fictional-national/`, shown without a store: every expected value is worked
/// out here from the files' rows.
@Suite("The sample trust has similar schools from its fictional England")
struct SampleSimilarSchoolsTests {
    static let national = SuppressionAttackTests.sampleFolder.appendingPathComponent("fictional-national")
    static let harbourView = "900111"

    /// The rows of a sample file, header first.
    private static func rows(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").map(DfEFiles.fields)
    }

    /// A drop's attendance lines, header first: the aggregate file's, then those summed by
    /// hand from the pupils of the academies that send the pupil-level export.
    private static func attendance(_ drop: String) throws -> [[String]] {
        let folder = SuppressionAttackTests.sampleFolder
        let summed = try ExportRowSums.attendanceLines(
            ofExportAt: folder.appendingPathComponent("pupil-attendance-\(drop).csv"))
        return try rows(folder.appendingPathComponent("attendance-\(drop).csv"))
            + summed.map { DfEFiles.fields(Substring($0)) }
    }

    /// The column of each name in `header`.
    private static func columns(_ header: [String], _ names: [String]) throws -> [Int] {
        try names.map { name in try #require(header.firstIndex(of: name), "no column \(name)") }
    }

    /// Rounded half away from zero to one place, as trustboard shows a percentage or score.
    private static func oneDecimal(_ value: Double) -> Double {
        (value * 10 + (value >= 0 ? 1e-9 : -1e-9)).rounded(.toNearestOrAwayFromZero) / 10
    }

    /// The `p` quantile by linear interpolation (type 7, a spreadsheet's QUARTILE.INC).
    private static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[below] }
        return sorted[below] + (position - Double(below)) * (sorted[below + 1] - sorted[below])
    }

    /// The 20 secondary schools nearest `academy` in the fictional 2023/24 census, worked out
    /// as the README's "Similar schools" says: each of disadvantaged %, EAL %, SEN support %,
    /// EHCP % and the natural log of pupils divided by its population standard deviation over
    /// the phase's schools with all five, distance the root of the summed squares, ties to
    /// the lower URN.
    private static func group(of academy: String) throws -> [String] {
        let census = try rows(national.appendingPathComponent("fictional_england_census_2023-24.csv"))
        let c = try columns(
            census[0], ["URN", "SCHOOLTYPE", "NOR", "PNUMFSMEVER", "PNUMEAL", "PSENELK", "PSENELSE"])
        var schools: [(urn: String, values: [Double])] = []
        for row in census.dropFirst() where row[c[1]] == "State-funded secondary" {
            let numbers = [row[c[3]], row[c[4]], row[c[5]], row[c[6]]].compactMap(Double.init)
            guard numbers.count == 4, let pupils = Double(row[c[2]]), pupils > 0 else { continue }
            schools.append((row[c[0]], numbers + [log(pupils)]))
        }
        let spreads = (0..<5).map { dimension -> Double in
            let values = schools.map { $0.values[dimension] }
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count)).squareRoot()
        }
        let own = try #require(schools.first { $0.urn == academy }).values
        let distances = schools.filter { $0.urn != academy }.map { school -> (String, Double) in
            let sum = (0..<5).map { dimension -> Double in
                let difference = (school.values[dimension] - own[dimension]) / spreads[dimension]
                return difference * difference
            }.reduce(0, +)
            return (school.urn, sum.squareRoot())
        }
        return distances.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }.prefix(20).map(\.0)
    }

    @Test(
        "Harbour View's 2023/24 group, median and rank, worked out from the files' rows, are what report shows"
    )
    func harbourViewPersistentAbsence() throws {
        let members = try Self.group(of: Self.harbourView)
        #expect(members.count == 20)

        // The group's persistent absence as the fictional absence file publishes it.
        let absence = try Self.rows(Self.national.appendingPathComponent("fictional_england_abs_2023-24.csv"))
        let a = try Self.columns(absence[0], ["URN", "PPERSABS10"])
        var persistent: [String: Double] = [:]
        for row in absence.dropFirst() { persistent[row[a[0]]] = Double(row[a[1]]) }
        let values = members.compactMap { persistent[$0] }

        // Harbour View's own figure, from its 2023/24 summer drop: all pupils, Years 1–11.
        let drop = try Self.attendance("2023-24-summer")
        let d = try Self.columns(
            drop[0], ["urn", "pupil_group", "year_group", "pupils", "persistent_absentees"])
        let line = try #require(
            drop.first { $0[d[0]] == Self.harbourView && $0[d[1]] == "all" && $0[d[2]] == "all" })
        let own = Self.oneDecimal(
            100 * (try #require(Double(line[d[4]]))) / (try #require(Double(line[d[3]]))))
        // The fictional file publishes the same figure for it, so `similar` agrees with `report`.
        #expect(persistent[Self.harbourView] == own)

        let median = Self.oneDecimal(Self.quantile(values, 0.5))
        let rank = 1 + values.filter { $0 < own }.count

        let report = try CommandRunner.run([
            "report", "--store", "/nonexistent/trustboard-sample.sqlite", "--drop", "2023/24-summer",
            "--academy",
            Self.harbourView, "--format", "csv",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(DfEFiles.fields)
        let r = try Self.columns(
            try #require(lines.first),
            [
                "kpi", "pupil_group", "year_group", "value", "rating", "similar_median", "similar_rank",
                "similar_count",
            ])
        let row = try #require(
            lines.first { $0[r[0]] == "persistent_absence_rate" && $0[r[1]] == "all" && $0[r[2]] == "all" })
        #expect(Double(row[r[3]]) == own)
        #expect(Double(row[r[5]]) == median)
        #expect(row[r[6]] == "\(rank)")
        #expect(row[r[7]] == "\(values.count + 1)")
        // The story: amber against England's secondaries (25.56, shown 25.6, with a margin of
        // 5), yet better than the middle of the schools with pupils like its own.
        #expect(row[r[4]] == "amber")
        #expect(own < median)
    }

    @Test("Fellside's 2024/25 persistent absence is the worst of its group's 2023/24 figures")
    func fellsideIsLastOfItsGroup() throws {
        // 2024/25 has no school-level figures, so the drop is compared with 2023/24: the
        // group from that year's census, and the members' figures from that year's file.
        let members = try Self.group(of: "900110")
        let absence = try Self.rows(Self.national.appendingPathComponent("fictional_england_abs_2023-24.csv"))
        var persistent: [String: Double] = [:]
        for row in absence.dropFirst() { persistent[row[2]] = Double(row[4]) }
        let values = members.compactMap { persistent[$0] }
        let drop = try Self.attendance("2024-25-summer")
        let line = try #require(drop.first { $0[0] == "900110" && $0[3] == "all" && $0[4] == "all" })
        // urn,academic_year,term,pupil_group,year_group,pupils,…,persistent_absentees (column 10)
        let own = Self.oneDecimal(100 * (try #require(Double(line[10]))) / (try #require(Double(line[5]))))
        #expect(own == 37.0)
        #expect(values.allSatisfy { $0 < own })

        let report = try CommandRunner.run([
            "report", "--store", "/nonexistent/trustboard-sample.sqlite", "--drop", "2024/25-summer",
            "--academy",
            "900110", "--format", "csv",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(DfEFiles.fields)
        let r = try Self.columns(
            try #require(lines.first),
            ["kpi", "pupil_group", "year_group", "similar_median", "similar_rank", "similar_count"])
        let row = try #require(
            lines.first { $0[r[0]] == "persistent_absence_rate" && $0[r[1]] == "all" && $0[r[2]] == "all" })
        #expect(Double(row[r[3]]) == Self.oneDecimal(Self.quantile(values, 0.5)))
        #expect(row[r[4]] == "\(values.count + 1)")
        #expect(row[r[5]] == "\(values.count + 1)")
    }

    @Test("`similar` on the sample lists the same 20 schools, each named as fictional")
    func similarListsTheGroup() throws {
        let members = try Self.group(of: Self.harbourView)
        let similar = try CommandRunner.run([
            "similar", "--store", "/nonexistent/trustboard-sample.sqlite", Self.harbourView, "--format",
            "csv",
        ])
        #expect(similar.status == 0, "\(similar.stderr)")
        #expect(similar.stderr.contains("bundled sample trust"))
        let lines = similar.stdout.split(separator: "\n").map(DfEFiles.fields)
        let header = try #require(lines.first)
        let urn = try #require(header.firstIndex(of: "urn"))
        let name = try #require(header.firstIndex(of: "name"))
        let listed = lines.dropFirst().filter { $0.count > urn && members.contains($0[urn]) }
        #expect(listed.map { $0[urn] } == members)
        #expect(listed.allSatisfy { $0[name].hasSuffix("(fictional)") })
    }

    @Test("the sample's academy page calls its census fictional")
    func academyPageSaysFictional() throws {
        let frame = try CommandRunner.run([
            "snapshot", "--store", "/nonexistent/trustboard-sample.sqlite", "--screen", "academy",
            "--academy",
            Self.harbourView, "--width", "160", "--height", "48",
        ])
        #expect(frame.status == 0, "\(frame.stderr)")
        // Harbour View's census row: 750 pupils, disadvantaged 40.0%, in the 2023/24 census.
        #expect(
            frame.stdout.contains(
                "750 pupils · disadvantaged 40.0% · EAL 30.0% · SEN support 13.0% · EHCP 2.5% (fictional census 2023/24)"
            ), "\(frame.stdout)")
    }

    @Test("every sample academy has a group in its latest drop, with a rank for attendance")
    func everyAcademyHasAGroup() throws {
        let report = try CommandRunner.run([
            "report", "--store", "/nonexistent/trustboard-sample.sqlite", "--format", "csv",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(DfEFiles.fields)
        let r = try Self.columns(
            try #require(lines.first),
            ["urn", "kpi", "pupil_group", "year_group", "similar_rank", "similar_count"])
        let ranked = Set(
            lines.dropFirst().filter {
                $0[r[1]] == "attendance_rate" && $0[r[2]] == "all" && $0[r[3]] == "all" && !$0[r[4]].isEmpty
                    && Int($0[r[5]]) ?? 0 > 1
            }.map { $0[r[0]] })
        #expect(ranked == Set((1...12).map { "9001\($0 < 10 ? "0" : "")\($0)" }))
    }
}

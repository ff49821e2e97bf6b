import Foundation
import Testing

/// Beckfoot School's similar schools on the real 2018/19 files, through the real binary:
/// `similar` and `report`. Every expected value is worked out here from the files' rows,
/// independently of trustboard's readers: the census's secondary schools, their
/// standardised distances, the nearest 20, and the median and rank of the figures the DfE
/// published for them.
@Suite(
    "trustboard similar and the report's similar-schools columns on the real files, end to end",
    .enabled(
        if: DfEFiles.censusPresent && DfEFiles.bradfordPresent
            && FileManager.default.fileExists(atPath: DfEFiles.ks4),
        "needs ../shared/data/dfe/ (absent on this machine)"))
struct SimilarSchoolsEndToEndTests {
    /// A number as the DfE wrote it, or nil for a missing-value code (`SUPP`, `NE`, `NA`…).
    private static func number(_ text: String) -> Double? {
        Double(text.hasSuffix("%") ? String(text.dropLast()) : text)
    }

    /// Rounded half away from zero to one place, as trustboard shows a percentage or score.
    private static func oneDecimal(_ value: Double) -> Double {
        (value * 10 + (value >= 0 ? 1e-9 : -1e-9)).rounded(.toNearestOrAwayFromZero) / 10
    }

    /// The `p` quantile of `values` by linear interpolation (Hyndman and Fan's type 7, as
    /// a spreadsheet's PERCENTILE.INC).
    private static func quantile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        let position = Double(sorted.count - 1) * p
        let below = Int(position.rounded(.down))
        guard below + 1 < sorted.count else { return sorted[below] }
        return sorted[below] + (position - Double(below)) * (sorted[below + 1] - sorted[below])
    }

    /// One column of a file's rows by its header name.
    private static func columns(_ rows: [[String]], _ names: [String]) throws -> [Int] {
        let header = try #require(rows.first)
        return try names.map { name in try #require(header.firstIndex(of: name), "no column \(name)") }
    }

    /// URN → value of `column` where the file gives a number.
    private static func published(_ path: String, _ column: String) throws -> [String: Double] {
        let rows = try DfEFiles.rows(path)
        let index = try columns(rows, ["URN", column])
        var values: [String: Double] = [:]
        for row in rows.dropFirst() where row.count > index[1] && row[index[0]].count == 6 {
            if let value = number(row[index[1]]) { values[row[index[0]]] = value }
        }
        return values
    }

    @Test func beckfootSchoolsGroupAndRanksAreWorkedOutFromTheRows() throws {
        // Beckfoot School's URN, from the Bradford file.
        let bradford = try DfEFiles.rows(DfEFiles.bradford)
        let b = try Self.columns(
            bradford,
            [
                "school_name", "school_urn", "time_period", "time_identifier", "sess_possible",
                "sess_overall",
                "enrolments", "enrolments_pa_10_exact",
            ])
        let beckfootRows = bradford.dropFirst().filter { $0[b[0]] == "Beckfoot School" }
        let academy = try #require(beckfootRows.first?[b[1]])
        #expect(Set(beckfootRows.map { $0[b[1]] }) == [academy])

        // The candidates: the census's state-funded secondary schools with every
        // characteristic and pupils on roll; the spread is over all of them, Beckfoot too.
        let census = try DfEFiles.rows(DfEFiles.census)
        let c = try Self.columns(
            census, ["URN", "SCHOOLTYPE", "NOR", "PNUMFSMEVER", "PNUMEAL", "PSENELK", "PSENELSE"])
        var pool: [(urn: String, values: [Double])] = []
        // National rows (URN `NAT`, one of them of this type) are no school's.
        for row in census.dropFirst() where row[c[1]] == "State-funded secondary" && row[c[0]] != "NAT" {
            guard let pupils = Double(row[c[2]]), pupils > 0 else { continue }
            let percentages = c[3...6].compactMap { Double(row[$0]) }
            guard percentages.count == 4 else { continue }
            pool.append((row[c[0]], percentages + [log(pupils)]))
        }
        let own = try #require(pool.first { $0.urn == academy }).values
        let spread = (0..<5).map { dimension in
            let values = pool.map { $0.values[dimension] }
            let mean = values.reduce(0, +) / Double(values.count)
            return (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count)).squareRoot()
        }
        var ranked: [(urn: String, distance: Double)] = []
        for school in pool where school.urn != academy {
            var sum = 0.0
            for dimension in 0..<5 {
                let difference: Double = (school.values[dimension] - own[dimension]) / spread[dimension]
                sum += difference * difference
            }
            ranked.append((school.urn, sum.squareRoot()))
        }
        // Nearest first; equal distances by URN, lowest first.
        ranked.sort {
            $0.distance != $1.distance ? $0.distance < $1.distance : Int($0.urn) ?? 0 < Int($1.urn) ?? 0
        }
        let group = Array(ranked.prefix(20))

        // The figures the DfE published for each school.
        let absence = try Self.published(DfEFiles.absence, "PERCTOT")
        let persistent = try Self.published(DfEFiles.absence, "PPERSABS10")
        let attainment8 = try Self.published(DfEFiles.ks4, "ATT8SCR")
        // Attendance is 100 − the published absence, the same figure from the other side.
        let attendance = absence.mapValues { Self.oneDecimal(100 - $0) }
        let measures: [(key: String, values: [String: Double], higherIsBetter: Bool)] = [
            ("attendance_rate", attendance, true), ("persistent_absence_rate", persistent, false),
            ("attainment8", attainment8, true),
        ]

        // The shared store: the Bradford file with --trust, then the 2018/19 census,
        // absence and KS4 files in one ingest.
        let store = try BeckfootStore.withCensus.path()

        // `similar`: the group, nearest first, with distances to three places.
        let similar = try CommandRunner.run(["similar", "--store", store, academy, "--format", "csv"])
        #expect(similar.status == 0, "\(similar.stderr)")
        let lines = similar.stdout.split(separator: "\n").map(DfEFiles.fields)
        let header = try #require(lines.first)
        let members = lines.filter { $0.first == "similar" }
        #expect(members.map { $0[1] } == group.map { $0.urn })
        let distance = try #require(header.firstIndex(of: "distance"))
        #expect(members.map { Double($0[distance]) } == group.map { ($0.distance * 1000).rounded() / 1000 })
        func summary(_ role: String, _ key: String) throws -> String {
            let column = try #require(header.firstIndex(of: key))
            return try #require(lines.first { $0.first == role })[column]
        }
        // The census's national secondary row, as the file prints it, beside the academy's:
        // its percentages alone (its NOR is England's total, no school's size).
        let nationalRow = try #require(
            census.first { $0[c[0]] == "NAT" && $0[c[1]] == "State-funded secondary" })
        #expect(try summary("national", "name") == "state-funded secondary schools in England")
        #expect(try summary("national", "pupils") == "")
        for (key, column) in zip(
            ["disadvantaged_percent", "eal_percent", "sen_support_percent", "ehcp_percent"], c[3...6])
        {
            let printed = try #require(Double(nationalRow[column]))
            #expect(try Double(summary("national", key)) == printed, "\(key)")
        }
        let text = try CommandRunner.run(["similar", "--store", store, academy])
        #expect(
            text.stdout.contains(
                "National (DfE school census 2018/19, state-funded secondary schools in England): disadvantaged "
                    + "\(nationalRow[c[3]])% · EAL \(nationalRow[c[4]])% · SEN support \(nationalRow[c[5]])% · "
                    + "EHCP \(nationalRow[c[6]])%"), "\(text.stdout)")

        // `report`: the academy's own figures (attendance and persistent absence from the
        // Bradford counts, which win over the published rates), then the group's.
        let report = try CommandRunner.run([
            "report", "--store", store, "--drop", "2018/19-summer", "--academy", academy, "--format", "csv",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let reportLines = report.stdout.split(separator: "\n").map(DfEFiles.fields)
        let reportHeader = try #require(reportLines.first)
        let r = try ["kpi", "pupil_group", "value", "similar_median", "similar_rank", "similar_count"].map {
            try #require(reportHeader.firstIndex(of: $0))
        }
        let year = try #require(
            beckfootRows.first { $0[b[2]] == "201819" && $0[b[3]] == "Academic year" })
        let possible = try #require(Double(year[b[4]]))
        let missed = try #require(Double(year[b[5]]))
        let enrolments = try #require(Double(year[b[6]]))
        let persistentPupils = try #require(Double(year[b[7]]))
        let reported: [String: Double] = [
            "attendance_rate": Self.oneDecimal(100 - 100 * missed / possible),
            "persistent_absence_rate": Self.oneDecimal(100 * persistentPupils / enrolments),
            "attainment8": try #require(attainment8[academy]),
        ]

        for measure in measures {
            let values = group.compactMap { measure.values[$0.urn] }
            let median = Self.quantile(values, 0.5)
            func rank(of value: Double) -> Int {
                1 + values.filter { measure.higherIsBetter ? $0 > value : $0 < value }.count
            }
            // `similar` ranks the DfE's published figure for the academy.
            let published = try #require(measure.values[academy])
            #expect(Double(try summary("median", measure.key)) == Self.oneDecimal(median), "\(measure.key)")
            #expect(try summary("rank", measure.key) == "\(rank(of: published))", "\(measure.key)")
            #expect(try summary("ranked", measure.key) == "\(values.count + 1)", "\(measure.key)")
            // Each similar school's figure is the one the DfE published, or nothing.
            let column = try #require(header.firstIndex(of: measure.key))
            for member in members {
                #expect(Double(member[column]) == measure.values[member[1]], "\(measure.key) \(member[1])")
            }
            // The report ranks the academy's own figure.
            let row = try #require(reportLines.first { $0[r[0]] == measure.key && $0[r[1]] == "all" })
            let own = try #require(reported[measure.key])
            #expect(Double(row[r[2]]) == own, "\(measure.key)")
            #expect(Double(row[r[3]]) == Self.oneDecimal(median), "\(measure.key)")
            #expect(row[r[4]] == "\(rank(of: own))", "\(measure.key)")
            #expect(row[r[5]] == "\(values.count + 1)", "\(measure.key)")
        }
    }
}

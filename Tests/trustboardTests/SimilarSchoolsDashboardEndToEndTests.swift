import Foundation
import Testing

/// Beckfoot School's academy page on the real 2018/19 files, through the real binary's
/// `snapshot`: the context line from its census row, and its attendance rank among its
/// similar schools, the same comparison `report` writes (which
/// `SimilarSchoolsEndToEndTests` works out from the files' rows: 12th best of 21).
@Suite(
    "The academy page's similar schools on the real files, end to end",
    .enabled(
        if: DfEFiles.censusPresent && DfEFiles.bradfordPresent
            && FileManager.default.fileExists(atPath: DfEFiles.ks4),
        "needs ../shared/data/dfe/ (absent on this machine)"))
struct SimilarSchoolsDashboardEndToEndTests {
    /// A whole count with thousands separators: "1,666".
    private static func grouped(_ digits: String) -> String {
        var rest = digits
        var groups: [String] = []
        while rest.count > 3 {
            groups.insert(String(rest.suffix(3)), at: 0)
            rest.removeLast(3)
        }
        return ([rest] + groups).joined(separator: ",")
    }

    @Test func beckfootSchoolsPageShowsItsContextAndRank() throws {
        let academy = "139975"
        // The context, from Beckfoot School's census row: pupils and the four percentages
        // to one decimal, as the census gives them.
        let census = try DfEFiles.rows(DfEFiles.census)
        let header = try #require(census.first)
        let c = try ["URN", "NOR", "PNUMFSMEVER", "PNUMEAL", "PSENELK", "PSENELSE"].map { name in
            try #require(header.firstIndex(of: name), "no column \(name)")
        }
        let row = try #require(census.first { $0[c[0]] == academy })
        let percents = try c[2...5].map { index in
            String(format: "%.1f", try #require(Double(row[index]), "\(row[index])"))
        }
        // Beside each percentage, the census's national row for state-funded secondaries
        // (Beckfoot's phase), as the file prints it.
        let t = try #require(header.firstIndex(of: "SCHOOLTYPE"))
        let nationalRow = try #require(
            census.first { $0[c[0]] == "NAT" && $0[t] == "State-funded secondary" })
        let nationally = try c[2...5].map { index in
            String(format: "%.1f", try #require(Double(nationalRow[index]), "\(nationalRow[index])"))
        }
        let context =
            "\(Self.grouped(row[c[1]])) pupils · disadvantaged \(percents[0])% (national secondary \(nationally[0])%)"
            + " · EAL \(percents[1])% (\(nationally[1])%) · SEN support \(percents[2])% (\(nationally[2])%) · EHCP "
            + "\(percents[3])% (\(nationally[3])%) (census 2018/19)"

        // The shared store: the Bradford file with --trust, then the 2018/19 census,
        // absence and KS4 files in one ingest.
        let store = try BeckfootStore.withCensus.path()

        // The rank `report` gives attendance, all pupils.
        let report = try CommandRunner.run([
            "report", "--store", store, "--drop", "2018/19-summer", "--academy", academy, "--format", "csv",
        ])
        #expect(report.status == 0, "\(report.stderr)")
        let lines = report.stdout.split(separator: "\n").map(DfEFiles.fields)
        let columns = try #require(lines.first)
        let r = try ["kpi", "pupil_group", "year_group", "similar_rank", "similar_count"].map {
            try #require(columns.firstIndex(of: $0))
        }
        let attendance = try #require(
            lines.first { $0[r[0]] == "attendance_rate" && $0[r[1]] == "all" && $0[r[2]] == "all" })
        #expect(attendance[r[3]] == "12" && attendance[r[4]] == "21")

        let snapshot = try CommandRunner.run([
            "snapshot", "--store", store, "--screen", "academy", "--academy", academy, "--drop",
            "2018/19-summer",
            "--width", "160", "--height", "40",
        ])
        #expect(snapshot.status == 0, "\(snapshot.stderr)")
        let screen = snapshot.stdout.split(separator: "\n").map(String.init)
        #expect(screen.count > 2 && screen[1].contains("Beckfoot School"))
        #expect(
            screen.count > 2 && screen[2].trimmingCharacters(in: .whitespaces) == context,
            "\(screen.count > 2 ? screen[2] : "")\n\(context)")
        // The attendance panel: from its title to the next panel's.
        let top = try #require(screen.firstIndex { $0.contains("Attendance · all pupils") })
        let bottom = try #require(screen.firstIndex { $0.contains("Persistent absence · all pupils") })
        #expect(top < bottom)
        #expect(screen[top..<bottom].contains { $0.contains("12th best of 21") })
    }
}

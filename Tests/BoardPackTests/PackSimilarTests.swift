import Metrics
import Testing

@testable import BoardPack

/// The rank among similar schools on the attendance and absence table.
///
/// `PackTrust` with a school census of 2024/25 (the year before its 2025/26 spring drop,
/// the latest with school-level figures) in which Ash & Oak (200 pupils; disadvantaged
/// 25.0, EAL 10.0, SEN support 12.0, EHCP 2.0) has three other primaries within a point
/// or a few pupils of it, in groups of 3 (`count`), so they are its similar schools. Beech
/// has no census line, so no similar schools.
///
/// - Attendance (Ash & Oak 95.0, higher is better): 97.0, 94.0, 93.0. Only 97.0 is
///   better: 2nd best of 4.
/// - Persistent absence (Ash & Oak 10.0, lower is better): 8.0, 12.0, 16.0. Only 8.0 is
///   better: 2nd best of 4.
/// - Severe absence: not in the drop, so no column for it.
@Suite("Similar schools in the pack")
struct PackSimilarTests {
    static let year = AcademicYear(2024)
    static let summer = DataDrop(year: year, term: .summer)
    static let others = [PackTrust.urn(100_301), PackTrust.urn(100_302), PackTrust.urn(100_303)]

    static func line(_ urn: URN, _ pupils: Int, _ fsm: Double) -> SchoolCensus {
        SchoolCensus(
            urn: urn, year: year, schoolType: "State-funded primary", phase: .primary, pupils: pupils,
            disadvantagedPercent: fsm, ealPercent: 10, senSupportPercent: 12, ehcpPercent: 2)
    }

    static let census = [
        line(PackTrust.ash, 200, 25), line(others[0], 210, 24), line(others[1], 190, 26),
        line(others[2], 200, 25),
    ]

    static let outcomes = SchoolOutcomes(
        drop: summer,
        [
            SchoolOutcome(urn: others[0], drop: summer, kpi: .attendanceRate, value: 97.0),
            SchoolOutcome(urn: others[1], drop: summer, kpi: .attendanceRate, value: 94.0),
            SchoolOutcome(urn: others[2], drop: summer, kpi: .attendanceRate, value: 93.0),
            SchoolOutcome(urn: others[0], drop: summer, kpi: .persistentAbsenceRate, value: 8.0),
            SchoolOutcome(urn: others[1], drop: summer, kpi: .persistentAbsenceRate, value: 12.0),
            SchoolOutcome(urn: others[2], drop: summer, kpi: .persistentAbsenceRate, value: 16.0),
        ])

    static let html = BoardPack(
        data: PackTrust.data, config: RatingConfig(),
        request: PackRequest(
            drop: PackTrust.now, academies: nil, trustName: "Test Learning Trust",
            marking: "OFFICIAL-SENSITIVE",
            date: "1 December 2026"),
        similar: { _ in
            SimilarComparisons(census: census, academies: PackTrust.academies, outcomes: [outcomes], count: 3)
        }
    ).html()

    @Test("Ash & Oak's all-pupils row ranks attendance and persistent absence among its similar schools")
    func ranked() {
        let page = PackHTML(text: Self.html).section("academy-100201")
        // Each measure with a rank has a "Similar" column: two columns of five.
        #expect(page.text.contains("<th colspan=\"5\" class=\"measure\">Attendance %</th>"))
        #expect(page.text.contains("<th colspan=\"5\" class=\"measure\">Persistent absence %</th>"))
        let attendance: String =
            "<tr><td>All pupils</td><td class=\"n\">200</td>"
            + "<td class=\"n\">95.0</td><td class=\"r-green\">● GREEN</td><td class=\"n\">94.0</td>"
            + "<td class=\"n\">+1.0 better</td><td class=\"similar\">2nd best of 4</td>"
        let absence: String =
            "<td class=\"n\">10.0</td><td class=\"r-green\">● GREEN</td><td class=\"n\">16.0</td>"
            + "<td class=\"n\">-3.2 better</td><td class=\"similar\">2nd best of 4</td></tr>"
        #expect(page.rows("All pupils").first == attendance + absence)
        // A group's row has no rank (the DfE publishes them for all pupils only): an empty cell.
        #expect(page.rows("Disadvantaged").first?.contains("<td class=\"similar\"></td>") == true)
        #expect(page.text.contains("Similar: the rank among its similar schools, 1st the best."))
    }

    @Test("Beech, with no similar schools, has no Similar column")
    func unranked() {
        let page = PackHTML(text: Self.html).section("academy-100202")
        #expect(page.text.contains("<th colspan=\"4\" class=\"measure\">Attendance %</th>"))
        #expect(!page.text.contains("class=\"similar\""))
        #expect(!page.text.contains("Similar: the rank"))
    }
}

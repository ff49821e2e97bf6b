import Foundation
import Testing

@testable import Metrics

/// The report's similar-schools columns: filled from the group's published figures for an
/// academy's own figure, empty for the trust and for a measure no school has a figure for.
@Suite("The report's similar-schools columns")
struct SimilarReportColumnsTests {
    typealias F = BenchmarkFixtures
    let summer = DataDrop(year: AcademicYear(2022), term: .summer)

    private func line(_ urn: Int, pupils: Int, disadvantaged: Double) -> SchoolCensus {
        SchoolCensus(
            urn: Fixtures.urn(urn), year: summer.year, schoolType: "State-funded secondary",
            phase: .secondary,
            pupils: pupils, disadvantagedPercent: disadvantaged, ealPercent: 10, senSupportPercent: 12,
            ehcpPercent: 2)
    }

    /// Academy 100001 (200 pupils, 2,250 of 50,000 sessions missed → attendance 95.5; 30
    /// persistently absent → 15.0). With groups of 3, its similar schools are 100002–100004
    /// (disadvantaged 22, 18, 30 against its 20; 100005 has 60).
    var report: TrustReport {
        let rater = F.rater(
            [F.academy(100_001, .secondary)],
            [F.attendance(100_001, summer, pupils: 200, possible: 50_000, absent: 2_250, persistent: 30)], [],
            drop: summer)
        let census = [
            line(100_001, pupils: 1_000, disadvantaged: 20), line(100_002, pupils: 900, disadvantaged: 22),
            line(100_003, pupils: 1_100, disadvantaged: 18), line(100_004, pupils: 1_200, disadvantaged: 30),
            line(100_005, pupils: 1_000, disadvantaged: 60),
        ]
        var outcomes = SchoolOutcomes(drop: summer)
        for (urn, attendance, persistent) in [
            (100_002, 95.0, 10.0), (100_003, 96.0, 12.0), (100_004, 94.0, 14.0),
        ] {
            outcomes.add(
                SchoolOutcome(urn: Fixtures.urn(urn), drop: summer, kpi: .attendanceRate, value: attendance))
            outcomes.add(
                SchoolOutcome(
                    urn: Fixtures.urn(urn), drop: summer, kpi: .persistentAbsenceRate, value: persistent))
        }
        let similar = SimilarComparisons(
            census: census, academies: rater.calculator.data.academies, outcomes: [outcomes], count: 3)
        return TrustReport(rater, trustName: "Test Trust", similar: similar)
    }

    @Test func csvFillsTheColumnsForFiguresWithSchoolLevelData() {
        let lines = report.write(.csv).split(separator: "\n").map(String.init)
        #expect(
            lines.first?.hasSuffix(
                ",benchmark_period,similar_median,similar_rank,similar_count,similar_expected") == true)
        func row(_ urn: String, _ kpi: String) -> String? {
            lines.first { $0.hasPrefix("2022/23-summer,\(urn),") && $0.contains(",\(kpi),all,all,") }
        }
        // Attendance 95.5 among 94.0, 95.0, 96.0: median 95.0; only 96.0 is better, so 2nd of 4.
        #expect(row("100001", "attendance_rate")?.hasSuffix(",95.0,2,4,") == true)
        // Persistent absence 15.0 among 10.0, 12.0, 14.0 (lower is better): median 12.0, 4th of 4.
        #expect(row("100001", "persistent_absence_rate")?.hasSuffix(",12.0,4,4,") == true)
        // No school's absence rate is given: empty.
        #expect(row("100001", "absence_rate")?.hasSuffix(",,,") == true)
        // The trust: empty.
        #expect(row("trust", "attendance_rate")?.hasSuffix(",,,") == true)
    }

    @Test func textAndJSONSayTheSame() throws {
        let text = report.write(.text)
        #expect(text.contains("Similar schools"))
        #expect(text.contains("2nd best of 4 similar schools"))
        #expect(text.contains("4th best of 4 similar schools"))
        let json = report.write(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let attendance = try #require(
            rows.first { $0["urn"] as? String == "100001" && $0["kpi"] as? String == "attendance_rate" })
        #expect(attendance["similar_median"] as? Double == 95)
        #expect(attendance["similar_rank"] as? Int == 2)
        #expect(attendance["similar_count"] as? Int == 4)
        let trust = try #require(rows.first { $0["urn"] as? String == "trust" })
        #expect(trust["similar_rank"] is NSNull)
    }
}

import Foundation
import Testing

@testable import Metrics

@Suite("The report's benchmark_period column")
struct BenchmarkPeriodColumnTests {
    typealias F = BenchmarkFixtures
    let spring = DataDrop(year: AcademicYear(2024), term: .spring)

    /// A primary school (200 pupils, 2,500 of 50,000 sessions missed → attendance 95.0,
    /// absence 5.0; 30 persistently absent → 15.0) and a special school with no
    /// special-school figure, in 2024/25 spring; the primary figures of autumn and spring
    /// 2024/25 and persistent absence of the 2023/24 full year.
    var report: TrustReport {
        let rater = F.rater(
            [F.academy(100_001, .primary), F.academy(100_002, .special)],
            [
                F.attendance(100_001, spring, pupils: 200, possible: 50_000, absent: 2_500, persistent: 30),
                F.attendance(100_002, spring, pupils: 40, possible: 8_000, absent: 900, persistent: 12),
            ],
            [
                F.bench(.attendanceRate, 2024, .spring, phase: .primary, 94.84),
                F.bench(.absenceRate, 2024, .spring, phase: .primary, 5.16),
                F.bench(.persistentAbsenceRate, 2023, phase: .primary, 14.56),
            ],
            drop: spring)
        return TrustReport(rater, trustName: "Test Trust")
    }

    @Test func csvHasTheColumnLast() {
        let lines = report.write(.csv).split(separator: "\n").map(String.init)
        #expect(
            lines.first
                == "drop,urn,academy,phase,kpi,pupil_group,year_group,value,rating,benchmark,previous,change,"
                + "cohort,national_percentile,target,approximate,benchmark_period,similar_median,similar_rank,"
                + "similar_count,similar_expected")
        // The similar-schools columns come after benchmark_period, empty here: no school-level
        // national figures are given.
        // 95.0 ≥ 94.84, shown 94.8: green, against the same period; 15.0 ≤ 14.56 + 5, shown
        // 14.6 + 5: amber, against the previous full year.
        #expect(
            lines.contains(
                "2024/25-spring,100001,Academy 100001,primary,attendance_rate,all,all,95.0,green,94.8,,,200,,,false,"
                    + "2024/25 autumn and spring,,,,"))
        #expect(
            lines.contains(
                "2024/25-spring,100001,Academy 100001,primary,persistent_absence_rate,all,all,15.0,amber,14.6,,,"
                    + "200,,,false,2023/24 full year,,,,"))
        // No benchmark: the special school's figure, and the trust's, which would need it.
        // 900 of 8,000 missed → 11.25 → 11.3.
        #expect(
            lines.contains(
                "2024/25-spring,100002,Academy 100002,special,absence_rate,all,all,11.3,none,,,,40,,,false,,,,,"
            ))
        #expect(
            lines.contains {
                $0.hasPrefix("2024/25-spring,trust,Test Trust,all,absence_rate,")
                    && $0.hasSuffix(",false,,,,,")
            })
    }

    @Test func jsonHasTheKeyOnEveryRow() throws {
        let json = report.write(.json)
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        let attendance = try #require(
            rows.first { $0["urn"] as? String == "100001" && $0["kpi"] as? String == "attendance_rate" })
        #expect(attendance["benchmark_period"] as? String == "2024/25 autumn and spring")
        let special = try #require(
            rows.first { $0["urn"] as? String == "100002" && $0["kpi"] as? String == "absence_rate" })
        #expect(special.keys.contains("benchmark_period"))
        #expect(special["benchmark_period"] is NSNull)
        // And it reads back.
        let decoded = try JSONDecoder().decode([ReportRow].self, from: Data(json.utf8))
        #expect(
            decoded.first { $0.urn == "100001" && $0.kpi == "attendance_rate" }?.benchmarkPeriod
                == "2024/25 autumn and spring")
    }

    @Test func textAndMarkdownShowIt() {
        let markdown = report.write(.markdown)
        #expect(markdown.contains("| Cohort | Better than | Target | Benchmark period |"))
        #expect(markdown.contains("| 200 |  |  | 2024/25 autumn and spring |"))
        let text = report.write(.text)
        #expect(text.contains("Benchmark period"))
        #expect(text.contains("2023/24 full year"))
    }
}

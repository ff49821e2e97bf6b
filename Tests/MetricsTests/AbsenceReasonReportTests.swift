import Foundation
import Testing

@testable import Metrics

/// The reasons for absence in `report`, in every format.
@Suite("Absence by reason in the report")
struct AbsenceReasonReportTests {
    /// Oak Primary, autumn 2023/24: 100,000 possible sessions, 4,000 missed for illness
    /// (4.0%) and 300 for no reason yet (0.3%). Illness has a built-in national figure for
    /// the autumn term 2023/24 (3.5%, the DfE's release): it is shown beside the figure,
    /// which is not rated, since no built-in rule rates a reason.
    var report: TrustReport {
        let oak = Fixtures.urn(900_101)
        let drop = DataDrop(year: AcademicYear(2023), term: .autumn)
        var reasons = AttendanceReasons()
        reasons[.illness] = 4_000
        reasons[.noReasonYet] = 300
        let data = TrustData(
            academies: [Academy(urn: oak, name: "Oak Primary", phase: .primary)],
            attendance: [
                AttendanceRecord(
                    urn: oak, drop: drop, pupils: 400, possibleSessions: 100_000, absentSessions: 6_000,
                    persistentAbsentees: 40, reasons: reasons)
            ],
            benchmarks: BuiltInBenchmarks.all)
        return TrustReport(DropRater(data: data, drop: drop, config: RatingConfig()), trustName: "Test Trust")
    }

    @Test func csvHasARowPerReasonGiven() {
        let lines = report.write(.csv).split(separator: "\n").map(String.init)
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "2023/24-autumn,900101,Oak Primary,primary,illness_absence_rate,all,all,4.0,none,3.5,")
            }, "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix(
                    "2023/24-autumn,900101,Oak Primary,primary,no_reason_yet_absence_rate,all,all,0.3,none,,")
            }, "\(lines)")
        #expect(
            lines.contains {
                $0.hasPrefix("2023/24-autumn,trust,Test Trust,all,illness_absence_rate,all,all,4.0,")
            })
        // Reasons not given have no row, rather than a row of 0.
        #expect(!lines.contains { $0.contains("late_absence_rate") })
    }

    @Test(arguments: [ReportFormat.text, .markdown, .json])
    func everyFormatHasTheReasons(format: ReportFormat) {
        let text = report.write(format)
        #expect(text.contains("illness_absence_rate"), "\(text)")
        #expect(text.contains("no_reason_yet_absence_rate"), "\(text)")
        #expect(!text.contains("late_absence_rate"), "\(text)")
    }
}

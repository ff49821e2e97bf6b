import Testing

@testable import Metrics

@Suite("Built-in national figures: sourced, unique, never from the pandemic years")
struct BuiltInBenchmarkTests {
    let all = BuiltInBenchmarks.all

    func figure(_ kpi: KPI, _ year: Int, _ term: Term, _ phase: Phase?) -> Benchmark? {
        all.first { $0.kpi == kpi && $0.year == AcademicYear(year) && $0.term == term && $0.phase == phase }
    }

    @Test func everyFigureHasASourceAndOneKey() {
        #expect(all.allSatisfy { ($0.source ?? "").hasPrefix("DfE ") })
        let keys = all.map { "\($0.kpi.key)|\($0.drop)|\($0.phase?.rawValue ?? "")|\($0.group)" }
        #expect(Set(keys).count == keys.count)
        #expect(!all.contains { BenchmarkMatcher.isPandemic($0.year) })
    }

    @Test func attendanceIsAlwaysOneHundredMinusAbsence() {
        let absence = all.filter { $0.kpi == .absenceRate }
        #expect(absence.count == all.filter { $0.kpi == .attendanceRate }.count)
        for figure in absence {
            let attendance = self.figure(.attendanceRate, figure.year.start, figure.term, figure.phase)
            #expect(attendance.map { ($0.value + figure.value) * 100 } == 10_000, "\(figure.drop)")
        }
    }

    /// Figures as the releases print them (the report lists where each was confirmed).
    @Test func theReleasesFigures() {
        // Autumn term 2024/25: "decreased in special schools from 12.71% to 12.55%".
        #expect(figure(.absenceRate, 2024, .autumn, .special)?.value == 12.55)
        #expect(figure(.absenceRate, 2023, .autumn, .special)?.value == 12.71)
        #expect(
            figure(.absenceRate, 2024, .autumn, .special)?.source
                == "DfE Pupil absence in schools in England: autumn term 2024/25")
        // Autumn and spring 2024/25: "in primary schools, from 5.40% to 5.16%".
        #expect(figure(.absenceRate, 2024, .spring, .primary)?.value == 5.16)
        #expect(figure(.attendanceRate, 2024, .spring, .primary)?.value == 94.84)
        // 2023/24: "remained stable in special schools at 13.0%".
        #expect(figure(.absenceRate, 2023, .summer, .special)?.value == 13.0)
        #expect(figure(.absenceRate, 2022, .summer, .special)?.value == 13.0)
        // 2018/19, the national rows of england_abs_2018-19.csv: NAT,SPE,,10.1,28.8.
        #expect(figure(.absenceRate, 2018, .summer, .special)?.value == 10.1)
        #expect(figure(.persistentAbsenceRate, 2018, .summer, .special)?.value == 28.8)
        // 2021/22: persistent absence 22.5%, severe 1.7%.
        #expect(figure(.persistentAbsenceRate, 2021, .summer, nil)?.value == 22.5)
        #expect(figure(.severeAbsenceRate, 2021, .summer, nil)?.value == 1.7)
        // Not confirmed, so not built in: any 2024/25 full-year absence figure.
        #expect(
            !all.contains {
                $0.kpi.isAttendance && $0.drop == DataDrop(year: AcademicYear(2024), term: .summer)
            })
    }
}

/// The national figures for England that ship with trustboard.
///
/// Every figure is a published DfE figure for state-funded schools, as listed in the
/// project's domain notes; none is estimated. New stores hold these until a user
/// ingests benchmarks of their own with the same key, which then replace them.
/// Attendance rates are 100 minus the published overall absence rate.
public enum BuiltInBenchmarks {
    static let ks2Source = "DfE KS2 performance tables"
    static let absenceSource = "DfE Pupil absence in schools in England"
    static let ks4Source = "DfE KS4 performance tables"

    /// Every built-in benchmark.
    public static let all: [Benchmark] = ks2 + absence + ks4

    private static func figures(
        _ kpi: KPI, _ values: [(Int, Double)], phase: Phase? = nil, group: PupilGroup = .all, source: String,
        note: String = ""
    ) -> [Benchmark] {
        values.map { year, value in
            Benchmark(
                kpi: kpi, year: AcademicYear(year), term: .summer, phase: phase, group: group, value: value,
                source: "\(source) \(AcademicYear(year))\(note)")
        }
    }

    private static let fromAbsence = " (100 minus overall absence)"

    private static let ks2: [Benchmark] =
        figures(
            .expected(.rwm), [(2016, 61), (2017, 64), (2018, 65), (2022, 60), (2023, 61), (2024, 62)],
            source: ks2Source)
        + figures(
            .greaterDepth(.rwm), [(2016, 9), (2017, 10), (2018, 11), (2022, 8), (2023, 8)], source: ks2Source)
        + figures(
            .expected(.rwm), [(2016, 47), (2017, 51), (2018, 51), (2022, 44), (2023, 45), (2024, 47)],
            group: .disadvantaged, source: ks2Source)
        + figures(
            .expected(.rwm), [(2016, 67), (2017, 70), (2018, 71), (2022, 66), (2023, 67), (2024, 69)],
            group: .notDisadvantaged, source: ks2Source)

    private static let allSchoolsAbsence: [(Int, Double)] = [
        (2016, 4.7), (2017, 4.8), (2018, 4.7), (2022, 7.4), (2023, 7.1),
    ]
    private static let primaryAbsence: [(Int, Double)] = [
        (2017, 4.2), (2018, 4.0), (2022, 5.90), (2023, 5.53),
    ]
    private static let secondaryAbsence: [(Int, Double)] = [
        (2017, 5.5), (2018, 5.5), (2022, 9.01), (2023, 8.89),
    ]

    private static func attendance(_ absence: [(Int, Double)]) -> [(Int, Double)] {
        absence.map { ($0.0, ((100 - $0.1) * 100).rounded() / 100) }
    }

    private static let absence: [Benchmark] =
        figures(.absenceRate, allSchoolsAbsence, source: absenceSource)
        + figures(.absenceRate, primaryAbsence, phase: .primary, source: absenceSource)
        + figures(.absenceRate, secondaryAbsence, phase: .secondary, source: absenceSource)
        + figures(.attendanceRate, attendance(allSchoolsAbsence), source: absenceSource, note: fromAbsence)
        + figures(
            .attendanceRate, attendance(primaryAbsence), phase: .primary, source: absenceSource,
            note: fromAbsence)
        + figures(
            .attendanceRate, attendance(secondaryAbsence), phase: .secondary, source: absenceSource,
            note: fromAbsence)
        + figures(
            .persistentAbsenceRate, [(2016, 10.8), (2017, 11.2), (2018, 10.9), (2022, 21.2), (2023, 20.0)],
            source: absenceSource)
        + figures(
            .persistentAbsenceRate, [(2018, 8.2), (2022, 16.21), (2023, 14.56)], phase: .primary,
            source: absenceSource)
        + figures(
            .persistentAbsenceRate, [(2018, 13.7), (2022, 26.52), (2023, 25.56)], phase: .secondary,
            source: absenceSource)
        + figures(.severeAbsenceRate, [(2022, 2.0), (2023, 2.3)], source: absenceSource)

    private static let ks4: [Benchmark] =
        figures(.score(.attainment8), [(2018, 46.7), (2022, 46.2), (2023, 46.1)], source: ks4Source)
        + figures(.score(.attainment8), [(2024, 46.0)], source: ks4Source, note: " (provisional)")
        + figures(.expected(.englishMaths), [(2018, 64.6), (2022, 64.8)], source: ks4Source)
        + figures(.greaterDepth(.englishMaths), [(2022, 45.0), (2023, 46.2)], source: ks4Source)
}

/// The national figures for England given in `docs/domain.md`, as rows of `benchmarks.csv`, and a
/// few clearly fictional local-authority figures for Northshire.
///
/// Only figures in that table appear; a cell it leaves blank is left out, never estimated.
/// `attendance_rate` is 100 minus the published overall absence. All rows are whole-year figures,
/// written with term `summer`.
enum NationalBenchmarks {
    /// Every benchmark row, national first.
    static let rows: [Benchmark] = keyStage2 + absence + keyStage4 + northshire

    private static let keyStage2: [Benchmark] =
        [
            ("2016/17", 61, 9, 47, 67), ("2017/18", 64, 10, 51, 70), ("2018/19", 65, 11, 51, 71),
            ("2022/23", 60, 8, 44, 66), ("2023/24", 61, 8, 45, 67),
        ].flatMap { year, expected, higher, disadvantaged, others in
            let source = "DfE KS2 performance tables \(year)"
            return [
                Benchmark(
                    academicYear: year, measure: "rwm_expected", value: expected, places: 0, source: source),
                Benchmark(
                    academicYear: year, measure: "rwm_greater_depth", value: higher, places: 0, source: source
                ),
                Benchmark(
                    academicYear: year, measure: "rwm_expected", pupilGroup: "disadvantaged",
                    value: disadvantaged,
                    places: 0, source: source),
                Benchmark(
                    academicYear: year, measure: "rwm_expected", pupilGroup: "not_disadvantaged",
                    value: others,
                    places: 0, source: source),
            ]
        } + [
            Benchmark(
                academicYear: "2024/25", measure: "rwm_expected", value: 62, places: 0,
                source: "DfE KS2 performance tables 2024/25"),
            Benchmark(
                academicYear: "2024/25", measure: "rwm_expected", pupilGroup: "disadvantaged", value: 47,
                places: 0,
                source: "DfE KS2 performance tables 2024/25"),
            Benchmark(
                academicYear: "2024/25", measure: "rwm_expected", pupilGroup: "not_disadvantaged", value: 69,
                places: 0, source: "DfE KS2 performance tables 2024/25"),
        ]

    /// Absence figures: (year, phase, overall absence, its decimal places, persistent absence,
    /// its places, severe absence, its places); a missing figure is `nil`.
    private static let absenceFigures: [(String, String, Int, Int, Int?, Int, Int?, Int)] = [
        ("2016/17", "", 47, 1, 108, 1, nil, 0),
        ("2017/18", "", 48, 1, 112, 1, nil, 0),
        ("2017/18", "primary", 42, 1, nil, 0, nil, 0),
        ("2017/18", "secondary", 55, 1, nil, 0, nil, 0),
        ("2018/19", "", 47, 1, 109, 1, nil, 0),
        ("2018/19", "primary", 40, 1, 82, 1, nil, 0),
        ("2018/19", "secondary", 55, 1, 137, 1, nil, 0),
        ("2022/23", "", 74, 1, 212, 1, 20, 1),
        ("2022/23", "primary", 590, 2, 1621, 2, nil, 0),
        ("2022/23", "secondary", 901, 2, 2652, 2, nil, 0),
        ("2023/24", "", 71, 1, 200, 1, 23, 1),
        ("2023/24", "primary", 553, 2, 1456, 2, nil, 0),
        ("2023/24", "secondary", 889, 2, 2556, 2, nil, 0),
    ]

    private static let absence: [Benchmark] = absenceFigures.flatMap { figure in
        let (year, phase, overall, overallPlaces, persistent, persistentPlaces, severe, severePlaces) = figure
        let source = "DfE Pupil absence in schools in England \(year)"
        var hundred = 100
        for _ in 0..<overallPlaces {
            hundred *= 10
        }
        var rows = [
            Benchmark(
                academicYear: year, measure: "absence_rate", phase: phase, value: overall,
                places: overallPlaces,
                source: source),
            Benchmark(
                academicYear: year, measure: "attendance_rate", phase: phase, value: hundred - overall,
                places: overallPlaces, source: source + " (100 minus overall absence)"),
        ]
        if let persistent {
            rows.append(
                Benchmark(
                    academicYear: year, measure: "persistent_absence_rate", phase: phase, value: persistent,
                    places: persistentPlaces, source: source))
        }
        if let severe {
            rows.append(
                Benchmark(
                    academicYear: year, measure: "severe_absence_rate", phase: phase, value: severe,
                    places: severePlaces, source: source))
        }
        return rows
    }

    private static let keyStage4: [Benchmark] = [
        Benchmark(
            academicYear: "2018/19", measure: "attainment8", value: 467, places: 1,
            source: "DfE KS4 performance tables 2018/19"),
        Benchmark(
            academicYear: "2018/19", measure: "english_maths_expected", value: 646, places: 1,
            source: "DfE KS4 performance tables 2018/19"),
        Benchmark(
            academicYear: "2022/23", measure: "attainment8", value: 462, places: 1,
            source: "DfE KS4 performance tables 2022/23"),
        Benchmark(
            academicYear: "2022/23", measure: "english_maths_expected", value: 648, places: 1,
            source: "DfE KS4 performance tables 2022/23"),
        Benchmark(
            academicYear: "2022/23", measure: "english_maths_greater_depth", value: 450, places: 1,
            source: "DfE KS4 performance tables 2022/23"),
        Benchmark(
            academicYear: "2023/24", measure: "attainment8", value: 461, places: 1,
            source: "DfE KS4 performance tables 2023/24"),
        Benchmark(
            academicYear: "2023/24", measure: "english_maths_greater_depth", value: 462, places: 1,
            source: "DfE KS4 performance tables 2023/24"),
        Benchmark(
            academicYear: "2024/25", measure: "attainment8", value: 460, places: 1,
            source: "DfE KS4 performance tables 2024/25 (provisional)"),
    ]

    private static let northshire: [Benchmark] = [
        ("2023/24", "rwm_expected", "primary", 59, 0), ("2024/25", "rwm_expected", "primary", 60, 0),
        ("2023/24", "absence_rate", "primary", 58, 1), ("2024/25", "absence_rate", "primary", 57, 1),
        ("2023/24", "absence_rate", "secondary", 93, 1), ("2024/25", "absence_rate", "secondary", 91, 1),
        ("2023/24", "persistent_absence_rate", "primary", 160, 1),
        ("2024/25", "persistent_absence_rate", "primary", 154, 1),
        ("2023/24", "persistent_absence_rate", "secondary", 271, 1),
        ("2024/25", "persistent_absence_rate", "secondary", 264, 1),
        ("2023/24", "attainment8", "secondary", 448, 1), ("2024/25", "attainment8", "secondary", 451, 1),
    ].map { year, measure, phase, value, places in
        Benchmark(
            academicYear: year, measure: measure, phase: phase, scope: "la:Northshire", value: value,
            places: places, source: "fictional sample figures")
    }
}

/// The national figures for England that the sample's drops (2022/23 to 2024/25) can be rated
/// against, as rows of `benchmarks.csv`, and a few clearly fictional local-authority figures for
/// Northshire.
///
/// A figure is rated against a benchmark of its own academic year or the year before, so the
/// national rows are those of 2021/22 to 2024/25. Each is one of the figures built into trustboard
/// (`BuiltInBenchmarks` in Metrics), with the same value and the DfE release it was confirmed in;
/// a figure not confirmed there is left out, never estimated (2024/25 has no full-year absence,
/// no persistent or severe absence and no KS4 grade 4+ or 5+ in English and maths).
/// `attendance_rate` is 100 minus the published overall absence. Absence is year to date, as the
/// DfE publishes it: term `autumn` is the autumn term, `spring` autumn and spring, `summer` the
/// whole year. Attainment rows are the year's results, with term `summer`.
enum NationalBenchmarks {
    /// Every benchmark row, national first.
    static let rows: [Benchmark] = keyStage2 + absence + keyStage4 + northshire

    private static let ks2Source = "DfE KS2 performance tables"
    private static let ks4Source = "DfE KS4 performance tables"
    private static let fullYear = "DfE Pupil absence in schools in England"
    private static let autumn = "DfE Pupil absence in schools in England: autumn term"
    private static let autumnSpring = "DfE Pupil absence in schools in England: autumn and spring terms"

    /// KS2 RWM, whole percentages: (year, expected, higher standard, disadvantaged pupils at the
    /// expected standard, other pupils at it); nil where the figure is not confirmed.
    private static let keyStage2Figures: [(String, Int, Int?, Int, Int)] = [
        ("2022/23", 60, 8, 44, 66), ("2023/24", 61, 8, 45, 67), ("2024/25", 62, nil, 47, 69),
    ]

    private static let keyStage2: [Benchmark] = keyStage2Figures.flatMap {
        year, expected, higher, disadvantaged, others in
        let source = "\(ks2Source) \(year)"
        var rows = [
            Benchmark(academicYear: year, measure: "rwm_expected", value: expected, places: 0, source: source)
        ]
        if let higher {
            rows.append(
                Benchmark(
                    academicYear: year, measure: "rwm_greater_depth", value: higher, places: 0, source: source
                ))
        }
        rows += [
            Benchmark(
                academicYear: year, measure: "rwm_expected", pupilGroup: "disadvantaged",
                value: disadvantaged,
                places: 0, source: source),
            Benchmark(
                academicYear: year, measure: "rwm_expected", pupilGroup: "not_disadvantaged", value: others,
                places: 0, source: source),
        ]
        return rows
    }

    /// An absence figure as published: year, term, KPI key, phase (empty for all schools), the
    /// value as a whole number of units of 10^-places, its decimal places, and the release it
    /// was confirmed in (a later release gives the year before's figure too).
    private typealias Published = (
        year: String, term: Term, measure: String, phase: String, value: Int, places: Int, source: String
    )

    private static let absenceFigures: [Published] = [
        ("2021/22", .summer, "absence_rate", "", 76, 1, "\(fullYear) 2022/23 release"),
        ("2022/23", .summer, "absence_rate", "", 74, 1, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "absence_rate", "", 71, 1, "\(fullYear) 2023/24"),
        ("2022/23", .summer, "absence_rate", "primary", 590, 2, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "absence_rate", "primary", 553, 2, "\(fullYear) 2023/24"),
        ("2022/23", .summer, "absence_rate", "secondary", 901, 2, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "absence_rate", "secondary", 889, 2, "\(fullYear) 2023/24"),
        ("2022/23", .summer, "absence_rate", "special", 130, 1, "\(fullYear) 2023/24 release"),
        ("2023/24", .summer, "absence_rate", "special", 130, 1, "\(fullYear) 2023/24"),
        ("2021/22", .summer, "persistent_absence_rate", "", 225, 1, "\(fullYear) 2021/22"),
        ("2022/23", .summer, "persistent_absence_rate", "", 212, 1, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "persistent_absence_rate", "", 200, 1, "\(fullYear) 2023/24"),
        ("2021/22", .summer, "persistent_absence_rate", "primary", 177, 1, "\(fullYear) 2021/22"),
        ("2022/23", .summer, "persistent_absence_rate", "primary", 1621, 2, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "persistent_absence_rate", "primary", 1456, 2, "\(fullYear) 2023/24"),
        ("2021/22", .summer, "persistent_absence_rate", "secondary", 277, 1, "\(fullYear) 2021/22"),
        ("2022/23", .summer, "persistent_absence_rate", "secondary", 2652, 2, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "persistent_absence_rate", "secondary", 2556, 2, "\(fullYear) 2023/24"),
        ("2021/22", .summer, "severe_absence_rate", "", 17, 1, "\(fullYear) 2021/22"),
        ("2022/23", .summer, "severe_absence_rate", "", 20, 1, "\(fullYear) 2022/23"),
        ("2023/24", .summer, "severe_absence_rate", "", 23, 1, "\(fullYear) 2023/24"),
        ("2021/22", .summer, "severe_absence_rate", "primary", 6, 1, "\(fullYear) 2021/22"),
        ("2021/22", .summer, "severe_absence_rate", "secondary", 27, 1, "\(fullYear) 2021/22"),
        ("2021/22", .autumn, "absence_rate", "", 69, 1, "\(autumn) 2021/22"),
        ("2022/23", .autumn, "absence_rate", "", 75, 1, "\(autumn) 2023/24 release"),
        ("2023/24", .autumn, "absence_rate", "", 669, 2, "\(autumn) 2024/25 release"),
        ("2024/25", .autumn, "absence_rate", "", 638, 2, "\(autumn) 2024/25"),
        ("2022/23", .autumn, "absence_rate", "primary", 63, 1, "\(autumn) 2023/24 release"),
        ("2023/24", .autumn, "absence_rate", "primary", 525, 2, "\(autumn) 2024/25 release"),
        ("2024/25", .autumn, "absence_rate", "primary", 507, 2, "\(autumn) 2024/25"),
        ("2022/23", .autumn, "absence_rate", "secondary", 88, 1, "\(autumn) 2023/24 release"),
        ("2023/24", .autumn, "absence_rate", "secondary", 815, 2, "\(autumn) 2024/25 release"),
        ("2024/25", .autumn, "absence_rate", "secondary", 766, 2, "\(autumn) 2024/25"),
        ("2022/23", .autumn, "absence_rate", "special", 134, 1, "\(autumn) 2023/24 release"),
        ("2023/24", .autumn, "absence_rate", "special", 1271, 2, "\(autumn) 2024/25 release"),
        ("2024/25", .autumn, "absence_rate", "special", 1255, 2, "\(autumn) 2024/25"),
        ("2021/22", .autumn, "persistent_absence_rate", "", 235, 1, "\(autumn) 2021/22"),
        ("2021/22", .autumn, "persistent_absence_rate", "primary", 195, 1, "\(autumn) 2021/22"),
        ("2021/22", .autumn, "severe_absence_rate", "", 14, 1, "\(autumn) 2021/22"),
        ("2021/22", .spring, "absence_rate", "", 74, 1, "\(autumnSpring) 2022/23 release"),
        ("2022/23", .spring, "absence_rate", "", 73, 1, "\(autumnSpring) 2022/23"),
        ("2023/24", .spring, "absence_rate", "", 693, 2, "\(autumnSpring) 2024/25 release"),
        ("2024/25", .spring, "absence_rate", "", 663, 2, "\(autumnSpring) 2024/25"),
        ("2022/23", .spring, "absence_rate", "primary", 60, 1, "\(autumnSpring) 2023/24 release"),
        ("2023/24", .spring, "absence_rate", "primary", 540, 2, "\(autumnSpring) 2024/25 release"),
        ("2024/25", .spring, "absence_rate", "primary", 516, 2, "\(autumnSpring) 2024/25"),
        ("2022/23", .spring, "absence_rate", "secondary", 87, 1, "\(autumnSpring) 2023/24 release"),
        ("2023/24", .spring, "absence_rate", "secondary", 849, 2, "\(autumnSpring) 2024/25 release"),
        ("2024/25", .spring, "absence_rate", "secondary", 809, 2, "\(autumnSpring) 2024/25"),
        ("2022/23", .spring, "absence_rate", "special", 132, 1, "\(autumnSpring) 2023/24 release"),
        ("2023/24", .spring, "absence_rate", "special", 1295, 2, "\(autumnSpring) 2024/25 release"),
        ("2024/25", .spring, "absence_rate", "special", 1277, 2, "\(autumnSpring) 2024/25"),
        ("2021/22", .spring, "persistent_absence_rate", "", 223, 1, "\(autumnSpring) 2022/23 release"),
        ("2022/23", .spring, "persistent_absence_rate", "", 212, 1, "\(autumnSpring) 2022/23"),
        ("2021/22", .spring, "severe_absence_rate", "", 15, 1, "\(autumnSpring) 2022/23 release"),
        ("2022/23", .spring, "severe_absence_rate", "", 19, 1, "\(autumnSpring) 2022/23"),
    ]

    /// Each absence figure as a row, and each overall absence rate also as attendance.
    private static let absence: [Benchmark] = absenceFigures.flatMap { figure in
        let row = Benchmark(
            academicYear: figure.year, term: figure.term, measure: figure.measure, phase: figure.phase,
            value: figure.value, places: figure.places, source: figure.source)
        guard figure.measure == "absence_rate" else { return [row] }
        var hundred = 100
        for _ in 0..<figure.places {
            hundred *= 10
        }
        var attendance = row
        attendance.measure = "attendance_rate"
        attendance.value = hundred - figure.value
        attendance.source = figure.source + " (100 minus overall absence)"
        return [row, attendance]
    }

    private static let keyStage4: [Benchmark] = [
        Benchmark(
            academicYear: "2022/23", measure: "attainment8", value: 462, places: 1,
            source: "\(ks4Source) 2022/23"),
        Benchmark(
            academicYear: "2023/24", measure: "attainment8", value: 461, places: 1,
            source: "\(ks4Source) 2023/24"),
        Benchmark(
            academicYear: "2024/25", measure: "attainment8", value: 460, places: 1,
            source: "\(ks4Source) 2024/25 (provisional)"),
        Benchmark(
            academicYear: "2022/23", measure: "english_maths_expected", value: 648, places: 1,
            source: "\(ks4Source) 2022/23"),
        Benchmark(
            academicYear: "2022/23", measure: "english_maths_greater_depth", value: 450, places: 1,
            source: "\(ks4Source) 2022/23"),
        Benchmark(
            academicYear: "2023/24", measure: "english_maths_greater_depth", value: 462, places: 1,
            source: "\(ks4Source) 2023/24"),
    ]

    private static let northshire: [Benchmark] = [
        ("2022/23", "rwm_expected", "primary", 59, 0), ("2023/24", "rwm_expected", "primary", 60, 0),
        ("2022/23", "absence_rate", "primary", 58, 1), ("2023/24", "absence_rate", "primary", 57, 1),
        ("2022/23", "absence_rate", "secondary", 93, 1), ("2023/24", "absence_rate", "secondary", 91, 1),
        ("2022/23", "persistent_absence_rate", "primary", 160, 1),
        ("2023/24", "persistent_absence_rate", "primary", 154, 1),
        ("2022/23", "persistent_absence_rate", "secondary", 271, 1),
        ("2023/24", "persistent_absence_rate", "secondary", 264, 1),
        ("2022/23", "attainment8", "secondary", 448, 1), ("2023/24", "attainment8", "secondary", 451, 1),
    ].map { year, measure, phase, value, places in
        Benchmark(
            academicYear: year, measure: measure, phase: phase, scope: "la:Northshire", value: value,
            places: places, source: "fictional sample figures")
    }
}

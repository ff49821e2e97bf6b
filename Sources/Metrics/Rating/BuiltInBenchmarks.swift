/// The national figures for England that ship with trustboard.
///
/// Every figure is a published DfE figure for state-funded schools, as listed in the
/// project's domain notes or confirmed in the text or tables of the DfE release its
/// source names; none is estimated, and a figure not confirmed is left out. New stores
/// hold these until a user ingests benchmarks of their own with the same key, which then
/// replace them. Attendance rates are 100 minus the published overall absence rate.
/// Absence is year to date, as the DfE publishes it: a `summer` figure is the full year,
/// `spring` the autumn and spring terms, `autumn` the autumn term.
public enum BuiltInBenchmarks {
    static let ks2Source = "DfE KS2 performance tables"
    static let ks4Source = "DfE KS4 performance tables"

    /// Every built-in benchmark.
    public static let all: [Benchmark] = ks2 + absence + ks4 + reasons

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

    /// An absence figure as published: the KPI, academic year (its first calendar year),
    /// term (`autumn` for the autumn term, `spring` for autumn and spring together,
    /// `summer` for the full year), phase (nil for all schools), value and the release it
    /// was confirmed in.
    private typealias Published = (
        kpi: KPI, year: Int, term: Term, phase: Phase?, value: Double, source: String
    )

    private static let fullYear = "DfE Pupil absence in schools in England"
    private static let autumnRelease = "DfE Pupil absence in schools in England: autumn term"
    private static let autumnSpringRelease =
        "DfE Pupil absence in schools in England: autumn and spring terms"

    /// Full-year figures. 2016/17–2018/19 and 2022/23–2023/24 for all, primary and
    /// secondary schools are the domain notes' table; 2018/19 special schools too. The
    /// 2016/17–2017/18 phase and special-school persistent absence is the release's table
    /// "Absence rates by geographic level" for 2015/16 to 2020/21; severe absence for
    /// 2016/17–2021/22 and persistent absence for 2021/22 the same table for 2016/17 to
    /// 2021/22; the 2021/22 absence rate is from the 2022/23 release ("decreased to 7.4% in
    /// 2022/23 from 7.6% in 2021/22"); special schools' 2022/23 and 2023/24 absence from the
    /// 2023/24 release ("remained stable in special schools at 13.0%").
    private static let fullYearFigures: [Published] = [
        (.absenceRate, 2016, .summer, nil, 4.7, "\(fullYear) 2016/17"),
        (.absenceRate, 2017, .summer, nil, 4.8, "\(fullYear) 2017/18"),
        (.absenceRate, 2018, .summer, nil, 4.7, "\(fullYear) 2018/19"),
        (.absenceRate, 2021, .summer, nil, 7.6, "\(fullYear) 2022/23 release"),
        (.absenceRate, 2022, .summer, nil, 7.4, "\(fullYear) 2022/23"),
        (.absenceRate, 2023, .summer, nil, 7.1, "\(fullYear) 2023/24"),
        (.absenceRate, 2017, .summer, .primary, 4.2, "\(fullYear) 2017/18"),
        (.absenceRate, 2018, .summer, .primary, 4.0, "\(fullYear) 2018/19"),
        (.absenceRate, 2022, .summer, .primary, 5.90, "\(fullYear) 2022/23"),
        (.absenceRate, 2023, .summer, .primary, 5.53, "\(fullYear) 2023/24"),
        (.absenceRate, 2017, .summer, .secondary, 5.5, "\(fullYear) 2017/18"),
        (.absenceRate, 2018, .summer, .secondary, 5.5, "\(fullYear) 2018/19"),
        (.absenceRate, 2022, .summer, .secondary, 9.01, "\(fullYear) 2022/23"),
        (.absenceRate, 2023, .summer, .secondary, 8.89, "\(fullYear) 2023/24"),
        (.absenceRate, 2018, .summer, .special, 10.1, "\(fullYear) 2018/19"),
        (.absenceRate, 2022, .summer, .special, 13.0, "\(fullYear) 2023/24 release"),
        (.absenceRate, 2023, .summer, .special, 13.0, "\(fullYear) 2023/24"),
        (.persistentAbsenceRate, 2016, .summer, nil, 10.8, "\(fullYear) 2016/17"),
        (.persistentAbsenceRate, 2017, .summer, nil, 11.2, "\(fullYear) 2017/18"),
        (.persistentAbsenceRate, 2018, .summer, nil, 10.9, "\(fullYear) 2018/19"),
        (.persistentAbsenceRate, 2021, .summer, nil, 22.5, "\(fullYear) 2021/22"),
        (.persistentAbsenceRate, 2022, .summer, nil, 21.2, "\(fullYear) 2022/23"),
        (.persistentAbsenceRate, 2023, .summer, nil, 20.0, "\(fullYear) 2023/24"),
        (.persistentAbsenceRate, 2016, .summer, .primary, 8.3, "\(fullYear) 2020/21 release"),
        (.persistentAbsenceRate, 2017, .summer, .primary, 8.7, "\(fullYear) 2020/21 release"),
        (.persistentAbsenceRate, 2018, .summer, .primary, 8.2, "\(fullYear) 2018/19"),
        (.persistentAbsenceRate, 2021, .summer, .primary, 17.7, "\(fullYear) 2021/22"),
        (.persistentAbsenceRate, 2022, .summer, .primary, 16.21, "\(fullYear) 2022/23"),
        (.persistentAbsenceRate, 2023, .summer, .primary, 14.56, "\(fullYear) 2023/24"),
        (.persistentAbsenceRate, 2016, .summer, .secondary, 13.5, "\(fullYear) 2020/21 release"),
        (.persistentAbsenceRate, 2017, .summer, .secondary, 13.9, "\(fullYear) 2020/21 release"),
        (.persistentAbsenceRate, 2018, .summer, .secondary, 13.7, "\(fullYear) 2018/19"),
        (.persistentAbsenceRate, 2021, .summer, .secondary, 27.7, "\(fullYear) 2021/22"),
        (.persistentAbsenceRate, 2022, .summer, .secondary, 26.52, "\(fullYear) 2022/23"),
        (.persistentAbsenceRate, 2023, .summer, .secondary, 25.56, "\(fullYear) 2023/24"),
        (.persistentAbsenceRate, 2016, .summer, .special, 28.5, "\(fullYear) 2020/21 release"),
        (.persistentAbsenceRate, 2017, .summer, .special, 29.6, "\(fullYear) 2020/21 release"),
        (.persistentAbsenceRate, 2018, .summer, .special, 28.8, "\(fullYear) 2018/19"),
        (.severeAbsenceRate, 2016, .summer, nil, 0.7, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2017, .summer, nil, 0.8, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2018, .summer, nil, 0.8, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2021, .summer, nil, 1.7, "\(fullYear) 2021/22"),
        (.severeAbsenceRate, 2022, .summer, nil, 2.0, "\(fullYear) 2022/23"),
        (.severeAbsenceRate, 2023, .summer, nil, 2.3, "\(fullYear) 2023/24"),
        (.severeAbsenceRate, 2016, .summer, .primary, 0.3, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2017, .summer, .primary, 0.4, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2018, .summer, .primary, 0.4, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2021, .summer, .primary, 0.6, "\(fullYear) 2021/22"),
        (.severeAbsenceRate, 2016, .summer, .secondary, 1.1, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2017, .summer, .secondary, 1.2, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2018, .summer, .secondary, 1.3, "\(fullYear) 2021/22 release"),
        (.severeAbsenceRate, 2021, .summer, .secondary, 2.7, "\(fullYear) 2021/22"),
    ]

    /// Autumn-term figures, each from the release text of the autumn term named (a later
    /// release gives the previous autumn's too, to two decimals from 2024/25), or the
    /// autumn-term release's table "Absence rates by school and geographic level" for
    /// 2016/17 to 2021/22 (2021/22 persistent and severe absence).
    private static let autumnFigures: [Published] = [
        (.absenceRate, 2021, .autumn, nil, 6.9, "\(autumnRelease) 2021/22"),
        (.absenceRate, 2022, .autumn, nil, 7.5, "\(autumnRelease) 2023/24 release"),
        (.absenceRate, 2023, .autumn, nil, 6.69, "\(autumnRelease) 2024/25 release"),
        (.absenceRate, 2024, .autumn, nil, 6.38, "\(autumnRelease) 2024/25"),
        (.absenceRate, 2022, .autumn, .primary, 6.3, "\(autumnRelease) 2023/24 release"),
        (.absenceRate, 2023, .autumn, .primary, 5.25, "\(autumnRelease) 2024/25 release"),
        (.absenceRate, 2024, .autumn, .primary, 5.07, "\(autumnRelease) 2024/25"),
        (.absenceRate, 2022, .autumn, .secondary, 8.8, "\(autumnRelease) 2023/24 release"),
        (.absenceRate, 2023, .autumn, .secondary, 8.15, "\(autumnRelease) 2024/25 release"),
        (.absenceRate, 2024, .autumn, .secondary, 7.66, "\(autumnRelease) 2024/25"),
        (.absenceRate, 2022, .autumn, .special, 13.4, "\(autumnRelease) 2023/24 release"),
        (.absenceRate, 2023, .autumn, .special, 12.71, "\(autumnRelease) 2024/25 release"),
        (.absenceRate, 2024, .autumn, .special, 12.55, "\(autumnRelease) 2024/25"),
        (.persistentAbsenceRate, 2021, .autumn, nil, 23.5, "\(autumnRelease) 2021/22"),
        (.persistentAbsenceRate, 2021, .autumn, .primary, 19.5, "\(autumnRelease) 2021/22"),
        (.severeAbsenceRate, 2021, .autumn, nil, 1.4, "\(autumnRelease) 2021/22"),
    ]

    /// Autumn-and-spring figures, each from the release text of the autumn and spring
    /// terms named (a later release gives the year before's too), or the release's table
    /// "Absence rates by geographic level - autumn and spring term combined" for 2016/17
    /// to 2022/23 (all schools, 2021/22 and 2022/23).
    private static let autumnSpringFigures: [Published] = [
        (.absenceRate, 2021, .spring, nil, 7.4, "\(autumnSpringRelease) 2022/23 release"),
        (.absenceRate, 2022, .spring, nil, 7.3, "\(autumnSpringRelease) 2022/23"),
        (.absenceRate, 2023, .spring, nil, 6.93, "\(autumnSpringRelease) 2024/25 release"),
        (.absenceRate, 2024, .spring, nil, 6.63, "\(autumnSpringRelease) 2024/25"),
        (.absenceRate, 2022, .spring, .primary, 6.0, "\(autumnSpringRelease) 2023/24 release"),
        (.absenceRate, 2023, .spring, .primary, 5.40, "\(autumnSpringRelease) 2024/25 release"),
        (.absenceRate, 2024, .spring, .primary, 5.16, "\(autumnSpringRelease) 2024/25"),
        (.absenceRate, 2022, .spring, .secondary, 8.7, "\(autumnSpringRelease) 2023/24 release"),
        (.absenceRate, 2023, .spring, .secondary, 8.49, "\(autumnSpringRelease) 2024/25 release"),
        (.absenceRate, 2024, .spring, .secondary, 8.09, "\(autumnSpringRelease) 2024/25"),
        (.absenceRate, 2022, .spring, .special, 13.2, "\(autumnSpringRelease) 2023/24 release"),
        (.absenceRate, 2023, .spring, .special, 12.95, "\(autumnSpringRelease) 2024/25 release"),
        (.absenceRate, 2024, .spring, .special, 12.77, "\(autumnSpringRelease) 2024/25"),
        (.persistentAbsenceRate, 2021, .spring, nil, 22.3, "\(autumnSpringRelease) 2022/23 release"),
        (.persistentAbsenceRate, 2022, .spring, nil, 21.2, "\(autumnSpringRelease) 2022/23"),
        (.severeAbsenceRate, 2021, .spring, nil, 1.5, "\(autumnSpringRelease) 2022/23 release"),
        (.severeAbsenceRate, 2022, .spring, nil, 1.9, "\(autumnSpringRelease) 2022/23"),
    ]

    /// Each published figure as a benchmark, and each absence rate also as attendance.
    private static let absence: [Benchmark] = (fullYearFigures + autumnFigures + autumnSpringFigures).flatMap
    {
        figure -> [Benchmark] in
        let benchmark = Benchmark(
            kpi: figure.kpi, year: AcademicYear(figure.year), term: figure.term, phase: figure.phase,
            value: figure.value, source: figure.source)
        guard figure.kpi == .absenceRate else { return [benchmark] }
        var attendance = benchmark
        attendance.kpi = .attendanceRate
        attendance.value = ((100 - figure.value) * 100).rounded() / 100
        attendance.source = figure.source + fromAbsence
        return [benchmark, attendance]
    }

    /// Rates of absence by reason, each from the text of the release named. Illness,
    /// unauthorised holiday and other unauthorised absence (code O) are the same codes in
    /// the DfE's grouping and in trustboard's. The DfE's "authorised other" is code C alone,
    /// not trustboard's authorised other, so it is left out. Autumn 2018/19 by phase is the
    /// autumn-term release's "Variation across school types" (illness 2.1, 2.6 and 4.2 per
    /// cent in primary, secondary and special schools; medical and dental appointments 0.2,
    /// 0.3 and 1.1; other unauthorised circumstances 0.4, 1.1 and 1.7) and its unauthorised
    /// holiday rate ("remains at 0.4"); 2022/23 and 2023/24 the full-year release for
    /// 2023/24 ("illness … decreased to 3.5% from 3.7%", "unauthorised other … 1.7%",
    /// "unauthorised holiday … remained the same as the previous year at 0.5%"); autumn
    /// 2022/23 and 2023/24 illness the autumn-term release for 2023/24 ("3.5% … a reduction
    /// from 4.5% in Autumn term 2022/23").
    private static let reasonFigures: [Published] = [
        (.absenceReason(.illness), 2018, .autumn, .primary, 2.1, "\(autumnRelease) 2018/19"),
        (.absenceReason(.illness), 2018, .autumn, .secondary, 2.6, "\(autumnRelease) 2018/19"),
        (.absenceReason(.illness), 2018, .autumn, .special, 4.2, "\(autumnRelease) 2018/19"),
        (.absenceReason(.medical), 2018, .autumn, .primary, 0.2, "\(autumnRelease) 2018/19"),
        (.absenceReason(.medical), 2018, .autumn, .secondary, 0.3, "\(autumnRelease) 2018/19"),
        (.absenceReason(.medical), 2018, .autumn, .special, 1.1, "\(autumnRelease) 2018/19"),
        (.absenceReason(.unauthorisedOther), 2018, .autumn, .primary, 0.4, "\(autumnRelease) 2018/19"),
        (.absenceReason(.unauthorisedOther), 2018, .autumn, .secondary, 1.1, "\(autumnRelease) 2018/19"),
        (.absenceReason(.unauthorisedOther), 2018, .autumn, .special, 1.7, "\(autumnRelease) 2018/19"),
        (.absenceReason(.unauthorisedHoliday), 2018, .autumn, nil, 0.4, "\(autumnRelease) 2018/19"),
        (.absenceReason(.illness), 2022, .autumn, nil, 4.5, "\(autumnRelease) 2023/24 release"),
        (.absenceReason(.illness), 2023, .autumn, nil, 3.5, "\(autumnRelease) 2023/24"),
        (.absenceReason(.illness), 2022, .summer, nil, 3.7, "\(fullYear) 2023/24 release"),
        (.absenceReason(.illness), 2023, .summer, nil, 3.5, "\(fullYear) 2023/24"),
        (.absenceReason(.unauthorisedHoliday), 2022, .summer, nil, 0.5, "\(fullYear) 2023/24 release"),
        (.absenceReason(.unauthorisedHoliday), 2023, .summer, nil, 0.5, "\(fullYear) 2023/24"),
        (.absenceReason(.unauthorisedOther), 2023, .summer, nil, 1.7, "\(fullYear) 2023/24"),
    ]

    private static let reasons: [Benchmark] = reasonFigures.map { figure in
        Benchmark(
            kpi: figure.kpi, year: AcademicYear(figure.year), term: figure.term, phase: figure.phase,
            value: figure.value, source: figure.source)
    }

    private static let ks4: [Benchmark] =
        figures(.score(.attainment8), [(2018, 46.7), (2022, 46.2), (2023, 46.1)], source: ks4Source)
        + figures(.score(.attainment8), [(2024, 46.0)], source: ks4Source, note: " (provisional)")
        + figures(.expected(.englishMaths), [(2018, 64.6), (2022, 64.8)], source: ks4Source)
        + figures(.greaterDepth(.englishMaths), [(2022, 45.0), (2023, 46.2)], source: ks4Source)
}

import Dashboard
import Metrics

/// A one-academy trust whose 2018/19 figures the DfE published, with national
/// distributions, built by hand for the golden frames of published figures and national
/// standing. Benchmarks are the built-in 2018/19 national figures.
///
/// Elm High (secondary), 2018/19 summer, all pupils:
/// - Attainment 8 50.2 over 266 pupils (green ≥ 46.7). Among the secondary schools' 40.0,
///   45.0, 50.2, 52.0, 55.0, two are lower and one equal: 100 × 2.5 / 5 = 50 → better than
///   50%.
/// - Progress 8 0.14, interval −0.02 to 0.30: spans 0, so amber.
/// - English and maths grade 4+ 69.5% (green ≥ 64.6); among 60.0, 69.5, 70.0, 75.0 one is
///   lower and one equal: 100 × 1.5 / 4 = 37.5 → 37. Grade 5+ 45.1%: no 2018/19 benchmark,
///   so no rating.
/// - Absence 4.9% published without pupil numbers (green ≤ 5.5), attendance 95.1 (green ≥
///   94.5); among attendances 93.0, 94.0, 95.1, 96.0 two are lower and one equal: 62.5 → 62.
/// - Persistent absence 10.5% (green ≤ 13.7); lower is better, and among 8.0, 10.5, 12.0,
///   14.0, 16.0 three are higher and one equal: 100 × 3.5 / 5 = 70.
enum PublishedTrust {
    static let drop = DataDrop(year: AcademicYear(2018), term: .summer)
    static let elm = TestTrust.urn(100_201)

    static func published(
        _ kpi: KPI, _ value: Double, pupils: Int? = 266, year: YearGroup = .year(11),
        interval: ClosedRange<Double>? = nil
    ) -> PublishedFigure {
        PublishedFigure(
            urn: elm, drop: drop, kpi: kpi, yearGroup: year, value: value, pupils: pupils, interval: interval,
            source: "DfE KS4 performance tables 2018/19")
    }

    static func distribution(_ kpi: KPI, _ values: [Double]) -> NationalDistribution {
        NationalDistribution(kpi: kpi, drop: drop, phase: .secondary, values: values, source: "DfE test file")
    }

    static let data = TrustData(
        trustName: "Elm Trust",
        academies: [Academy(urn: elm, name: "Elm High", phase: .secondary, sil: "C. Ward")],
        published: [
            published(.score(.attainment8), 50.2),
            published(.score(.progress8), 0.14, interval: -0.02...0.30),
            published(.expected(.englishMaths), 69.5),
            published(.greaterDepth(.englishMaths), 45.1),
            published(.absenceRate, 4.9, pupils: nil, year: .all),
            published(.attendanceRate, 95.1, pupils: nil, year: .all),
            published(.persistentAbsenceRate, 10.5, pupils: nil, year: .all),
        ],
        benchmarks: BuiltInBenchmarks.all,
        distributions: [
            distribution(.score(.attainment8), [40.0, 45.0, 50.2, 52.0, 55.0]),
            distribution(.expected(.englishMaths), [60.0, 69.5, 70.0, 75.0]),
            distribution(.attendanceRate, [93.0, 94.0, 95.1, 96.0]),
            distribution(.persistentAbsenceRate, [8.0, 10.5, 12.0, 14.0, 16.0]),
        ],
        ingestedAt: [drop: "24 Nov 2026 07:09"])

    static func view() -> TrustView {
        TrustView(data: data, config: RatingConfig(), trustName: "Elm Trust", isSample: false)
    }
}

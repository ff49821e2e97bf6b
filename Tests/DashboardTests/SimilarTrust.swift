import Dashboard
import Foundation
import Metrics

/// `TestTrust` with a small hand-made school census and national outcomes for 2024/25,
/// so that Alder Primary has similar schools. The 2025/26 spring figures are compared
/// with 2024/25, the latest year with school-level figures and one year older.
///
/// Alder (200 pupils; disadvantaged 20.0, EAL 10.0, SEN support 12.0, EHCP 2.0) and five
/// other primaries; groups of 3 (`count`). Schools 201–203 are within a few points and a
/// few pupils of Alder in every characteristic; 204 and 205 are two to three times as
/// large with three to five times the disadvantaged and EAL shares, so the nearest three
/// are 201, 202 and 203 by construction. Their figures are made to differ from 204's and
/// 205's, so a group with either in it would give other medians.
///
/// - Attendance (Alder 95.0): 201 97.0, 202 94.0, 203 93.0 (204 90.0, 205 99.0 outside).
///   Sorted 93, 94, 97: median 94.0; lower quartile at 0.5 of the way from 93 to 94 =
///   93.5, upper at 1.5 = 94 + 0.5 × 3 = 95.5. Only 97.0 is above 95.0: 2nd best of 4.
///   95.0 is below the upper quartile 95.5 and above the median 94.0: 2nd quarter.
/// - Persistent absence (Alder 15.0, lower is better): 201 12.0, 202 16.0, 203 none
///   (204 30.0, 205 5.0 outside). Sorted 12, 16: median 14.0; quartiles 12 + 0.25 × 4 =
///   13.0 and 12 + 0.75 × 4 = 15.0. Only 12.0 is below 15.0: 2nd best of 3. 15.0 is worse
///   than the median 14.0 but not than the upper quartile 15.0: 3rd quarter.
/// - Year 6 RWM (Alder 60.0): 201 70.0, 202 50.0, 203 60.0. Median 60.0; 203's tie does
///   not rank above Alder, so only 70.0 does: 2nd best of 4; 60.0 is at the median and
///   below the upper quartile 65.0: 2nd quarter.
///
/// St Cedar's (550 pupils; 57.0, 47.0, 19.0, 4.5) is like the large schools instead: its
/// nearest three are 204, 205 and 206 (550; 58.0, 47.0, 19.0, 5.0), each within a few
/// points and 50 pupils of it, while Alder and 201–203 are 35 points and more away in
/// disadvantaged and EAL. So Cedar joins no group of Alder's, and Alder none of Cedar's.
/// Cedar's Year 6 RWM group: 204 50.0, 205 56.0, 206 52.0, median 52.0.
///
/// The trust's Year 6 RWM is Alder's and Cedar's summed (`TestTrust`: 18 of 30 and 17 of
/// 29), and both now have similar schools, so it has an expected figure; its attendance
/// and absence have none, as Birch, Damson and Elm have no census line.
enum SimilarTrust {
    static let year = AcademicYear(2024)
    static let summer = DataDrop(year: year, term: .summer)
    static let count = 3

    static let near1 = TestTrust.urn(100_201)
    static let near2 = TestTrust.urn(100_202)
    static let near3 = TestTrust.urn(100_203)
    static let far1 = TestTrust.urn(100_204)
    static let far2 = TestTrust.urn(100_205)
    static let far3 = TestTrust.urn(100_206)

    static func line(_ urn: URN, _ pupils: Int, _ fsm: Double, _ eal: Double, _ sen: Double, _ ehcp: Double)
        -> SchoolCensus
    {
        SchoolCensus(
            urn: urn, year: year, schoolType: "State-funded primary", phase: .primary, pupils: pupils,
            disadvantagedPercent: fsm, ealPercent: eal, senSupportPercent: sen, ehcpPercent: ehcp)
    }

    static let census = [
        line(TestTrust.alder, 200, 20, 10, 12, 2),
        line(near1, 210, 21, 10, 12, 2),
        line(near2, 190, 19, 10, 12, 2),
        line(near3, 200, 22, 11, 12, 2),
        line(far1, 600, 60, 50, 20, 5),
        line(far2, 500, 55, 45, 18, 4),
        line(far3, 550, 58, 47, 19, 5),
        line(TestTrust.cedar, 550, 57, 47, 19, 4.5),
    ]

    /// The census's national row for primaries, as the 2018/19 file gives it (23.0% disadvantaged, EAL
    /// 21.2%, SEN support 12.6%, EHCP 1.6%), here for 2024/25; and one for secondaries, which
    /// no primary is set beside.
    static let national = [
        NationalCensus(
            year: year, schoolType: "State-funded primary", phase: .primary, pupils: 4_727_089,
            disadvantagedPercent: 23.0, ealPercent: 21.2, senSupportPercent: 12.6, ehcpPercent: 1.6),
        NationalCensus(
            year: year, schoolType: "State-funded secondary", phase: .secondary, pupils: 3_327_970,
            disadvantagedPercent: 27.7, ealPercent: 16.9, senSupportPercent: 10.8, ehcpPercent: 1.7),
    ]

    static func outcome(_ urn: URN, _ kpi: KPI, _ value: Double) -> SchoolOutcome {
        SchoolOutcome(urn: urn, drop: summer, kpi: kpi, value: value)
    }

    static let outcomes = SchoolOutcomes(
        drop: summer,
        [
            outcome(near1, .attendanceRate, 97.0), outcome(near2, .attendanceRate, 94.0),
            outcome(near3, .attendanceRate, 93.0), outcome(far1, .attendanceRate, 90.0),
            outcome(far2, .attendanceRate, 99.0),
            outcome(near1, .persistentAbsenceRate, 12.0), outcome(near2, .persistentAbsenceRate, 16.0),
            outcome(far1, .persistentAbsenceRate, 30.0), outcome(far2, .persistentAbsenceRate, 5.0),
            outcome(near1, .expected(.rwm), 70.0), outcome(near2, .expected(.rwm), 50.0),
            outcome(near3, .expected(.rwm), 60.0),
            outcome(far1, .expected(.rwm), 50.0), outcome(far2, .expected(.rwm), 56.0),
            outcome(far3, .expected(.rwm), 52.0),
        ])

    static let names = [
        near1: SchoolName(urn: near1, name: "Hazel Primary", localAuthority: "380"),
        near2: SchoolName(urn: near2, name: "Rowan Primary", localAuthority: nil),
    ]

    /// Counts the loader's calls, to show each drop is loaded once.
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var made: [DataDrop] = []
        func add(_ drop: DataDrop) { lock.withLock { made.append(drop) } }
        var drops: [DataDrop] { lock.withLock { made } }
    }

    static func loader(calls: Calls = Calls(), national: [NationalCensus] = national) -> SimilarSchoolsLoader
    {
        SimilarSchoolsLoader(
            comparisons: { drop in
                calls.add(drop)
                let comparisons = SimilarComparisons(
                    census: census, academies: TestTrust.academies, outcomes: [outcomes], count: count,
                    national: national)
                return comparisons.isEmpty ? nil : comparisons
            },
            names: { urns in names.filter { urns.contains($0.key) } })
    }

    static func view(
        calls: Calls = Calls(), config: RatingConfig = RatingConfig(), national: [NationalCensus] = national
    ) -> TrustView {
        TrustView(
            data: TestTrust.data, config: config, trustName: "Test Learning Trust", isSample: false,
            similar: loader(calls: calls, national: national))
    }
}

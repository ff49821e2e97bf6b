import Dashboard
import Metrics

/// `TestTrust` with suspensions and exclusions for Birch Academy (secondary) alone, built by
/// hand for the inclusion panel, its tests and golden frames. Every figure is worked out here
/// from the rows; none is rated (no national figure is built in) unless a test's config says.
///
/// 2025/26 spring, year to date (figures per 100 pupils, or % of pupils):
/// - all: 37 suspensions for 412 pupils → 37 × 100 / 412 = 8.980 → 8.98; a year ago 30 for
///   400 → 7.50, change +1.48. 21 of 412 suspended once or more → 5.097 → 5.10 (was 18 of
///   400 = 4.50, +0.60). 1 permanent exclusion → 100 / 412 = 0.243 → 0.24 (was 0.00, +0.24).
/// - disadvantaged 22 for 120 → 18.333 → 18.33 (was 15 for 110 = 13.636 → 13.64, +4.69);
///   not disadvantaged 15 for 292 → 5.137 → 5.14 (was 15 for 290 = 5.172 → 5.17, −0.03).
///   The gap, others minus disadvantaged: 5.14 − 18.33 = −13.19, disadvantaged behind by
///   13.19 per 100; a year ago 5.17 − 13.64 = −8.47: widened.
/// - SEN support 14 for 60 → 23.33 (was 10 for 55 = 18.18); no SEN 20 for 340 → 5.882 → 5.88
///   (was 18 for 335 = 5.373 → 5.37); EHCP 3 for 12 → 25.00 (was 2 for 10 = 20.00). SEND gap:
///   5.88 − 23.33 = −17.45, behind by 17.45 per 100; a year ago 5.37 − 18.18 = −12.81.
/// - EAL: 4 pupils, too few to show: suppressed.
/// - The trust: Birch is its only academy with inclusion rows, so the same figures.
enum InclusionTrust {
    static let birch = TestTrust.birch

    static func row(
        _ drop: DataDrop, _ group: PupilGroup, pupils: Int, suspensions: Int, suspended: Int, excluded: Int
    ) -> InclusionRecord {
        InclusionRecord(
            urn: birch, drop: drop, group: group, pupils: pupils, suspensions: suspensions,
            pupilsSuspended: suspended, permanentExclusions: excluded)
    }

    static let rows: [InclusionRecord] = [
        row(TestTrust.now, .all, pupils: 412, suspensions: 37, suspended: 21, excluded: 1),
        row(TestTrust.now, .disadvantaged, pupils: 120, suspensions: 22, suspended: 12, excluded: 1),
        row(TestTrust.now, .notDisadvantaged, pupils: 292, suspensions: 15, suspended: 9, excluded: 0),
        row(TestTrust.now, .senSupport, pupils: 60, suspensions: 14, suspended: 7, excluded: 0),
        row(TestTrust.now, .ehcp, pupils: 12, suspensions: 3, suspended: 1, excluded: 0),
        row(TestTrust.now, .noSen, pupils: 340, suspensions: 20, suspended: 13, excluded: 1),
        row(TestTrust.now, .eal, pupils: 4, suspensions: 0, suspended: 0, excluded: 0),
        row(TestTrust.lastYear, .all, pupils: 400, suspensions: 30, suspended: 18, excluded: 0),
        row(TestTrust.lastYear, .disadvantaged, pupils: 110, suspensions: 15, suspended: 9, excluded: 0),
        row(TestTrust.lastYear, .notDisadvantaged, pupils: 290, suspensions: 15, suspended: 9, excluded: 0),
        row(TestTrust.lastYear, .senSupport, pupils: 55, suspensions: 10, suspended: 6, excluded: 0),
        row(TestTrust.lastYear, .ehcp, pupils: 10, suspensions: 2, suspended: 1, excluded: 0),
        row(TestTrust.lastYear, .noSen, pupils: 335, suspensions: 18, suspended: 11, excluded: 0),
    ]

    static var data: TrustData {
        var data = TestTrust.data
        data.inclusion = rows
        return data
    }

    static func view(config: RatingConfig = RatingConfig()) -> TrustView {
        TrustView(data: data, config: config, trustName: "Test Learning Trust", isSample: false)
    }
}

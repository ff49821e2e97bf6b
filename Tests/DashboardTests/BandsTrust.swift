import Dashboard
import Metrics

/// `TestTrust` with absence bands for Birch Academy (secondary), as a pupil-level export
/// gives them, built by hand for the persistent-absence panel's band bar and at-risk line,
/// their tests and golden frames. Birch's all-pupils rows keep TestTrust's pupils, sessions,
/// persistent and severe absentees; the bands add up to the pupils, and the bands of 10% or
/// more to the persistent absentees. Disadvantaged and not disadvantaged add up to all
/// pupils in every count.
///
/// 2025/26 spring (under 5%, 5–10%, 10–20%, 20–50%, 50%+):
/// - all: 560, 180, 171, 64, 25 of 1,000 (persistent 171 + 64 + 25 = 260, severe 25).
///   At risk 180 / 1,000 = 18.0%. Shares, whole percent half away from zero: 56, 18,
///   17.1 → 17, 6.4 → 6, 2.5 → 3. Bar of 20 cells by largest remainder: 560×20/1000 = 11 r 200,
///   180×20 = 3 r 600, 171×20 = 3 r 420, 64×20 = 1 r 280, 25×20 = 0 r 500; 18 cells, the
///   two left go to the remainders 600 and 500: 11, 4, 3, 1, 1.
/// - disadvantaged: 148, 62, 70, 3, 17 of 300 (persistent 90, severe 17). The 20–50% band has
///   3 pupils, so the split 10–20% / 20–50% is hidden: one segment 10–50% of 73. Shares:
///   148 → 49.33 → 49, 62 → 20.67 → 21, 73 → 24.33 → 24, 17 → 5.67 → 6. At risk 62 / 300 =
///   20.67 → 20.7%.
/// - not disadvantaged: 412, 118, 101, 61, 8 of 700 (persistent 170, severe 8). At risk
///   118 / 700 = 16.857 → 16.9%.
///
/// 2024/25 spring:
/// - all: 585, 150, 160, 65, 20 of 980 (TestTrust's persistent 245, severe 20). At risk
///   150 / 980 = 15.306 → 15.3%.
/// - disadvantaged: 165, 40, 65, 5, 15 of 290. At risk 40 / 290 = 13.793 → 13.8%.
/// - not disadvantaged: 420, 110, 95, 60, 5 of 690. At risk 110 / 690 = 15.942 → 15.9%.
///
/// At risk, rated on its change by the built-in rule (green at a rise of 1.0 point or less,
/// amber up to 3.0, red beyond):
/// - all: 18.0 − 15.3 = +2.7 → amber;
/// - disadvantaged: 20.7 − 13.8 = +6.9 → red;
/// - not disadvantaged: 16.9 − 15.9 = +1.0, on the green line → green.
/// The trust: Birch is its only academy with bands, so its at-risk figures are Birch's.
enum BandsTrust {
    static let birch = TestTrust.birch

    static func row(
        _ drop: DataDrop, _ group: PupilGroup, possible: Int, absent: Int, severe: Int, bands: [Int]
    ) -> AttendanceRecord {
        let counted = AbsenceBands(
            underFive: bands[0], atRisk: bands[1], tenToTwenty: bands[2], twentyToFifty: bands[3],
            fiftyPlus: bands[4])
        return AttendanceRecord(
            urn: birch, drop: drop, group: group, pupils: counted.pupils, possibleSessions: possible,
            absentSessions: absent, persistentAbsentees: counted.persistent, severeAbsentees: severe,
            absenceBands: counted)
    }

    static let rows: [AttendanceRecord] = [
        row(
            TestTrust.now, .all, possible: 250_000, absent: 22_500, severe: 25,
            bands: [560, 180, 171, 64, 25]),
        row(
            TestTrust.now, .disadvantaged, possible: 75_000, absent: 9_000, severe: 17,
            bands: [148, 62, 70, 3, 17]),
        row(
            TestTrust.now, .notDisadvantaged, possible: 175_000, absent: 13_500, severe: 8,
            bands: [412, 118, 101, 61, 8]),
        row(
            TestTrust.lastYear, .all, possible: 245_000, absent: 20_825, severe: 20,
            bands: [585, 150, 160, 65, 20]
        ),
        row(
            TestTrust.lastYear, .disadvantaged, possible: 72_500, absent: 8_000, severe: 15,
            bands: [165, 40, 65, 5, 15]),
        row(
            TestTrust.lastYear, .notDisadvantaged, possible: 172_500, absent: 12_825, severe: 5,
            bands: [420, 110, 95, 60, 5]),
    ]

    /// TestTrust with Birch's attendance rows replaced by these.
    static var data: TrustData {
        var data = TestTrust.data
        data.attendance = data.attendance.filter { $0.urn != birch } + rows
        return data
    }

    static func view(config: RatingConfig = RatingConfig()) -> TrustView {
        TrustView(data: data, config: config, trustName: "Test Learning Trust", isSample: false)
    }
}

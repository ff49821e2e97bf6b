import Dashboard
import Metrics

/// `TestTrust` with more of Alder Primary's rows: three more drops, last year's
/// disadvantaged split, and this year's year groups. Everything else is `TestTrust`'s.
///
/// Drops, oldest first: 2024/25 autumn, 2024/25 spring (`lastYear`), 2024/25 summer,
/// 2025/26 autumn, 2025/26 spring (`now`). Alder's attendance, all pupils (attended =
/// possible − absent):
/// - 2024/25 autumn: 28,500 − 1,140 = 27,360 → 96.0;
/// - 2024/25 spring: 47,500 − 2,850 = 44,650 → 94.0 (`TestTrust`);
/// - 2024/25 summer: 66,500 − 4,655 = 61,845 → 93.0;
/// - 2025/26 autumn: 30,000 − 900 = 29,100 → 97.0;
/// - 2025/26 spring: 50,000 − 2,500 = 47,500 → 95.0 (`TestTrust`).
/// Its national benchmarks (100 minus the DfE's primary absence, built in): 2024/25
/// autumn 100 − 5.07 = 94.93 → 94.9; 2024/25 spring 100 − 5.16 = 94.84 → 94.8; 2024/25
/// summer, with no full-year 2024/25 figure built in, the full year before, 100 − 5.53 =
/// 94.47 → 94.5; 2025/26 autumn, the latest autumn, 94.9; 2025/26 spring 94.8.
///
/// St Cedar's has attendance only in 2024/25 spring (93.0) and 2025/26 spring (92.0), so
/// on the five drops' time axis it has marks in the second and fifth places only.
///
/// The disadvantaged attendance gap (others minus disadvantaged):
/// - 2025/26 spring (`TestTrust`): disadvantaged 13,800 of 15,000 = 92.0; others 33,700 of
///   35,000 = 96.29 → 96.3; gap 96.3 − 92.0 = 4.3 points.
/// - 2024/25 spring: disadvantaged 57 pupils, 14,250 − 1,140 = 13,110 of 14,250 = 92.0;
///   others 133 pupils, 33,250 − 1,710 = 31,540 of 33,250 = 94.86 → 94.9; gap 2.9. (57 +
///   133 = 190 pupils, 14,250 + 33,250 = 47,500 possible and 1,140 + 1,710 = 2,850 absent:
///   the all-pupils row.)
/// - So the gap widened by 4.3 − 2.9 = 1.4, all of it because others rose 96.3 − 94.9 =
///   1.4 while disadvantaged pupils stayed at 92.0.
///
/// Alder's year groups in 2025/26 spring add up to its all-pupils row (200 pupils, 50,000
/// possible, 2,500 absent, 30 persistent, 4 severe):
/// - Year 3: 5 pupils, 1,250 possible, 100 absent, 1 persistent: fewer than 6, suppressed;
/// - Year 4: 45 pupils, 11,250 − 450 = 10,800 → 96.0; 4 persistent: the smallest other year
///   group, hidden to protect Year 3 (the all row minus Years 4–6 would give it away);
/// - Year 5: 70 pupils, 17,500 − 650 = 16,850 → 96.29 → 96.3 (green ≥ 94.84); PA 9 of 70 =
///   12.86 → 12.9 (green ≤ 14.56);
/// - Year 6: 80 pupils, 20,000 − 1,300 = 18,700 → 93.5 (red: below 94.84 − 1 = 93.84); PA 16
///   of 80 = 20.0 (red: above 14.56 + 5 = 19.56); severe 3.
/// (5 + 45 + 70 + 80 = 200; 1,250 + 11,250 + 17,500 + 20,000 = 50,000; 100 + 450 + 650 +
/// 1,300 = 2,500; 1 + 4 + 9 + 16 = 30.)
extension TestTrust {
    static let autumnBefore = DataDrop(year: AcademicYear(2024), term: .autumn)
    static let summerBefore = DataDrop(year: AcademicYear(2024), term: .summer)
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)

    static func yearGroup(
        _ year: Int, pupils: Int, possible: Int, absent: Int, persistent: Int, severe: Int
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: alder, drop: now, yearGroup: .year(year), pupils: pupils, possibleSessions: possible,
            absentSessions: absent, persistentAbsentees: persistent, severeAbsentees: severe)
    }

    static let historyData: TrustData = {
        var data = TestTrust.data
        data.attendance += [
            attendance(
                alder, autumnBefore, pupils: 190, possible: 28_500, absent: 1_140, persistent: 19, severe: 1),
            attendance(
                alder, summerBefore, pupils: 190, possible: 66_500, absent: 4_655, persistent: 38, severe: 3),
            attendance(alder, autumn, pupils: 200, possible: 30_000, absent: 900, persistent: 14, severe: 2),
            attendance(
                alder, lastYear, .disadvantaged, pupils: 57, possible: 14_250, absent: 1_140, persistent: 11,
                severe: 1),
            attendance(
                alder, lastYear, .notDisadvantaged, pupils: 133, possible: 33_250, absent: 1_710,
                persistent: 27, severe: 2),
            yearGroup(3, pupils: 5, possible: 1_250, absent: 100, persistent: 1, severe: 0),
            yearGroup(4, pupils: 45, possible: 11_250, absent: 450, persistent: 4, severe: 0),
            yearGroup(5, pupils: 70, possible: 17_500, absent: 650, persistent: 9, severe: 1),
            yearGroup(6, pupils: 80, possible: 20_000, absent: 1_300, persistent: 16, severe: 3),
        ]
        return data
    }()

    static func historyView() -> TrustView {
        TrustView(
            data: historyData, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }
}

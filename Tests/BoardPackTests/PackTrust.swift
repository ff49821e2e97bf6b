import BoardPack
import Metrics

/// A small trust worked out by hand for the pack's golden file: two primaries in 2024/25
/// spring (`lastYear`) and 2025/26 spring (`now`), with the test's own national figures
/// (attendance 94.5 then 94.0, persistent absence 17.0 then 16.0, autumn and spring;
/// Year 6 RWM 61.0 for 2023/24 and 62.0 for 2024/25) and the built-in rules (attendance
/// amber within 1.0 below, persistent absence within 5.0 above, RWM within 5.0 below).
///
/// 2025/26 spring (attendance = 1 − absent ÷ possible; PA = persistent ÷ pupils):
/// - Ash & Oak: 2,000 of 40,000 missed → 95.0 GREEN (≥ 94.0), last year 2,280 of 38,000 →
///   94.0, change +1.0; disadvantaged 800 of 10,000 → 92.0 RED (< 93.0); others 1,200 of
///   30,000 → 96.0 GREEN. PA 20 of 200 → 10.0 GREEN; disadvantaged 10 of 50 → 20.0 AMBER
///   (≤ 21.0), was 12 of 48 = 25.0 (RED, > 22.0), −5.0; others 10 of 150 → 6.7.
///   RWM 18 of 30 → 60.0 AMBER (≥ 57.0), was 17 of 28 = 60.7 (AMBER against 61.0).
/// - Beech: 1,300 of 20,000 → 93.5 AMBER, was 1,020 of 21,000 = 95.1 GREEN, −1.6;
///   disadvantaged 660 of 6,000 → 89.0 RED, was 360 of 6,000 = 94.0 AMBER: turned red, −5.0;
///   others 640 of 14,000 → 95.4. PA 18 of 100 → 18.0 AMBER, was 15 of 105 = 14.3, +3.7;
///   disadvantaged 9 of 30 → 30.0 RED, was 8 of 30 = 26.7 RED: red and worse, +3.3.
///   RWM 16 of 25 → 64.0 GREEN, was 15 of 27 = 55.6 RED (< 56.0): improved, +8.4.
/// - The trust: 3,300 of 60,000 → 94.5 GREEN, was 3,300 of 59,000 = 94.4 AMBER, +0.1;
///   disadvantaged 1,460 of 16,000 → 90.875, shown 90.9 RED, was 1,320 of 15,600 = 91.5:
///   red and worse, −0.6. PA 38 of 300 → 12.7 GREEN, was 40 of 295 = 13.6, −0.9.
///   RWM 34 of 55 → 61.8 AMBER (≥ 57.0), was 32 of 55 = 58.2.
/// - The changes on last year: turned red 1, red and worse 2, now amber 2, improved 4.
///
/// Ash & Oak's all-pupils rows also give reasons and absence bands (Beech's give neither,
/// so its page has no such table). Reasons, of possible sessions, now (40,000) and last
/// year (38,000): illness 1,200 → 3.0 and 1,330 → 3.5, change −0.5, against the test's
/// own 3.2 for 2025/26 spring; medical 200 → 0.5 and 190 → 0.5, change 0.0, against 0.6,
/// the test's figure for 2024/25 spring (another period: the year is named beside it);
/// unauthorised holiday 120 → 0.3 and 76 → 0.2, change +0.1; late 40 → 0.1 and 38 → 0.1,
/// change 0.0. None rated (no rule). Bands now (200 pupils): 150 under 5%, 30 at risk, 16
/// 10–20%, 4 20–50%, 0 50%+ (16 + 4 = the 20 persistent absentees); at risk 30 ÷ 200 = 15.0;
/// last year (190): 130, 35, 20, 5, 0 (25 persistent); at risk 35 ÷ 190 = 18.42 → 18.4;
/// change −3.4. Not rated: no built-in rule or benchmark.
enum PackTrust {
    static let now = DataDrop(year: AcademicYear(2025), term: .spring)
    static let lastYear = DataDrop(year: AcademicYear(2024), term: .spring)

    static func urn(_ value: Int) -> URN {
        guard let urn = URN(value) else { preconditionFailure("bad test URN") }
        return urn
    }

    static let ash = urn(100_201)
    static let beech = urn(100_202)

    static let academies = [
        Academy(
            urn: ash, name: "Ash & Oak Primary", phase: .primary, localAuthority: "Northshire", sil: "A. Shah"
        ),
        Academy(
            urn: beech, name: "Beech Primary", phase: .primary, localAuthority: "Northshire", sil: "B. Jones"),
    ]

    static func attendance(
        _ urn: URN, _ drop: DataDrop, _ group: PupilGroup, pupils: Int, possible: Int, absent: Int,
        persistent: Int
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, group: group, pupils: pupils, possibleSessions: possible,
            absentSessions: absent,
            persistentAbsentees: persistent, severeAbsentees: nil)
    }

    static func rwm(_ urn: URN, _ drop: DataDrop, cohort: Int, expected: Int) -> AttainmentRecord {
        AttainmentRecord(
            urn: urn, drop: drop, yearGroup: .year(6), subject: .rwm, cohort: cohort, expected: expected)
    }

    /// Ash & Oak's all-pupils reasons: illness, medical, unauthorised holiday and late.
    static func reasons(illness: Int, medical: Int, holiday: Int, late: Int) -> AttendanceReasons {
        AttendanceReasons([.illness: illness, .medical: medical, .unauthorisedHoliday: holiday, .late: late])
    }

    static let benchmarks = [
        Benchmark(
            kpi: .attendanceRate, year: AcademicYear(2024), term: .spring, phase: .primary, value: 94.5,
            source: "Test absence release, 2024/25"),
        Benchmark(
            kpi: .attendanceRate, year: AcademicYear(2025), term: .spring, phase: .primary, value: 94.0,
            source: "Test absence release, 2025/26"),
        Benchmark(
            kpi: .persistentAbsenceRate, year: AcademicYear(2024), term: .spring, phase: .primary,
            value: 17.0, source: "Test absence release, 2024/25"),
        Benchmark(
            kpi: .persistentAbsenceRate, year: AcademicYear(2025), term: .spring, phase: .primary,
            value: 16.0, source: "Test absence release, 2025/26"),
        Benchmark(
            kpi: .expected(.rwm), year: AcademicYear(2023), value: 61.0, source: "Test KS2 results, 2023/24"),
        Benchmark(
            kpi: .expected(.rwm), year: AcademicYear(2024), value: 62.0, source: "Test KS2 results, 2024/25"),
        Benchmark(
            kpi: .absenceReason(.illness), year: AcademicYear(2025), term: .spring, phase: .primary,
            value: 3.2,
            source: "Test absence release, 2025/26"),
        Benchmark(
            kpi: .absenceReason(.medical), year: AcademicYear(2024), term: .spring, phase: .primary,
            value: 0.6,
            source: "Test absence release, 2024/25"),
    ]

    static let data = TrustData(
        trustName: "Test Learning Trust",
        academies: academies,
        attendance: [
            AttendanceRecord(
                urn: ash, drop: lastYear, pupils: 190, possibleSessions: 38_000, absentSessions: 2_280,
                persistentAbsentees: 25,
                absenceBands: AbsenceBands(
                    underFive: 130, atRisk: 35, tenToTwenty: 20, twentyToFifty: 5, fiftyPlus: 0),
                reasons: reasons(illness: 1_330, medical: 190, holiday: 76, late: 38)),
            attendance(
                ash, lastYear, .disadvantaged, pupils: 48, possible: 9_600, absent: 960, persistent: 12),
            attendance(
                ash, lastYear, .notDisadvantaged, pupils: 142, possible: 28_400, absent: 1_320, persistent: 13
            ),
            attendance(beech, lastYear, .all, pupils: 105, possible: 21_000, absent: 1_020, persistent: 15),
            attendance(
                beech, lastYear, .disadvantaged, pupils: 30, possible: 6_000, absent: 360, persistent: 8),
            attendance(
                beech, lastYear, .notDisadvantaged, pupils: 75, possible: 15_000, absent: 660, persistent: 7),
            AttendanceRecord(
                urn: ash, drop: now, pupils: 200, possibleSessions: 40_000, absentSessions: 2_000,
                persistentAbsentees: 20,
                absenceBands: AbsenceBands(
                    underFive: 150, atRisk: 30, tenToTwenty: 16, twentyToFifty: 4, fiftyPlus: 0),
                reasons: reasons(illness: 1_200, medical: 200, holiday: 120, late: 40)),
            attendance(ash, now, .disadvantaged, pupils: 50, possible: 10_000, absent: 800, persistent: 10),
            attendance(
                ash, now, .notDisadvantaged, pupils: 150, possible: 30_000, absent: 1_200, persistent: 10),
            attendance(beech, now, .all, pupils: 100, possible: 20_000, absent: 1_300, persistent: 18),
            attendance(beech, now, .disadvantaged, pupils: 30, possible: 6_000, absent: 660, persistent: 9),
            attendance(
                beech, now, .notDisadvantaged, pupils: 70, possible: 14_000, absent: 640, persistent: 9),
        ],
        attainment: [
            rwm(ash, lastYear, cohort: 28, expected: 17), rwm(beech, lastYear, cohort: 27, expected: 15),
            rwm(ash, now, cohort: 30, expected: 18), rwm(beech, now, cohort: 25, expected: 16),
        ],
        benchmarks: benchmarks)

    /// The pack of `now`, written on a fixed date so the golden file never changes.
    static func pack(
        data: TrustData = data, academies: [URN]? = nil, trustName: String = "Test Learning Trust",
        marking: String = "OFFICIAL-SENSITIVE"
    ) -> BoardPack {
        BoardPack(
            data: data, config: RatingConfig(),
            request: PackRequest(
                drop: now, academies: academies, trustName: trustName, marking: marking,
                date: "1 December 2026"))
    }
}

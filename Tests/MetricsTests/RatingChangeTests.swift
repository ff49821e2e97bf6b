import Foundation
import Testing

@testable import Metrics

/// A hand-made trust whose every rating change is worked out below, rated with fixed
/// lines so no benchmark is involved:
///
/// - attendance: green ≥ 95, amber ≥ 92, red below;
/// - persistent absence (lower is better): green ≤ 15, amber ≤ 20, red above;
/// - RWM expected: green ≥ 65, amber ≥ 55, red below.
///
/// Absence and severe absence keep the built-in rule, which needs a benchmark; there are
/// none, so they are never rated and never listed.
///
/// Drops: now 2025/26 spring; previous drop 2025/26 autumn; last year 2024/25 spring.
///
/// | figure | last year | autumn | now |
/// |---|---|---|---|
/// | Ash attendance | 9,150/10,000 = 91.5 R | 4,700/5,000 = 94.0 A | 9,100/10,000 = 91.0 R |
/// | Ash PA | 44/200 = 22.0 R | 50/200 = 25.0 R | 30/200 = 15.0 G |
/// | Ash SEN support (6) attendance | — | 141/150 = 94.0 A | 264/300 = 88.0 R |
/// | Ash SEN support (6) PA | — | 1/6 = 16.7 A | 2/6 = 33.3 R |
/// | Ash disadvantaged attendance | — | 6 pupils: 98.0 G | 5 pupils: suppressed |
/// | Ash RWM Year 6 | 21/40 = 52.5 R | 18/40 = 45.0 R | 20/40 = 50.0 R |
/// | Beech attendance | 93,555/99,000 = 94.5 A | 48,000/50,000 = 96.0 G | 94,000/100,000 = 94.0 A |
/// | Beech PA | 200/990 = 20.2 R | 140/1,000 = 14.0 G | 180/1,000 = 18.0 A |
/// | Cherry attendance | 13,800/15,000 = 92.0 A | 6,840/7,500 = 91.2 R | 13,650/15,000 = 91.0 R |
/// | Cherry PA | 60/300 = 20.0 A | 72/300 = 24.0 R | 75/300 = 25.0 R |
/// | Cherry RWM Year 6 | 17/28 = 60.7 A | 15/30 = 50.0 R | 21/30 = 70.0 G |
/// | Trust attendance | 116,505/124,000 = 94.0 A | 59,540/62,500 = 95.3 G | 116,750/125,000 = 93.4 A |
/// | Trust PA | 304/1,490 = 20.4 R | 262/1,500 = 17.5 A | 285/1,500 = 19.0 A |
/// | Trust SEN support | as Ash's | as Ash's | as Ash's |
/// | Trust disadvantaged | — | 6 pupils: 98.0 G | 5 pupils: suppressed |
/// | Trust RWM Year 6 | 38/68 = 55.9 A | 33/70 = 47.1 R | 41/70 = 58.6 A |
///
/// So the list, in order (w = how far the value moved the bad way):
///
/// Turned red (7): Ash PA SEN prev 16.7 → 33.3 (+16.6); Oak (trust) PA SEN prev, the
/// same; Ash attendance SEN prev 94.0 → 88.0 (−6.0); Oak attendance SEN prev, the same;
/// Cherry PA last year 20.0 → 25.0 (+5.0); Ash attendance prev 94.0 → 91.0 (−3.0);
/// Cherry attendance last year 92.0 → 91.0 (−1.0). Ties on size go by name: "Ash
/// Primary" before "Oak Learning Trust". Five of the seven are against the previous drop.
///
/// Red and worse (4): Ash RWM Y6 last year 52.5 → 50.0 (−2.5); Cherry PA prev 24.0 →
/// 25.0 (+1.0); Ash attendance last year 91.5 → 91.0 (−0.5); Cherry attendance prev 91.2
/// → 91.0 (−0.2). Ash RWM Y6 against autumn stayed red but got better: not listed.
///
/// Now amber (3): Beech PA prev 14.0 → 18.0 (+4.0); Beech attendance prev 96.0 → 94.0
/// (−2.0); Oak attendance prev 95.3 → 93.4 (−1.9).
///
/// Improved (7), the one beyond chance first (see below), then biggest gain first: Ash PA
/// prev 25.0 → 15.0 (−10.0, beyond chance); Cherry RWM Y6 prev 50.0 → 70.0 (+20.0); Oak
/// RWM Y6 prev 47.1 → 58.6 (+11.5); Cherry RWM Y6 last year 60.7 → 70.0 (+9.3); Ash PA
/// last year 22.0 → 15.0 (−7.0); Beech PA last year 20.2 → 18.0 (−2.2); Oak PA last year
/// 20.4 → 19.0 (−1.4).
///
/// The noise test (two proportions, pooled p, z = (p₂ − p₁) / √(p(1−p)(1/n₁ + 1/n₂)),
/// beyond chance when |z| ≥ 1.96), with n the pupils (for attendance, each pupil once):
/// - Ash PA prev: 50/200 → 30/200, p = 80/400 = 0.2, SE = √(0.2 × 0.8 × 2/200) = 0.04,
///   z = −0.10 / 0.04 = −2.5: beyond chance; the only one in "Improved".
/// - Beech PA prev: 140/1,000 → 180/1,000, p = 0.16, SE = √(0.16 × 0.84 × 0.002) =
///   0.016395, z = 0.04 / 0.016395 = 2.44: beyond chance.
/// - Beech attendance prev: 0.96 → 0.94 of 1,000 each, p = 0.95, SE = √(0.95 × 0.05 ×
///   0.002) = 0.0097468, z = −2.05: beyond chance.
/// - Oak attendance prev: 59,540/62,500 = 0.952640 → 0.934 of 1,500 each, p = 0.943320,
///   SE = √(0.943320 × 0.056680 × 2/1,500) = 0.0084432, z = −0.018640 / 0.0084432 =
///   −2.21: beyond chance. So all three of "Now amber" are beyond chance.
/// - Every other line could be chance, the largest |z| being Ash PA last year (44/200 →
///   30/200, p = 0.185, SE = √(0.185 × 0.815 × 0.01) = 0.038830, z = −1.80) and Cherry
///   PA last year (60/300 → 75/300, p = 0.225, SE = √(0.225 × 0.775 × 2/300) = 0.034095,
///   z = 1.47). The SEN support group of 6: 1/6 → 2/6, p = 0.25, SE = √(0.25 × 0.75 ×
///   2/6) = 0.25, z = 0.167 / 0.25 = 0.67.
///
/// Not listed: the disadvantaged group (5 pupils now, so green → suppressed is not a
/// rating change, and neither 98.0 nor 80.0 may appear); anything amber → amber or
/// green → green; absence and severe absence (no rating).
@Suite("Rating changes: detection, order, suppression, report")
struct RatingChangeTests {
    static let now = DataDrop(year: AcademicYear(2025), term: .spring)
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)
    static let lastYear = DataDrop(year: AcademicYear(2024), term: .spring)

    static let ash = Fixtures.urn(100_201)
    static let beech = Fixtures.urn(100_202)
    static let cherry = Fixtures.urn(100_203)

    static var config: RatingConfig {
        var config = RatingConfig()
        config.rules = [
            .attendanceRate: .absolute(green: 95, amber: 92),
            .persistentAbsenceRate: .absolute(green: 15, amber: 20),
            .expected(.rwm): .absolute(green: 65, amber: 55),
        ]
        return config
    }

    static func attendance(
        _ urn: URN, _ drop: DataDrop, _ group: PupilGroup = .all, pupils: Int, possible: Int, absent: Int,
        persistent: Int
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, group: group, pupils: pupils, possibleSessions: possible,
            absentSessions: absent,
            persistentAbsentees: persistent)
    }

    static func rwm(_ urn: URN, _ drop: DataDrop, cohort: Int, expected: Int) -> AttainmentRecord {
        AttainmentRecord(
            urn: urn, drop: drop, yearGroup: .year(6), subject: .rwm, cohort: cohort, expected: expected)
    }

    static func data(beechName: String = "Beech Academy") -> TrustData {
        TrustData(
            trustName: "Oak Learning Trust",
            academies: [
                Academy(urn: ash, name: "Ash Primary", phase: .primary),
                Academy(urn: beech, name: beechName, phase: .secondary),
                Academy(urn: cherry, name: "Cherry Primary", phase: .primary),
            ],
            attendance: [
                attendance(ash, now, pupils: 200, possible: 10_000, absent: 900, persistent: 30),
                attendance(ash, autumn, pupils: 200, possible: 5_000, absent: 300, persistent: 50),
                attendance(ash, lastYear, pupils: 200, possible: 10_000, absent: 850, persistent: 44),
                attendance(ash, now, .senSupport, pupils: 6, possible: 300, absent: 36, persistent: 2),
                attendance(ash, autumn, .senSupport, pupils: 6, possible: 150, absent: 9, persistent: 1),
                attendance(ash, now, .disadvantaged, pupils: 5, possible: 250, absent: 50, persistent: 2),
                attendance(ash, autumn, .disadvantaged, pupils: 6, possible: 150, absent: 3, persistent: 0),
                attendance(beech, now, pupils: 1_000, possible: 100_000, absent: 6_000, persistent: 180),
                attendance(beech, autumn, pupils: 1_000, possible: 50_000, absent: 2_000, persistent: 140),
                attendance(beech, lastYear, pupils: 990, possible: 99_000, absent: 5_445, persistent: 200),
                attendance(cherry, now, pupils: 300, possible: 15_000, absent: 1_350, persistent: 75),
                attendance(cherry, autumn, pupils: 300, possible: 7_500, absent: 660, persistent: 72),
                attendance(cherry, lastYear, pupils: 300, possible: 15_000, absent: 1_200, persistent: 60),
            ],
            attainment: [
                rwm(ash, now, cohort: 40, expected: 20),
                rwm(ash, autumn, cohort: 40, expected: 18),
                rwm(ash, lastYear, cohort: 40, expected: 21),
                rwm(cherry, now, cohort: 30, expected: 21),
                rwm(cherry, autumn, cohort: 30, expected: 15),
                rwm(cherry, lastYear, cohort: 28, expected: 17),
            ])
    }

    static func changes(beechName: String = "Beech Academy") -> RatingChanges {
        RatingChanges(data: data(beechName: beechName), drop: now, config: config)
    }

    /// A change written as "Name|kpi|group|year|comparison|old rating old → new rating new|change".
    static func line(_ change: RatingChange) -> String {
        let kpi = change.kpi
        return [
            change.name, kpi.key, change.group.rawValue, change.yearGroup.rawValue,
            change.comparedWith.rawValue,
            "\(change.oldRating.rawValue) \(DisplayRounding.text(change.oldValue, for: kpi)) → "
                + "\(change.newRating.rawValue) \(DisplayRounding.text(change.newValue, for: kpi))",
            DisplayRounding.signed(change.change, for: kpi),
        ].joined(separator: "|")
    }

    static let expected = [
        // Turned red.
        "Ash Primary|persistent_absence_rate|sen_support|all|previous_drop|amber 16.7 → red 33.3|+16.6",
        "Oak Learning Trust|persistent_absence_rate|sen_support|all|previous_drop|amber 16.7 → red 33.3|+16.6",
        "Ash Primary|attendance_rate|sen_support|all|previous_drop|amber 94.0 → red 88.0|-6.0",
        "Oak Learning Trust|attendance_rate|sen_support|all|previous_drop|amber 94.0 → red 88.0|-6.0",
        "Cherry Primary|persistent_absence_rate|all|all|last_year|amber 20.0 → red 25.0|+5.0",
        "Ash Primary|attendance_rate|all|all|previous_drop|amber 94.0 → red 91.0|-3.0",
        "Cherry Primary|attendance_rate|all|all|last_year|amber 92.0 → red 91.0|-1.0",
        // Red and worse.
        "Ash Primary|rwm_expected|all|6|last_year|red 52.5 → red 50.0|-2.5",
        "Cherry Primary|persistent_absence_rate|all|all|previous_drop|red 24.0 → red 25.0|+1.0",
        "Ash Primary|attendance_rate|all|all|last_year|red 91.5 → red 91.0|-0.5",
        "Cherry Primary|attendance_rate|all|all|previous_drop|red 91.2 → red 91.0|-0.2",
        // Now amber.
        "Beech Academy|persistent_absence_rate|all|all|previous_drop|green 14.0 → amber 18.0|+4.0",
        "Beech Academy|attendance_rate|all|all|previous_drop|green 96.0 → amber 94.0|-2.0",
        "Oak Learning Trust|attendance_rate|all|all|previous_drop|green 95.3 → amber 93.4|-1.9",
        // Improved.
        "Ash Primary|persistent_absence_rate|all|all|previous_drop|red 25.0 → green 15.0|-10.0",
        "Cherry Primary|rwm_expected|all|6|previous_drop|red 50.0 → green 70.0|+20.0",
        "Oak Learning Trust|rwm_expected|all|6|previous_drop|red 47.1 → amber 58.6|+11.5",
        "Cherry Primary|rwm_expected|all|6|last_year|amber 60.7 → green 70.0|+9.3",
        "Ash Primary|persistent_absence_rate|all|all|last_year|red 22.0 → green 15.0|-7.0",
        "Beech Academy|persistent_absence_rate|all|all|last_year|red 20.2 → amber 18.0|-2.2",
        "Oak Learning Trust|persistent_absence_rate|all|all|last_year|red 20.4 → amber 19.0|-1.4",
    ]

    @Test func everyChangeInOrder() {
        let changes = Self.changes()
        #expect(changes.changes.map(Self.line) == Self.expected)
        #expect(changes.changes(in: .turnedRed).count == 7)
        #expect(changes.changes(in: .redAndWorse).count == 4)
        #expect(changes.changes(in: .nowAmber).count == 3)
        #expect(changes.changes(in: .improved).count == 7)
    }

    /// Against autumn: 5 turned red, 2 red and worse, 3 now amber, 3 improved; against
    /// last year: 2, 2, 0 and 4.
    @Test func bothComparisonsAreMadeWithTheirOwnDrops() {
        let changes = Self.changes()
        #expect(changes.previousDrop == Self.autumn)
        #expect(changes.lastYearDrop == Self.lastYear)
        for change in changes.changes {
            #expect(change.drop == Self.now)
            #expect(change.oldDrop == (change.comparedWith == .previousDrop ? Self.autumn : Self.lastYear))
        }
        #expect(changes.changes.filter { $0.comparedWith == .previousDrop }.count == 13)
        #expect(changes.changes.filter { $0.comparedWith == .lastYear }.count == 8)
    }

    @Test func turnedRedCountForTheHeader() {
        // Ash PA SEN, trust PA SEN, Ash attendance SEN, trust attendance SEN, Ash attendance.
        let changes = Self.changes()
        #expect(changes.turnedRedSincePreviousDrop == 5)
        #expect(changes.count(.turnedRed, comparedWith: .lastYear) == 2)
        let current = RatedDrop(data: Self.data(), drop: Self.now, config: Self.config)
        let previous = RatedDrop(data: Self.data(), drop: Self.autumn, config: Self.config)
        #expect(RatingChanges.turnedRedCount(current: current, previous: previous) == 5)
    }

    @Test func suppressedGroupsAreNeverListedAndSixPupilsAre() {
        let changes = Self.changes()
        // 5 disadvantaged pupils now: suppressed, so no line for the group, the trust's
        // included, and neither its old 98.0 nor its hidden 80.0 is anywhere.
        #expect(!changes.changes.contains { $0.group == .disadvantaged })
        for format in ReportFormat.allCases {
            let text = changes.write(format: format)
            #expect(!text.contains("disadvantaged"))
            #expect(!text.contains("98.0"))
            #expect(!text.contains("80.0"))
        }
        // 6 SEN support pupils: shown, with both values.
        #expect(changes.changes.filter { $0.group == .senSupport }.count == 4)
    }

    @Test func ratedDropsGiveTheSameList() {
        let data = Self.data()
        let rated = { (drop: DataDrop) in RatedDrop(data: data, drop: drop, config: Self.config) }
        let changes = RatingChanges(
            current: rated(Self.now), previous: rated(Self.autumn), lastYear: rated(Self.lastYear),
            trustName: "Oak Learning Trust")
        #expect(changes.changes.map(Self.line) == Self.expected)
    }

    @Test func aDropWithNoEarlierDataHasNoChanges() {
        let changes = RatingChanges(data: Self.data(), drop: Self.lastYear, config: Self.config)
        #expect(changes.changes.isEmpty)
        #expect(changes.turnedRedSincePreviousDrop == 0)
        #expect(
            changes.emptyMessage
                == "No data for 2024/25 autumn or 2023/24 spring to compare with.")
        #expect(
            changes.write(format: .text)
                == "Oak Learning Trust: what changed in 2024/25 spring\n\n"
                + "No data for 2024/25 autumn or 2023/24 spring to compare with.\n")
        #expect(changes.write(format: .csv) == RatingChanges.csvColumns.joined(separator: ",") + "\n")
        #expect(changes.write(format: .json) == "[\n\n]\n" || changes.write(format: .json) == "[]\n")
    }

    @Test func csvHeaderAndLines() {
        let lines = Self.changes().write(format: .csv).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        #expect(
            lines.first
                == "drop,urn,academy,kpi,pupil_group,year_group,compared_with,old_value,old_rating,new_value,"
                + "new_rating,change,significant")
        #expect(lines.count == 1 + 21 + 1)
        #expect(
            lines[1]
                == "2025/26-spring,100201,Ash Primary,persistent_absence_rate,sen_support,all,previous_drop,"
                + "16.7,amber,33.3,red,16.6,no")
        #expect(
            lines[2]
                == "2025/26-spring,trust,Oak Learning Trust,persistent_absence_rate,sen_support,all,previous_drop,"
                + "16.7,amber,33.3,red,16.6,no")
        #expect(
            lines[8]
                == "2025/26-spring,100201,Ash Primary,rwm_expected,all,6,last_year,52.5,red,50.0,red,-2.5,no")
        // Beech PA against autumn, beyond chance (z = 2.44 above).
        #expect(
            lines[12]
                == "2025/26-spring,100202,Beech Academy,persistent_absence_rate,all,all,previous_drop,"
                + "14.0,green,18.0,amber,4.0,yes")
        #expect(
            lines[21]
                == "2025/26-spring,trust,Oak Learning Trust,persistent_absence_rate,all,all,last_year,"
                + "20.4,red,19.0,amber,-1.4,no")
    }

    @Test func csvCellsAreSafeInASpreadsheet() {
        let csv = Self.changes(beechName: "=Beech, \"Upper\"").write(format: .csv)
        #expect(
            csv.contains(
                "2025/26-spring,100202,\"'=Beech, \"\"Upper\"\"\",attendance_rate,all,all,previous_drop,"
                    + "96.0,green,94.0,amber,-2.0,yes\n"))
    }

    @Test func jsonHasTheCSVKeys() throws {
        let json = Self.changes().write(format: .json)
        let decoded = try JSONSerialization.jsonObject(with: Data(json.utf8))
        let objects = try #require(decoded as? [[String: Any]])
        #expect(objects.count == 21)
        let first = try #require(objects.first)
        for column in RatingChanges.csvColumns { #expect(first[column] != nil, "missing \(column)") }
        #expect(first["urn"] as? String == "100201")
        #expect(first["old_value"] as? Double == 16.7)
        #expect(first["change"] as? Double == 16.6)
        #expect(first["band"] as? String == "turned_red")
        #expect(first["old_drop"] as? String == "2025/26-autumn")
    }

    @Test func textAndMarkdownHaveOneTablePerBand() {
        let changes = Self.changes()
        let text = changes.write(format: .text)
        #expect(text.hasPrefix("Oak Learning Trust: what changed in 2025/26 spring\n\nTurned red (7)\n"))
        #expect(text.contains("\nRed and worse (4)\n"))
        #expect(text.contains("\nNow amber (3)\n"))
        #expect(text.contains("\nImproved (7)\n"))
        #expect(text.contains("previous drop (2025/26 autumn)"))
        let markdown = changes.write(format: .markdown)
        #expect(
            markdown.hasPrefix("# Oak Learning Trust: what changed in 2025/26 spring\n\n## Turned red (7)\n"))
        #expect(
            markdown.contains(
                "| Ash Primary | 100201 | Persistent absence | SEN support | all years | previous drop (2025/26 autumn)"
                    + " | 16.7 | AMBER | 33.3 | RED | +16.6 |"))
    }

    @Test func everyAcademyOfALargeTrustIsCounted() {
        // 200 academies × 3 drops, each with attendance for all nine pupil groups and
        // Year 6 reading, writing, maths and RWM for three groups: about 60 figures an
        // academy a drop. Every group's attendance is 97.0 or 96.7 (green) in autumn and
        // 91.0 or 90.0 (red) now, so 9 figures an academy, and the trust's 9, turned red;
        // the attainment is the same in every drop and never changes.
        var academies: [Academy] = []
        var attendance: [AttendanceRecord] = []
        var attainment: [AttainmentRecord] = []
        for number in 0..<200 {
            let urn = Fixtures.urn(300_000 + number)
            academies.append(Academy(urn: urn, name: "Academy \(number)", phase: .primary))
            for (drop, absent) in [(Self.now, 900), (Self.autumn, 300), (Self.lastYear, 850)] {
                attendance.append(
                    Self.attendance(urn, drop, pupils: 200, possible: 10_000, absent: absent, persistent: 30))
                for group in PupilGroup.allCases where group != .all {
                    attendance.append(
                        Self.attendance(
                            urn, drop, group, pupils: 60, possible: 3_000, absent: absent / 3, persistent: 9))
                }
                for group in [PupilGroup.all, .disadvantaged, .notDisadvantaged] {
                    for subject in [Subject.reading, .writing, .maths, .rwm] {
                        attainment.append(
                            AttainmentRecord(
                                urn: urn, drop: drop, group: group, yearGroup: .year(6), subject: subject,
                                cohort: 30, expected: 20, greaterDepth: 5))
                    }
                }
            }
        }
        let data = TrustData(
            trustName: "Big Trust", academies: academies, attendance: attendance, attainment: attainment)
        let changes = RatingChanges(data: data, drop: Self.now, config: Self.config)
        #expect(changes.turnedRedSincePreviousDrop == 9 * 201)
        // How long this takes is measured by `trustboard-bench --dashboard` (header changes
        // for 2,000 academies), against the same run's frames, never by a timed test: a
        // loaded machine runs a test several times slower.
    }
}

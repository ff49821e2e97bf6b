import Testing

@testable import Metrics

/// An inclusion figure counts every pupil on roll, an attendance figure only those with a
/// possible session: shown side by side for one group, their pupils must not give away a
/// group of 1 to 5 pupils by subtraction. Every case is worked out by hand from the rows.
@Suite("Inclusion and attendance pupils do not give away a small group")
struct InclusionBesideAttendanceTests {
    static let drop = DataDrop(year: AcademicYear(2025), term: .spring)
    static let a = Fixtures.urn(300_001)
    static let b = Fixtures.urn(300_002)

    static func attendance(_ urn: URN, _ year: YearGroup = .all, pupils: Int) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, yearGroup: year, pupils: pupils, possibleSessions: pupils * 100,
            absentSessions: pupils * 6, persistentAbsentees: 1)
    }

    static func inclusion(_ urn: URN, _ year: YearGroup = .all, pupils: Int) -> InclusionRecord {
        InclusionRecord(
            urn: urn, drop: drop, yearGroup: year, pupils: pupils, suspensions: 12, pupilsSuspended: 5,
            permanentExclusions: 1)
    }

    /// Academy A: 60 pupils with a possible session (30 in Year 5, 30 in Year 6) and 63 on
    /// roll (30 and 33): 3 pupils of Year 6 have no possible session. Academy B: 200 and
    /// 206, 6 apart, which may be shown.
    static let data = TrustData(
        academies: [
            Academy(urn: a, name: "Ash", phase: .primary), Academy(urn: b, name: "Birch", phase: .primary),
        ],
        attendance: [
            attendance(a, pupils: 60), attendance(a, .year(5), pupils: 30),
            attendance(a, .year(6), pupils: 30),
            attendance(b, pupils: 200),
        ],
        inclusion: [
            inclusion(a, pupils: 63), inclusion(a, .year(5), pupils: 30), inclusion(a, .year(6), pupils: 33),
            inclusion(b, pupils: 206),
        ])

    static func report() -> [ReportRow] {
        let rater = DropRater(data: data, drop: drop, config: RatingConfig())
        var rows: [ReportRow] = []
        TrustReport(rater, trustName: "Test Trust").forEachRow { rows.append($0) }
        return rows
    }

    static func isInclusion(_ key: String) -> Bool { InclusionMeasure(rawValue: key) != nil }

    @Test func theInclusionFiguresThatWouldGiveAwayThePupilsWithNoSessionAreHidden() {
        let rows = Self.report()
        var hidden: Set<String> = []
        var shownAttendance: Set<String> = []
        for row in rows where row.pupilGroup == "all" {
            let line = "\(row.urn) \(row.yearGroup)"
            if row.kpi == InclusionMeasure.suspensionRate.rawValue, row.rating == "suppressed" {
                hidden.insert(line)
            }
            if row.kpi == KPI.attendanceRate.key, row.rating != "suppressed" { shownAttendance.insert(line) }
        }
        // A, all years: 63 − 60 = 3; A, Year 6: 33 − 30 = 3; the trust's Year 6 is A's.
        // B's all years go too: with A's hidden and the trust's (269) shown, A's would be
        // 269 − 206. A's Year 5 (30 and 30) stays: A's all years and Year 6 are both hidden.
        #expect(hidden == ["300001 all", "300001 6", "trust 6", "300002 all"])
        // Every attendance figure stays.
        #expect(
            shownAttendance == [
                "300001 all", "300001 5", "300001 6", "300002 all", "trust all", "trust 5",
                "trust 6",
            ])
        // Hidden means no value and no pupils in any of the three measures.
        for row in rows where Self.isInclusion(row.kpi) && hidden.contains("\(row.urn) \(row.yearGroup)") {
            #expect(row.value == nil && row.cohort == nil, "\(row.kpi) \(row.urn) \(row.yearGroup)")
        }
    }

    /// An attacker holding every row: for each line with both counts shown, the difference
    /// is 0 or at least 6; and the year groups and academies, summed, give no hidden count.
    @Test func noOutputGivesAwayTheThreePupils() {
        let rows = Self.report()
        var attendancePupils: [String: Int] = [:]
        var inclusionPupils: [String: Int] = [:]
        for row in rows where row.pupilGroup == "all" {
            let line = "\(row.urn) \(row.yearGroup)"
            if row.kpi == KPI.attendanceRate.key, let cohort = row.cohort { attendancePupils[line] = cohort }
            if Self.isInclusion(row.kpi), let cohort = row.cohort { inclusionPupils[line] = cohort }
        }
        for (line, onRoll) in inclusionPupils {
            guard let attending = attendancePupils[line] else { continue }
            #expect(!(1...5).contains(abs(onRoll - attending)), "\(line): \(onRoll) and \(attending)")
        }
        // What is shown of inclusion: A's Year 5 (30), the trust's all years (269) and
        // Year 5 (30). A's all years is 269 − B's, and B's is hidden; A's Year 6 is A's all
        // years − 30, and A's all years is hidden.
        #expect(inclusionPupils == ["300001 5": 30, "trust all": 269, "trust 5": 30])
    }
}

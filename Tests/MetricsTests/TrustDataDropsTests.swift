import Testing

@testable import Metrics

/// `TrustData.drops` adds each run of records of one drop once: every drop with a record of
/// any kind is still found, however the records are ordered.
@Suite("A trust's drops")
struct TrustDataDropsTests {
    @Test("every drop of every kind, oldest first, with records of drops in runs and interleaved")
    func everyDrop() {
        let drops = (2019...2024).flatMap { year in
            Term.allCases.map { DataDrop(year: AcademicYear(year), term: $0) }
        }
        var random = SplitMix(state: 14)
        for _ in 0..<50 {
            var data = TrustData()
            var expected = Set<DataDrop>()
            func some() -> DataDrop {
                let drop = random.pick(drops)
                expected.insert(drop)
                return drop
            }
            let urn = URN(100_001)!
            for _ in 0..<random.int(0...6) {
                // Runs of one drop now and then, as a store loads them.
                let drop = some()
                for _ in 0..<random.int(1...3) {
                    data.attendance.append(
                        AttendanceRecord(
                            urn: urn, drop: drop, pupils: 10, possibleSessions: 100, absentSessions: 5,
                            persistentAbsentees: 1))
                }
            }
            for _ in 0..<random.int(0...3) {
                data.attainment.append(
                    AttainmentRecord(
                        urn: urn, drop: some(), group: .all, yearGroup: .year(6), subject: .rwm, cohort: 10,
                        expected: 5))
            }
            for _ in 0..<random.int(0...3) {
                data.scores.append(
                    ScoreRecord(
                        urn: urn, drop: some(), group: .all, yearGroup: .year(11), measure: .progress8,
                        cohort: 10,
                        average: 0.1))
            }
            for _ in 0..<random.int(0...3) {
                data.published.append(
                    PublishedFigure(
                        urn: urn, drop: some(), kpi: .attendanceRate, group: .all, yearGroup: .all, value: 90,
                        pupils: 10, source: "test"))
            }
            for _ in 0..<random.int(0...3) {
                data.inclusion.append(
                    InclusionRecord(
                        urn: urn, drop: some(), pupils: 10, suspensions: 1, pupilsSuspended: 1,
                        permanentExclusions: 0))
            }
            #expect(data.drops == expected.sorted())
        }
    }
}

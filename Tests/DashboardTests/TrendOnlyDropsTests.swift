import Dashboard
import Metrics
import Testing

/// Why the overview's trend reads every attendance record of a drop it shows only the
/// trend of (`TrustView.trendOnlyDrops`), not only the all-pupils, all-year-groups ones
/// it shows: whether such a figure is hidden can depend on its pupil groups' records.
@Suite("A trend drop's whole-school attendance and its pupil groups")
struct TrendOnlyDropsTests {
    static let drop = DataDrop(year: AcademicYear(2024), term: .spring)

    /// One academy's attendance line for `group`: `pupils` pupils, `sessions` possible
    /// sessions.
    static func line(_ urn: URN, _ group: PupilGroup, pupils: Int, sessions: Int) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, group: group, pupils: pupils, possibleSessions: sessions,
            absentSessions: sessions / 20, persistentAbsentees: pupils / 5)
    }

    /// The academy's whole-school, all-pupils attendance rate, and whether it is hidden.
    static func wholeSchool(_ data: TrustData, _ urn: URN) throws -> (figure: Figure, hidden: Bool) {
        let calculator = FigureCalculator(data: data)
        let protection = SmallGroupProtection(calculator: calculator, drop: drop)
        let figure = try #require(
            calculator.figures(of: urn, in: drop).first {
                $0.kpi == .attendanceRate && $0.group == .all && $0.yearGroup == .all
            })
        return (figure, protection.hides(figure))
    }

    /// 20 pupils, of whom 3 disadvantaged (too few to show) and 17 not, by their
    /// sessions; the not-disadvantaged line counts 21 pupils (a pupil who changed group
    /// counted in both), so the partition adds up by sessions, not pupils. Its one hidden
    /// member needs a complement, and the smallest still shown is the whole school's
    /// figure (20 pupils against 21): hidden, though 20 pupils could be shown. Read without
    /// the pupil groups' records it would be shown, and the disadvantaged pupils' figure
    /// worked out from it and the other group's.
    @Test("the whole school's figure is hidden as a complement of a small pupil group")
    func hiddenByItsPupilGroups() throws {
        let urn = TestTrust.urn(700_001)
        let other = TestTrust.urn(700_002)
        var data = TrustData()
        data.academies = [
            Academy(urn: urn, name: "Academy A", phase: .primary),
            Academy(urn: other, name: "Academy B", phase: .primary),
        ]
        data.attendance = [
            Self.line(urn, .all, pupils: 20, sessions: 20 * 290),
            Self.line(urn, .disadvantaged, pupils: 3, sessions: 3 * 290),
            Self.line(urn, .notDisadvantaged, pupils: 21, sessions: 17 * 290),
            Self.line(other, .all, pupils: 200, sessions: 200 * 290),
        ]
        let whole = try Self.wholeSchool(data, urn)
        #expect(whole.figure.pupils == 20)
        #expect(whole.hidden)
        var narrowed = data
        narrowed.attendance = data.attendance.filter { $0.group == .all && $0.yearGroup == .all }
        #expect(try !Self.wholeSchool(narrowed, urn).hidden)
    }
}

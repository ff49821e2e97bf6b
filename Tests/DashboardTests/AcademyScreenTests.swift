import Dashboard
import Metrics
import Testing

/// A trust of three academies over three drops, built by hand so that every figure the
/// academy page shows can be checked against a value worked out here.
///
/// Drops: 2024/25 spring (a year before), 2025/26 autumn, 2025/26 spring (shown).
/// National benchmarks, all 2024/25 summer (the latest before 2025/26 spring, so the
/// page says which year they are from): RWM 62, reading 75, writing 72, maths 73
/// (expected %, all phases, rule: green at or above, amber within 5); attendance 94.5
/// (primary, amber within 1), PA 14.6 (primary, lower is better, amber within 5),
/// severe 2.3 (primary, amber within 1).
///
/// Hollybank Primary, 2025/26 spring, Year 6, all pupils:
/// - Reading 22 of 29 = 75.86 → 75.9 (green ≥ 75.0); greater depth 8 of 29 = 27.59 → 27.6;
///   a year ago 21 of 28 = 75.0, change +0.9 (better).
/// - Writing 17 of 29 = 58.62 → 58.6 (red: below 72 − 5 = 67); GD 3 of 29 = 10.34 → 10.3.
/// - Maths 20 of 29 = 68.97 → 69.0 (amber: 68 ≤ 69.0 < 73); GD 6 of 29 = 20.69 → 20.7.
/// - RWM 17 of 29 = 58.62 → 58.6 (amber: 57 ≤ 58.6 < 62); GD 2 of 29 = 6.90 → 6.9;
///   a year ago 18 of 28 = 64.29 → 64.3, change 58.6 − 64.3 = −5.7 (worse).
/// - RWM disadvantaged 5 of 12 = 41.67 → 41.7; not disadvantaged 12 of 17 = 70.59 → 70.6;
///   gap 70.6 − 41.7 = 28.9 points. A year ago 4 of 10 = 40.0 and 14 of 18 = 77.78 → 77.8,
///   gap 37.8, so the gap narrowed.
/// - RWM SEN support: 5 pupils, suppressed; no SEN 16 of 24 = 66.67 → 66.7.
/// - Year 4 maths 24 of 30 = 80.0. Year groups with attainment: Year 4, Year 6.
///
/// Hollybank attendance, all pupils (sessions attended = possible − absent):
/// - 2024/25 spring: 50,000 − 2,500 = 47,500 → 95.0; PA 30 of 200 = 15.0; severe 4 of 200 = 2.0.
/// - 2025/26 autumn: 30,000 − 1,200 → 96.0; PA 21 of 210 = 10.0; severe 2 of 210 = 0.95 → 1.0.
/// - 2025/26 spring: 52,000 − 4,264 = 47,736 → 91.8 (red: below 94.5 − 1 = 93.5), change
///   91.8 − 95.0 = −3.2; PA 42 of 210 = 20.0 (red: above 19.6), change +5.0; severe 6 of 210
///   = 2.86 → 2.9 (amber: 2.3 < 2.9 ≤ 3.3), change +0.9.
/// - Sparkline of attendance 95.0, 96.0, 91.8 over 91.8…96.0 (range 4.2): (95.0 − 91.8) / 4.2
///   × 7 = 5.33 → level 5 "▆", 96.0 → 7 "█", 91.8 → 0 "▁": "▆█▁" ("+#_" in ASCII).
/// - Sparkline of PA 15.0, 10.0, 20.0: 0.5 × 7 = 3.5 → 4 "▅", "▁", "█": "▅▁█".
/// - 2025/26 spring groups: disadvantaged 15,000 − 1,650 = 13,350 → 89.0, PA 18 of 60 =
///   30.0; not disadvantaged 37,000 − 2,614 = 34,386 → 92.94 → 92.9, PA 24 of 150 = 16.0;
///   EHCP 4 pupils, suppressed.
///
/// Castle Rise Academy (secondary), 2025/26 spring: Year 11 English and maths 26 of 40 =
/// 65.0; Attainment 8 average 44.3 over 40 pupils. St Mary’s & St Æthelred’s C of E
/// Primary has attendance only: 24,000 of 25,000 sessions attended, 96.0. Sorted by name
/// the academies run Castle Rise, Hollybank, St Mary’s, so Hollybank is 2 of 3.
private enum Fixture {
    static let lastYear = DataDrop(year: AcademicYear(2024), term: .spring)
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)
    static let now = DataDrop(year: AcademicYear(2025), term: .spring)
    static let published = AcademicYear(2024)

    static func urn(_ value: Int) -> URN {
        guard let urn = URN(value) else { preconditionFailure("bad test URN \(value)") }
        return urn
    }

    static let hollybank = urn(900_001)
    static let castle = urn(900_002)
    static let stMarys = urn(900_003)

    static func attendance(
        _ urn: URN, _ drop: DataDrop, _ group: PupilGroup = .all, pupils: Int, possible: Int, absent: Int,
        persistent: Int, severe: Int
    ) -> AttendanceRecord {
        AttendanceRecord(
            urn: urn, drop: drop, group: group, pupils: pupils, possibleSessions: possible,
            absentSessions: absent, persistentAbsentees: persistent, severeAbsentees: severe)
    }

    static func attainment(
        _ urn: URN, _ drop: DataDrop, _ subject: Subject, _ group: PupilGroup = .all, year: Int = 6,
        cohort: Int, expected: Int, depth: Int? = nil
    ) -> AttainmentRecord {
        AttainmentRecord(
            urn: urn, drop: drop, group: group, yearGroup: .year(year), subject: subject, cohort: cohort,
            expected: expected, greaterDepth: depth)
    }

    static func national(_ kpi: KPI, _ value: Double, phase: Phase? = nil) -> Benchmark {
        Benchmark(kpi: kpi, year: published, term: .summer, phase: phase, value: value, source: "test")
    }

    static let data = TrustData(
        trustName: "Test Trust",
        academies: [
            Academy(urn: hollybank, name: "Hollybank Primary", phase: .primary, sil: "R. Okafor"),
            Academy(urn: castle, name: "Castle Rise Academy", phase: .secondary, sil: "J. Whitfield"),
            Academy(
                urn: stMarys, name: "St Mary’s & St Æthelred’s C of E Primary", phase: .primary,
                sil: "R. Okafor"),
        ],
        attendance: [
            attendance(
                hollybank, lastYear, pupils: 200, possible: 50_000, absent: 2_500, persistent: 30, severe: 4),
            attendance(
                hollybank, autumn, pupils: 210, possible: 30_000, absent: 1_200, persistent: 21, severe: 2),
            attendance(
                hollybank, now, pupils: 210, possible: 52_000, absent: 4_264, persistent: 42, severe: 6),
            attendance(
                hollybank, now, .disadvantaged, pupils: 60, possible: 15_000, absent: 1_650, persistent: 18,
                severe: 3),
            attendance(
                hollybank, now, .notDisadvantaged, pupils: 150, possible: 37_000, absent: 2_614,
                persistent: 24,
                severe: 3),
            attendance(
                hollybank, now, .ehcp, pupils: 4, possible: 1_000, absent: 200, persistent: 2, severe: 0),
            attendance(
                castle, now, pupils: 800, possible: 200_000, absent: 14_000, persistent: 120, severe: 16),
            attendance(stMarys, now, pupils: 100, possible: 25_000, absent: 1_000, persistent: 5, severe: 1),
        ],
        attainment: [
            attainment(hollybank, now, .reading, cohort: 29, expected: 22, depth: 8),
            attainment(hollybank, now, .writing, cohort: 29, expected: 17, depth: 3),
            attainment(hollybank, now, .maths, cohort: 29, expected: 20, depth: 6),
            attainment(hollybank, now, .rwm, cohort: 29, expected: 17, depth: 2),
            attainment(hollybank, now, .rwm, .disadvantaged, cohort: 12, expected: 5),
            attainment(hollybank, now, .rwm, .notDisadvantaged, cohort: 17, expected: 12),
            attainment(hollybank, now, .rwm, .senSupport, cohort: 5, expected: 1),
            attainment(hollybank, now, .rwm, .noSen, cohort: 24, expected: 16),
            attainment(hollybank, now, .maths, year: 4, cohort: 30, expected: 24),
            attainment(hollybank, lastYear, .reading, cohort: 28, expected: 21),
            attainment(hollybank, lastYear, .rwm, cohort: 28, expected: 18),
            attainment(hollybank, lastYear, .rwm, .disadvantaged, cohort: 10, expected: 4),
            attainment(hollybank, lastYear, .rwm, .notDisadvantaged, cohort: 18, expected: 14),
            attainment(castle, now, .englishMaths, year: 11, cohort: 40, expected: 26),
        ],
        scores: [
            ScoreRecord(
                urn: castle, drop: now, yearGroup: .year(11), measure: .attainment8, cohort: 40, average: 44.3
            )
        ],
        benchmarks: [
            national(.expected(.rwm), 62), national(.expected(.reading), 75),
            national(.expected(.writing), 72),
            national(.expected(.maths), 73), national(.attendanceRate, 94.5, phase: .primary),
            national(.persistentAbsenceRate, 14.6, phase: .primary),
            national(.severeAbsenceRate, 2.3, phase: .primary),
        ],
        ingestedAt: [now: "14 Mar 2026 10:42"])

    static func view() -> TrustView {
        TrustView(data: data, config: RatingConfig(), trustName: "Test Trust", isSample: false)
    }

    /// The state of the academy page of `urn`, sorted by name.
    static func state(_ view: TrustView, _ urn: URN = hollybank, width: Int, height: Int, ascii: Bool = false)
        -> DashboardState
    {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        state.overview.sort = .name
        state.page = .academy(AcademyPage(urn: urn))
        return state
    }

    /// The page drawn as the dashboard draws it: between the header row and the footer.
    static func render(
        _ state: DashboardState, _ view: TrustView, urn: URN = hollybank, explain: Bool = false
    )
        -> Frame
    {
        var screen = Screen(width: state.width, height: state.height, style: TextStyle(ascii: state.ascii))
        AcademyScreen.render(state, view: view, urn: urn, into: &screen, top: 1, bottom: state.height - 1)
        if explain { ExplainOverlay.render(state, view: view, urn: urn, into: &screen) }
        return Frame(screen: screen)
    }
}

/// A drawn frame, shown as its text when an expectation fails.
private struct Frame: CustomTestStringConvertible {
    let screen: Screen

    var testDescription: String { "\n" + text }
    var text: String { screen.text }
    var width: Int { screen.width }
    var height: Int { screen.height }

    /// The rows of the frame as text.
    var lines: [String] { text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    subscript(x: Int, y: Int) -> Cell { screen[x, y] }

    /// The first line holding `needle`.
    func line(containing needle: String) -> String? {
        lines.first { $0.contains(needle) }
    }

    /// The column and row where `needle` first starts, reading cell by cell, on the first
    /// rows holding `after`.
    func find(_ needle: String, after: String? = nil) -> (x: Int, y: Int)? {
        let wanted = needle.map(String.init)
        for y in 0..<height {
            let row = (0..<width).map { screen[$0, y].text }
            if let after, !row.joined().contains(after) { continue }
            for x in 0...max(0, width - wanted.count)
            where Array(row[x..<min(width, x + wanted.count)]) == wanted {
                return (x, y)
            }
        }
        return nil
    }

    /// The role of the cell where `needle` starts, on the first row holding `after`.
    func role(of needle: String, after: String? = nil) -> Role? {
        find(needle, after: after).map { screen[$0.x, $0.y].role }
    }
}

@Suite struct AcademyScreenTests {
    let view = Fixture.view()

    @Test func firstLineNamesTheAcademyTheDropAndItsPlace() throws {
        let screen = Fixture.render(Fixture.state(view, width: 120, height: 40), view)
        let first = screen.lines[1]
        #expect(first.contains("Hollybank Primary · URN 900001 · primary · SIL R. Okafor"))
        #expect(first.contains("2025/26 spring · ingested 14 Mar 2026 10:42"))
        #expect(first.hasSuffix("◀ 2 of 3 ▶"))
        #expect(screen.lines[0].isEmpty, "row 0 is the lead's header")
        #expect(screen.lines[39].isEmpty, "the last row is the footer")
    }

    @Test func attainmentRowsShowHandWorkedFigures() throws {
        let screen = Fixture.render(Fixture.state(view, width: 120, height: 40), view)
        #expect(screen.text.contains("Attainment · Year 6 · all pupils"))
        let reading = try #require(screen.line(containing: "Reading "))
        #expect(reading.contains("●  75.9"))
        #expect(reading.contains("27.6"))
        #expect(reading.contains("75.0"))
        #expect(reading.contains("↑ 0.9"))
        let writing = try #require(screen.line(containing: "Writing "))
        #expect(writing.contains("■  58.6"))
        #expect(writing.contains("10.3"))
        #expect(writing.contains("72.0"))
        let maths = try #require(screen.line(containing: "Maths "))
        #expect(maths.contains("▲  69.0"))
        #expect(maths.contains("20.7"))
        let rwm = try #require(screen.line(containing: "RWM  "))
        #expect(rwm.contains("▲  58.6"))
        #expect(rwm.contains("6.9"))
        #expect(rwm.contains("62.0"))
        #expect(rwm.contains("↓ 5.7"))
        #expect(screen.role(of: "58.6", after: "RWM  ") == .amber)
        #expect(screen.role(of: "↓ 5.7") == .worse)
        // Reading is the focused row: its change keeps its colour on the selection.
        #expect(screen.role(of: "↑ 0.9", after: "Reading ") == .selectedBetter)
        #expect(screen.role(of: "■  58.6") == .red)
        #expect(screen.text.contains("National figures from 2024/25 summer"))
    }

    @Test func gapLinesUseTheHeadlineSubject() throws {
        let screen = Fixture.render(Fixture.state(view, width: 120, height: 40), view)
        // 70.6 − 41.7 = 28.9 now; 77.8 − 40.0 = 37.8 a year ago: narrowed by 8.9, because
        // disadvantaged pupils rose 41.7 − 40.0 = 1.7 and others fell 77.8 − 70.6 = 7.2.
        let gap = try #require(screen.line(containing: "Gap"))
        #expect(gap.contains("Gap (RWM): 28.9 points (disadvantaged 41.7 vs others 70.6)"), "\(screen)")
        #expect(screen.role(of: "28.9") == .better, "the gap narrowed from 37.8")
        #expect(
            screen.line(containing: "37.8 a year ago, narrowed: disadv. rose 1.7, others fell 7.2") != nil,
            "\(screen)")
        let send = try #require(screen.line(containing: "SEND"))
        // 5 with SEN support and 24 with no SEN make all 29: with the 29 shown, no SEN
        // would give SEN support away, so it is hidden too.
        #expect(send.contains("SEND (RWM): not shown, SEN supp. suppressed, no SEN suppressed"))
        #expect(!send.contains("66.7"), "16 of 24 with no SEN would give the 1 of 5 away")
        let wide = Fixture.render(Fixture.state(view, width: 200, height: 60), view)
        #expect(
            wide.line(
                containing:
                    "Disadvantaged gap (RWM): 28.9 points, 37.8 a year ago"
                    + " (narrowed: disadvantaged rose 1.7, others fell 7.2)") != nil, "\(wide)")
        let wideSend = try #require(wide.line(containing: "SEND (RWM): not shown, SEN support suppressed"))
        #expect(wideSend.contains(", no SEN suppressed"))
        #expect(!wideSend.contains("66.7"), "16 of 24 with no SEN would give the 1 of 5 away")
    }

    @Test func suppressedGroupsShowSUPPAndNeverAValue() throws {
        var state = Fixture.state(view, width: 120, height: 40)
        state.group = .senSupport
        let screen = Fixture.render(state, view)
        #expect(screen.text.contains("Attainment · Year 6 · SEN support"))
        let rwm = try #require(screen.line(containing: "RWM  "))
        #expect(rwm.contains("◌  SUPP"))
        #expect(!rwm.contains("20.0"), "1 of 5 would show as 20.0")
        #expect(screen.role(of: "SUPP", after: "RWM  ") == .suppressed)
        let reading = try #require(screen.line(containing: "Reading "))
        #expect(reading.contains("—"), "no SEN support reading row: a dash, not a zero")
        #expect(!reading.contains("0.0"))
        let ehcp = try #require(
            Fixture.render(Fixture.state(view, width: 120, height: 40), view).line(containing: "EHCP"))
        #expect(ehcp.contains("◌  SUPP"))
    }

    @Test func attendanceAndAbsencePanelsShowRatesTrendsAndGroups() throws {
        let screen = Fixture.render(Fixture.state(view, width: 120, height: 40), view)
        let rate = try #require(screen.line(containing: "■ 91.8 %"))
        #expect(rate.contains("national 94.5"))
        #expect(rate.contains("↓ 3.2 on last spring"))
        #expect(screen.role(of: "91.8") == .red)
        #expect(screen.role(of: "↓ 3.2") == .worse)
        let trend = try #require(screen.line(containing: "▆█▁"))
        #expect(trend.contains("3 drops, 2024/25 spring → 2025/26 spring"))
        let disadvantaged = try #require(screen.find("■  89.0"))
        #expect(screen.lines[disadvantaged.y].contains("disadvantaged"))
        #expect(screen.line(containing: "not disadv")?.contains("92.9") == true)
        let pa = try #require(screen.line(containing: "■ PA"))
        #expect(pa.contains("20.0 %"))
        #expect(pa.contains("national 14.6"))
        #expect(pa.contains("↑ 5.0 on last spring"))
        let severe = try #require(screen.line(containing: "▲ severe"))
        #expect(severe.contains("2.9 %"))
        #expect(severe.contains("↑ 0.9"))
        #expect(screen.text.contains("▅▁█"))
        let persistent = try #require(screen.find("■  30.0"))
        #expect(screen.lines[persistent.y].contains("disadvantaged"))
    }

    @Test func sparklineScalesMinToMax() {
        #expect(Sparkline.text([1, 2, 3, 4, 5, 6, 7, 8], ascii: false) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.text([1, 2, 3, 4, 5, 6, 7, 8], ascii: true) == "_.-:=+*#")
        #expect(Sparkline.text([95.0, 96.0, 91.8], ascii: false) == "▆█▁")
        #expect(Sparkline.text([95.0, 96.0, 91.8], ascii: true) == "+#_")
        #expect(Sparkline.text([3, nil, 3], ascii: false) == "▄ ▄")
        #expect(Sparkline.text([nil, nil], ascii: true) == "  ")
        #expect(Sparkline.text([], ascii: false).isEmpty)
    }

    @Test func focusMovesBetweenTheFiguresOfEachPanel() throws {
        var state = Fixture.state(view, width: 120, height: 40)
        let urn = Fixture.hollybank
        #expect(AcademyScreen.focusableRows(state, view: view, urn: urn) == 4)
        state.academy?.panelRow = 3
        let rwm = try #require(AcademyScreen.focusedFigure(state, view: view, urn: urn))
        #expect(rwm.figure.kpi == .expected(.rwm))
        #expect(rwm.shown == 58.6)
        #expect(rwm.rating == .amber)
        state.academy?.panel = .attendance
        state.academy?.panelRow = 0
        #expect(AcademyScreen.focusableRows(state, view: view, urn: urn) == 4)
        #expect(AcademyScreen.focusedFigure(state, view: view, urn: urn)?.shown == 91.8)
        state.academy?.panelRow = 3
        #expect(AcademyScreen.focusedFigure(state, view: view, urn: urn)?.figure.group == .ehcp)
        state.academy?.panel = .persistentAbsence
        #expect(AcademyScreen.focusableRows(state, view: view, urn: urn) == 5)
        state.academy?.panelRow = 1
        let severe = try #require(AcademyScreen.focusedFigure(state, view: view, urn: urn))
        #expect(severe.figure.kpi == .severeAbsenceRate)
        #expect(severe.shown == 2.9)
        state.academy?.panelRow = 2
        #expect(AcademyScreen.focusedFigure(state, view: view, urn: urn)?.figure.group == .disadvantaged)
    }

    @Test func focusedRowIsHighlightedInTheHeavyPanel() throws {
        var state = Fixture.state(view, width: 120, height: 40)
        state.academy?.panelRow = 1
        let screen = Fixture.render(state, view)
        let writing = try #require(screen.find("Writing"))
        #expect(screen[writing.x, writing.y].role == .selected)
        let reading = try #require(screen.find("Reading"))
        #expect(screen[reading.x, reading.y].role == .text)
        #expect(screen.text.contains("┏━ Attainment"))
        #expect(screen.text.contains("┌─ Attendance"))
        state.academy?.panel = .persistentAbsence
        state.academy?.panelRow = 1
        let moved = Fixture.render(state, view)
        #expect(moved.text.contains("┏━ Persistent absence"))
        let severe = try #require(moved.find("severe"))
        #expect(moved[severe.x, severe.y].role == .selected)
    }

    @Test func yearGroupsAndTheirDefault() {
        let hollybank = Fixture.hollybank
        #expect(
            AcademyFigures.yearGroups(view: view, urn: hollybank, drop: Fixture.now) == [.year(4), .year(6)])
        #expect(AcademyFigures.defaultYearGroup(view: view, urn: hollybank, drop: Fixture.now) == .year(6))
        #expect(AcademyFigures.yearGroups(view: view, urn: hollybank, drop: Fixture.lastYear) == [.year(6)])
        #expect(
            AcademyFigures.defaultYearGroup(view: view, urn: Fixture.castle, drop: Fixture.now) == .year(11))
        #expect(AcademyFigures.yearGroups(view: view, urn: Fixture.stMarys, drop: Fixture.now).isEmpty)
        #expect(AcademyFigures.defaultYearGroup(view: view, urn: Fixture.stMarys, drop: Fixture.now) == nil)
        #expect(AcademyFigures.yearGroups(view: view, urn: hollybank, drop: nil).isEmpty)
    }

    @Test func chosenYearGroupAndSecondaryScores() throws {
        var state = Fixture.state(view, width: 120, height: 40)
        state.academy?.yearGroup = .year(4)
        let year4 = Fixture.render(state, view)
        #expect(year4.text.contains("Attainment · Year 4 · all pupils"))
        #expect(year4.line(containing: "Maths ")?.contains("80.0") == true)
        #expect(year4.line(containing: "Reading ") == nil)
        let castle = Fixture.render(
            Fixture.state(view, Fixture.castle, width: 120, height: 40), view, urn: Fixture.castle)
        #expect(castle.text.contains("Attainment · Year 11 · all pupils"))
        #expect(castle.line(containing: "Eng & maths")?.contains("65.0") == true)
        #expect(castle.line(containing: "Attainment 8")?.contains("44.3") == true)
        let stMarys = Fixture.render(
            Fixture.state(view, Fixture.stMarys, width: 120, height: 40), view, urn: Fixture.stMarys)
        #expect(stMarys.text.contains("No attainment figures for this academy in 2025/26 spring."))
        #expect(stMarys.line(containing: "96.0 %") != nil)
    }

    @Test func explainOverlayTellsWhyTheFigureHasItsRating() throws {
        var state = Fixture.state(view, width: 80, height: 24)
        state.academy?.panelRow = 3
        state.overlay = .explain
        let screen = Fixture.render(state, view, explain: true)
        #expect(screen.text.contains("Why is RWM (Year 6, all pupils) amber?"))
        #expect(screen.line(containing: "Rating")?.contains("▲ AMBER  58.6%") == true)
        #expect(screen.role(of: "▲ AMBER") == .amber)
        #expect(screen.line(containing: "Value")?.contains("58.6% = 17 of 29 pupils") == true)
        #expect(screen.line(containing: "Benchmark")?.contains("62.0%  national") == true)
        #expect(screen.line(containing: "Rule")?.contains("green ≥ 62.0 · amber ≥ 57.0") == true)
        #expect(
            screen.line(containing: "64.3% in 2024/25 spring → change -5.7")?.contains("Last spring") == true)
        #expect(screen.line(containing: "Esc close") != nil)
        #expect(screen.role(of: "Value") == .heading)
        state.academy?.panel = .attendance
        state.academy?.panelRow = 3
        let suppressed = Fixture.render(state, view, explain: true)
        #expect(suppressed.text.contains("Why is Attendance (EHCP) suppressed?"))
        state.academy?.panel = .attainment
        state.academy?.panelRow = 0
        state.group = .eal
        let missing = Fixture.render(state, view, explain: true)
        #expect(missing.text.contains("Nothing to explain"))
    }

    @Test func zoomGivesTheFocusedPanelTheWholePage() {
        var state = Fixture.state(view, width: 80, height: 24)
        state.academy?.panel = .attendance
        state.academy?.zoomed = true
        let screen = Fixture.render(state, view)
        #expect(screen.text.contains("Attendance · all pupils"))
        #expect(!screen.text.contains("Attainment ·"))
        #expect(!screen.text.contains("Persistent absence ·"))
        #expect(screen.line(containing: "not disadvantaged")?.contains("92.9") == true)
    }

    @Test func narrowScreensStackThePanels() throws {
        let screen = Fixture.render(Fixture.state(view, width: 80, height: 24), view)
        let titles = ["Attainment ·", "Attendance ·", "Persistent absence ·"].map { screen.find($0) }
        let rows = try titles.map { try #require($0).y }
        #expect(rows == rows.sorted() && Set(rows).count == 3, "one panel under another")
        #expect(titles.allSatisfy { $0?.x == 3 })
        #expect(screen.line(containing: "RWM  ")?.contains("58.6") == true)
        #expect(screen.line(containing: "91.8 %") != nil)
        #expect(screen.line(containing: "PA") != nil)
    }

    @Test(arguments: [(60, 15), (80, 24), (100, 30), (120, 40), (200, 60)])
    func everyFrameFitsItsSizeInUnicodeAndASCII(size: (Int, Int)) {
        for ascii in [false, true] {
            for panel in Panel.allCases {
                for zoomed in [false, true] {
                    for urn in [Fixture.hollybank, Fixture.castle, Fixture.stMarys] {
                        var state = Fixture.state(view, urn, width: size.0, height: size.1, ascii: ascii)
                        state.academy?.panel = panel
                        state.academy?.zoomed = zoomed
                        let last = AcademyScreen.focusableRows(state, view: view, urn: urn) - 1
                        state.academy?.panelRow = last
                        let screen = Fixture.render(state, view, urn: urn, explain: true)
                        let lines = screen.lines.dropLast()
                        #expect(lines.count == size.1)
                        for line in lines { #expect(DisplayWidth.of(line) <= size.0, "\(line)") }
                        if ascii {
                            let allASCII = screen.text.unicodeScalars.allSatisfy(\.isASCII)
                            #expect(allASCII, "\(screen.text)")
                            let plain = screen.lines.filter { !$0.contains("Why ") }
                            #expect(!plain.contains { $0.contains("?") }, "an untransliterated character")
                        }
                    }
                }
            }
        }
    }

    @Test func asciiModeUsesLettersForMarksAndSparklines() throws {
        let screen = Fixture.render(Fixture.state(view, width: 120, height: 40, ascii: true), view)
        #expect(screen.lines[1].contains("Hollybank Primary . URN 900001"))
        #expect(screen.lines[1].hasSuffix("< 2 of 3 >"))
        #expect(screen.line(containing: "RWM  ")?.contains("A  58.6") == true)
        #expect(screen.line(containing: "Writing ")?.contains("R  58.6") == true)
        #expect(screen.line(containing: "+#_") != nil)
        #expect(screen.line(containing: "EHCP")?.contains("S  SUPP") == true)
        #expect(screen.line(containing: "+#_  3 drops, 2024/25 spring -> 2025/26 spring") != nil)
        let stMarys = Fixture.render(
            Fixture.state(view, Fixture.stMarys, width: 120, height: 40, ascii: true), view,
            urn: Fixture.stMarys)
        // "Æ" becomes two letters, so what follows the name must move along by one.
        #expect(
            stMarys.lines[1].contains(
                "St Mary's & St AEthelred's C of E Primary . URN 900003 . primary . SIL"))
    }
}

/// Where the academy stands nationally, from distributions worked out by hand.
///
/// Hollybank's 2025/26 spring attendance is 91.8 (see `Fixture`). Among eight primary
/// schools' 89.0, 90.0, 91.8, 93.0, 94.0, 95.0, 96.0, 97.0 two are worse and one equal:
/// 100 × (2 + ½) / 8 = 31.25 → better than 31%. Its PA is 20.0 (lower is better): among
/// 10.0, 15.0, 20.0, 25.0, 30.0 two are worse and one equal: 100 × 2.5 / 5 = 50. Its RWM
/// is 58.6: among 50.0, 58.6, 70.0, 80.0 one is worse and one equal: 100 × 1.5 / 4 = 37.5
/// → 37.
@Suite("The academy page: national standing")
struct AcademyStandingTests {
    let view: TrustView = {
        var data = Fixture.data
        func distribution(_ kpi: KPI, _ values: [Double]) -> NationalDistribution {
            NationalDistribution(kpi: kpi, drop: Fixture.now, phase: .primary, values: values, source: "test")
        }
        data.distributions = [
            distribution(.attendanceRate, [89, 90, 91.8, 93, 94, 95, 96, 97]),
            distribution(.persistentAbsenceRate, [10, 15, 20, 25, 30]),
            distribution(.expected(.rwm), [50, 58.6, 70, 80]),
        ]
        return TrustView(data: data, config: RatingConfig(), trustName: "Test Trust", isSample: false)
    }()

    // At 80×24 the panels have no room for it; the explanation (`e`) still says it.
    @Test(arguments: [(120, 40), (160, 48)])
    func eachPanelSaysWhereTheAcademyStands(width: Int, height: Int) throws {
        let screen = Fixture.render(Fixture.state(view, width: width, height: height), view)
        #expect(screen.text.contains("etter than 31% of primary schools"), "attendance")
        #expect(screen.text.contains("etter than 50% of primary schools"), "persistent absence")
        #expect(screen.text.contains("etter than 37% of primary schools"), "RWM")
    }

    @Test func theExplanationSaysItToo() throws {
        var state = Fixture.state(view, width: 120, height: 40)
        state.apply(.nextPanel, view: view)
        let screen = Fixture.render(state, view, explain: true)
        #expect(
            screen.text.contains("better than 31% of primary schools in England (8 schools, test)"),
            "\(screen.text)")
    }

    /// Hollybank's attendance in three springs: 2020/21 (a pandemic year), 2021/22 and
    /// 2023/24. 2021/22 has a figure last spring, which is not compared (pandemic); 2023/24
    /// has no 2022/23 figure; each says which, where "no figure last spring" said both.
    @Test func aChangeNotMadeAcrossThePandemicSaysSo() throws {
        let springs = [2020, 2021, 2023].map { DataDrop(year: AcademicYear($0), term: .spring) }
        let data = TrustData(
            trustName: "Test Trust",
            academies: [Academy(urn: Fixture.hollybank, name: "Hollybank Primary", phase: .primary)],
            attendance: springs.map {
                Fixture.attendance(
                    Fixture.hollybank, $0, pupils: 200, possible: 50_000, absent: 2_500, persistent: 30,
                    severe: 4)
            },
            benchmarks: [Fixture.national(.attendanceRate, 94.5, phase: .primary)])
        let view = TrustView(data: data, config: RatingConfig(), trustName: "Test Trust", isSample: false)
        #expect(view.drops == springs)
        for (index, words, notWords) in [
            (1, "95.0 %  no benchmark  not compared (pandemic)", "no figure last spring"),
            (2, "95.0 %  no benchmark  no figure last spring", "not compared"),
        ] {
            var state = Fixture.state(view, width: 120, height: 40)
            state.dropIndex = index
            state.dropPicked = true
            let screen = Fixture.render(state, view)
            #expect(screen.lines[1].contains(springs[index].description))
            // 47,500 of 50,000 sessions attended: 95.0.
            let line = try #require(screen.lines.first { $0.contains("95.0 %") })
            #expect(line.contains(words), "\(screen.text)")
            #expect(!screen.text.contains(notWords), "\(screen.text)")
        }
    }

    @Test func withoutADistributionThereIsNoStanding() throws {
        let plain = Fixture.view()
        let screen = Fixture.render(Fixture.state(plain, width: 120, height: 40), plain)
        #expect(!screen.text.contains("etter than"))
    }
}

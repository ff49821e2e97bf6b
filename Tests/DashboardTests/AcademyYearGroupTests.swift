import Dashboard
import Metrics
import Testing

/// The year-group lines of the attendance and persistent absence panels can be reached,
/// explained and stepped through, on `TestTrust.historyView()` (figures worked out in
/// `TestTrust+History.swift`).
@Suite("The academy page: year-group lines")
struct AcademyYearGroupTests {
    let view = TestTrust.historyView()

    /// Alder's page with the attendance panel focused.
    func attendance(width: Int = 120, height: Int = 40) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height)
        state.openAcademy(TestTrust.alder, view: view)
        state.apply(.nextPanel, view: view)
        return state
    }

    func focused(_ state: DashboardState) -> RatedFigure? {
        AcademyScreen.focusedFigure(state, view: view, urn: TestTrust.alder)
    }

    /// The attendance panel's figures, in order: all pupils; disadvantaged, not
    /// disadvantaged and SEN support (the pupil groups with a figure); Years 3, 4, 5, 6.
    @Test func downGoesOnPastThePupilGroupsIntoTheYearGroups() throws {
        var state = attendance()
        #expect(AcademyScreen.focusableRows(state, view: view, urn: TestTrust.alder) == 1 + 3 + 4)
        for _ in 0..<6 { state.apply(.down, view: view) }
        let year5 = try #require(focused(state))
        #expect(year5.figure.yearGroup == .year(5))
        #expect(year5.shown == 96.3, "16,850 of 17,500")
        #expect(year5.rating == .green, "96.3 ≥ 94.84")
        state.apply(.down, view: view)
        let year6 = try #require(focused(state))
        #expect(year6.figure.yearGroup == .year(6))
        #expect(year6.shown == 93.5, "18,700 of 20,000")
        #expect(year6.rating == .red, "below 94.84 − 1 = 93.84")
        state.apply(.down, view: view)
        #expect(focused(state)?.figure.yearGroup == .year(6), "Year 6 is the last line")
        // The focused year group's line is the one highlighted.
        let frame = DashboardRenderer.render(state, view: view)
        let at = try #require(frame.text.split(separator: "\n").firstIndex { $0.contains("Year 6  ") })
        let row = frame.text.split(separator: "\n", omittingEmptySubsequences: false)[at]
        let x = try #require(row.range(of: "Year 6")).lowerBound.utf16Offset(in: row)
        #expect(frame[x, at].role == .selected)
    }

    @Test func enterExplainsAYearGroupLine() throws {
        var state = attendance()
        for _ in 0..<7 { state.apply(.down, view: view) }
        state.press(.enter, view: view)
        #expect(state.overlay == .explain)
        let frame = DashboardRenderer.render(state, view: view)
        try Golden.check(frame, "academy-yeargroup-explain-120x40-dark")
        let text = frame.text
        #expect(text.contains("Why is Attendance (Year 6, all pupils) red?"), "\(text)")
        #expect(text.contains("■ RED  93.5%"))
        #expect(text.contains("93.5% = 18,700 of 20,000 possible sessions attended"))
        // The DfE's primary absence for 2024/25 autumn and spring, 5.16: 100 − 5.16 = 94.84.
        #expect(text.contains("94.8% (94.84 before rounding)  national, primary"))
        #expect(text.contains("green ≥ 94.8 · amber ≥ 93.8 · red below"))
    }

    @Test func aSuppressedYearGroupSaysWhy() throws {
        var state = attendance()
        for _ in 0..<5 { state.apply(.down, view: view) }
        #expect(focused(state)?.figure.yearGroup == .year(4))
        state.apply(.explain, view: view)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(text.contains("Why is Attendance (Year 4, all pupils) suppressed?"), "\(text)")
        #expect(text.contains("it would let a hidden group of fewer"), "Year 4 is hidden to protect Year 3")
        #expect(!text.contains("96.0"), "Year 4's 10,800 of 11,250 is never shown")
    }

    @Test func persistentAbsenceYearGroupsToo() throws {
        var state = attendance()
        state.apply(.nextPanel, view: view)
        #expect(state.academy?.panel == .persistentAbsence)
        // PA, severe, three pupil groups, then Years 3 to 6.
        #expect(AcademyScreen.focusableRows(state, view: view, urn: TestTrust.alder) == 2 + 3 + 4)
        for _ in 0..<8 { state.apply(.down, view: view) }
        let year6 = try #require(focused(state))
        #expect(year6.figure.kpi == .persistentAbsenceRate)
        #expect(year6.figure.yearGroup == .year(6))
        #expect(year6.shown == 20.0, "16 of 80")
        #expect(year6.rating == .red, "above 14.56 + 5 = 19.56")
    }

    /// `y` on attendance and absence steps through the year-group lines, round again after
    /// the last; on attainment it still changes the table's year group.
    @Test func yStepsThroughTheYearGroupLines() throws {
        var state = attendance()
        var seen: [YearGroup] = []
        for _ in 0..<5 {
            state.apply(.cycleYear, view: view)
            seen.append(try #require(focused(state)).figure.yearGroup)
        }
        #expect(seen == [.year(3), .year(4), .year(5), .year(6), .year(3)])
        // Birch has no year-group lines: `y` leaves the focus where it is.
        var birch = DashboardState(view: view, width: 120, height: 40)
        birch.openAcademy(TestTrust.birch, view: view)
        birch.apply(.nextPanel, view: view)
        birch.apply(.cycleYear, view: view)
        #expect(birch.academy?.panelRow == 0)
        let help = KeyTable.bindings(.academy).first { $0.command == .cycleYear }
        #expect(help?.long.contains("year-group line") == true, "help says where y works")
    }

    /// At 80×24 the year groups do not all fit beside the pupil groups; once ↓ reaches
    /// them they are drawn, the focused one always.
    @Test func aFocusedYearGroupIsDrawnOnASmallScreen() throws {
        var state = attendance(width: 80, height: 24)
        for _ in 0..<7 { state.apply(.down, view: view) }
        let text = DashboardRenderer.render(state, view: view).text
        let line = try #require(
            text.split(separator: "\n").first { $0.contains("Year 6 ") && !$0.contains("·") })
        #expect(line.contains("■  93.5"), "\(text)")
    }
}

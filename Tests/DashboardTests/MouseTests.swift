import Dashboard
import Metrics
import Testing

@Suite("The mouse: a click selects, a second click or a double-click opens, the wheel moves")
struct MouseTests {
    let view = TestTrust.view()

    func lines(_ state: DashboardState) -> [String] {
        DashboardRenderer.render(state, view: view).text.split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
    }

    func click(_ y: Int, _ state: inout DashboardState, x: Int = 10, double: Bool = false) {
        state.press(.mouse(MouseEvent(double ? .doubleClick : .click, x: x, y: y)), view: view)
    }

    /// The academy whose name is on `line` of the frame.
    func academy(on line: String) -> URN? {
        TestTrust.academies.first { line.contains($0.name) }?.urn
    }

    @Test func aClickSelectsTheRowDrawnOnThatLine() {
        var state = DashboardState(view: view, width: 120, height: 40)
        // The five academies are drawn from lines 6 to 10, below the trust row on line 5.
        // The first is selected to begin with, and a click on it would open it, so it is
        // clicked last.
        let before = lines(state)
        for y in [7, 8, 9, 10, 6] {
            click(y, &state)
            let frame = lines(state)
            #expect(frame[y].hasPrefix("▶"), "line \(y) not selected:\n\(frame.joined(separator: "\n"))")
            #expect(state.overview.selected == academy(on: before[y]))
            #expect(state.page == .overview)
        }
    }

    @Test func aClickOnTheSelectedRowOpensIt() {
        var state = DashboardState(view: view, width: 120, height: 40)
        let line = lines(state)[8]
        click(8, &state)
        #expect(state.page == .overview)
        click(8, &state)
        #expect(state.academy != nil && state.academy?.urn == academy(on: line))
    }

    @Test func aDoubleClickOpensTheRowAtOnce() {
        var state = DashboardState(view: view, width: 120, height: 40)
        let line = lines(state)[9]
        click(9, &state, double: true)
        #expect(state.academy != nil && state.academy?.urn == academy(on: line))
    }

    @Test func theTrustRowIsSelectedThenOpened() {
        var state = DashboardState(view: view, width: 120, height: 40)
        click(5, &state)
        #expect(state.overview.trustSelected)
        #expect(lines(state)[5].hasPrefix("▶"))
        #expect(state.overlay == nil)
        #expect(state.page == .overview)
        click(5, &state)
        #expect(state.trustPage != nil)
        #expect(state.overlay == nil)
    }

    @Test func clicksOffTheRowsDoNothing() {
        var state = DashboardState(view: view, width: 120, height: 40)
        let selected = state.overview.selected
        // The header, the counts, a rule, the headings, a rule; below the five rows; the
        // bottom rule and the footer.
        for y in [0, 1, 2, 3, 4, 11, 20, 38, 39] {
            click(y, &state)
            #expect(state.overview.selected == selected, "line \(y)")
            #expect(!state.overview.trustSelected, "line \(y)")
            #expect(state.page == .overview, "line \(y)")
            #expect(state.overlay == nil, "line \(y)")
        }
    }

    @Test func aClickOnAnAcademysFigureFocusesItThenExplainsIt() throws {
        var state = DashboardState(view: view, width: 120, height: 40)
        state.openAcademy(TestTrust.alder, view: view)
        // Alder's attendance panel, on the right, has a line for its not-disadvantaged
        // pupils; the attainment panel, on the left, is focused to begin with.
        #expect(state.academy?.panel == .attainment)
        let frame = lines(state)
        let y = try #require(frame.firstIndex { $0.contains("│ not disadvantaged") })
        let x = try #require(
            frame[y].firstIndex(of: "│").map { frame[y].distance(from: frame[y].startIndex, to: $0) })
        click(y, &state, x: x + 3)
        #expect(state.academy?.panel == .attendance)
        #expect(state.overlay == nil)
        // The line clicked is the one drawn focused now.
        let screen = DashboardRenderer.render(state, view: view)
        #expect(screen[x + 3, y].role == .selected, "\(screen.text)")
        // A second click on it explains it.
        click(y, &state, x: x + 3)
        #expect(state.overlay == .explain)
    }

    @Test func aDoubleClickOnAnAcademysFigureExplainsItAtOnce() throws {
        var state = DashboardState(view: view, width: 120, height: 40)
        state.openAcademy(TestTrust.alder, view: view)
        let frame = lines(state)
        let y = try #require(frame.firstIndex { $0.contains("│ not disadvantaged") })
        click(y, &state, x: 100, double: true)
        #expect(state.academy?.panel == .attendance)
        #expect(state.overlay == .explain)
    }

    @Test func aClickOnAnotherPageOrOverHelpDoesNothing() {
        var state = DashboardState(view: view, width: 120, height: 40)
        state.press(.character("?"), view: view)
        let selected = state.overview.selected
        click(8, &state)
        #expect(state.overview.selected == selected)
        #expect(state.overlay == .help)
        #expect(KeyTable.command(for: .mouse(MouseEvent(.click, x: 1, y: 8)), in: .search) == nil)
        #expect(KeyTable.command(for: .mouse(MouseEvent(.doubleClick, x: 1, y: 8)), in: .trust) == nil)
    }

    @Test func theWheelMovesAsTheArrowsDo() {
        var keyed = DashboardState(view: view, width: 120, height: 40)
        var wheeled = keyed
        keyed.press(.down, view: view)
        keyed.press(.down, view: view)
        wheeled.press(.mouse(MouseEvent(.wheelDown, x: 50, y: 20)), view: view)
        wheeled.press(.mouse(MouseEvent(.wheelDown, x: 50, y: 20)), view: view)
        #expect(wheeled.overview.selected == keyed.overview.selected)
        keyed.press(.up, view: view)
        wheeled.press(.mouse(MouseEvent(.wheelUp, x: 50, y: 20)), view: view)
        #expect(wheeled.overview.selected == keyed.overview.selected)

        // On an academy's page the wheel moves between the panel's figures; on the changes
        // page it scrolls the list.
        #expect(KeyTable.command(for: .mouse(MouseEvent(.wheelDown, x: 0, y: 0)), in: .academy) == .down)
        #expect(KeyTable.command(for: .mouse(MouseEvent(.wheelUp, x: 0, y: 0)), in: .academy) == .up)
        #expect(KeyTable.command(for: .mouse(MouseEvent(.wheelDown, x: 0, y: 0)), in: .changes) == .down)
        #expect(KeyTable.command(for: .mouse(MouseEvent(.wheelUp, x: 0, y: 0)), in: .changes) == .up)
    }

    @Test func theLayoutMapsLinesToRowsWhenScrolled() {
        // 15 lines: 6 above the rows and 2 below leave 7 rows, on lines 6 to 12.
        let layout = OverviewLayout(height: 15)
        #expect(layout.rowsShown == 7)
        #expect(layout.trustLine == 5)
        #expect(layout.row(atLine: 6, scroll: 3) == 3)
        #expect(layout.row(atLine: 12, scroll: 3) == 9)
        #expect(layout.row(atLine: 13, scroll: 3) == nil)
        #expect(layout.row(atLine: 5, scroll: 3) == nil)
        // Too short for any row: one is still counted, so paging moves.
        #expect(OverviewLayout(height: 6).rowsShown == 1)
    }

    /// The changes page of the test trust (see `ChangesScreenTests`): line 4 is the
    /// "Turned red" heading, line 5 St Cedar's persistent absence (selected), line 8 St
    /// Cedar's attendance under "Red and worse". A click on a heading does nothing; a click
    /// on a change selects the change drawn there; a second click opens its academy with
    /// that figure focused.
    @Test func aClickOnTheChangesPageSelectsThenOpens() throws {
        var state = DashboardState(view: view, width: 120, height: 40)
        state.press(.character("c"), view: view)
        let before = lines(state)
        #expect(before[4].contains("Turned red since"), "\(before[4])")
        #expect(before[8].contains("St Cedar") && before[8].contains("Attendance"), "\(before[8])")
        click(4, &state)
        #expect(state.changesPage?.selected == 0)
        click(8, &state)
        #expect(state.changesPage?.selected == 1)
        #expect(lines(state)[8].hasPrefix("▶"), "\(lines(state)[8])")
        click(8, &state)
        #expect(state.academy?.urn == TestTrust.cedar)
        let figure = try #require(AcademyScreen.focusedFigure(state, view: view, urn: TestTrust.cedar))
        #expect(figure.figure.kpi == .attendanceRate && figure.figure.group == .all)
    }
}

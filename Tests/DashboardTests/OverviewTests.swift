import Dashboard
import Metrics
import Testing

@Suite("Trust overview")
struct OverviewTests {
    func frame(_ state: DashboardState, _ view: TrustView) -> [String] {
        DashboardRenderer.render(state, view: view).text.split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
    }

    func line(_ lines: [String], containing name: String) -> String {
        lines.first { $0.contains(name) } ?? ""
    }

    @Test func figuresOnScreenAreTheHandWorkedOnes() {
        let view = TestTrust.view()
        let lines = frame(DashboardState(view: view, width: 120, height: 30), view)
        // See TestTrust for each figure worked out from the rows.
        let alder = line(lines, containing: "Alder Primary")
        #expect(alder.contains("●  95.0 ↑1.0"))
        #expect(alder.contains("▲  15.0 ↓5.0"))
        #expect(alder.contains("●   2.0 ↑0.4"))
        #expect(alder.contains("▲ RWM  60.0 ↑2.9"))  // amber: 60.0 is under 62 but within 5
        let cedar = line(lines, containing: "St Cedar’s C of E Primary")
        #expect(cedar.contains("■  92.0 ↓1.0"))
        #expect(cedar.contains("■  20.0 ↑7.1"))
        #expect(cedar.contains("▲   3.0 ↑1.1"))
        #expect(cedar.contains("▲ RWM  58.6 ↓11.4"))
        let birch = line(lines, containing: "Birch Academy")
        #expect(birch.contains("▲  91.0 ↓0.5"))
        #expect(birch.contains("▲  26.0 ↑1.0"))
        #expect(birch.contains("▲ A8   44.3 ↓0.8"))
        let damson = line(lines, containing: "Damson School")
        #expect(damson.contains("◌ SUPP"))
        #expect(!damson.contains("80.0"))  // 1,000 of 1,250 attended would be 80.0: never shown
        let elm = line(lines, containing: "Elm Hospital School")
        #expect(elm.contains("◌ SUPP"))
        #expect(!elm.contains("91.7"))  // 917 of 1,000 attended: never shown
        let trust = line(lines, containing: "Trust (5 of 5)")
        // Not rated: the trust's benchmark would need Damson's and Elm's (see TestTrust).
        #expect(trust.contains("·  91.7 ↓0.4"))
        #expect(trust.contains("·  23.4 ↑1.6"))
        #expect(trust.contains("▲   2.5 ↑0.5"))
        #expect(trust.contains("▲ RWM  59.3 ↓4.5"))
        #expect(lines[0].contains("Test Learning Trust"))
        #expect(lines[0].contains("2025/26 spring · ingested 14 Mar 2026 10:42 · 5 of 5 academies"))
    }

    @Test func worstFirstByDefault() {
        let view = TestTrust.view()
        let state = DashboardState(view: view, width: 120, height: 30)
        // Cedar has two reds; Alder, Birch are amber at worst; Damson and Elm have no rating.
        #expect(
            state.visibleRows(view).map(\.name) == [
                "St Cedar’s C of E Primary", "Birch Academy", "Alder Primary", "Damson School",
                "Elm Hospital School",
            ])
    }

    @Test func sortCyclesAndReverses() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 30)
        state.apply(.sortNext, view: view)
        #expect(state.overview.sort == .name)
        #expect(state.visibleRows(view).map(\.name).first == "Alder Primary")
        state.apply(.sortReverse, view: view)
        #expect(state.visibleRows(view).map(\.name).first == "St Cedar’s C of E Primary")
        state.apply(.sortReverse, view: view)
        state.apply(.sortNext, view: view)
        state.apply(.sortNext, view: view)
        #expect(state.overview.sort == .attendance)
        // Worst attendance first: Cedar 92.0 red, Birch 91.0 amber, Alder 95.0 green, Damson and Elm
        // suppressed last, by name.
        #expect(
            state.visibleRows(view).map(\.name) == [
                "St Cedar’s C of E Primary", "Birch Academy", "Alder Primary", "Damson School",
                "Elm Hospital School",
            ])
    }

    @Test func filtersAndSearch() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 30)
        state.apply(.cyclePhase, view: view)
        #expect(state.overview.phaseFilter == .primary)
        #expect(Set(state.visibleRows(view).map(\.name)) == ["Alder Primary", "St Cedar’s C of E Primary"])
        state.apply(.back, view: view)
        state.apply(.cycleSIL, view: view)
        #expect(state.overview.silFilter == "A. Shah")
        state.apply(.back, view: view)
        state.apply(.startSearch, view: view)
        for character in "birch" { state.apply(.searchType(character), view: view) }
        #expect(state.visibleRows(view).map(\.name) == ["Birch Academy"])
        #expect(state.overview.selected == TestTrust.birch)
        state.apply(.searchDone, view: view)
        state.apply(.back, view: view)
        state.apply(.startSearch, view: view)
        for character in "100104" { state.apply(.searchType(character), view: view) }
        #expect(state.visibleRows(view).map(\.name) == ["Damson School"])
    }

    @Test func stepsThroughDrops() {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: 120, height: 30)
        #expect(state.drop(view) == TestTrust.now)
        state.apply(.previousDrop, view: view)
        #expect(state.drop(view) == TestTrust.lastYear)
        #expect(state.dropPicked)
        state.apply(.previousDrop, view: view)
        #expect(state.drop(view) == TestTrust.lastYear)
        let lines = frame(state, view)
        #expect(lines[0].contains("2024/25 spring · ingested 12 Mar 2025 09:15 · 5 of 5 academies"))
    }

    @Test func ninetyAcademiesScrollAt80x24AndKeepTheSelection() {
        let view = BigTrust.view(academies: 90)
        var state = DashboardState(view: view, width: 80, height: 24)
        let shown = state.overviewRowsShown
        #expect(shown == 16)
        state.apply(.pageDown, view: view)
        state.apply(.pageDown, view: view)
        let rows = state.visibleRows(view)
        #expect(rows.firstIndex { $0.academy?.urn == state.overview.selected } == 32)
        #expect(state.overview.scroll == 32 - shown + 1)
        let selectedName = rows[32].name
        let lines = frame(state, view)
        #expect(lines.contains { $0.hasPrefix("▶") && $0.contains(selectedName.prefix(10)) })
        // Rows 18 to 33 are shown: the 33rd, selected, is the last.
        #expect(lines[22].contains("18–33 of 90"))
        state.apply(.last, view: view)
        #expect(state.overview.scroll == 90 - shown)
        state.apply(.first, view: view)
        #expect(state.overview.scroll == 0)
        // A resize keeps the selection and re-lays the rows.
        state.apply(.down, view: view)
        let before = state.overview.selected
        state.apply(.resize(width: 120, height: 40), view: view)
        #expect(state.overview.selected == before)
        #expect(frame(state, view).count == 41)  // 40 lines and the final newline
    }

    @Test func everyLineFitsTheWidthAndASCIIModeIsASCII() {
        let view = TestTrust.view()
        for (width, height) in [(80, 24), (120, 40), (60, 15), (200, 60)] {
            for ascii in [false, true] {
                let state = DashboardState(view: view, width: width, height: height, ascii: ascii)
                let screen = DashboardRenderer.render(state, view: view)
                let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == height)
                #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= width })
                if ascii { #expect(screen.text.allSatisfy { $0.isASCII }, "\(width)×\(height)") }
            }
        }
    }

    @Test func tooSmallSaysWhatItNeeds() {
        let view = TestTrust.view()
        let state = DashboardState(view: view, width: 40, height: 10)
        let text = DashboardRenderer.render(state, view: view).text
        #expect(
            text.contains("terminal too small: need 60×15, have 40×10") || text.contains("need 60×15, have"))
        #expect(text.contains("q quits"))
        #expect(KeyTable.command(for: .character("q"), in: state.context) == .quit)
    }
}

/// A synthetic trust of many academies for scrolling and speed tests; its figures are
/// not checked here, only the layout.
enum BigTrust {
    static func view(academies count: Int) -> TrustView {
        let drop = TestTrust.now
        var academies: [Academy] = []
        var attendance: [AttendanceRecord] = []
        for index in 0..<count {
            guard let urn = URN(200_000 + index) else { continue }
            academies.append(
                Academy(
                    urn: urn, name: "Academy \(index) of the Big Trust",
                    phase: index % 5 == 0 ? .secondary : .primary))
            let absent = 2_000 + (index * 37) % 3_000
            attendance.append(
                AttendanceRecord(
                    urn: urn, drop: drop, pupils: 300, possibleSessions: 50_000, absentSessions: absent,
                    persistentAbsentees: 20 + index % 50, severeAbsentees: index % 9))
        }
        let data = TrustData(academies: academies, attendance: attendance, benchmarks: BuiltInBenchmarks.all)
        return TrustView(data: data, config: RatingConfig(), trustName: "Big Trust", isSample: false)
    }
}

@Suite("Overview header: figures turned red")
struct TurnedRedHeaderTests {
    @Test func countsFiguresThatTurnedRedSinceThePreviousDrop() {
        // Add a 2025/26 autumn drop for St Cedar's alone: 1,800 of 30,000 sessions missed
        // (attendance 94.0, amber against last autumn's primary 100 − 5.07 = 94.93; absence
        // 6.0, amber against 5.07 + 1) and 45 of 300 pupils persistently absent (15.0, amber
        // against 14.56 + 5). By spring all three are red (92.0 < 93.84, 8.0 > 6.16, 20.0 >
        // 19.56). The trust in autumn is St Cedar's alone, so its benchmarks are St Cedar's:
        // amber too; by spring its attendance, absence and PA are not rated (the benchmark
        // would need Damson's; see TestTrust), so none of them turns red. So 3 figures turned
        // red, but absence is 100 − attendance and turned red with it: it is counted once,
        // as attendance, so the header says 2 (the changes page lists the same 2).
        var data = TestTrust.data
        let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)
        data.attendance.append(
            AttendanceRecord(
                urn: TestTrust.cedar, drop: autumn, pupils: 300, possibleSessions: 30_000,
                absentSessions: 1_800,
                persistentAbsentees: 45))
        let view = TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        let state = DashboardState(view: view, width: 120, height: 30)
        #expect(view.turnedRed(TestTrust.now).count == 2)
        let header = DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1]
        #expect(header.contains("2 figures turned red since 2025/26 autumn"))
        let report = view.changes(TestTrust.now).changes.filter {
            $0.band == .turnedRed && $0.comparedWith == .previousDrop
        }
        #expect(report.map(\.kpi).sorted() == [.attendanceRate, .absenceRate, .persistentAbsenceRate])
    }
}

@Suite("Overview: a trust row that leaves academies out")
struct LeftOutNoteTests {
    @Test func theBottomRuleSaysHowManyAcademiesTheTrustRowLeavesOut() throws {
        // Elm High's attendance and persistent absence were published without pupil
        // numbers, so the trust row cannot weight them: it shows no value and says why.
        let view = PublishedTrust.view()
        for (width, expected) in [
            (120, "Trust row leaves out 1 academy: rates published"), (80, "Trust row leaves out 1 academy"),
        ] {
            let state = DashboardState(view: view, width: width, height: 24)
            let lines = DashboardRenderer.render(state, view: view).text.split(
                separator: "\n", omittingEmptySubsequences: false)
            #expect(lines[22].contains(expected), "\(lines[22])")
            let trustRow = try #require(lines.first { $0.contains("Trust (1 of 1)") })
            #expect(!trustRow.contains("95.1"), "no trust attendance from a rate without pupils")
        }
        // A trust of counts leaves nobody out.
        let counted = TestTrust.view()
        let lines = DashboardRenderer.render(
            DashboardState(view: counted, width: 120, height: 24), view: counted
        )
        .text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 25)
        #expect(!lines[22].contains("leaves out"))
    }
}

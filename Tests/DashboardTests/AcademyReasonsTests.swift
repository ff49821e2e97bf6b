import Dashboard
import Metrics
import Testing

/// The reasons for absence under the zoomed attendance panel, on `TestTrust.historyData`
/// with reasons given for Alder Primary's all-pupil rows.
@Suite("The academy page: reasons for absence")
struct AcademyReasonsTests {
    /// Alder, 2025/26 spring (`now`): 50,000 possible sessions; 1,250 missed for illness
    /// → 2.5%, 400 for an unauthorised holiday → 0.8%, 25 late → 0.05% → 0.1 (half away
    /// from zero). 2024/25 spring (`lastYear`): 47,500 possible, illness 1,425 → 3.0%, so
    /// illness fell 0.5 (better: lower is better); no holiday given then, so no change.
    /// No national reason figure is built in for 2025/26 spring.
    static func reasonsView() -> TrustView {
        var data = TestTrust.historyData
        data.attendance = data.attendance.map { record in
            guard record.urn == TestTrust.alder, record.group == .all, record.yearGroup == .all else {
                return record
            }
            var given = record
            if record.drop == TestTrust.now {
                given.reasons = AttendanceReasons(codes: ["I": 1_250, "G": 400, "U": 25])
            } else if record.drop == TestTrust.lastYear {
                given.reasons = AttendanceReasons(codes: ["I": 1_425])
            }
            return given
        }
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    let view = Self.reasonsView()

    func zoomed(ascii: Bool) -> DashboardState {
        var state = DashboardState(view: view, width: 120, height: 40, ascii: ascii)
        state.openAcademy(TestTrust.alder, view: view)
        state.apply(.nextPanel, view: view)
        state.apply(.zoom, view: view)
        return state
    }

    @Test(arguments: [false, true])
    func theZoomedAttendancePanelListsTheReasonsGiven(ascii: Bool) throws {
        let frame = DashboardRenderer.render(zoomed(ascii: ascii), view: view)
        try Golden.check(frame, "academy-zoom-reasons-120x40-\(ascii ? "ascii" : "dark")")
        let rows = frame.text.split(separator: "\n").map(String.init)
        let heading = try #require(rows.firstIndex { $0.contains("Reasons, % of possible sessions:") })
        let reasons = rows[(heading + 1)...(heading + 3)]
        #expect(
            reasons.contains { $0.contains("Illness") && $0.contains("2.5") && $0.contains("0.5") }, "\(rows)"
        )
        #expect(reasons.contains { $0.contains("Unauth. hol.") && $0.contains("0.8") }, "\(rows)")
        #expect(reasons.contains { $0.contains("Late (U)") && $0.contains("0.1") }, "\(rows)")
        // Only the reasons given: no medical line, never a 0.0 for a reason not given.
        #expect(!rows.contains { $0.contains("Medical") })
    }

    /// Without reasons the zoomed panel is as before: no heading.
    @Test func noReasonsNoHeading() {
        let view = TestTrust.historyView()
        var state = DashboardState(view: view, width: 120, height: 40)
        state.openAcademy(TestTrust.alder, view: view)
        state.apply(.nextPanel, view: view)
        state.apply(.zoom, view: view)
        #expect(!DashboardRenderer.render(state, view: view).text.contains("Reasons"))
    }
}

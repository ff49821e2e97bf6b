import Dashboard
import Metrics
import Testing

/// The filter label on the overview's second line is never cut while anything else on
/// the line can give way.
@Suite("The filter label")
struct HeaderFilterTests {
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)

    /// `TestTrust` with a long SIL name for the primaries (first in SIL order) and a
    /// 2025/26 autumn drop in which St Cedar's attendance was 3,600 of 75,000 missed, 95.2
    /// (green against the primary 94.84), so that it turned red by spring (92.0, red);
    /// its PA, 60 of 300 = 20.0, was red already, and severe absence (3 of 300 = 1.0,
    /// then 3.0) is amber now, not red. The header then says "… turned red since 2025/26
    /// autumn" (the count also holds the absence rate, the mirror of attendance, until the
    /// changes page stops counting it), as the real trust's header did when `f` then `i`
    /// hid the SIL's name at 120 columns.
    static func view() -> TrustView {
        var data = TestTrust.data
        data.academies = data.academies.map { academy in
            var academy = academy
            if academy.sil == "A. Shah" { academy.sil = "Anneliese Whitfield-Shah" }
            return academy
        }
        data.attendance.append(
            TestTrust.attendance(
                TestTrust.cedar, autumn, pupils: 300, possible: 75_000, absent: 3_600, persistent: 60,
                severe: 3))
        data.ingestedAt[autumn] = "10 Dec 2025 09:00"
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    /// The overview after `f` (primary) and `i` (the first SIL).
    static func filtered(width: Int, ascii: Bool = false, search: String = "") -> (DashboardState, TrustView)
    {
        let view = view()
        var state = DashboardState(view: view, width: width, height: 24, ascii: ascii)
        state.apply(.cyclePhase, view: view)
        state.apply(.cycleSIL, view: view)
        for character in search { state.apply(.searchType(character), view: view) }
        return (state, view)
    }

    static func secondLine(_ state: DashboardState, _ view: TrustView) -> String {
        String(DashboardRenderer.render(state, view: view).text.split(separator: "\n")[1])
    }

    @Test func theHeaderCountsWhatTurnedRed() {
        let view = Self.view()
        let state = DashboardState(view: view, width: 120, height: 24)
        #expect(Self.secondLine(state, view).contains("turned red since 2025/26 autumn"))
    }

    @Test(arguments: [60, 80, 100, 120, 160, 200])
    func theFilterLabelIsWhole(width: Int) {
        let (state, view) = Self.filtered(width: width)
        #expect(state.overview.phaseFilter == .primary)
        #expect(state.overview.silFilter == "Anneliese Whitfield-Shah")
        let line = Self.secondLine(state, view)
        // At 60 columns, the least the dashboard draws, the label drops its names.
        let label =
            width > 60
            ? "phase: primary · SIL: Anneliese Whitfield-Shah" : "primary · Anneliese Whitfield-Shah"
        #expect(line.contains(label), "\(width): \(line)")
        #expect(!line.contains("…"), "\(width): \(line)")
    }

    @Test func otherPartsShortenFirst() {
        // At 200 columns all is in full; at 80 the label is whole.
        let (wide, view) = Self.filtered(width: 200)
        let full = Self.secondLine(wide, view)
        // One figure turned red: the fixture's attendance change, counted once (its
        // absence_rate twin, 100 − attendance, is not a second figure).
        #expect(full.contains("1 figure turned red since 2025/26 autumn"), "\(full)")
        #expect(full.contains("sorted: worst first"), "\(full)")
        let (narrow, _) = Self.filtered(width: 80)
        let short = Self.secondLine(narrow, view)
        #expect(short.contains("SIL: Anneliese Whitfield-Shah"), "\(short)")
    }

    @Test func goldenAt120Columns() throws {
        let (state, view) = Self.filtered(width: 120)
        try Golden.check(DashboardRenderer.render(state, view: view), "overview-120x24-filtered-dark")
        let (ascii, _) = Self.filtered(width: 120, ascii: true)
        try Golden.check(DashboardRenderer.render(ascii, view: view), "overview-120x24-filtered-ascii")
    }
}

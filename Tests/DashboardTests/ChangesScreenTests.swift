import Metrics
import Testing

@testable import Dashboard

/// The changes screen over the test trust with a 2025/26 autumn drop added, so that
/// 2025/26 spring is compared with both the previous drop and last year.
///
/// Against last year (see `TestTrust`) St Cedar’s turned red on attendance (93.0 → 92.0)
/// and persistent absence (12.9 → 20.0). Autumn adds:
/// - Alder: 1,500 of 25,000 missed → attendance 94.0, persistent absence 40 of 200 → 20.0;
/// - Birch: 11,000 of 125,000 → 91.2, PA 270 of 1,000 → 27.0;
/// - St Cedar’s: 2,700 of 37,500 → 92.8, PA 45 of 300 → 15.0; Year 6 RWM 20 of 29 → 69.0.
@Suite("Changes screen")
struct ChangesScreenTests {
    static let autumn = DataDrop(year: AcademicYear(2025), term: .autumn)

    static func view() -> TrustView {
        var data = TestTrust.data
        data.attendance += [
            TestTrust.attendance(
                TestTrust.alder, autumn, pupils: 200, possible: 25_000, absent: 1_500, persistent: 40,
                severe: 2),
            TestTrust.attendance(
                TestTrust.birch, autumn, pupils: 1_000, possible: 125_000, absent: 11_000, persistent: 270,
                severe: 22),
            TestTrust.attendance(
                TestTrust.cedar, autumn, pupils: 300, possible: 37_500, absent: 2_700, persistent: 45,
                severe: 3),
        ]
        data.attainment.append(
            AttainmentRecord(
                urn: TestTrust.cedar, drop: autumn, yearGroup: .year(6), subject: .rwm, cohort: 29,
                expected: 20))
        return TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
    }

    /// A frame as the dashboard will draw it: the header, then the changes page down to
    /// the footer row (left blank here; the footer's keys belong to the key table).
    static func frame(
        _ width: Int, _ height: Int, ascii: Bool, scroll: Int = 0, view: TrustView = view(),
        drop: DataDrop? = nil
    ) -> Screen {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        if let drop, let index = view.drops.firstIndex(of: drop) { state.dropIndex = index }
        var screen = Screen(width: width, height: height, style: TextStyle(ascii: ascii))
        DashboardRenderer.header(state, view: view, into: &screen)
        ChangesScreen.render(state, view: view, into: &screen, top: 1, bottom: height - 1, scroll: scroll)
        return screen
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func goldenFrames(_ width: Int, _ height: Int) throws {
        for ascii in [false, true] {
            let name = "changes-\(width)x\(height)-\(ascii ? "ascii" : "dark")"
            try Golden.check(Self.frame(width, height, ascii: ascii), name)
        }
    }

    @Test func scrolledToTheEnd() throws {
        let view = Self.view()
        let state = DashboardState(view: view, width: 80, height: 24, ascii: true)
        let scroll = ChangesScreen.maximumScroll(state, view: view, top: 1, bottom: 23)
        #expect(scroll > 0)
        try Golden.check(
            Self.frame(80, 24, ascii: true, scroll: scroll, view: view), "changes-80x24-scrolled-ascii")
        // Scrolling past the end shows the same rows as the last useful scroll.
        #expect(
            Self.frame(80, 24, ascii: true, scroll: scroll + 50, view: view)
                == Self.frame(
                    80, 24, ascii: true, scroll: scroll, view: view))
    }

    @Test func emptyState() throws {
        // 2024/25 spring is the earliest drop: nothing to compare with.
        let screen = Self.frame(80, 24, ascii: false, drop: TestTrust.lastYear)
        #expect(screen.text.contains("No data for 2024/25 autumn or 2023/24 spring to compare with."))
        try Golden.check(screen, "changes-80x24-empty-dark")
    }

    @Test func linesFitAndASCIIIsASCII() {
        let view = Self.view()
        for (width, height) in [(120, 40), (80, 24), (60, 15)] {
            for ascii in [false, true] {
                let screen = Self.frame(width, height, ascii: ascii, view: view)
                let lines = screen.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
                #expect(lines.count == height)
                for line in lines {
                    #expect(DisplayWidth.of(String(line)) <= width, "too wide at \(width)×\(height): \(line)")
                    let isASCII = line.unicodeScalars.allSatisfy { $0.isASCII }
                    if ascii { #expect(isASCII, "not ASCII: \(line)") }
                }
            }
        }
    }

    @Test func handWorkedLines() {
        let text = Self.frame(120, 40, ascii: true).text
        // St Cedar's persistent absence last year: 40 of 310 = 12.9 green, now 60 of 300 =
        // 20.0 red, up 7.1.
        #expect(text.contains("12.9 G ->  20.0 R  ^7.1"))
        // St Cedar's attendance against autumn: 34,800 of 37,500 = 92.8 → 92.0, down 0.8.
        #expect(text.contains("92.8 R ->  92.0 R  v0.8"))
    }

    @Test func theListIsTheReportsList() throws {
        let view = Self.view()
        let state = DashboardState(view: view, width: 120, height: 40)
        let changes = try #require(ChangesScreen.changes(state, view: view))
        let report = RatingChanges(
            data: view.data, drop: TestTrust.now, config: RatingConfig(), trustName: "Test Learning Trust")
        #expect(changes.changes == report.changes)
        #expect(ChangesScreen.lineCount(state, view: view) > changes.changes.count)
    }
}

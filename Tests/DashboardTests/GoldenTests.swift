import Dashboard
import Metrics
import Testing

/// Every screen at 80×24, 120×40 and a too-small size, in Unicode (the dark theme's
/// characters) and in ASCII, compared with the reviewed files in `Golden/`.
@Suite("Golden frames")
struct GoldenTests {
    static let sizes = [(80, 24), (120, 40), (50, 12)]

    func state(_ width: Int, _ height: Int, ascii: Bool, page: String) -> (DashboardState, TrustView) {
        let view = TestTrust.view()
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        switch page {
        case "academy": state.openAcademy(TestTrust.alder, view: view)
        case "explain":
            state.openAcademy(TestTrust.alder, view: view)
            state.apply(.explain, view: view)
        case "help": state.overlay = .help
        case "whatchanged": state.apply(.showChanges, view: view)
        default: break
        }
        return (state, view)
    }

    @Test(arguments: ["overview", "academy", "explain", "help", "whatchanged"])
    func everyScreen(_ page: String) throws {
        for (width, height) in Self.sizes {
            for ascii in [false, true] {
                let (state, view) = state(width, height, ascii: ascii, page: page)
                let name = "\(page)-\(width)x\(height)-\(ascii ? "ascii" : "dark")"
                try Golden.check(DashboardRenderer.render(state, view: view), name)
            }
        }
    }

    /// The academy page of published figures with their national standing, and the
    /// explanation of a Progress 8 rated on its confidence interval (`PublishedTrust`).
    @Test(arguments: [(120, 40), (80, 24)])
    func publishedFigures(width: Int, height: Int) throws {
        let view = PublishedTrust.view()
        for ascii in [false, true] {
            var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
            state.openAcademy(PublishedTrust.elm, view: view)
            let style = ascii ? "ascii" : "dark"
            try Golden.check(
                DashboardRenderer.render(state, view: view), "published-\(width)x\(height)-\(style)")
            // Eng & maths, Attainment 8, then Progress 8.
            state.apply(.down, view: view)
            state.apply(.down, view: view)
            state.apply(.explain, view: view)
            try Golden.check(
                DashboardRenderer.render(state, view: view), "published-explain-\(width)x\(height)-\(style)")
        }
    }

    /// The presentation slide of `PublishedTrust`'s academy: each figure with its standing.
    @Test func publishedFiguresOnTheProjector() throws {
        let view = PublishedTrust.view()
        var show = Presentation(order: [PublishedTrust.elm, nil])
        show.tick(seconds: 6)
        let frame = PresentationScreen.render(
            show, view: view, drop: PublishedTrust.drop, width: 120, height: 40, ascii: false)
        try Golden.check(frame, "presentation-published-120x40-unicode")
        #expect(frame.text.contains("better than 62% of secondary schools"), "attendance")
        #expect(frame.text.contains("better than 70% of secondary schools"), "persistent absence")
    }
}

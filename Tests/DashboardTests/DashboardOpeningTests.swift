import Dashboard
import Metrics
import Testing

@Suite("What the dashboard opens on")
struct DashboardOpeningTests {
    let view = TestTrust.view()

    @Test func byDefaultTheOverviewOfTheLatestDrop() throws {
        let state = try DashboardOpening().state(view: view, width: 120, height: 40, ascii: false)
        #expect(state.page == .overview)
        // The test trust has two drops, last year's and this year's.
        #expect(state.drop(view) == TestTrust.now)
        #expect(!state.dropPicked)
        #expect(state.presentation == nil)
    }

    @Test func aDropAskedForIsPicked() throws {
        let state = try DashboardOpening(drop: TestTrust.lastYear).state(
            view: view, width: 120, height: 40, ascii: false)
        #expect(state.drop(view) == TestTrust.lastYear)
        #expect(state.dropPicked)
    }

    @Test func partOfASILsNameFiltersToTheirAcademies() throws {
        let state = try DashboardOpening(sil: "shah").state(view: view, width: 120, height: 40, ascii: false)
        #expect(state.overview.silFilter == "A. Shah")
        // A. Shah has Alder and St Cedar's.
        let shown = Set(state.visibleRows(view).compactMap(\.academy?.urn))
        #expect(shown == [TestTrust.alder, TestTrust.cedar])
        #expect(state.overview.selected.map(shown.contains) == true)
    }

    @Test func aNameThatMatchesNoSILOrSeveralIsRefused() {
        #expect(throws: DashboardOpening.Failure.noSuchSIL("Whitfield", known: ["A. Shah", "B. Jones"])) {
            try DashboardOpening(sil: "Whitfield").state(view: view, width: 120, height: 40, ascii: false)
        }
        // "." is in both names.
        #expect(throws: DashboardOpening.Failure.severalSILs(".", matching: ["A. Shah", "B. Jones"])) {
            try DashboardOpening(sil: ".").state(view: view, width: 120, height: 40, ascii: false)
        }
    }

    @Test func anAcademyOpensItsPage() throws {
        let state = try DashboardOpening(academy: "100102").state(
            view: view, width: 120, height: 40, ascii: false)
        #expect(state.academy?.urn == TestTrust.birch)
        #expect(state.overview.selected == TestTrust.birch)
    }

    @Test func aURNOutsideTheTrustIsRefused() {
        for text in ["999999", "birch", ""] {
            #expect(throws: DashboardOpening.Failure.noSuchAcademy(text)) {
                try DashboardOpening(academy: text).state(view: view, width: 120, height: 40, ascii: false)
            }
        }
    }

    @Test func aPresentationStartsOnTheAcademyAskedFor() throws {
        let state = try DashboardOpening(academy: "100102", present: true, cycleSeconds: 30).state(
            view: view, width: 120, height: 40, ascii: false)
        #expect(state.presentation?.urn == TestTrust.birch)
        #expect(state.presentation?.cycleSeconds == 30)
    }
}

import Dashboard
import Metrics
import Testing

/// The overview uses the width: benchmarks, the disadvantaged gap, both phases'
/// headlines and an attendance trend appear as the screen widens.
@Suite("The wide overview")
struct WideOverviewTests {
    let view = TestTrust.view()

    func line(_ text: String, _ needle: String) -> String {
        text.split(separator: "\n").first { $0.contains(needle) }.map(String.init) ?? ""
    }

    @Test("80 and 120 columns have no extra columns; 160 adds benchmarks and the gap")
    func columnsByWidth() {
        for width in [80, 120] {
            let text = DashboardRenderer.render(
                DashboardState(view: view, width: width, height: 30), view: view
            )
            .text
            #expect(!text.contains("Nat.") && !text.contains("Disadv. gap"), "\(width)")
        }
        let wide = DashboardRenderer.render(DashboardState(view: view, width: 160, height: 48), view: view)
            .text
        #expect(line(wide, "Academy").contains("Nat.") && line(wide, "Academy").contains("Disadv. gap"))
        // Alder: others 96.3 − disadvantaged 92.0 = 4.3 points. Its attendance 95.0 against
        // the primary 94.84 → 94.8.
        let alder = line(wide, "Alder Primary")
        #expect(TrustPageTests.inOrder(alder, ["●  95.0 ↑1.0", "94.8", "▲  15.0"]), "\(alder)")
        #expect(alder.hasSuffix("4.3"), "\(alder)")
        // Damson: no disadvantaged rows, a dash.
        #expect(line(wide, "Damson School").hasSuffix("—"), "\(line(wide, "Damson School"))")
    }

    @Test("the disadvantaged gap is others minus disadvantaged, on shown values")
    func gap() {
        let rated = view.rated(TestTrust.now)
        // Alder: 96.3 − 92.0 = 4.3; the trust's disadvantaged figures are Alder's alone.
        #expect(OverviewScreen.disadvantagedGap(.academy(TestTrust.alder), rated: rated) == 4.3)
        #expect(OverviewScreen.disadvantagedGap(.trust, rated: rated) == 4.3)
        #expect(OverviewScreen.disadvantagedGap(.academy(TestTrust.birch), rated: rated) == nil)
    }

    @Test("at 200 columns the trust row shows both phases' headlines, and the header counts them")
    func bothHeadlines() {
        let text = DashboardRenderer.render(DashboardState(view: view, width: 200, height: 60), view: view)
            .text
        let trust = line(text, "Trust (5 of 5)")
        // RWM 35 of 59 → 59.3 (−4.5, bench 62.0); Attainment 8 44.3 (−0.8, bench 46.0).
        #expect(trust.contains("▲ RWM  59.3 ↓4.5   62.0"), "\(trust)")
        #expect(trust.contains("▲ A8   44.3 ↓0.8   46.0"), "\(trust)")
        // The 14 figures of 120 columns (2 green, 10 amber, 2 red) and the trust's A8, amber.
        let counts = text.split(separator: "\n")[1]
        #expect(counts.contains("● 2 green   ▲ 11 amber   ■ 2 red"), "\(counts)")
    }

    @Test("the attendance trend is on the drops' time axis, with a gap where there is no figure")
    func trend() {
        // A third, earlier drop with Alder alone: 3,500 of 50,000 missed → 93.0. Alder then
        // 93.0, 94.0, 95.0: the lowest, the middle ((94 − 93) / 2 × 7 = 3.5 → 4, ▅) and the
        // highest mark. Birch has nothing in 2023/24: a gap, then 91.5 and 91.0.
        var data = TestTrust.data
        let early = DataDrop(year: AcademicYear(2023), term: .spring)
        data.attendance.append(
            TestTrust.attendance(
                TestTrust.alder, early, pupils: 200, possible: 50_000, absent: 3_500, persistent: 30,
                severe: 4))
        let view = TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        #expect(
            OverviewScreen.attendanceTrend(.academy(TestTrust.alder), view: view, dropIndex: 2, count: 3)
                == "▁▅█")
        #expect(
            OverviewScreen.attendanceTrend(.academy(TestTrust.birch), view: view, dropIndex: 2, count: 3)
                == " █▁")
        // It stops at the drop shown.
        #expect(
            OverviewScreen.attendanceTrend(.academy(TestTrust.alder), view: view, dropIndex: 1, count: 3)
                == "▁█")
        let text = DashboardRenderer.render(DashboardState(view: view, width: 200, height: 60), view: view)
            .text
        #expect(line(text, "Academy").contains("Att. trend"))
        #expect(line(text, "Birch Academy").contains(" █▁"), "\(line(text, "Birch Academy"))")
    }

    @Test("writing appears last, where there is room: Year 6 writing, teacher assessed")
    func writing() {
        // Alder: 21 of 30 at the expected standard in writing → 70.0. No national writing
        // figure is built in, so it is not rated (·), and the header's counts are those of
        // 200 columns without it.
        var data = TestTrust.data
        data.attainment.append(
            AttainmentRecord(
                urn: TestTrust.alder, drop: TestTrust.now, yearGroup: .year(6), subject: .writing, cohort: 30,
                expected: 21, greaterDepth: 6))
        let view = TrustView(
            data: data, config: RatingConfig(), trustName: "Test Learning Trust", isSample: false)
        let narrow = DashboardRenderer.render(DashboardState(view: view, width: 180, height: 40), view: view)
            .text
        #expect(!narrow.contains("Writing %"))
        let text = DashboardRenderer.render(DashboardState(view: view, width: 200, height: 60), view: view)
            .text
        #expect(line(text, "Academy").contains("Writing %"))
        #expect(line(text, "Alder Primary").contains("·  70.0"), "\(line(text, "Alder Primary"))")
        #expect(line(text, "Trust (5 of 5)").contains("·  70.0"), "\(line(text, "Trust (5 of 5)"))")
        #expect(text.split(separator: "\n")[1].contains("● 2 green   ▲ 11 amber   ■ 2 red"))
    }

    @Test("golden frames of the wide overview", arguments: [(160, 48), (200, 60)])
    func golden(width: Int, height: Int) throws {
        try Golden.check(
            DashboardRenderer.render(DashboardState(view: view, width: width, height: height), view: view),
            "overview-\(width)x\(height)-dark")
    }
}

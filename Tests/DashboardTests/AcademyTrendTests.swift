import Dashboard
import Metrics
import Testing

/// The disadvantaged attendance gap, the sparkline on the drops' time axis and the zoom
/// chart, on `TestTrust.historyView()` (figures worked out in `TestTrust+History.swift`).
@Suite("The academy page: gaps and trends")
struct AcademyTrendTests {
    let view = TestTrust.historyView()

    func page(_ urn: URN, width: Int, height: Int, ascii: Bool = false) -> DashboardState {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        state.openAcademy(urn, view: view)
        return state
    }

    func lines(_ state: DashboardState) -> [String] {
        DashboardRenderer.render(state, view: view).text.split(separator: "\n").map(String.init)
    }

    /// Alder's gap: others 96.3 minus disadvantaged 92.0 = 4.3 points; a year ago 94.9 −
    /// 92.0 = 2.9; widened by 1.4 because others rose 1.4 and disadvantaged pupils stayed
    /// at 92.0. It says so at every width, as fully as the width allows.
    @Test(arguments: [(80, 24), (120, 40), (160, 48)])
    func theAttendanceGapSaysWhichGroupMoved(width: Int, height: Int) throws {
        var state = page(TestTrust.alder, width: width, height: height)
        state.apply(.nextPanel, view: view)
        let frame = DashboardRenderer.render(state, view: view)
        try Golden.check(frame, "academy-gap-\(width)x\(height)-dark")
        let text = frame.text
        let gap = try #require(text.split(separator: "\n").first { $0.contains("(attendance):") })
        #expect(gap.contains("4.3 points"), "\(text)")
        #expect(!gap.contains("was"), "no cryptic 'was'")
        #expect(text.contains("2.9 a year ago"), "\(text)")
        #expect(text.contains("widened because others rose 1.4"), "\(text)")
        #expect(frame.role(of: "4.3 points") == .worse, "a wider gap is worse")
    }

    /// The attainment gap names its subject at every width: 120 columns said only `Gap:`.
    @Test(arguments: [(80, 24), (120, 40), (160, 48)])
    func theAttainmentGapNamesItsSubject(width: Int, height: Int) throws {
        let text = DashboardRenderer.render(page(TestTrust.alder, width: width, height: height), view: view)
            .text
        // Alder's Year 6 RWM: 14 of 20 others = 70.0 minus 4 of 10 disadvantaged = 40.0.
        let gap = try #require(text.split(separator: "\n").first { $0.contains("(RWM): 30.0 points") })
        #expect(gap.contains("ap (RWM): 30.0 points"), "\(text)")
    }

    /// With a group suppressed the gap would give its figure away, so none is shown.
    @Test func noGapBesideASuppressedGroup() throws {
        var data = TestTrust.historyData
        data.attendance = data.attendance.map { record in
            guard record.urn == TestTrust.alder, record.drop == TestTrust.now, record.group == .disadvantaged
            else { return record }
            var small = record
            small.pupils = 5
            return small
        }
        let small = TrustView(data: data, config: RatingConfig(), trustName: "T", isSample: false)
        var state = DashboardState(view: small, width: 160, height: 48)
        state.openAcademy(TestTrust.alder, view: small)
        let text = DashboardRenderer.render(state, view: small).text
        let gap = try #require(text.split(separator: "\n").first { $0.contains("(attendance):") })
        #expect(gap.contains("not shown"), "\(text)")
        // Five disadvantaged pupils are hidden, and so are the others: with all pupils
        // shown, the others' figure would give the five away.
        #expect(gap.contains("not shown, disadv. suppressed, others suppressed"), "\(gap)")
        #expect(!gap.contains("4.3"))
        #expect(!gap.contains("96.3"))
    }

    /// Cedar has attendance in 2024/25 spring (93.0) and 2025/26 spring (92.0) only: on the
    /// five drops' axis, marks in the second and fifth places (93.0 the higher, █; 92.0 ▁)
    /// and gaps between, counted as 2 of the 4 drops from its first to its last.
    @Test func theSparklineIsOnTheDropsTimeAxisWithGaps() throws {
        let state = page(TestTrust.cedar, width: 120, height: 40)
        let frame = DashboardRenderer.render(state, view: view)
        try Golden.check(frame, "academy-gapped-sparkline-120x40-dark")
        let trend = try #require(frame.text.split(separator: "\n").first { $0.contains("2 of 4 drops") })
        #expect(trend.contains("│  █  ▁  2 of 4 drops from 2024/25 spring"), "\(trend)")
    }

    /// Alder's attendance 96.0, 94.0, 93.0, 97.0, 95.0 over 93.0–97.0: (96 − 93) / 4 × 7 =
    /// 5.25 → ▆, 1.75 → ▃, 0 → ▁, 7 → █, 3.5 → ▅. Viewing 2025/26 autumn the line stops
    /// there: the first four.
    @Test func theSparklineStopsAtTheDropViewed() throws {
        var state = page(TestTrust.alder, width: 120, height: 40)
        #expect(lines(state).contains { $0.contains("▆▃▁█▅  5 drops, 2024/25 autumn → 2025/26 spring") })
        state.apply(.previousDrop, view: view)
        #expect(state.drop(view) == TestTrust.autumn)
        #expect(lines(state).contains { $0.contains("▆▃▁█  4 drops, 2024/25 autumn → 2025/26 autumn") })
    }

    @Test func timelineAPI() {
        let drops = [
            TestTrust.autumnBefore, TestTrust.lastYear, TestTrust.summerBefore, TestTrust.autumn,
            TestTrust.now,
        ]
        // An academy that joined for the last three drops.
        let joined = Sparkline.Timeline(
            drops: drops, history: [nil, nil, 1, 2, 3], through: nil, columns: 10)
        #expect(joined.marks(ascii: false) == "  ▁▅█", "(2 − 1) / 2 × 7 = 3.5 → ▅")
        #expect(joined.marked == 3)
        #expect(joined.firstMarked == TestTrust.summerBefore)
        #expect(joined.captions(ascii: false)[0] == "3 drops, 2024/25 summer → 2025/26 spring")
        let upTo = Sparkline.Timeline(
            drops: drops, history: [nil, nil, 1, 2, 3], through: TestTrust.autumn, columns: 10)
        #expect(upTo.drops.last == TestTrust.autumn)
        #expect(upTo.marks(ascii: true) == "  _#")
        let narrow = Sparkline.Timeline(drops: drops, history: [4, nil, 1, 2, 3], through: nil, columns: 2)
        #expect(narrow.drops == [TestTrust.autumn, TestTrust.now])
        #expect(narrow.captions(ascii: true)[0] == "2 drops, 2025/26 autumn -> 2025/26 spring")
        let none = Sparkline.Timeline(
            drops: drops, history: [nil, nil, nil, nil, nil], through: nil, columns: 5)
        #expect(none.captions(ascii: false) == ["no figures"])
    }

    /// Marks that reach into or across 2019/20–2020/21 say so in every caption, naming the
    /// pandemic years drawn; marks wholly before or after them say nothing of it.
    @Test func captionsSayWhenTheMarksCrossThePandemic() {
        func summer(_ year: Int) -> DataDrop { DataDrop(year: AcademicYear(year), term: .summer) }
        // The DfE's Bradford file: no 2019/20, then 2020/21 and 2021/22.
        let bradford = Sparkline.Timeline(
            drops: [summer(2017), summer(2018), summer(2020), summer(2021)], history: [94, 93, 89, 84],
            through: nil, columns: 10)
        #expect(bradford.pandemicWords == "2020/21 a pandemic year")
        #expect(
            bradford.captions(ascii: false) == [
                "4 drops, 2017/18 summer → 2021/22 summer; 2020/21 a pandemic year",
                "4 drops, 2017/18 summer → 2021/22 summer, across the pandemic",
                "4 drops from 2017/18 summer, across the pandemic", "4 drops, across the pandemic",
                "4 drops (pandemic)",
            ])
        // 2019/20 in the store but with no figure: only 2020/21 is named.
        let withGap = Sparkline.Timeline(
            drops: [summer(2018), summer(2019), summer(2020), summer(2021)], history: [93, nil, 89, 84],
            through: nil, columns: 10)
        #expect(withGap.pandemicWords == "2020/21 a pandemic year")
        let both = Sparkline.Timeline(
            drops: [summer(2019), summer(2020), summer(2021)], history: [90, 89, 84], through: nil,
            columns: 10)
        #expect(both.pandemicWords == "2019/20 and 2020/21 pandemic years")
        // 2018/19 beside 2021/22: no pandemic year drawn, but the bars stand side by side.
        let across = Sparkline.Timeline(
            drops: [summer(2018), summer(2021)], history: [93, 84], through: nil, columns: 10)
        #expect(
            across.captions(ascii: true)[0]
                == "2 drops, 2018/19 summer -> 2021/22 summer; none in the pandemic years")
        // Wholly after, or before, the pandemic: no words of it.
        let after = Sparkline.Timeline(
            drops: [summer(2020), summer(2021), summer(2022)], history: [nil, 84, 86], through: nil,
            columns: 10)
        #expect(after.pandemicWords == nil)
        #expect(after.captions(ascii: false)[0] == "2 drops, 2021/22 summer → 2022/23 summer")
        let before = Sparkline.Timeline(
            drops: [summer(2017), summer(2018), summer(2019)], history: [94, 93, nil], through: nil,
            columns: 10)
        #expect(before.pandemicWords == nil)
    }

    /// Zoomed, the attendance panel charts every drop: each value beside its mark, the
    /// drops along the bottom, the scale from the lowest value or benchmark (93.0) to the
    /// highest (97.0), and the national line (94.8 in 2025/26 spring).
    @Test(arguments: [false, true])
    func zoomChartsEveryDropsValue(ascii: Bool) throws {
        var state = page(TestTrust.alder, width: 120, height: 40, ascii: ascii)
        state.apply(.nextPanel, view: view)
        state.apply(.zoom, view: view)
        let frame = DashboardRenderer.render(state, view: view)
        try Golden.check(frame, "academy-zoom-chart-120x40-\(ascii ? "ascii" : "dark")")
        let rows = frame.text.split(separator: "\n").map(String.init)
        let heading = try #require(rows.firstIndex { $0.contains("each drop") })
        #expect(rows[heading].contains("national, 94.8 for 2025/26 spring"), "\(rows[heading])")
        let chart = Array(rows[(heading + 1)...])
        // The plot, right of the panel's edge, the scale's four columns and the axis.
        func row(_ value: String) -> Int? { chart.firstIndex { String($0.dropFirst(8)).contains(value) } }
        // Each mark in its rating's shape: 96.0 green (≥ 94.93), 94.0 amber (94.84 − 1 ≤ 94.0
        // < 94.84), 93.0 red (below 94.47 − 1), 97.0 and 95.0 green.
        let marks = ascii ? ["G", "G", "G", "A", "R"] : ["●", "●", "●", "▲", "■"]
        let values = ["97.0", "96.0", "95.0", "94.0", "93.0"]
        let order = try zip(marks, values).map { try #require(row("\($0) \($1)")) }
        #expect(order == order.sorted(), "highest first: \(chart.joined(separator: "\n"))")
        #expect(order[0] == 0, "97.0 is the top of the scale")
        #expect(chart[0].contains("97.0 \(ascii ? "+" : "┤")"), "\(chart[0])")
        #expect(chart[order[4]].contains("93.0 \(ascii ? "+" : "┤")"), "93.0 is the bottom of the scale")
        #expect(chart.contains { $0.contains("24/25  24/25  24/25  25/26  25/26") })
        #expect(chart.contains { $0.contains("autumn spring summer autumn spring") })
    }
}

extension Screen {
    /// The role of the cell where `needle` first starts, reading row by row.
    fileprivate func role(of needle: String) -> Role? {
        let wanted = needle.map(String.init)
        for y in 0..<height {
            let row = (0..<width).map { self[$0, y].text }
            for x in 0...max(0, width - wanted.count)
            where Array(row[x..<min(width, x + wanted.count)]) == wanted {
                return self[x, y].role
            }
        }
        return nil
    }
}

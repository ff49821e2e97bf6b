import Foundation
import Metrics
import Testing

@testable import BoardPack

@Suite("Line charts")
struct LineChartTests {
    static func drop(_ year: Int, _ term: Term) -> DataDrop { DataDrop(year: AcademicYear(year), term: term) }

    /// Four drops: a green, an amber, a suppressed drop (no value, a gap in the line) and a
    /// red, against a national line of 94.0, 94.5, 94.5 and 94.0.
    static let chart = LineChart(
        title: "Attendance", unit: "% of possible sessions", decimals: 1,
        points: [
            ChartPoint(drop: drop(2023, .autumn), value: 95.2, rating: .green, national: 94.0),
            ChartPoint(drop: drop(2023, .spring), value: 94.1, rating: .amber, national: 94.5),
            ChartPoint(drop: drop(2023, .summer), value: nil, rating: nil, national: 94.5),
            ChartPoint(drop: drop(2024, .autumn), value: 92.6, rating: .red, national: 94.0),
        ])

    @Test("The chart matches its golden file")
    func golden() {
        Golden.check(Self.chart.svg(id: "c1") + "\n", named: "chart-attendance.svg")
    }

    @Test("Title, unit, national label and a text alternative that reads every point")
    func wordsOnTheChart() {
        let svg = Self.chart.svg(id: "c1")
        #expect(svg.contains("aria-labelledby=\"c1-t c1-d\""))
        #expect(svg.contains("<title id=\"c1-t\">Attendance</title>"))
        #expect(svg.contains(">% of possible sessions</text>"))
        // The national line is labelled with its latest figure.
        #expect(svg.contains(">National 94.0</text>"))
        #expect(
            svg.contains(
                "<desc id=\"c1-d\">Attendance, % of possible sessions, by drop. 2023/24 autumn: 95.2 (green), "
                    + "national 94.0; 2023/24 spring: 94.1 (amber), national 94.5; 2023/24 summer: no figure shown, "
                    + "national 94.5; 2024/25 autumn: 92.6 (red), national 94.0.</desc>"))
    }

    @Test("Each rating has its own shape, so the chart reads in black and white")
    func shapes() {
        let svg = Self.chart.svg(id: "c1")
        // One of each in the plot and one of each in the legend.
        #expect(svg.components(separatedBy: "<circle class=\"m-green\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "<polygon class=\"m-amber\"").count - 1 == 2)
        #expect(svg.components(separatedBy: "<rect class=\"m-red\"").count - 1 == 2)
        // The line breaks at the drop with no value: the first two points are joined, the
        // last stands alone. x: 40 + 8, then steps of (236 − 40 − 16) / 3 = 60; y on the
        // axis 92–96 drawn from 124 up to 40 (the plot's 128 to 36, 4 in from each end):
        // 95.2 at 124 − 3.2 / 4 × 84 = 56.8, 94.1 at 124 − 2.1 / 4 × 84 = 79.9.
        #expect(svg.components(separatedBy: "<polyline class=\"c-line\"").count - 1 == 1)
        #expect(svg.contains("<polyline class=\"c-line\" points=\"48,56.8 108,79.9\"/>"))
        #expect(svg.contains("<polyline class=\"c-national\""))
    }

    /// The DfE's Bradford absence file has no 2019/20 and a 2020/21 gathered differently:
    /// no line runs into, out of or across them, and the chart and its text alternative say
    /// why.
    @Test("No line joins a figure across the pandemic years, and the chart says so")
    func pandemicBreaksTheLine() {
        let chart = LineChart(
            title: "Attendance", unit: "% of possible sessions", decimals: 1,
            points: [
                ChartPoint(drop: Self.drop(2017, .summer), value: 94.0, rating: .green, national: 95.0),
                ChartPoint(drop: Self.drop(2018, .summer), value: 93.0, rating: .red, national: 95.0),
                ChartPoint(drop: Self.drop(2020, .summer), value: 89.0, rating: nil, national: nil),
                ChartPoint(drop: Self.drop(2021, .summer), value: 85.0, rating: .red, national: 92.0),
                ChartPoint(drop: Self.drop(2022, .summer), value: 86.0, rating: .red, national: 92.0),
            ])
        let svg = chart.svg(id: "p")
        #expect(chart.breaksAtPandemic)
        // 85 to 95: a span of 10 takes steps of 5, so 84 px over 10 points, 8.4 a point:
        // 94.0 at 124 − 9 × 8.4 = 48.4, 93.0 at 56.8, 85.0 at 124, 86.0 at 115.6; the
        // national 95.0 at 40 and 92.0 at 65.2. x from 48 in steps of (236 − 40 − 16) / 4 =
        // 45. Two lines, 2017/18–2018/19 and 2021/22–2022/23; 2020/21 stands alone.
        #expect(svg.components(separatedBy: "<polyline class=\"c-line\"").count - 1 == 2)
        #expect(svg.contains("<polyline class=\"c-line\" points=\"48,48.4 93,56.8\"/>"))
        #expect(svg.contains("<polyline class=\"c-line\" points=\"183,124 228,115.6\"/>"))
        // The national line too: 2017/18–2018/19 and 2021/22–2022/23 apart.
        #expect(svg.components(separatedBy: "<polyline class=\"c-national\"").count - 1 == 2)
        #expect(svg.contains("<polyline class=\"c-national\" points=\"48,40 93,40\"/>"))
        #expect(svg.contains("<polyline class=\"c-national\" points=\"183,65.2 228,65.2\"/>"))
        #expect(svg.contains(">No line joins a figure across the pandemic years 2019/20 and 2020/21.</text>"))
        #expect(
            chart.description.hasSuffix(
                "2022/23 summer: 86.0 (red), national 92.0. No line joins a figure across the pandemic "
                    + "years 2019/20 and 2020/21, whose figures were gathered differently."))
        // 2018/19 beside 2021/22 with no pandemic drop between: still not joined.
        let apart = LineChart(
            title: "Attendance", unit: "%", decimals: 1,
            points: [
                ChartPoint(drop: Self.drop(2018, .summer), value: 93.0, rating: .red, national: nil),
                ChartPoint(drop: Self.drop(2021, .summer), value: 85.0, rating: .red, national: nil),
            ])
        #expect(apart.breaksAtPandemic)
        #expect(!apart.svg(id: "a").contains("<polyline class=\"c-line\""))
        // A chart wholly after the pandemic has no note.
        #expect(!Self.chart.breaksAtPandemic)
        #expect(!Self.chart.svg(id: "c1").contains("pandemic"))
        #expect(!Self.chart.description.contains("pandemic"))
    }

    /// The latest value is written to the left of its point: above it, or below it where
    /// the line comes down into it, so that the line never runs through the number.
    @Test("The latest value's label keeps clear of the line")
    func latestLabelClearOfTheLine() {
        func chart(_ values: [Double]) -> String {
            LineChart(
                title: "Attendance", unit: "%", decimals: 1,
                points: values.enumerated().map {
                    ChartPoint(
                        drop: Self.drop(2022, [Term.autumn, .spring, .summer][$0.offset]), value: $0.element,
                        rating: .green, national: nil)
                }
            ).svg(id: "l")
        }
        // 90 to 94 (steps of 1): y = 124 − (v − 90) × 21; x 48, 138, 228, the label 4 left.
        // Falling from 94.0 (y 40) into 92.0 (y 82): below it, at 93.
        let falling = chart([90.0, 94.0, 92.0])
        #expect(
            falling.contains("<text x=\"224\" y=\"93\" class=\"c-value\" text-anchor=\"end\">92.0</text>"))
        // Rising from 90.0 (y 124) into 92.0: above it, at 76.
        let rising = chart([94.0, 90.0, 92.0])
        #expect(rising.contains("<text x=\"224\" y=\"76\" class=\"c-value\" text-anchor=\"end\">92.0</text>"))
        // Falling to the foot of the plot (y 124): no room below, so above, at 118.
        let toTheFoot = chart([94.0, 92.0, 90.0])
        #expect(
            toTheFoot.contains("<text x=\"224\" y=\"118\" class=\"c-value\" text-anchor=\"end\">90.0</text>"))
    }

    @Test("The axis holds every value on round ticks")
    func axis() {
        // 92.6 to 95.2: a span of 2.6 takes steps of 1 (2.6 / 0.5 > 4), from 92 to 96.
        let scale = AxisScale(low: 92.6, high: 95.2)
        #expect(scale.step == 1)
        #expect(scale.ticks == [92, 93, 94, 95, 96])
        // A flat line is widened by a step each way.
        #expect(AxisScale(low: 10, high: 10).ticks.first ?? 0 < 10)
    }

    @Test("Eight summers: every term, and every other year counting back from the latest")
    func eightSummers() {
        // 2013/14 to 2021/22 without 2019/20, as Beckfoot's attendance: the plot's 180 units
        // over 7 steps put points 25.7 apart, under the 32 a year label needs, so the years
        // of points 7, 5, 3 and 1 are written; a term's 16 fit.
        let years = [2013, 2014, 2015, 2016, 2017, 2018, 2020, 2021]
        let chart = LineChart(
            title: "Attendance", unit: "%", decimals: 1,
            points: years.map {
                ChartPoint(drop: Self.drop($0, .summer), value: 94, rating: .green, national: nil)
            })
        #expect(chart.yearLabels == [1, 3, 5, 7])
        #expect(chart.hasTermLabels)
        let svg = chart.svg(id: "y")
        for year in ["2014/15", "2016/17", "2018/19", "2021/22"] { #expect(svg.contains(">\(year)</text>")) }
        for year in ["2013/14", "2015/16", "2017/18", "2020/21"] { #expect(!svg.contains(">\(year)</text>")) }
        #expect(svg.components(separatedBy: ">Sum</text>").count - 1 == 8)
        // Every drop is still in the text alternative.
        #expect(chart.description.contains("2013/14 summer: 94.0 (green)"))
    }

    @Test("Ten years of three drops: no terms, every other year")
    func tenYears() {
        // 30 points 180 / 29 = 6.2 apart: under a term's 16. A year's first drop is every
        // third point, 18.6 apart: every other one from the latest (27, 21, 15, 9, 3) is 37
        // apart.
        let drops = (2015..<2025).flatMap { year in Term.allCases.map { Self.drop(year, $0) } }
        let chart = LineChart(
            title: "Attendance", unit: "%", decimals: 1,
            points: drops.map { ChartPoint(drop: $0, value: 94, rating: nil, national: nil) })
        #expect(!chart.hasTermLabels)
        #expect(chart.yearLabels == [3, 9, 15, 21, 27])
        #expect(!chart.svg(id: "t").contains(">Aut</text>"))
    }

    @Test("A chart with no figures says so")
    func empty() {
        let chart = LineChart(
            title: "RWM", unit: "%", decimals: 1,
            points: [ChartPoint(drop: Self.drop(2024, .autumn), value: nil, rating: nil, national: nil)])
        #expect(chart.svg(id: "e").contains(">no figures yet</text>"))
    }
}

import Metrics

extension OverviewScreen {
    /// Where each column starts and how wide it is, for a screen width.
    ///
    /// Up to 139 columns the overview has the name, phase and four rated figures. Wider
    /// screens add columns as the width allows, most useful first: each figure's
    /// benchmark; the disadvantaged attendance gap; the headline for both phases (the
    /// trust's secondary headline beside its primary one); a sparkline of attendance
    /// over the drops; Year 6 writing, the teacher-assessed subject of RWM; and suspensions
    /// per 100 pupils, when the trust has inclusion figures. Names keep at least the width
    /// they have at 120 columns.
    struct Layout {
        var name: (x: Int, width: Int)
        var phase: (x: Int, width: Int)?
        /// Attendance, persistent absence, severe absence, the headline (the primary
        /// headline when `phaseHeadlines`), then the secondary headline when `phaseHeadlines`.
        var cells: [(x: Int, width: Int)]
        var changes: Bool
        var severeChange: Bool
        /// Each cell's benchmark, when shown: one per cell.
        var benchmarks: [(x: Int, width: Int)] = []
        /// The disadvantaged attendance gap, when shown.
        var gap: (x: Int, width: Int)?
        /// The attendance sparkline, when shown, one column per drop.
        var trend: (x: Int, width: Int)?
        /// True when the headline is split into a primary and a secondary column.
        var phaseHeadlines = false
        /// True when a cell is Year 6 writing (teacher assessed, expected standard), after
        /// the headlines.
        var writing = false
        /// True when the last cell is suspensions per 100 pupils.
        var suspensions = false

        /// The narrowest screen with more than the four figures.
        static let widestPlain = 139
        /// The columns of one benchmark, its gap included.
        static let benchmarkWidth = 5
        /// The columns of the gap, its heading "Disadv. gap" the widest part.
        static let gapWidth = 11
        /// The narrowest name column once extra columns are added: its width at 120 columns.
        static let narrowestWideName = 46

        init(width: Int, trendDrops: Int = 0, hasWriting: Bool = false, hasSuspensions: Bool = false) {
            var showPhase = true
            var changes = true
            var severeChange = width >= 110
            func cellWidths() -> [Int] {
                let rated = changes ? 13 : 7
                return [rated, rated, severeChange ? 13 : 7, changes ? 17 : 11]
            }
            func nameWidth() -> Int {
                width - 2 - (showPhase ? (width >= 110 ? 11 : 6) : 0) - cellWidths().reduce(0) { $0 + $1 + 1 }
                    - 1
            }
            if nameWidth() < 16 { severeChange = false }
            if nameWidth() < 16 { showPhase = false }
            if nameWidth() < 12 { changes = false }
            self.changes = changes
            self.severeChange = severeChange && changes
            // Names longer than this are rare; wider screens keep the figures near the names.
            var chosenName = max(6, min(nameWidth(), 52))
            var extra = (
                benchmarks: false, gap: false, headlines: false, trend: 0, writing: false, suspensions: false
            )
            if width > Self.widestPlain {
                var spare = nameWidth() - Self.narrowestWideName
                func take(_ columns: Int) -> Bool {
                    guard columns <= spare else { return false }
                    spare -= columns
                    return true
                }
                extra.benchmarks = take(4 * (Self.benchmarkWidth + 1))
                extra.gap = take(Self.gapWidth + 1)
                extra.headlines = take(17 + 1 + (extra.benchmarks ? Self.benchmarkWidth + 1 : 0))
                // A trend of fewer than three drops says nothing a change does not.
                let marks = min(trendDrops, TrustView.mostTrendDrops)
                if marks >= 3, take(max(marks, 10) + 1) { extra.trend = max(marks, 10) }
                extra.writing = hasWriting && take(13 + 1 + (extra.benchmarks ? Self.benchmarkWidth + 1 : 0))
                extra.suspensions =
                    hasSuspensions && take(13 + 1 + (extra.benchmarks ? Self.benchmarkWidth + 1 : 0))
                chosenName = max(Self.narrowestWideName, min(52, Self.narrowestWideName + spare))
            }
            name = (2, chosenName)
            var x = 2 + chosenName + 1
            if showPhase {
                let phaseWidth = width >= 110 ? 10 : 5
                phase = (x, phaseWidth)
                x += phaseWidth + 1
            }
            cells = []
            phaseHeadlines = extra.headlines
            writing = extra.writing
            suspensions = extra.suspensions
            let wide =
                (extra.headlines ? [17] : []) + (extra.writing ? [13] : []) + (extra.suspensions ? [13] : [])
            for cellWidth in cellWidths() + wide {
                cells.append((x, cellWidth))
                x += cellWidth + 1
                if extra.benchmarks {
                    benchmarks.append((x, Self.benchmarkWidth))
                    x += Self.benchmarkWidth + 1
                }
            }
            if extra.gap {
                gap = (x, Self.gapWidth)
                x += Self.gapWidth + 1
            }
            if extra.trend > 0 { trend = (x, extra.trend) }
        }
    }
}

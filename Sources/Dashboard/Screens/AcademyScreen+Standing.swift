import Metrics

extension AcademyScreen {
    /// "Nationally: better than 72% of primary schools in England (attendance, 2018/19)"
    /// for the first of `kpis` with a national standing, or no line when none has one
    /// (no national file ingested for the drop, a pupil group, or a suppressed figure).
    static func standingLines(
        _ page: Context, _ kpis: [KPI], yearGroup: YearGroup = .all, width: Int, priority: Int
    ) -> [PanelLine] {
        for kpi in kpis {
            guard let rated = page.figure(kpi, yearGroup: yearGroup), let standing = rated.nationalPercentile
            else { continue }
            let year = rated.figure.drop.year
            let variants = [
                "Nationally: \(standing.text) (\(kpi.label.lowercased()), \(year))",
                "Nationally: \(standing.text) (\(year))",
                "Better than \(standing.percentile)% of \(standing.phase.schoolsLabel)",
                "Better than \(standing.percentile)% nationally",
            ]
            let lines = variants.map { text -> PanelLine in
                var line = PanelLine(priority: priority, style: page.style)
                line.add(text, .muted)
                return line
            }
            return [PanelLine.fitting(lines, width: width)]
        }
        return []
    }
}

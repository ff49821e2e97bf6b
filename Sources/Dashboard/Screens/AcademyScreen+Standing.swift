import Metrics

extension AcademyScreen {
    /// "Nationally: better than 72% of primary schools in England (2018/19)" for the
    /// first of `kpis` with a national standing, led by the KPI's name where the panel
    /// holds several ("Attainment 8: better than …"); no line when none has one (no
    /// national file ingested for the drop, a pupil group, or a suppressed figure).
    static func standingLines(
        _ page: Context, _ kpis: [KPI], yearGroup: YearGroup = .all, named: Bool = false, width: Int,
        priority: Int
    ) -> [PanelLine] {
        for kpi in kpis {
            guard let rated = page.figure(kpi, yearGroup: yearGroup), let standing = rated.nationalPercentile
            else { continue }
            let year = rated.figure.drop.year
            let name = kpi.label(in: yearGroup)
            let than = "than \(standing.percentile)% of \(standing.phase.schoolsLabel)"
            let share = "better \(than)"
            let variants =
                named
                ? [
                    "\(name): \(share) in England (\(year))", "\(name): \(share) (\(year))",
                    "\(name): \(share)", "\(name): better than \(standing.percentile)% nationally",
                ]
                : [
                    "Nationally: \(share) in England (\(year))",
                    "Better \(than) (\(year))",
                    "Better \(than)", "Better than \(standing.percentile)% nationally",
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

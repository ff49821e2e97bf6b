import Metrics

extension AcademyScreen {
    /// The academy's similar schools for the drop shown, if it has any: the group whose
    /// characteristics the context line gives.
    static func similarGroup(_ page: Context) -> SimilarSchools? {
        guard let drop = page.drop else { return nil }
        return page.view.similar(drop)?.comparisons.group(of: page.urn, for: drop)
    }

    /// "1,666 pupils · disadvantaged 16.9% · EAL 15.4% · SEN support 10.7% · EHCP 1.2%
    /// (census 2018/19)", longest first, for the line under the title: the characteristics
    /// the academy's similar schools were chosen by. Empty when it has no group.
    static func contextTexts(_ page: Context) -> [String] {
        guard let academy = similarGroup(page)?.academy else { return [] }
        func percent(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, decimals: 1) + "%" } ?? dash(page.ascii)
        }
        let parts = [
            academy.pupils.map { "\(DisplayRounding.count($0)) pupils" } ?? "pupils \(dash(page.ascii))",
            "disadvantaged \(percent(academy.disadvantagedPercent))",
            "EAL \(percent(academy.ealPercent))",
            "SEN support \(percent(academy.senSupportPercent))",
            "EHCP \(percent(academy.ehcpPercent))",
        ]
        let line = parts.joined(separator: " · ")
        let source = academy.source == .census ? "census" : "context file"
        return ["\(line) (\(source) \(academy.year))", line]
    }

    /// Draws the context line at row `y` when it fits whole; returns whether it was drawn.
    static func contextLine(_ page: Context, y: Int, into screen: inout Screen) -> Bool {
        let width = screen.width - 2
        guard let text = contextTexts(page).first(where: { DisplayWidth.of($0) <= width }) else {
            return false
        }
        screen.write(text, x: 1, y: y, role: .muted, maxWidth: width)
        return true
    }

    /// "Similar schools: median 95.2 · 12th best of 21 · 3rd quarter (2018/19)" for the
    /// first of `kpis` compared with the academy's similar schools, led by the KPI's name
    /// where the panel holds several; no line when none is (no census, a pupil group, a
    /// figure the DfE does not publish school by school, or a suppressed figure).
    static func similarLines(
        _ page: Context, _ kpis: [KPI], yearGroup: YearGroup = .all, named: Bool = false, width: Int,
        priority: Int
    ) -> [PanelLine] {
        for kpi in kpis {
            guard let rated = page.figure(kpi, yearGroup: yearGroup),
                let comparison = page.view.similarComparison(rated)
            else { continue }
            let lead = named ? "\(kpi.label(in: yearGroup)) vs similar schools" : "Similar schools"
            // In a panel of several figures the line always names its figure, shortened last.
            let short = named ? "\(kpi.shortLabel(in: yearGroup)) vs similar" : "Similar"
            let median = "median \(DisplayRounding.text(comparison.median, for: kpi))"
            let quarter = "\(SimilarSchoolsComparison.ordinal(comparison.quartile)) quarter"
            let year = " (\(comparison.year))"
            let variants = [
                "\(lead): \(median) · \(comparison.rankText) · \(quarter)\(year)",
                "\(lead): \(median) · \(comparison.rankText) · \(quarter)",
                "\(short): \(median) · \(comparison.rankText) · \(quarter)",
                "\(short): \(median) · \(comparison.rankText)",
                named
                    ? "\(kpi.shortLabel(in: yearGroup)): \(comparison.rankText) of similar"
                    : "Similar: \(comparison.rankText)",
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

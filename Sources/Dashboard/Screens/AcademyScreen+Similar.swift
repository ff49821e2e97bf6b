import Metrics

extension AcademyScreen {
    /// "1,666 pupils · disadvantaged 16.9% (national secondary 27.7%) · EAL 15.4% (16.9%) ·
    /// SEN support 10.7% (10.8%) · EHCP 1.2% (1.7%) (census 2018/19)", longest first, for the
    /// line under the title: the characteristics the academy's similar schools were chosen
    /// by, each with the census's national figure for the phase beside it where the store
    /// has the census's national rows. Narrower forms name the phase less, then leave the
    /// national figures to the explanation; a national row for all schools rather than the
    /// phase always says so. Empty when the academy has no group.
    static func contextTexts(_ page: Context) -> [String] {
        guard let drop = page.drop, let similar = page.view.similar(drop),
            let group = similar.comparisons.group(of: page.urn, for: drop)
        else { return [] }
        let academy = group.academy
        let national = similar.comparisons.national(for: group)
        let ascii = page.ascii
        let bare = characteristicsText(academy, ascii: ascii)
        // The sample trust's census is fictional, and says so wherever it shows.
        let census = page.view.isSample ? "fictional census" : "census"
        let source = " (\(academy.source == .census ? census : "context file") \(academy.year))"
        guard let national else {
            return page.view.isSample ? [bare + source, bare + " (fictional)", bare] : [bare + source, bare]
        }
        let lead = national.phase == nil ? "national, \(national.coverage)" : "national \(national.brief)"
        let named = characteristicsText(academy, national: national, lead: lead, ascii: ascii)
        var texts = [named + source, named]
        // "national 27.7%" alone is the phase's figure only when the row is the phase's.
        if national.phase != nil {
            texts.append(characteristicsText(academy, national: national, lead: "national", ascii: ascii))
        }
        return texts + [bare + source, bare]
    }

    /// "1,666 pupils · disadvantaged 16.9% · EAL 15.4% · SEN support 10.7% · EHCP 1.2%"; with
    /// `national`, each percentage is followed by the national one, the first led by
    /// `lead`: "disadvantaged 16.9% (national secondary 27.7%) · EAL 15.4% (16.9%) · …". A
    /// value the source lacks is a dash. Pupils have no national figure beside them: the
    /// census's national row gives the total on roll in England, no school's size.
    static func characteristicsText(
        _ school: SchoolCharacteristics, national: NationalCensus? = nil, lead: String = "", ascii: Bool
    ) -> String {
        func percent(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, decimals: 1) + "%" } ?? dash(ascii)
        }
        let pairs: [(String, Double?, Double?)] = [
            ("disadvantaged", school.disadvantagedPercent, national?.disadvantagedPercent),
            ("EAL", school.ealPercent, national?.ealPercent),
            ("SEN support", school.senSupportPercent, national?.senSupportPercent),
            ("EHCP", school.ehcpPercent, national?.ehcpPercent),
        ]
        var parts = [school.pupils.map { "\(DisplayRounding.count($0)) pupils" } ?? "pupils \(dash(ascii))"]
        for (index, (name, own, nationally)) in pairs.enumerated() {
            var part = "\(name) \(percent(own))"
            if national != nil {
                part += index == 0 ? " (\(lead) \(percent(nationally)))" : " (\(percent(nationally)))"
            }
            parts.append(part)
        }
        return parts.joined(separator: " · ")
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

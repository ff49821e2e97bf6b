import Metrics

extension AcademyScreen {
    /// The glyph of each band, lowest absence first, darker as more is missed, so the bar
    /// reads without colour: Unicode and ASCII.
    static let bandGlyphs = (unicode: ["·", "░", "▒", "▓", "█"], ascii: [".", "-", "+", "#", "@"])

    /// The role of each band: colour only repeats what the glyph says.
    static let bandRoles: [Role] = [.muted, .amber, .red, .red, .red]

    /// The page's absence-band bar for its pupil group, or nil when the academy has no
    /// bands in the drop or they may not be shown (`AbsenceBandBar`).
    static func bandBar(_ page: Context) -> AbsenceBandBar? {
        guard let drop = page.drop, let bands = page.view.absenceBands(page.urn, drop, group: page.group)
        else { return nil }
        func shown(_ kpi: KPI) -> Bool { page.figure(kpi)?.shown != nil }
        return AbsenceBandBar(
            bands, atRiskShown: shown(.absenceBand(.atRiskRate)),
            persistentShown: shown(.persistentAbsenceRate),
            severeShown: shown(.severeAbsenceRate))
    }

    /// "Bands · <5% 56%  ░ 5–10% 18%  ▒ 10–20% 17%  ▓ 20–50% 6%  █ 50%+ 3%": a legend that
    /// gives each glyph its band and the band's share of pupils, so it reads in monochrome;
    /// narrower, closer and then without glyphs. Under it, where there is a row to spare
    /// (`barPriority`), the bar: the shares in proportion, as wide as the legend. Nothing
    /// when the academy has no bands; "hidden" when it has them but they may not be shown.
    static func bandLines(_ page: Context, width: Int, priority: Int, barPriority: Int) -> [PanelLine] {
        guard let drop = page.drop, page.view.absenceBands(page.urn, drop, group: page.group) != nil else {
            return []
        }
        let label = "Bands "
        guard let bar = bandBar(page) else {
            var line = PanelLine(priority: priority, style: page.style)
            line.add(label, .heading)
            line.add("hidden: they would give away a hidden figure or a small group", .muted)
            return [line]
        }
        let glyphs = page.ascii ? bandGlyphs.ascii : bandGlyphs.unicode
        func legend(gap: String, glyph: Bool) -> PanelLine {
            var line = PanelLine(priority: priority, style: page.style)
            line.add(label, .heading)
            for (index, part) in bar.parts.enumerated() {
                let band = part.bands.lowerBound
                if index > 0 { line.add(gap) }
                if glyph { line.add(glyphs[band] + " ", bandRoles[band]) }
                line.add(part.label + " ", .muted)
                line.add("\(part.share)%")
            }
            return line
        }
        let key = PanelLine.fitting(
            [legend(gap: "  ", glyph: true), legend(gap: " ", glyph: true), legend(gap: " ", glyph: false)],
            width: width)
        let cells = min(key.width, width) - label.count
        guard cells >= bar.parts.count else { return [key] }
        var line = PanelLine(priority: barPriority, style: page.style)
        line.add(String(repeating: " ", count: label.count))
        for (part, filled) in zip(bar.parts, bar.cells(cells)) where filled > 0 {
            let band = part.bands.lowerBound
            line.add(String(repeating: glyphs[band], count: filled), bandRoles[band])
        }
        return [key, line]
    }
}

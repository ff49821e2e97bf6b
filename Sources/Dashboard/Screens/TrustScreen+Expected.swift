import Metrics

extension TrustScreen {
    /// The trust's figure against its expected figure, where the rater gave it one (every
    /// academy in the figure compared with its similar schools): "Similar schools: expected
    /// 93.2 · 1.5 points worse than schools like ours", in the report's words
    /// (`ReportRow.expectedText`), shortened to fit `width`; nil where there is none or the
    /// figure is hidden. `named` names the figure, for a panel of several.
    static func expectedLine(
        _ page: Context, _ rated: RatedFigure, named: String?, short: String?, width: Int, priority: Int
    ) -> PanelLine? {
        guard rated.rating != .suppressed, let value = rated.shown, let expected = rated.similarExpected
        else { return nil }
        let kpi = rated.figure.kpi
        let phrase = ReportRow.expectedText(
            value: value, expected: expected, decimals: kpi.decimals, direction: kpi.direction)
        let figure = "expected \(DisplayRounding.text(expected, for: kpi))"
        let lead = named.map { "\($0) vs similar schools" } ?? "Similar schools"
        let shortLead = (short ?? named).map { "\($0) vs similar" } ?? "Similar"
        // Narrow panels drop the phrase's closing words ("3.2 points better") rather than cut
        // it mid-word; the line's lead already says whom the trust is compared with.
        var brief = phrase
        for tail in [" than schools like ours", " as schools like ours"] where brief.hasSuffix(tail) {
            brief.removeLast(tail.count)
        }
        let variants = [
            "\(lead): \(figure) · \(phrase)", "\(shortLead): \(figure) · \(phrase)",
            "\(shortLead): \(figure) · \(brief)",
        ]
        let lines = variants.map { text -> PanelLine in
            var line = PanelLine(priority: priority, style: page.style)
            line.add(text, .muted)
            return line
        }
        return PanelLine.fitting(lines, width: width)
    }
}

import Metrics

/// The one-page summary: the trust's headline figures against national and against
/// schools like ours, with the change on last year and how many academies are red, amber
/// and green on each; then what turned red since the last drop.
enum PackSummary {
    static func write(_ figures: PackFigures, into html: inout HTML) {
        let request = figures.request
        html.open("section", ["class": "summary", "id": "summary"])
        html.element("h2", text: "Summary: \(request.trustName), \(request.drop)")
        headlines(figures, into: &html)
        charts(figures, into: &html)
        turnedRed(figures, into: &html)
        html.close("section")
        html.raw("\n")
    }

    private static func headlines(_ figures: PackFigures, into html: inout HTML) {
        let items = PackHeadline.all(figures.config).filter {
            figures.figure(.trust, $0.kpi, yearGroup: $0.yearGroup) != nil
        }
        html.element("h3", text: "The trust's headline figures")
        html.open("table", ["class": "figures"])
        html.raw("<thead><tr>")
        for (heading, numeric) in [
            ("Figure", false), ("Trust", true), ("Rating", false), ("National", true),
            ("Schools like ours", false),
            ("Last year", true), ("Change", true), ("● green", true), ("▲ amber", true), ("■ red", true),
        ] {
            html.element("th", numeric ? ["class": "n"] : [:], text: heading)
        }
        html.raw("</tr></thead><tbody>")
        for item in items {
            guard
                let line = FigureTable.line(
                    item.label, figures.figure(.trust, item.kpi, yearGroup: item.yearGroup), figures)
            else { continue }
            let text = line.text
            html.raw("<tr>")
            html.element("td", text: line.label)
            html.element("td", ["class": "n"], text: text.value)
            text.writeRating(into: &html)
            html.element("td", ["class": "n"], text: text.benchmark)
            html.element("td", text: text.similar.isEmpty ? "—" : text.similar)
            html.element("td", ["class": "n"], text: text.previous)
            html.element("td", ["class": "n"], text: text.change)
            let counts = ratingCounts(item, figures)
            for rating in [RAGRating.green, .amber, .red] {
                html.element("td", ["class": "n"], text: String(counts[rating] ?? 0))
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
        html.element(
            "p", ["class": "key"],
            text:
                "National is the national figure for the same measure and period, weighted by this trust's mix of "
                + "phases. Schools like ours is the trust's figure against what it would be if every academy matched "
                + "its similar schools' median, where the store has similar schools. The last three columns count the "
                + "academies in this pack rated green, amber and red on the figure. The charts show the trust's figure "
                + "at every drop against that weighted national figure.")
    }

    /// A chart of each of the trust's headline figures over every drop.
    private static func charts(_ figures: PackFigures, into html: inout HTML) {
        let items = PackHeadline.all(figures.config).filter {
            figures.figure(.trust, $0.kpi, yearGroup: $0.yearGroup) != nil
        }
        guard !items.isEmpty else { return }
        html.open("div", ["class": "charts"])
        for (index, item) in items.enumerated() {
            html.raw(item.chart(.trust, figures).svg(id: "trust-\(index)"))
        }
        html.close("div")
    }

    /// How many of the pack's academies have `item` rated green, amber and red.
    private static func ratingCounts(_ item: PackHeadline, _ figures: PackFigures) -> [RAGRating: Int] {
        figures.ratingCounts[item] ?? [:]
    }

    private static func turnedRed(_ figures: PackFigures, into html: inout HTML) {
        let changes = figures.changes
        let comparison = changes.headerComparison
        let earlier = comparison.earlierDrop(than: changes.drop)
        // A count of none would read as good news where nothing was compared: with no data
        // for the earlier drop, or across a pandemic year.
        guard changes.comparedDrops.contains(earlier) else {
            html.element("h3", text: "Turned red since \(earlier): not compared")
            html.element(
                "p",
                text: "No data for \(earlier) to compare with."
                    + RatingChange.Comparison.wouldNotBeCompared(earlier, with: changes.drop))
            return
        }
        if RatingChange.Comparison.crossesPandemic(earlier, changes.drop) {
            html.element("h3", text: "Turned red since \(earlier): not compared")
            html.element(
                "p",
                text:
                    "\(changes.drop) is not compared with \(earlier): \(RatingChange.Comparison.pandemicReason)."
            )
            return
        }
        // Nor where either drop has no figure rated (within a pandemic year): none could turn red.
        if changes.noneRated(since: earlier) {
            html.element("h3", text: "Turned red since \(earlier): none rated")
            html.element("p", text: changes.nothingChanged(since: [earlier]))
            return
        }
        let reds = PackChangesPage.listed(figures).filter {
            $0.band == .turnedRed && $0.comparedWith == comparison
        }
        html.element("h3", text: "Turned red since \(earlier): \(reds.count)")
        guard !reds.isEmpty else {
            html.element("p", text: "No figure turned red since \(earlier).")
            return
        }
        PackChangesPage.table(reds, showComparison: false, into: &html)
    }
}

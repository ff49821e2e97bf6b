import Metrics

/// The cover: the trust, the drop, the date, the marking and what is in the pack.
enum PackCover {
    static func write(_ figures: PackFigures, into html: inout HTML) {
        let request = figures.request
        html.open("section", ["class": "cover", "id": "cover"])
        html.element("div", ["class": "marking"], text: request.marking)
        html.element("h1", text: request.trustName)
        html.element("p", ["class": "subtitle"], text: "Board pack: the \(request.drop) data drop")
        html.element("p", text: "Written \(request.date) by trustboard from the trust's store.")
        if request.isSample {
            html.element(
                "p", ["class": "muted"],
                text: "These are the figures of the bundled sample trust, a fictional trust, not real pupils."
            )
        }
        html.element("h3", text: "In this pack")
        html.element("ol") { list in
            list.element(
                "li",
                text:
                    "Summary: the trust's headline figures, how many academies are red, amber and green, and what turned red."
            )
            let names = figures.academies.map(\.name).joined(separator: "; ")
            list.element("li", text: "One page per academy (\(figures.academies.count)): \(names).")
            let changes = PackChangesPage.listed(figures).count
            let rest = changes - PackChangesPage.boardCount
            list.element(
                "li",
                text: "What changed, worst news first, with whether each change could be chance"
                    + (rest > 0 ? ": the \(PackChangesPage.boardCount) worst of \(changes)." : "."))
            list.element(
                "li",
                text:
                    "How the figures are worked out: measures, comparisons, thresholds, what is hidden and why, sources."
            )
            if rest > 0 {
                list.element("li", text: "Appendix: the other \(rest) changes, in the same order.")
            }
        }
        html.element(
            "p", ["class": "muted"],
            text: "Every rating is shown by a mark and a word as well as a colour: ● green, ▲ amber, ■ red, "
                + "· not rated, ◌ suppressed. No figure for a group of fewer than \(Figure.smallestShownGroup) pupils is shown, "
                + "nor any figure from which one could be worked out.")
        html.close("section")
        html.raw("\n")
    }
}

import Metrics

/// What changed, worst news first: the changes `report --changes` lists (`RatingChanges`,
/// in its order, with its noise test), for the pack's academies and the trust, each
/// attendance figure once; the worst `boardCount` in the changes section (`forBoard`), the
/// rest in an appendix after the method page.
enum PackChangesPage {
    /// The changes listed: the pack's academies' and the trust's, without the absence
    /// lines that repeat an attendance line (absence is 100 − attendance), as on the
    /// dashboard's changes page.
    static func listed(_ figures: PackFigures) -> [RatingChange] {
        let urns = figures.academyURNs
        return figures.changes.changes.filter { change in
            guard !change.mirrorsAttendance else { return false }
            guard let urn = change.owner.urn else { return true }
            return urns.contains(urn)
        }
    }

    /// How many changes the changes section lists (see `forBoard`); the rest are in the
    /// appendix after the method page, so the board reads a page, not every figure that
    /// moved.
    static let boardCount = 15

    /// The changes the board reads, as positions in `changes` (the list in `report
    /// --changes`' order), in that order: the worst `count`, chosen bad news before
    /// improvements and, within each, by the noise test (beyond chance, then not tested,
    /// then could be chance), then by place in the list. So a red that got worse beyond
    /// chance comes before a new red that could be chance, which the list's band order
    /// alone would put first.
    static func forBoard(_ changes: [RatingChange], count: Int) -> [Int] {
        let chosen = changes.indices.sorted { left, right in
            func key(_ index: Int) -> (Int, ChangeSignificance.Verdict) {
                (changes[index].band == .improved ? 1 : 0, changes[index].significance.verdict)
            }
            let (a, b) = (key(left), key(right))
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return left < right
        }
        return chosen.prefix(count).sorted()
    }

    /// Writes the changes section: the worst `count` changes (`boardCount` but in tests).
    static func write(_ figures: PackFigures, count: Int = boardCount, into html: inout HTML) {
        let changes = listed(figures)
        let shown = forBoard(changes, count: count).map { changes[$0] }
        let rest = changes.count - shown.count
        html.open("section", ["class": "changes", "id": "changes"])
        html.element("h2", text: "What changed in \(figures.request.drop), worst news first")
        let compared = figures.changes.fairlyComparedDrops.map { drop in
            let comparison: RatingChange.Comparison =
                drop == figures.request.drop.previous ? .previousDrop : .lastYear
            return "the \(comparison.label) (\(drop))"
        }.joined(separator: " and ")
        html.element(
            "p", ["class": "muted"],
            text: compared.isEmpty
                ? figures.changes.pandemicNote ?? "There is no earlier drop to compare with."
                : "Every figure whose rating moved since \(compared), or that stayed red and got worse, as "
                    + "trustboard report --changes lists it. Within each band, the changes beyond chance come first "
                    + "(a two-proportion test at 95%: see the method page), then those not tested, then those that could "
                    + "be chance." + (figures.changes.pandemicNote.map { " " + $0 } ?? ""))
        if rest > 0 {
            html.element(
                "p",
                text:
                    "The \(shown.count) worst of the \(changes.count) changes are here: bad news before "
                    + "improvements and, within each, those beyond chance first. The other \(rest) are in the "
                    + "appendix after the method page.")
        }
        for band in RatingChange.Band.allCases {
            let all = changes.filter { $0.band == band }
            let lines = shown.filter { $0.band == band }
            guard !lines.isEmpty else { continue }
            let beyond = all.filter { $0.significance.verdict == .beyondChance }.count
            let more = all.count - lines.count
            html.element(
                "h3",
                text: "\(band.title): \(all.count) (\(beyond) beyond chance)"
                    + (more > 0 ? "; \(more) more in the appendix" : ""))
            table(lines, showComparison: true, into: &html)
        }
        if changes.isEmpty, !compared.isEmpty {
            // "No rating changed since …", or, where one side has no figure rated (a
            // pandemic year), that none could.
            html.element(
                "p", text: figures.changes.nothingChanged(since: figures.changes.fairlyComparedDrops))
        }
        html.close("section")
        html.raw("\n")
    }

    /// The appendix: the changes not among the board's `count`, in the same order and
    /// bands; nothing when every change is in the changes section.
    static func writeAppendix(_ figures: PackFigures, count: Int = boardCount, into html: inout HTML) {
        let changes = listed(figures)
        let board = Set(forBoard(changes, count: count))
        let rest = changes.indices.filter { !board.contains($0) }.map { changes[$0] }
        guard !rest.isEmpty else { return }
        html.open("section", ["class": "changes", "id": "changes-appendix"])
        html.element("h2", text: "Appendix: the other \(rest.count) changes in \(figures.request.drop)")
        html.element(
            "p", ["class": "muted"],
            text: "The changes not among the \(count) in “What changed”, in the same order: worst news "
                + "first, and within each band the changes beyond chance first.")
        for band in RatingChange.Band.allCases {
            let lines = rest.filter { $0.band == band }
            guard !lines.isEmpty else { continue }
            let beyond = lines.filter { $0.significance.verdict == .beyondChance }.count
            html.element("h3", text: "\(band.title): \(lines.count) more (\(beyond) beyond chance)")
            table(lines, showComparison: true, into: &html)
        }
        html.close("section")
        html.raw("\n")
    }

    /// A table of changes in the order given.
    static func table(_ changes: [RatingChange], showComparison: Bool, into html: inout HTML) {
        html.open("table", ["class": "changes"])
        html.raw("<thead><tr>")
        html.element("th", text: "Academy")
        html.element("th", text: "Figure")
        html.element("th", text: "Pupils")
        if showComparison { html.element("th", text: "Compared with") }
        html.element("th", ["class": "n"], text: "Was")
        html.element("th", text: "")
        html.element("th", ["class": "n"], text: "Now")
        html.element("th", text: "")
        html.element("th", ["class": "n"], text: "Change")
        html.element("th", text: "Could it be chance?")
        html.raw("</tr></thead><tbody>")
        for change in changes {
            html.raw("<tr>")
            html.element("td", text: change.name)
            let figure =
                change.yearGroup == .all
                ? change.kpi.label : "\(change.yearGroup) \(change.kpi.label(in: change.yearGroup))"
            html.element("td", text: figure)
            html.element("td", text: change.group.label)
            if showComparison { html.element("td", text: change.comparedWith.label) }
            html.element("td", ["class": "n"], text: DisplayRounding.text(change.oldValue, for: change.kpi))
            html.element(
                "td", ["class": "r-" + change.oldRating.rawValue],
                text: "\(RatingMark.mark(change.oldRating, ascii: false)) \(change.oldRating.word)")
            html.element("td", ["class": "n"], text: DisplayRounding.text(change.newValue, for: change.kpi))
            html.element(
                "td", ["class": "r-" + change.newRating.rawValue],
                text: "\(RatingMark.mark(change.newRating, ascii: false)) \(change.newRating.word)")
            html.element("td", ["class": "n"], text: DisplayRounding.signed(change.change, for: change.kpi))
            html.element("td", text: change.significance.verdict.words)
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

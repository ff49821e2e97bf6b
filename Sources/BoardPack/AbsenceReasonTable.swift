import Metrics

/// An academy's authorised or unauthorised absence by reason: each reason of the side its
/// data gives, as a percentage of possible sessions, with what it is compared with and the
/// change on the same term last year, as the dashboard's zoomed attendance panel lists
/// them. The reasons are not rated unless a config gives one a rule, so the rating column
/// appears only when one is rated or hidden. Two narrow tables (authorised, unauthorised)
/// side by side keep an academy on one page where one long table would not.
struct AbsenceReasonTable {
    /// One row: the reason's name and its figure.
    struct Row {
        var label: String
        var text: FigureText
    }

    /// True for the authorised reasons, false for the unauthorised.
    let authorised: Bool
    /// The side's reasons with a figure, in `AbsenceReason` order.
    let rows: [Row]

    /// The `authorised` (or unauthorised) reasons of `owner`'s figures (all pupils, all
    /// years) in the pack's drop.
    init(_ owner: Figure.Owner, _ figures: PackFigures, authorised: Bool) {
        self.authorised = authorised
        rows = AbsenceReason.allCases.filter { $0.isAuthorised == authorised }.compactMap { reason in
            figures.figure(owner, .absenceReason(reason)).map {
                Row(
                    label: KPI.absenceReason(reason).label(in: .all),
                    text: FigureText(rated: $0, row: figures.row($0)))
            }
        }
    }

    /// True when a row's rating says something: a rule rated it, or it is hidden.
    private var showsRating: Bool { rows.contains { $0.text.rated.rating != .none } }

    /// Writes the table; nothing when the academy's data gives no reason.
    func write(into html: inout HTML) {
        guard !rows.isEmpty else { return }
        html.open("table", ["class": "figures reasons"])
        html.raw("<thead><tr>")
        html.element("th", text: authorised ? "Authorised" : "Unauthorised")
        html.element("th", ["class": "n"], text: "Value")
        if showsRating { html.element("th", text: "Rating") }
        html.element("th", ["class": "n"], text: "Against")
        html.element("th", ["class": "n"], text: "Change")
        html.raw("</tr></thead><tbody>")
        for row in rows {
            let text = row.text
            html.raw("<tr>")
            html.element("td", text: row.label)
            html.element("td", ["class": "n"], text: text.value)
            if showsRating { text.writeRating(into: &html) }
            // A benchmark of another period says which, as the dashboard's reason lines do,
            // so a full-year figure is never read as this term's.
            let note = text.row.benchmark == nil ? nil : text.rated.benchmark?.periodNote
            html.element("td", ["class": "n"], text: text.benchmark + (note.map { " (\($0))" } ?? ""))
            html.element("td", ["class": "n"], text: text.change)
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

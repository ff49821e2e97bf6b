import Metrics

/// An academy's absence by reason: each reason its data gives, as a percentage of possible
/// sessions, with what it is compared with and the change on the same term last year, as
/// the dashboard's zoomed attendance panel lists them. The reasons are not rated unless a
/// config gives one a rule, so the rating column appears only when one is rated or hidden.
struct AbsenceReasonTable {
    /// One row: the reason's name and its figure.
    struct Row {
        var label: String
        var text: FigureText
    }

    /// The reasons with a figure, authorised first, in `AbsenceReason` order.
    let rows: [Row]

    /// The reasons of `owner`'s figures (all pupils, all years) in the pack's drop.
    init(_ owner: Figure.Owner, _ figures: PackFigures) {
        rows = AbsenceReason.allCases.compactMap { reason in
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
        html.element("th", text: "Reason")
        html.element("th", ["class": "n"], text: "% of sessions")
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
            html.open("td", ["class": "n"])
            html.text(text.benchmark)
            // A benchmark of another period says which, as the dashboard's reason lines do,
            // so a full-year figure is never read as this term's.
            if text.row.benchmark != nil, let note = text.rated.benchmark?.periodNote {
                html.raw("<br>")
                html.element("span", ["class": "why"], text: note)
            }
            html.close("td")
            html.element("td", ["class": "n"], text: text.change)
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

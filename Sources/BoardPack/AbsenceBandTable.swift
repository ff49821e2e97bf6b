import Metrics

/// How much an academy's pupils missed, as shares of its pupils: those at risk of
/// persistent absence (5% to under 10% of their sessions) beside the persistently (10% or
/// more) and severely (50% or more) absent, each with its rating, what it is compared with
/// and the change on the same term last year. Written only when the academy's data gives
/// its absence bands (the at-risk share): without it the other two rows repeat the
/// attendance and absence table.
///
/// These are the shares `Metrics` works out and hides as it hides every figure; the other
/// bands (under 5%, 10% to under 20%, 20% to under 50%) are not measures of their own, so
/// they are not shown rather than worked out here.
struct AbsenceBandTable {
    /// The bands shown, lowest first, with how each is named down the side.
    static let bands: [(kpi: KPI, label: String)] = [
        (.absenceBand(.atRiskRate), "5% to under 10% (at risk)"),
        (.persistentAbsenceRate, "10% or more (persistent)"),
        (.severeAbsenceRate, "50% or more (severe)"),
    ]

    /// One row: the band's name and its figure.
    struct Row {
        var label: String
        var text: FigureText
    }

    /// The bands with a figure; empty without an at-risk share.
    let rows: [Row]

    /// The bands of `owner`'s figures (all pupils, all years) in the pack's drop.
    init(_ owner: Figure.Owner, _ figures: PackFigures) {
        guard figures.figure(owner, .absenceBand(.atRiskRate)) != nil else {
            rows = []
            return
        }
        rows = Self.bands.compactMap { band in
            figures.figure(owner, band.kpi).map {
                Row(label: band.label, text: FigureText(rated: $0, row: figures.row($0)))
            }
        }
    }

    /// Writes the table; nothing when the academy's data gives no absence bands.
    func write(into html: inout HTML) {
        guard !rows.isEmpty else { return }
        html.open("table", ["class": "figures bands"])
        html.raw("<thead><tr>")
        html.element("th", text: "Pupils who missed")
        html.element("th", ["class": "n"], text: "% pupils")
        html.element("th", text: "Rating")
        html.element("th", ["class": "n"], text: "Against")
        html.element("th", ["class": "n"], text: "Change")
        html.raw("</tr></thead><tbody>")
        for row in rows {
            let text = row.text
            html.raw("<tr>")
            html.element("td", text: row.label)
            html.element("td", ["class": "n"], text: text.value)
            text.writeRating(into: &html)
            html.element("td", ["class": "n"], text: text.benchmark)
            html.element("td", ["class": "n"], text: text.change)
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

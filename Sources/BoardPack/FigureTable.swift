import Metrics

/// A table of figures as the dashboard's panels show them, one row per figure: the value,
/// its mark and word (and colour), what it is rated against, last year, the change, the
/// pupils and, where known, the similar schools.
struct FigureTable {
    /// One row: the label read down the side, and the figure.
    struct Line {
        /// "All pupils", "disadvantaged", "Year 7", "Severe absence".
        var label: String
        /// How the figure is written.
        var text: FigureText
    }

    /// The rows.
    var lines: [Line]
    /// The heading of the label column: "Pupils", "Subject".
    var labelHeading: String

    /// The line of `rated`, written from its report row; nil when there is no figure.
    static func line(_ label: String, _ rated: RatedFigure?, _ figures: PackFigures) -> Line? {
        guard let rated else { return nil }
        return Line(label: label, text: FigureText(rated: rated, row: figures.row(rated)))
    }

    /// Writes the table; nothing when it has no rows.
    func write(into html: inout HTML) {
        guard !lines.isEmpty else { return }
        let similar = lines.contains { !$0.text.similar.isEmpty }
        html.open("table", ["class": "figures"])
        html.raw("<thead><tr>")
        html.element("th", text: labelHeading)
        html.element("th", ["class": "n"], text: "Value")
        html.element("th", text: "Rating")
        html.element("th", ["class": "n"], text: "Against")
        html.element("th", ["class": "n"], text: "Last year")
        html.element("th", ["class": "n"], text: "Change")
        html.element("th", ["class": "n"], text: "Pupils")
        if similar { html.element("th", text: "Similar schools") }
        html.raw("</tr></thead><tbody>")
        for line in lines {
            let text = line.text
            html.raw("<tr>")
            html.element("td", text: line.label)
            html.element("td", ["class": "n"], text: text.value)
            text.writeRating(into: &html)
            html.element("td", ["class": "n"], text: text.benchmark)
            html.element("td", ["class": "n"], text: text.previous)
            html.element("td", ["class": "n"], text: text.change)
            html.element("td", ["class": "n"], text: text.pupils)
            if similar { html.element("td", text: text.similar) }
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

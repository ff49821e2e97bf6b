import Metrics

/// An academy's attendance, persistent absence and severe absence panels as one table: a
/// row for all pupils, each other pupil group and each year group, and for each measure
/// its value, its mark and word (and colour), what it is rated against, the change on
/// the same term last year and, where known, its rank among similar schools. One table
/// rather than three keeps a page per academy: the three panels share their rows.
struct AbsenceTable {
    /// The measures, in the dashboard's panel order, with their column headings.
    static let measures: [(kpi: KPI, title: String)] = [
        (.attendanceRate, "Attendance %"), (.persistentAbsenceRate, "Persistent absence %"),
        (.severeAbsenceRate, "Severe absence %"),
    ]

    /// One row: its label and each measure's figure (nil where there is none).
    struct Row {
        var label: String
        var figures: [FigureText?]
    }

    /// The measures with a figure for the academy, and the rows that have any.
    let measures: [(kpi: KPI, title: String)]
    let rows: [Row]
    /// For each measure, true when a row has its rank among similar schools: that measure
    /// gets a "Similar" column, as the attainment table gets one.
    let ranked: [Bool]

    /// The table of `owner`'s figures in the pack's drop.
    init(_ owner: Figure.Owner, _ figures: PackFigures) {
        func text(_ kpi: KPI, _ group: PupilGroup, _ year: YearGroup) -> FigureText? {
            figures.figure(owner, kpi, group: group, yearGroup: year).map {
                FigureText(rated: $0, row: figures.row($0))
            }
        }
        let measures = Self.measures.filter { figures.figure(owner, $0.kpi) != nil }
        var places: [(String, PupilGroup, YearGroup)] = [("All pupils", .all, .all)]
        places += PupilGroup.allCases.filter { $0 != .all }.map { ($0.label.capitalisedFirst, $0, .all) }
        places += YearGroup.allCases.filter { $0 != .all }.map { ($0.description, .all, $0) }
        let rows = places.compactMap { label, group, year in
            let cells = measures.map { text($0.kpi, group, year) }
            return cells.contains { $0 != nil } ? Row(label: label, figures: cells) : nil
        }
        self.rows = rows
        self.measures = measures
        ranked = measures.indices.map { index in
            rows.contains { $0.figures[index].map { !$0.similar.isEmpty } ?? false }
        }
    }

    /// Writes the table; nothing when it has no rows.
    func write(into html: inout HTML) {
        guard !rows.isEmpty else { return }
        html.open("table", ["class": "figures absence"])
        html.raw("<thead><tr><th rowspan=\"2\">Group</th><th class=\"n\" rowspan=\"2\">Pupils</th>")
        for (measure, ranked) in zip(measures, ranked) {
            html.element("th", ["colspan": ranked ? "5" : "4", "class": "measure"], text: measure.title)
        }
        html.raw("</tr><tr>")
        for ranked in ranked {
            html.element("th", ["class": "n"], text: "Value")
            html.element("th", text: "Rating")
            html.element("th", ["class": "n"], text: "Against")
            html.element("th", ["class": "n"], text: "Change")
            if ranked { html.element("th", ["class": "similar"], text: "Similar") }
        }
        html.raw("</tr></thead><tbody>")
        for row in rows {
            html.raw("<tr>")
            // Why the row's hidden figures are hidden, once under its label rather than in
            // each measure's rating cell: three copies made the table too wide for the page.
            var reasons: [String] = []
            for reason in row.figures.compactMap({ $0?.hiddenBecause }) where !reasons.contains(reason) {
                reasons.append(reason)
            }
            html.open("td")
            html.text(row.label)
            if !reasons.isEmpty {
                html.raw("<br>")
                html.element("span", ["class": "why"], text: "SUPP: " + reasons.joined(separator: "; "))
            }
            html.close("td")
            // The pupils of the row's first figure: the same pupils for every measure, and
            // "hidden" where that figure is suppressed, as `report` leaves its cohort empty.
            html.element("td", ["class": "n"], text: row.figures.compactMap { $0 }.first?.pupils ?? "—")
            for (figure, ranked) in zip(row.figures, ranked) {
                guard let figure else {
                    html.raw("<td class=\"n\">—</td><td></td><td></td><td></td>")
                    if ranked { html.raw("<td></td>") }
                    continue
                }
                html.element("td", ["class": "n"], text: figure.value)
                figure.writeRating(into: &html, why: false)
                html.element("td", ["class": "n"], text: figure.benchmark)
                html.element("td", ["class": "n"], text: figure.change)
                if ranked { html.element("td", ["class": "similar"], text: figure.similar) }
            }
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

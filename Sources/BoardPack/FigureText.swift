import Metrics

/// How one figure is written in the pack's tables, from its report row (so a figure
/// reads as `report` writes it) and its rating: the value, its mark and word, and the
/// figures beside it. A suppressed figure shows `SUPP` and why, and nothing that could
/// give its size or value away.
struct FigureText {
    /// The rated figure.
    let rated: RatedFigure
    /// Its report row.
    let row: ReportRow

    /// The KPI's decimals.
    private var decimals: Int { rated.figure.kpi.decimals }

    /// The value as shown, `≈` before an approximate one; `SUPP` when suppressed; a dash
    /// when there is none.
    var value: String {
        guard let value = row.value else { return rated.rating == .suppressed ? "SUPP" : "—" }
        let text = DisplayRounding.text(value, decimals: decimals)
        return row.approximate == true ? RatingMark.approximate(ascii: false) + text : text
    }

    /// The rating's mark and word: "■ RED", "◌ SUPP".
    var rating: String {
        let mark = RatingMark.mark(rated.rating, ascii: false)
        return rated.rating == .suppressed ? "\(mark) SUPP" : "\(mark) \(rated.rating.word)"
    }

    /// Why a suppressed figure is hidden ("fewer than 6 pupils", "hidden to protect a
    /// small group", "suppressed by the DfE"); nil for a figure that is shown.
    var hiddenBecause: String? {
        guard rated.rating == .suppressed else { return nil }
        return rated.figure.suppressionNote ?? "fewer than \(Figure.smallestShownGroup) pupils"
    }

    /// Writes the rating's cell: the mark and word, and why a suppressed figure is hidden
    /// on a line of its own unless `why` is false (a table that says why once per row).
    func writeRating(into html: inout HTML, why: Bool = true) {
        html.open("td", ["class": ratingClass])
        html.text(rating)
        if why, let hiddenBecause {
            html.raw("<br>")
            html.element("span", ["class": "why"], text: hiddenBecause)
        }
        html.close("td")
    }

    /// The CSS class of the rating's cell.
    var ratingClass: String { "r-" + rated.rating.rawValue }

    /// What the figure is rated against: "T 96.0" when the academy's target decided (as
    /// the dashboard's attainment table writes it), else the benchmark as shown, "S 95.2"
    /// for a similar-schools median; a dash when none. Each page's key spells them out.
    var benchmark: String {
        if let target = row.target { return "T " + DisplayRounding.text(target, decimals: decimals) }
        guard let benchmark = row.benchmark else { return "—" }
        let text = DisplayRounding.text(benchmark, decimals: decimals)
        return rated.benchmark?.similar != nil ? "S " + text : text
    }

    /// The same term last year, as shown; a dash when none.
    var previous: String {
        row.previous.map { DisplayRounding.text($0, decimals: decimals) } ?? "—"
    }

    /// The change on last year with its sign and whether it is better or worse, in words
    /// that print in black and white: "+1.4 better", "-0.3 worse"; a dash when none.
    var change: String {
        guard let change = row.change else { return "—" }
        let arrow =
            switch rated.changeIsBetter {
            case true?: " better"
            case false?: " worse"
            case nil: ""
            }
        return DisplayRounding.signed(change, for: rated.figure.kpi) + arrow
    }

    /// Pupils in the group: "hidden" for a suppressed figure, a dash when not published.
    var pupils: String {
        if rated.rating == .suppressed { return "hidden" }
        return row.cohort.map(DisplayRounding.count) ?? "—"
    }

    /// The academy against its similar schools, "4th best of 21"; the trust against its
    /// expected figure, "1.3 points better than schools like ours"; empty when neither.
    var similar: String {
        if let expected = row.similarExpected, let value = row.value {
            return ReportRow.expectedText(
                value: value, expected: expected, decimals: decimals, direction: rated.figure.kpi.direction)
        }
        guard let rank = row.similarRank, let count = row.similarCount else { return "" }
        return "\(SimilarSchoolsComparison.ordinal(rank)) best of \(count)"
    }
}

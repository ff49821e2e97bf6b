import Metrics

extension ExplainOverlay {
    /// Draws the explanation of the trust page's focused figure: its rating, how many
    /// academies it covers and which it leaves out, then the counts, the benchmark's
    /// working (the trust's phase mix), the rule and last year's value; then, where its
    /// academies have similar schools, each one's group median (`trustSimilarRows`).
    public static func renderTrust(_ state: DashboardState, view: TrustView, into screen: inout Screen) {
        guard let drop = state.drop(view), let rated = TrustScreen.focusedFigure(state, view: view) else {
            let rows = [Row(label: "", text: "There is no figure here to explain.", role: .muted)]
            draw(title: "Nothing to explain", rows: rows, into: &screen)
            return
        }
        let leftOut = (view.trustLeftOut(drop)[FigureCalculator.smallKey(rated.figure)] ?? []).map { urn in
            "\(view.academies[urn]?.name ?? urn.description) (\(urn))"
        }
        let explanation = RatingExplanation(
            rated, leftOut: leftOut, source: view.data.publishedSource(of: rated.figure))
        var rows = [
            Row(
                label: "Rating", text: ratingText(rated, ascii: screen.style.ascii),
                role: RatingMark.role(rated.rating)),
            Row(
                label: "Covers", text: TrustScreen.coverageText(rated, state: state, view: view), role: .text),
        ]
        rows += explanation.lines.map { Row(label: $0.label, text: $0.text, role: .text) }
        let similar = trustSimilarRows(rated, view: view, drop: drop)
        draw(title: title(rated), rows: rows + similar.rows, list: similar.schools, into: &screen)
    }
}

import Metrics

extension ExplainOverlay {
    /// The explanation's similar-schools rows for an academy's figure that has a
    /// comparison: the rank and quarter, the group's median and interquartile range; then
    /// the schools, nearest first, one per line (value, URN, name and local authority
    /// where a DfE file gave them), for a sceptical reader to check. Both empty when the
    /// figure has no comparison.
    static func similarRows(_ rated: RatedFigure, view: TrustView, ascii: Bool) -> (
        rows: [Row], schools: [Row]
    ) {
        let figure = rated.figure
        guard case .academy(let urn) = figure.owner, let comparison = view.similarComparison(rated),
            let similar = view.similar(figure.drop),
            let compared = similar.comparisons.schools(
                urn: urn, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup, drop: figure.drop
            )
        else { return ([], []) }
        let kpi = figure.kpi
        func number(_ value: Double) -> String { DisplayRounding.text(value, for: kpi) }
        let quarter = SimilarSchoolsComparison.ordinal(comparison.quartile)
        let without =
            comparison.membersWithoutValue > 0
            ? "; \(comparison.membersWithoutValue) with no published figure left out" : ""
        let rows = [
            Row(
                label: "Similar",
                text:
                    "\(comparison.rankText) similar schools (the academy counted), \(quarter) quarter of 4, "
                    + "against their \(comparison.year) figures",
                role: .text),
            Row(
                label: "Group",
                text:
                    "median \(number(comparison.median)), interquartile range \(number(comparison.lowerQuartile))"
                    + " to \(number(comparison.upperQuartile)), of \(comparison.membersWithValue) schools\(without)",
                role: .text),
        ]
        let schools = compared.schools.members.enumerated().map { index, member in
            let value = compared.values[member.urn].map(number) ?? dash(ascii)
            let known = similar.names[member.urn]
            var text = "\(value)  \(member.urn)"
            if let name = known?.name { text += "  \(name)" }
            if let authority = known?.localAuthority { text += " (LA \(authority))" }
            return Row(label: index == 0 ? "Schools" : "", text: text, role: .text)
        }
        return (rows, schools)
    }

    /// "—", or "-" in ASCII.
    private static func dash(_ ascii: Bool) -> String { ascii ? "-" : "—" }
}

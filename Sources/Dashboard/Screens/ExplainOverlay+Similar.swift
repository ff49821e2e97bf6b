import Metrics

extension ExplainOverlay {
    /// The explanation's similar-schools rows for an academy's figure that has a
    /// comparison: the rank and quarter, the group's median and interquartile range; then
    /// the academy, the national figures of its phase and the schools, one per line with
    /// their characteristics (`schoolRows`), for a sceptical reader to check. Both empty
    /// when the figure has no comparison.
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
        let group = compared.schools
        return (
            rows,
            schoolRows(
                group, values: compared.values, own: rated.shown,
                national: similar.comparisons.national(for: group),
                names: similar.names, kpi: kpi, ascii: ascii)
        )
    }

    /// The group as columns, one school a line, after a line of headings: the academy's
    /// own line (its figure as shown, `own`), the census's national row for its phase
    /// where the store has one ("primary schools", or what a row of no phase covers, such
    /// as "all schools"; the percentages alone: its pupils are England's total, no
    /// school's size), then the similar schools nearest first. Each gives the school's
    /// published value of the figure, URN, pupils and the percentages it was chosen by
    /// (disadvantaged, EAL, SEN support, EHCP), then its name and local authority where a
    /// DfE file gave them, so that the figures line up at 80 columns and a long name is
    /// what is cut.
    static func schoolRows(
        _ group: SimilarSchools, values: [URN: Double], own: Double?, national: NationalCensus?,
        names: [URN: SchoolName], kpi: KPI, ascii: Bool
    ) -> [Row] {
        var values = values
        values[group.academy.urn] = own
        func number(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, for: kpi) } ?? dash(ascii)
        }
        func percent(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, decimals: 1) } ?? dash(ascii)
        }
        let schools = [group.academy] + group.members.map(\.school)
        let valueWidth = max(5, schools.map { DisplayWidth.of(number(values[$0.urn])) }.max() ?? 0)
        // The value and URN columns (or a word across both), then pupils and the percentages.
        func line(_ lead: String, _ cells: [String], name: String) -> String {
            let figures = zip(cells, [6, 6, 5, 5, 5]).map { DisplayWidth.pad($0, to: $1, right: true) }
            return DisplayWidth.pad(lead, to: valueWidth + 8) + figures.joined(separator: " ") + "  " + name
        }
        func lead(_ value: String, _ urn: String) -> String {
            DisplayWidth.pad(value, to: valueWidth, right: true) + "  " + urn
        }
        var rows = [
            Row(
                label: "Schools",
                text: line(
                    lead("value", "URN"), ["pupils", "disad%", "EAL%", "SEN%", "EHCP%"], name: "name"),
                role: .muted)
        ]
        for school in schools {
            let known = names[school.urn]
            var name = known?.name ?? ""
            if let authority = known?.localAuthority {
                name += name.isEmpty ? "LA \(authority)" : " (LA \(authority))"
            }
            let cells = [
                school.pupils.map(DisplayRounding.count) ?? dash(ascii), percent(school.disadvantagedPercent),
                percent(school.ealPercent), percent(school.senSupportPercent), percent(school.ehcpPercent),
            ]
            let isAcademy = school.urn == group.academy.urn
            rows.append(
                Row(
                    label: "",
                    text: line(
                        lead(number(values[school.urn]), school.urn.description), cells,
                        name: isAcademy ? "this academy" : name),
                    role: .text))
            if isAcademy, let national {
                let cells = [
                    dash(ascii), percent(national.disadvantagedPercent), percent(national.ealPercent),
                    percent(national.senSupportPercent), percent(national.ehcpPercent),
                ]
                rows.append(
                    Row(
                        label: "",
                        text: line(
                            "national", cells,
                            name: national.brief + (national.phase == nil ? "" : " schools")),
                        role: .text))
            }
        }
        return rows
    }

    /// The trust's figure's similar-schools rows: for each academy in it with a comparison
    /// of the same figure, its group's median, its rank in the group and its name, the
    /// medians the trust's expected figure weighs together (`RatedFigure.similarExpected`).
    /// Both empty when no academy has one.
    static func trustSimilarRows(_ rated: RatedFigure, view: TrustView, drop: DataDrop) -> (
        rows: [Row], schools: [Row]
    ) {
        let figure = rated.figure
        guard figure.owner == .trust else { return ([], []) }
        let ratedDrop = view.rated(drop)
        let kpi = figure.kpi
        var found: [(median: String, rank: String, urn: URN, name: String)] = []
        for urn in ratedDrop.academiesWithData {
            guard
                let academy = ratedDrop.figure(
                    .academy(urn), kpi, group: figure.group, yearGroup: figure.yearGroup),
                let comparison = view.similarComparison(academy)
            else { continue }
            found.append(
                (
                    DisplayRounding.text(comparison.median, for: kpi), comparison.rankText, urn,
                    view.academies[urn]?.name ?? ""
                ))
        }
        guard !found.isEmpty else { return ([], []) }
        found.sort { ($0.name, $0.urn.value) < ($1.name, $1.urn.value) }
        let medianWidth = max(6, found.map { DisplayWidth.of($0.median) }.max() ?? 0)
        let rankWidth = max(4, found.map { DisplayWidth.of($0.rank) }.max() ?? 0)
        func line(_ median: String, _ urn: String, _ rank: String, _ name: String) -> String {
            DisplayWidth.pad(median, to: medianWidth, right: true) + "  " + DisplayWidth.pad(urn, to: 6)
                + "  "
                + DisplayWidth.pad(rank, to: rankWidth) + "  " + name
        }
        let rows = [
            Row(
                label: "Similar",
                text:
                    "\(found.count) of the trust's academies compared with their similar schools; each "
                    + "group's median below",
                role: .text)
        ]
        var schools = [Row(label: "Academies", text: line("median", "URN", "rank", "academy"), role: .muted)]
        for academy in found {
            schools.append(
                Row(
                    label: "",
                    text: line(academy.median, academy.urn.description, academy.rank, academy.name),
                    role: .text))
        }
        return (rows, schools)
    }

    /// "—", or "-" in ASCII.
    private static func dash(_ ascii: Bool) -> String { ascii ? "-" : "—" }
}

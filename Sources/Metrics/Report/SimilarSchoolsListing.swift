/// What `trustboard similar` prints: an academy's similar schools, each with its name,
/// local authority, characteristics and distance, then each measure's comparison.
///
/// Written for a data manager checking that the schools really are similar: every school's
/// characteristics are the census's, and every figure is the one the DfE published for that
/// school (nothing is worked out about another school's pupils).
public struct SimilarSchoolsListing: Sendable {
    /// The group.
    public let group: SimilarSchools
    /// The academy's name, when known.
    public let academyName: String?
    /// The names and local authorities DfE files gave schools, by URN.
    public let names: [URN: SchoolName]
    /// Every school's published values of the group's year, if any are stored.
    public let outcomes: SchoolOutcomes?
    /// True for the sample trust's fictional England: the census and figures are then
    /// called fictional, never the DfE's.
    public var fictional = false
    /// The census's national row for the group's phase and year
    /// (`NationalCensus.row(for:year:in:)`), set beside the academy's characteristics; nil
    /// when none is stored.
    public let national: NationalCensus?

    /// Makes the listing of `group`.
    public init(
        group: SimilarSchools, academyName: String?, names: [URN: SchoolName], outcomes: SchoolOutcomes?,
        national: NationalCensus? = nil
    ) {
        self.group = group
        self.academyName = academyName
        self.names = names
        self.outcomes = outcomes
        self.national = national
    }

    /// The measures listed: those any school of the group, or the academy, has a value for,
    /// in report order.
    public var kpis: [KPI] {
        guard let outcomes else { return [] }
        let urns = [group.academy.urn] + group.urns
        return outcomes.kpis.filter { kpi in urns.contains { outcomes.value(kpi, at: $0) != nil } }
    }

    /// The academy's published value of `kpi` and its comparison with the group; nil
    /// comparison when the academy or every member has no value.
    public func comparison(of kpi: KPI) -> (value: Double?, comparison: SimilarSchoolsComparison?) {
        guard let value = outcomes?.value(kpi, at: group.academy.urn) else { return (nil, nil) }
        let comparison = SimilarSchoolsComparison(
            value: value, direction: kpi.direction, group: group, values: outcomes?.values(of: kpi) ?? [:])
        return (value, comparison)
    }

    // MARK: - Text

    /// Where the characteristics come from.
    private var censusName: String { fictional ? "sample's fictional school census" : "DfE school census" }

    /// The listing as text: a heading, the schools, then the measures.
    public var text: String {
        let academy = group.academy
        let title = (academyName.map { "\($0) (\(academy.urn))" } ?? "\(academy.urn)")
        var out =
            "Similar schools of \(title), \(group.year): the \(DisplayRounding.count(group.members.count)) nearest "
            + "of \(DisplayRounding.count(group.candidates)) \(fictional ? "fictional " : "")\(group.phase.schoolsLabel) "
            + "by intake and size"
        if group.leftOut > 0 {
            out += " (\(DisplayRounding.count(group.leftOut)) more left out for lacking a characteristic)"
        }
        out += "\n"
        out +=
            "Characteristics from the \(academy.source == .census ? censusName : "trust's context file")"
            + ": " + Self.characteristics(of: academy) + "\n"
        out += (fictional ? Self.fictionalNationalLine : Self.nationalLine(national, year: group.year)) + "\n"
        out +=
            "trustboard's own grouping: distances are standardised differences in disadvantaged %, EAL %, "
            + "SEN support %, EHCP % and log pupils, each weighted 1.\n\n"
        out += table(
            [
                "#", "URN", "School", "LA", "Pupils", "Disadv. %", "EAL %", "SEN support %", "EHCP %",
                "Distance",
            ],
            rightAligned: [0, 4, 5, 6, 7, 8, 9],
            rows: [memberRow(academy, place: "", distance: nil)]
                + group.members.enumerated().map {
                    memberRow($1.school, place: "\($0 + 1)", distance: $1.distance)
                }
        )
        out += "\n"
        guard let outcomes, !outcomes.isEmpty else {
            return out
                + "No school-level figures are stored for \(group.year): ingest the DfE's performance-tables "
                + "absence and KS4 (or KS2) files for \(group.year) to compare figures.\n"
        }
        var rows: [[String]] = []
        for kpi in kpis {
            let (value, comparison) = comparison(of: kpi)
            let text = { (number: Double?) in number.map { DisplayRounding.text($0, for: kpi) } ?? "–" }
            guard let comparison else {
                rows.append([kpi.key, text(value), "–", "–", "–", "–", Self.withValues(0, of: group)])
                continue
            }
            rows.append([
                kpi.key, text(value), text(comparison.median),
                "\(text(comparison.lowerQuartile))–\(text(comparison.upperQuartile))", comparison.rankText,
                "\(comparison.quartile)", Self.withValues(comparison.membersWithValue, of: group),
            ])
        }
        out +=
            "Figures as \(fictional ? "the sample's fictional files give" : "the DfE published") them for "
            + "\(group.year) (\(outcomes.drop)):\n\n"
        out += table(
            ["Measure", "Academy", "Median", "IQR", "Rank", "Quartile", "Similar schools with a figure"],
            rightAligned: [1, 2, 3, 5], rows: rows)
        return out
    }

    /// "18 of 20".
    private static func withValues(_ count: Int, of group: SimilarSchools) -> String {
        "\(count) of \(group.members.count)"
    }

    /// "1,750 pupils · disadvantaged 21.9% · EAL 20.1% · SEN support 9.8% · EHCP 1.4%", the
    /// pupils grouped by thousands as trustboard writes counts for people.
    static func characteristics(of school: SchoolCharacteristics) -> String {
        func percent(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, decimals: 1) + "%" } ?? "NA"
        }
        return
            "\(school.pupils.map(DisplayRounding.count) ?? "NA") pupils · disadvantaged \(percent(school.disadvantagedPercent))"
            + " · EAL \(percent(school.ealPercent)) · SEN support \(percent(school.senSupportPercent))"
            + " · EHCP \(percent(school.ehcpPercent))"
    }

    /// "National (DfE school census 2018/19, state-funded secondary schools in England):
    /// disadvantaged 27.7% · EAL 16.9% · SEN support 10.8% · EHCP 1.7%", or why there are no
    /// national figures. Pupils are left out: the national row gives the total on roll in
    /// England, which is no school's size.
    /// The sample's fictional census has no national rows on purpose: a national figure is
    /// never made up.
    static let fictionalNationalLine =
        "National figures: none, since the sample's census is fictional and a national figure is never made up."

    static func nationalLine(_ national: NationalCensus?, year: AcademicYear) -> String {
        guard let national else {
            return
                "National figures: none stored for \(year); they come from the census file's national (NAT) "
                + "rows, so ingest it again if this store was made before those were kept."
        }
        func percent(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, decimals: 1) + "%" } ?? "NA"
        }
        return
            "National (DfE school census \(national.year), \(national.coverage) in England): "
            + "disadvantaged \(percent(national.disadvantagedPercent)) · EAL \(percent(national.ealPercent))"
            + " · SEN support \(percent(national.senSupportPercent)) · EHCP \(percent(national.ehcpPercent))"
    }

    /// One school's line of the schools table.
    private func memberRow(_ school: SchoolCharacteristics, place: String, distance: Double?) -> [String] {
        func percent(_ value: Double?) -> String {
            value.map { DisplayRounding.text($0, decimals: 1) } ?? "NA"
        }
        let name = names[school.urn]
        let label =
            school.urn == group.academy.urn
            ? (academyName ?? name?.name ?? "") + " (the academy)" : name?.name ?? ""
        return [
            place, school.urn.description, label, name?.localAuthority ?? "",
            school.pupils.map(String.init) ?? "NA",
            percent(school.disadvantagedPercent), percent(school.ealPercent),
            percent(school.senSupportPercent),
            percent(school.ehcpPercent), distance.map { DisplayRounding.text($0, decimals: 2) } ?? "",
        ]
    }

    /// Columns padded by display width; every cell made one line by `ReportCell.text`.
    private func table(_ headings: [String], rightAligned: Set<Int>, rows: [[String]]) -> String {
        let lines = [headings] + rows.map { $0.map(ReportCell.text) }
        var widths = headings.map { _ in 0 }
        for line in lines {
            for (index, cell) in line.enumerated() {
                widths[index] = max(widths[index], DisplayWidth.of(cell))
            }
        }
        widths[2] = min(widths[2], 40)
        var out = ""
        for line in lines {
            var text = line.enumerated().map { index, cell in
                DisplayWidth.pad(
                    DisplayWidth.truncate(cell, to: widths[index]), to: widths[index],
                    right: rightAligned.contains(index))
            }.joined(separator: "  ")
            while text.last == " " { text.removeLast() }
            out += text + "\n"
        }
        return out
    }

    // MARK: - CSV

    /// A distance to three decimal places, enough to tell near ties apart: "0.291".
    static func thousandths(_ value: Double) -> String {
        let scaled = Int64((value * 1000).rounded())
        let fraction = String(scaled % 1000)
        return "\(scaled / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// The CSV columns: one row for the academy, then one per similar school.
    public static let csvColumns = [
        "role", "urn", "name", "local_authority", "pupils", "disadvantaged_percent", "eal_percent",
        "sen_support_percent", "ehcp_percent", "distance",
    ]

    /// The listing as CSV: the academy (`role` `academy`, no distance), then each similar
    /// school nearest first (`similar`), with one column per measure holding the school's
    /// published value; then one row each for the group's `median`, `lower_quartile`,
    /// `upper_quartile`, and the academy's `rank`, `ranked` (the schools ranked, the
    /// academy included) and `quartile`, with the measure columns alone filled; last, when
    /// the census gave one, the `national` row of the group's phase, its name saying whom
    /// it covers and its percentages alone filled.
    public var csv: String {
        let kpis = kpis
        var lines = [(Self.csvColumns + kpis.map(\.key)).joined(separator: ",")]
        func cells(_ values: [String]) -> String { values.map(SpreadsheetCell.escape).joined(separator: ",") }
        func number(_ value: Double?, _ decimals: Int) -> String {
            value.map { DisplayRounding.text($0, decimals: decimals) } ?? ""
        }
        let schools =
            [(group.academy, "academy", nil as Double?)]
            + group.members.map { ($0.school, "similar", $0.distance) }
        for (school, role, distance) in schools {
            let name = names[school.urn]
            let values = kpis.map { kpi in number(outcomes?.value(kpi, at: school.urn), kpi.decimals) }
            lines.append(
                cells(
                    [
                        role, school.urn.description,
                        school.urn == group.academy.urn ? academyName ?? name?.name ?? "" : name?.name ?? "",
                        name?.localAuthority ?? "", school.pupils.map(String.init) ?? "",
                        number(school.disadvantagedPercent, 1), number(school.ealPercent, 1),
                        number(school.senSupportPercent, 1), number(school.ehcpPercent, 1),
                        distance.map(Self.thousandths) ?? "",
                    ] + values))
        }
        let comparisons = kpis.map { comparison(of: $0).comparison }
        let blanks = Array(repeating: "", count: Self.csvColumns.count - 1)
        let summaries: [(String, (SimilarSchoolsComparison, KPI) -> String)] = [
            ("median", { number($0.median, $1.decimals) }),
            ("lower_quartile", { number($0.lowerQuartile, $1.decimals) }),
            ("upper_quartile", { number($0.upperQuartile, $1.decimals) }),
            (
                "rank",
                {
                    _ = $1
                    return "\($0.rank)"
                }
            ),
            (
                "ranked",
                {
                    _ = $1
                    return "\($0.outOf)"
                }
            ),
            (
                "quartile",
                {
                    _ = $1
                    return "\($0.quartile)"
                }
            ),
        ]
        for (role, cell) in summaries {
            let values = zip(comparisons, kpis).map { comparison, kpi in
                comparison.map { cell($0, kpi) } ?? ""
            }
            lines.append(cells([role] + blanks + values))
        }
        if let national {
            lines.append(
                cells(
                    [
                        "national", "", national.coverage + " in England", "", "",
                        number(national.disadvantagedPercent, 1), number(national.ealPercent, 1),
                        number(national.senSupportPercent, 1), number(national.ehcpPercent, 1), "",
                    ] + kpis.map { _ in "" }))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

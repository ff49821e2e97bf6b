import Metrics

/// How the figures are worked out: each measure, what it is compared with, the
/// thresholds and targets in force, what is hidden and why, and where each national
/// figure in the pack comes from.
enum PackMethodPage {
    static func write(_ figures: PackFigures, into html: inout HTML) {
        html.open("section", ["class": "method", "id": "method"])
        html.element("h2", text: "How the figures are worked out")
        // The KPIs shown anywhere in the pack's drop, and the national figures its
        // figures are compared with, from one pass over every figure (each academy rated
        // again, `PackFigures.forEachFigure`).
        var kpis = Set<KPI>()
        var found = Set<Source>()
        figures.forEachFigure { rated in
            kpis.insert(rated.figure.kpi)
            guard let match = rated.benchmark, match.similar == nil else { return }
            for benchmark in match.mix?.parts.map(\.benchmark) ?? [match.benchmark] {
                found.insert(Source(benchmark))
            }
        }
        measures(kpis.sorted(), figures.config, into: &html)
        comparisons(figures, into: &html)
        targets(figures, into: &html)
        hidden(into: &html)
        sources(found, into: &html)
        html.close("section")
        html.raw("\n")
    }

    /// Where a national figure in the pack comes from: a row of the method page's last table.
    private struct Source: Hashable, Comparable {
        var measure: String
        var phase: String
        var period: String
        var value: String
        var source: String

        init(_ benchmark: Benchmark) {
            measure = benchmark.kpi.label
            phase = benchmark.phase?.rawValue ?? "all schools"
            period = benchmark.period + (benchmark.group == .all ? "" : ", \(benchmark.group.label)")
            value = DisplayRounding.text(benchmark.value, for: benchmark.kpi)
            source = benchmark.source ?? "no source recorded"
        }

        static func < (lhs: Source, rhs: Source) -> Bool {
            (lhs.measure, lhs.phase, lhs.period, lhs.source) < (
                rhs.measure, rhs.phase, rhs.period, rhs.source
            )
        }
    }

    /// How a measure is computed, in words.
    static func computation(_ kpi: KPI) -> String {
        switch kpi {
        case .attendanceRate:
            "sessions attended ÷ possible sessions, Years 1–11 for all years; higher is better"
        case .absenceRate: "sessions missed ÷ possible sessions; lower is better"
        case .persistentAbsenceRate:
            "pupils who missed 10% or more of their possible sessions ÷ pupils; lower is better"
        case .severeAbsenceRate:
            "pupils who missed 50% or more of their possible sessions ÷ pupils; lower is better"
        case .expected(.mtc):
            "pupils with full marks (25 of 25) ÷ pupils who took the check; higher is better"
        case .expected, .greaterDepth: "pupils reaching the standard ÷ pupils in the cohort; higher is better"
        case .score: "the average of pupils' scores, each academy weighted by its cohort; higher is better"
        case .inclusion, .absenceReason: catalogueComputation(kpi.definition)
        case .absenceBand(.atRiskRate):
            "pupils who missed 5% to under 10% of their possible sessions (at risk of persistent absence) "
                + "÷ pupils; lower is better"
        }
    }

    /// A measure's computation in words from its catalogue entry: "suspensions ÷ pupils ×
    /// 100 (the DfE's suspension rate …); lower is better".
    static func catalogueComputation(_ measure: MeasureDefinition) -> String {
        let direction = measure.direction == .lowerIsBetter ? "lower is better" : "higher is better"
        func words(_ count: String) -> String { count.replacingOccurrences(of: "_", with: " ") }
        switch measure.computation {
        case .rate(let numerator, let denominator, let scale):
            let times = scale == 1 ? "" : " × \(DisplayRounding.text(scale, decimals: 0))"
            return
                "\(words(numerator)) ÷ \(words(denominator))\(times) (the DfE's \(measure.dfeName)); \(direction)"
        case .average(let average, let weight):
            return
                "the \(words(average)), weighted by \(words(weight)) (the DfE's \(measure.dfeName)); \(direction)"
        case .publishedOnly:
            return "as the DfE publishes it (\(measure.dfeName)); \(direction)"
        }
    }

    /// The measures table: each of `kpis`, how it is worked out and rated under `config`.
    private static func measures(_ kpis: [KPI], _ config: RatingConfig, into html: inout HTML) {
        html.element("h3", text: "Measures and the thresholds in force")
        html.element(
            "p",
            text:
                "Every figure is worked out from counts (sessions, pupils), never by averaging percentages: the "
                + "trust's figure adds up its academies' counts, so a large school weighs more than a small one. "
                + "Percentages are shown to one decimal place, Progress 8 to two, rounding half away from zero, and "
                + "each figure is rated as it is shown.")
        html.open("table")
        html.raw(
            "<thead><tr><th>Measure</th><th>Worked out as</th><th>Rated</th><th>Set by</th></tr></thead><tbody>"
        )
        for kpi in kpis {
            html.raw("<tr>")
            html.element("td", text: kpi.label)
            html.element("td", text: computation(kpi))
            html.element("td", text: config.rule(for: kpi).map { ruleText($0, kpi) } ?? "not rated (no rule)")
            html.element("td", text: config.rules[kpi] == nil ? "built in" : "the trust's settings")
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
        html.element(
            "p", ["class": "key"],
            text:
                "A progress score published with a confidence interval is green when the whole interval is above 0, "
                + "red when it is below, amber when it spans 0.")
    }

    private static func comparisons(_ figures: PackFigures, into html: inout HTML) {
        let config = figures.config
        html.element("h3", text: "What each figure is compared with")
        let scope =
            config.ratesAgainstSimilarSchools
            ? "the median of the academy's \(config.similarCount) most similar schools where the store has them "
                + "(benchmark_scope: similar), else the national figure"
            : "the \(config.benchmarkScope) figure"
        html.element(
            "p",
            text:
                "An academy's figure is rated against \(scope) for the same measure, the academy's phase (special "
                + "schools only against special schools), the same pupil group and the same period: autumn against "
                + "autumn, autumn and spring against the same, from the figure's school year or the one before, never "
                + "from the pandemic years. The trust is rated against the national figures weighted by its own mix "
                + "of phases. Last year is the same term a year earlier, so that like is compared with like.")
    }

    private static func ruleText(_ rule: RatingRule, _ kpi: KPI) -> String {
        let better = kpi.direction == .higherIsBetter ? "above" : "below"
        let worse = kpi.direction == .higherIsBetter ? "below" : "above"
        switch rule {
        case .benchmark(let margin):
            return
                "green at or \(better) the benchmark; amber within \(DisplayRounding.text(margin, for: kpi)) "
                + "\(worse) it; red beyond"
        case .absolute(let green, let amber):
            return "green at or \(better) \(DisplayRounding.text(green, for: kpi)); amber at or \(better) "
                + "\(DisplayRounding.text(amber, for: kpi)); red beyond"
        case .change(let green, let amber):
            return "on its change since the same term last year: green at or \(better) "
                + "\(DisplayRounding.signed(green, for: kpi)); amber at or \(better) "
                + "\(DisplayRounding.signed(amber, for: kpi)); red beyond"
        }
    }

    private static func targets(_ figures: PackFigures, into html: inout HTML) {
        let config = figures.config
        html.element("h3", text: "Targets in force")
        var targets: [(String, String)] = []
        for academy in figures.academies {
            for (kpi, target) in (config.targets[academy.urn] ?? [:]).sorted(by: { $0.key < $1.key }) {
                var text = "\(kpi.label): green at \(DisplayRounding.text(target.green, for: kpi))"
                if let amber = target.amber { text += ", amber at \(DisplayRounding.text(amber, for: kpi))" }
                targets.append((academy.name, text))
            }
        }
        guard !targets.isEmpty else {
            html.element(
                "p", text: "No academy has a target of its own: every figure is rated by the rules above.")
            return
        }
        html.element("p", text: "Academy targets, which rate the figure in place of the benchmark:")
        html.open("ul")
        for (name, text) in targets { html.element("li", text: "\(name): \(text)") }
        html.close("ul")
    }

    private static func hidden(into html: inout HTML) {
        html.element("h3", text: "What is hidden, and why")
        html.element(
            "p",
            text:
                "A figure for a group of fewer than \(Figure.smallestShownGroup) pupils could identify them, so it "
                + "is never shown: its value, pupils, last year and change are left out, and it reads SUPP with "
                + "“fewer than \(Figure.smallestShownGroup) pupils”. Hiding one group is not enough where the others of "
                + "its partition are shown (all pupils = disadvantaged + not disadvantaged; SEN support + EHCP + no "
                + "SEN; boys + girls; the year groups; the trust = its academies), since subtraction gives it back; so, "
                + "as the DfE does, the next smallest group is hidden too, reading SUPP with “hidden to protect a small "
                + "group”. A figure the DfE published as SUPP reads “suppressed by the DfE”. No change into or out of "
                + "a hidden figure is listed, and no gap is worked out from one.")
        html.element(
            "p",
            text:
                "Could it be chance? Each change of a percentage whose pupils are known on both sides is put to a "
                + "two-proportion z-test at 95%, counting each pupil once: with |z| ≥ 1.96 it is beyond chance; below, "
                + "groups that size move that much often. Average scores and figures published without pupil numbers "
                + "are not tested.")
    }

    /// Where the national figures of `found` come from.
    private static func sources(_ found: Set<Source>, into html: inout HTML) {
        html.element("h3", text: "Where the national figures come from")
        guard !found.isEmpty else {
            html.element("p", text: "No figure in this pack is compared with a national figure.")
            return
        }
        html.open("table")
        html.raw(
            "<thead><tr><th>Measure</th><th>Schools</th><th>Period</th><th class=\"n\">Figure</th><th>Source</th></tr></thead><tbody>"
        )
        for source in found.sorted() {
            html.raw("<tr>")
            html.element("td", text: source.measure)
            html.element("td", text: source.phase)
            html.element("td", text: source.period)
            html.element("td", ["class": "n"], text: source.value)
            html.element("td", text: source.source)
            html.raw("</tr>")
        }
        html.raw("</tbody></table>\n")
    }
}

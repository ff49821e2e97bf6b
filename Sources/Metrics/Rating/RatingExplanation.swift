/// Why a figure has its rating, in lines a person can check by hand: the value and the
/// counts behind it, the benchmark used, the rule, any target, and the previous value.
public struct RatingExplanation: Sendable {
    /// The rated figure explained.
    public let rated: RatedFigure
    /// For a trust-wide figure, the academies it leaves out (see
    /// `FigureCalculator.leftOut(in:)`), as they should be named.
    public let leftOut: [String]
    /// For a published figure, where it was published (`PublishedFigure.source`).
    public let source: String?

    /// Explains `rated`; `leftOut` and `source` as above, when known.
    public init(_ rated: RatedFigure, leftOut: [String] = [], source: String? = nil) {
        self.rated = rated
        self.leftOut = leftOut
        self.source = source
    }

    /// The explanation as labelled lines, such as ("Value", "58.6% = 17 of 29 pupils…").
    public var lines: [(label: String, text: String)] {
        let figure = rated.figure
        let kpi = figure.kpi
        var lines: [(String, String)] = []
        if rated.rating == .suppressed {
            lines.append(("Value", Self.suppressionText(rated)))
            return lines
        }
        lines.append(("Value", valueText))
        if !leftOut.isEmpty {
            let names = leftOut.joined(separator: ", ")
            lines.append(
                (
                    "Left out",
                    "\(names): published as a rate without pupil numbers (or as SUPP), "
                        + "and rates are not averaged"
                ))
        }
        if let standing = rated.nationalPercentile {
            lines.append(("Nationally", "\(standing.text) (\(standing.schools) schools, \(standing.source))"))
        }
        lines += benchmarkLines
        lines += similarLines
        lines.append(("Rule", ruleText))
        if let target = rated.target {
            var text = "green at \(DisplayRounding.text(target.green, for: kpi))"
            if let amber = target.amber { text += ", amber at \(DisplayRounding.text(amber, for: kpi))" }
            lines.append(("Target", text + " (set for this academy; overrides the trust rule)"))
        } else if figure.owner != .trust {
            lines.append(("Target", "none for this academy"))
        }
        let last = "Last \(figure.drop.term.rawValue)"
        let lastYear = figure.drop.sameTermLastYear
        if let previous = rated.previous, previous.isSuppressed {
            lines.append(
                (
                    last,
                    previous.publication?.suppressed == true
                        ? "suppressed by the DfE"
                        : "suppressed (\(previous.suppressionNote ?? "fewer than 6 pupils"))"
                ))
        } else if rated.changeWithheld {
            lines.append(
                (
                    last,
                    "not compared: academies joined or left since \(lastYear), and a like-for-like "
                        + "figure could reveal a hidden group"
                ))
        } else if let previousShown = rated.previousShown, let change = rated.change {
            var text = "\(DisplayRounding.text(previousShown, for: kpi))\(unit) in \(lastYear)"
            if let same = rated.likeForLike, let sameShown = same.shown, let previous = rated.previous {
                text +=
                    " for the \(previous.academies) academies with data in both years "
                    + "(\(DisplayRounding.text(sameShown, for: kpi))\(unit) now for the same \(same.academies))"
            } else if figure.owner == .trust, let previous = rated.previous {
                text += ", the same \(previous.academies) academies"
            }
            lines.append((last, text + " → change \(DisplayRounding.signed(change, for: kpi))"))
        } else if RatingChange.Comparison.crossesPandemic(lastYear, figure.drop) {
            lines.append(
                (
                    last,
                    "not compared: " + RatingChange.Comparison.pandemicReason
                ))
        } else if rated.previous != nil, rated.likeForLike != nil {
            lines.append((last, "no figure for the academies with data in both years"))
        } else {
            lines.append((last, "no figure for \(figure.drop.sameTermLastYear)"))
        }
        return lines
    }

    /// Why a hidden figure is hidden.
    static func suppressionText(_ rated: RatedFigure) -> String {
        let figure = rated.figure
        if rated.isSuppressedByDfE { return suppressedByDfE }
        if figure.protectsSmallGroup {
            return "suppressed: shown with the figures around it, it would let a hidden group "
                + "of fewer than \(Figure.smallestShownGroup) pupils be worked out by subtraction"
        }
        return suppressedHere
    }

    private var unit: String { rated.figure.kpi.isPercentage ? "%" : "" }

    /// Why a figure hidden by trustboard is hidden.
    static let suppressedHere =
        "suppressed: fewer than \(Figure.smallestShownGroup) pupils in this group, so the figure could identify them"

    /// Why a figure the DfE published as `SUPP` is hidden: the DfE's reasons are its own,
    /// and not always a small group.
    static let suppressedByDfE =
        "suppressed by the DfE: it published SUPP in place of a value, so there is no figure to show"

    /// The benchmark used and where it comes from, or why there is none.
    var benchmarkLines: [(String, String)] {
        let figure = rated.figure
        let kpi = figure.kpi
        guard let match = rated.benchmark else {
            if Rater.outsideNationalFigures(figure) {
                return [
                    (
                        "Benchmark",
                        "none: national absence figures cover pupils of compulsory school age (Years 1–11), "
                            + "not \(figure.yearGroup)"
                    )
                ]
            }
            if let miss = rated.benchmarkMiss {
                let rated = [.green, .amber, .red].contains(rated.rating)
                return [("Benchmark", miss.text(notRated: !rated))]
            }
            return [("Benchmark", "none found for \(kpi.key), \(figure.group.label), up to \(figure.drop)")]
        }
        let b = match.benchmark
        // The benchmark as shown and rated, at the KPI's decimals, and as published when
        // that has more: "94.5% (94.47 before rounding)".
        let shown = DisplayRounding.text(b.value, for: kpi)
        let published = Benchmark.text(b.value, for: kpi)
        let value = "\(shown)\(unit)" + (published == shown ? "" : " (\(published) before rounding)")
        let targetNote =
            rated.origin == .academyTarget
            ? "; for comparison only: the academy's target rates this figure" : ""
        guard let mix = match.mix else {
            var text =
                "\(value)  \(b.scope), \(b.phase?.rawValue ?? "all phases"), \(b.group.label), \(b.period)"
            if let source = b.source { text += " (\(source))" }
            // A similar-schools median says itself which scope decided, its group and year.
            if match.similar != nil, let source = b.source { text = "\(value)  \(source)" }
            var lines = [("Benchmark", text + targetNote)]
            if match.similar != nil {
                if b.drop != figure.drop {
                    lines.append(
                        (
                            "",
                            "the schools' \(b.period): the DfE publishes school-level figures for whole years"
                        ))
                }
            } else if let note = Self.periodNote(b, figure: figure) {
                lines.append(("", note))
            }
            return lines
        }
        var lines = [("Benchmark", "\(value)  \(b.scope), \(PhaseMix.source), \(b.group.label)")]
        lines.append(("Working", mix.working(for: kpi)))
        for part in mix.parts {
            let own = part.benchmark
            var text =
                "\(part.phase.rawValue) (\(part.academies) \(part.academies == 1 ? "academy" : "academies")): "
                + "\(Benchmark.text(own.value, for: kpi))\(unit) \(own.phase?.rawValue ?? "all phases"), \(own.group.label), "
                + own.period
            if let source = own.source { text += " (\(source))" }
            if let note = Self.periodNote(own, figure: figure) { text += "; \(note)" }
            lines.append(("", text))
        }
        return lines
    }

    /// With `benchmark_scope: similar`, why an academy's figure was rated against the
    /// national benchmark instead; for the trust, its expected figure from its academies'
    /// similar schools.
    var similarLines: [(String, String)] {
        var lines: [(String, String)] = []
        if let why = rated.similarFallback {
            lines.append(("Scope", "national: benchmark_scope is similar, but \(why)"))
        }
        if let expected = rated.similarExpected, let shown = rated.shown {
            let kpi = rated.figure.kpi
            let phrase = ReportRow.expectedText(
                value: shown, expected: expected, decimals: kpi.decimals, direction: kpi.direction)
            lines.append(
                (
                    "Expected",
                    "\(DisplayRounding.text(expected, for: kpi))\(unit) if each academy matched its similar "
                        + "schools' median, weighted as this figure weights the academy: \(phrase)"
                ))
        }
        return lines
    }

    /// Why a benchmark of another period than the figure's was used; nil for the same one.
    static func periodNote(_ benchmark: Benchmark, figure: Figure) -> String? {
        let kpi = figure.kpi
        guard benchmark.drop != figure.drop else { return nil }
        let figurePeriod = Benchmark.period(of: figure.drop, kpi: kpi)
        if !kpi.isAttendance, benchmark.term == .summer, figure.drop.term != .summer {
            return "the latest national results (\(benchmark.period)): in-year figures are compared with "
                + "the latest results"
        }
        if benchmark.term == figure.drop.term {
            return "the previous year's: no \(figurePeriod) figure yet"
        }
        let previous = benchmark.year < figure.drop.year ? " and the previous year's" : ""
        let scope = benchmark.scope == .national ? "national" : "local authority"
        return "another period\(previous): this figure is \(figurePeriod), and no \(scope) figure for "
            + "that period is known yet"
    }

    /// "58.6% = 17 of 29 pupils at the expected standard".
    public var valueText: String {
        let figure = rated.figure
        guard let shown = figure.shown else {
            if !leftOut.isEmpty {
                return "no value: every academy's figure was published without pupil numbers"
            }
            return "no value: the group has no pupils"
        }
        let value = DisplayRounding.text(shown, for: figure.kpi) + unit
        let achievement = figure.kpi.achievement(in: figure.yearGroup)
        if let publication = figure.publication {
            if figure.owner == .trust {
                return trustPublishedText(value, publication, achievement: achievement)
            }
            var text = "\(value) as published by the DfE"
            if publication.hasPupils { text += " (\(figure.pupils) pupils)" }
            text += source.map { ", \($0)" } ?? ""
            if let count = publication.count, let achievement {
                text +=
                    "; that is \(count) of \(figure.pupils) pupils \(achievement), the only whole number of "
                    + "them that rounds to \(value)"
            }
            return text
        }
        // Counts of four digits or more are grouped, as people read them: 12,158 of 13,749.
        let n = DisplayRounding.count(Int(figure.numerator))
        let d = DisplayRounding.count(Int(figure.denominator))
        let across = figure.academies > 1 ? " across \(figure.academies) academies" : ""
        switch figure.kpi {
        case .attendanceRate:
            return "\(value) = \(n) of \(d) possible sessions attended\(across)"
        case .absenceRate:
            return "\(value) = \(n) of \(d) possible sessions missed\(across)"
        case .persistentAbsenceRate:
            return "\(value) = \(n) of \(d) pupils missed 10% or more of sessions\(across)"
        case .severeAbsenceRate:
            return "\(value) = \(n) of \(d) pupils missed 50% or more of sessions\(across)"
        case .expected, .greaterDepth:
            return "\(value) = \(n) of \(d) pupils \(achievement ?? "")\(across)"
        case .score:
            return "\(value) = average over \(d) pupils\(across)"
        case .inclusion(let measure):
            return "\(value) = \(measure.counted(n, of: d))\(across)"
        case .absenceBand(let measure):
            return "\(value) = \(measure.counted(n, of: d))\(across)"
        case .absenceReason(let reason):
            return "\(value) = \(reason.counted(n, of: d))\(across)"
        }
    }

    /// The value of a trust-wide figure summed from published ones: exact counts where
    /// each academy's rounded percentage and cohort fix its count, else approximate and why.
    private func trustPublishedText(_ value: String, _ publication: Figure.Publication, achievement: String?)
        -> String
    {
        let figure = rated.figure
        let academies = "\(figure.academies) academ\(figure.academies == 1 ? "y" : "ies")"
        guard figure.kpi.isPercentage, let achievement else {
            return "\(value) as published by the DfE weighted by pupils across \(academies)"
        }
        guard publication.isApproximate else {
            return "\(value) = \(Int(figure.numerator)) of \(Int(figure.denominator)) pupils \(achievement) "
                + "across \(academies); each academy's count is the only whole number of its pupils that "
                + "rounds to the percentage the DfE published"
        }
        let weighted = publication.weightedAcademies
        let which = weighted == figure.academies ? "each of them" : "\(weighted) of them"
        return "≈\(value), approximate: weighted by pupils across \(academies) (\(figure.pupils) pupils), "
            + "because for \(which) the DfE's rounded percentage and cohort do not fix the count of pupils "
            + "(more than 100 pupils can give two counts, and a percentage of fewer pupils than the cohort "
            + "fits none)"
    }

    /// The rule in words, with its lines.
    public var ruleText: String {
        let kpi = rated.figure.kpi
        if let reason = kpi.notPublishedReason(in: rated.figure.drop.year) {
            return "no rating: \(reason)"
        }
        if rated.origin == .confidenceInterval, let interval = rated.figure.publication?.interval {
            let low = DisplayRounding.text(interval.lowerBound, for: kpi)
            let high = DisplayRounding.text(interval.upperBound, for: kpi)
            let place =
                interval.lowerBound > 0
                ? "wholly above 0" : interval.upperBound < 0 ? "wholly below 0" : "spans 0"
            let whose =
                rated.figure.owner == .trust
                ? "the 95% confidence interval worked out from the academies' published intervals, weighted by "
                    + "pupils,"
                : "the DfE's 95% confidence interval"
            return "\(whose) \(low) to \(high) \(place): "
                + "green when wholly above 0, red when wholly below, amber when it spans 0"
        }
        if case .change(let green, let amber) = rated.rule, rated.origin != .academyTarget {
            return changeRuleText(green: green, amber: amber) + originText
        }
        guard let green = rated.greenLine else {
            if rated.rule == nil { return "no rule for \(kpi.key), so no rating" }
            if kpi == .expected(.mtc) {
                return
                    "the multiplication tables check has no expected standard, so its share with full marks "
                    + "is rated only against a benchmark for that share, and there is none: no rating"
            }
            return "rated against the benchmark, and there is none, so no rating"
        }
        let better = kpi.direction == .higherIsBetter ? "≥" : "≤"
        let worse = kpi.direction == .higherIsBetter ? "below" : "above"
        var text = "green \(better) \(DisplayRounding.text(green, for: kpi))"
        if let amber = rated.amberLine, amber != green {
            text += " · amber \(better) \(DisplayRounding.text(amber, for: kpi))"
        }
        text += " · red \(worse)"
        return text + originText
    }

    /// Where the rule came from, after it.
    private var originText: String {
        switch rated.origin {
        case .academyTarget: "   (academy target)"
        case .config: "   (trust config)"
        case .builtIn, .confidenceInterval, nil: "   (trust default)"
        }
    }

    /// The pupils on each side of a change's test: "38 pupils then and 41 now".
    private var pupilsText: String {
        let then = rated.previous?.knownPupils.map(String.init) ?? "?"
        let now = (rated.likeForLike ?? rated.figure).knownPupils.map(String.init) ?? "?"
        return "\(then) pupils then and \(now) now"
    }

    /// A rule on the change since the same term last year: its lines, then where this
    /// figure's change falls and so why it has its colour, or why it has none.
    private func changeRuleText(green: Double, amber: Double) -> String {
        let kpi = rated.figure.kpi
        let better = kpi.direction == .higherIsBetter ? "≥" : "≤"
        let worse = kpi.direction == .higherIsBetter ? "below" : "above"
        let points = kpi.isPercentage ? " points" : ""
        let greenLine = DisplayRounding.round(green, decimals: kpi.decimals)
        let amberLine = DisplayRounding.round(amber, decimals: kpi.decimals)
        let greenText = DisplayRounding.signed(greenLine, for: kpi)
        let amberText = DisplayRounding.signed(amberLine, for: kpi)
        let lastYear = rated.figure.drop.sameTermLastYear
        var text =
            "rated on its change since \(lastYear), not its level (a \(kpi.direction == .higherIsBetter ? "fall" : "rise") "
            + "is the early warning, and no national figure is compared): "
            + "green when the change is \(better) \(greenText)\(points)"
        if amberLine != greenLine { text += " · amber \(better) \(amberText)" }
        text += " · red \(worse)"
        guard let change = rated.change else {
            let why =
                rated.previous?.isSuppressed == true
                ? "its figure for \(lastYear) is hidden"
                : rated.changeWithheld
                    ? "academies joined or left since \(lastYear)" : "no figure for \(lastYear)"
            return text + "; no change to rate (\(why)), so no rating"
        }
        let changeText = DisplayRounding.signed(change, for: kpi) + points
        let sign: Double = kpi.direction == .higherIsBetter ? 1 : -1
        let pastAmber = sign * (change - amberLine) < -1e-9
        let test = Rater.changeSignificance(of: rated)
        let zText = test?.z.map { "z = " + DisplayRounding.text(abs($0), decimals: 2) } ?? ""
        switch rated.rating {
        case .green: text += "; the change, \(changeText), is within green's \(greenText): green"
        case .amber where pastAmber:
            text +=
                "; the change, \(changeText), is \(worse) amber's \(amberText) but could be chance (\(zText), "
                + "under 1.96, with \(pupilsText)): amber; red needs a change beyond chance"
        case .amber:
            text +=
                "; the change, \(changeText), is \(worse) green's \(greenText) and within amber's \(amberText): amber"
        case .red:
            text += "; the change, \(changeText), is \(worse) amber's \(amberText)"
            if test?.verdict == .beyondChance { text += " and beyond chance (\(zText))" }
            text += ": red"
        case .none, .suppressed: break
        }
        return text
    }
}

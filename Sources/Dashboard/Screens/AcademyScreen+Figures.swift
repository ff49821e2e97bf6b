import Metrics

extension AcademyScreen {
    /// How a missing figure is shown: a muted dash, never a zero.
    static func dash(_ ascii: Bool) -> String { ascii ? "-" : "—" }

    /// Starts a rated figure's panel line as the academy and trust pages write it: its
    /// mark, `label` (with its space, or empty), value and unit, "■ PA 24.0 %"; for a
    /// suppressed figure the whole line, "◌ PA SUPP  fewer than 6 pupils". Returns false
    /// when the line is whole (suppressed), true when the caller goes on with the
    /// benchmark.
    static func addMarkAndValue(_ rated: RatedFigure, label: String, to line: inout PanelLine, ascii: Bool)
        -> Bool
    {
        guard rated.rating != .suppressed else {
            line.add(RatingMark.mark(.suppressed, ascii: ascii) + " ", .suppressed)
            line.add(label)
            line.add("SUPP", .suppressed)
            line.add("  " + (rated.figure.suppressionNote ?? ""), .muted)
            return false
        }
        let role = RatingMark.role(rated.rating)
        line.add(RatingMark.mark(rated.rating, ascii: ascii) + " ", role, emphasis: true)
        line.add(label)
        line.add(value(rated, ascii: ascii).text + unit(rated.figure.kpi), role, emphasis: true)
        return true
    }

    /// The unit after a headline figure's value: " %" for a percentage, " per 100" for a
    /// count per 100 pupils (suspensions), nothing for a score.
    static func unit(_ kpi: KPI) -> String {
        switch kpi.definition.unit {
        case .percent: " %"
        case .perHundredPupils: " per 100"
        case .score, .progress: ""
        }
    }

    /// A figure's value as shown ("58.6", or "≈58.6" when approximate), "SUPP" when
    /// suppressed, or a dash, with the role to draw it in: the rating's role, so that
    /// colour and mark agree.
    static func value(_ rated: RatedFigure?, ascii: Bool) -> (text: String, role: Role) {
        guard let rated else { return (dash(ascii), .muted) }
        if rated.rating == .suppressed { return ("SUPP", .suppressed) }
        guard let shown = rated.shown else { return (dash(ascii), .muted) }
        let approximate = rated.isApproximate ? RatingMark.approximate(ascii: ascii) : ""
        return (
            approximate + DisplayRounding.text(shown, for: rated.figure.kpi), RatingMark.role(rated.rating)
        )
    }

    /// The mark and value of a rated figure, the value right-aligned in `width` columns so
    /// that a column of figures lines up: "▲  58.6", "◌  SUPP"; a bare dash when missing.
    static func marked(_ rated: RatedFigure?, ascii: Bool, width: Int = 5) -> (text: String, role: Role) {
        let (text, role) = value(rated, ascii: ascii)
        guard let rated, role != .muted else {
            return (DisplayWidth.pad(text, to: width + 2, right: true), role)
        }
        return (
            RatingMark.mark(rated.rating, ascii: ascii) + " "
                + DisplayWidth.pad(text, to: width, right: true), role
        )
    }

    /// A value with no mark: the plain number, "SUPP" or a dash, in the text role.
    static func plain(_ rated: RatedFigure?, ascii: Bool) -> (text: String, role: Role) {
        let (text, role) = value(rated, ascii: ascii)
        return (text, role == .muted || role == .suppressed ? role : .text)
    }

    /// The change on the same term last year: "▼ 3.5" in the role for better or worse;
    /// "= 0.0" and a dash (no previous figure) are muted.
    static func change(_ rated: RatedFigure?, ascii: Bool) -> (text: String, role: Role) {
        guard let rated, let change = rated.change else { return (dash(ascii), .muted) }
        let size = DisplayRounding.text(abs(change), for: rated.figure.kpi)
        guard let better = rated.changeIsBetter else { return ("= " + size, .muted) }
        return (ChangeArrow(change).glyph(ascii: ascii) + " " + size, better ? .better : .worse)
    }

    /// The benchmark's value as shown for the KPI, or a dash; with `orTarget`, "T 70.0"
    /// when the academy's target, not the benchmark, rates the figure.
    static func benchmark(_ rated: RatedFigure?, ascii: Bool, orTarget: Bool = false) -> (
        text: String, role: Role
    ) {
        if orTarget, let rated, rated.origin == .academyTarget, let goal = rated.greenLine {
            return ("T " + DisplayRounding.text(goal, for: rated.figure.kpi), .text)
        }
        guard let rated, let match = rated.benchmark else { return (dash(ascii), .muted) }
        return (DisplayRounding.text(match.benchmark.value, for: rated.figure.kpi), .text)
    }

    /// The word for where a figure's benchmark came from: "similar schools" for the median
    /// of its similar schools (`benchmark_scope: similar`), else as `scopeWord(_:)`.
    static func scopeWord(_ match: BenchmarkMatcher.Match) -> String {
        match.similar != nil ? "similar schools" : scopeWord(match.benchmark.scope)
    }

    /// The word for where benchmarks come from: "national" or the local authority's name.
    static func scopeWord(_ scope: Benchmark.Scope) -> String {
        switch scope {
        case .national: "national"
        case .localAuthority(let name): name
        }
    }

    /// The term word for a change: "on last spring".
    static func lastTerm(_ page: Context) -> String {
        "on last \(page.drop?.term.rawValue ?? "year")"
    }

    /// Why a figure has no change: "no figure last spring", or, when last year or this is
    /// a pandemic year, whose figures are set beside no other year's, "not compared
    /// (pandemic)" (there may well be a figure last year; it is not compared).
    static func noChange(_ page: Context) -> String {
        let term = page.drop?.term.rawValue ?? "year"
        if let withheld = ChangeArrow.notCompared(lastYearOf: page.drop) { return withheld }
        return "no figure last \(term)"
    }

    /// A short label for a pupil group, for narrow cells.
    static func shortLabel(_ group: PupilGroup) -> String {
        switch group {
        case .notDisadvantaged: "not disadv."
        case .disadvantaged: "disadv."
        default: group.label
        }
    }
}

extension AcademyScreen {
    /// A group's size as shown: "60 pupils"; "<6" for a group too small to show, whose size
    /// is itself a small number that could help identify the pupils; "hidden" for a group
    /// hidden to protect a small one, whose size would give the small one's away; "by the
    /// DfE" (or "DfE") for a figure the DfE published as `SUPP`, which need not be a small
    /// group.
    static func pupilCount(_ rated: RatedFigure, unit: Bool = true) -> String {
        if rated.figure.protectsSmallGroup { return "hidden" }
        if rated.isSuppressedByDfE { return unit ? "by the DfE" : "DfE" }
        if rated.rating == .suppressed { return "<\(Figure.smallestShownGroup)\(unit ? " pupils" : "")" }
        return "\(rated.figure.pupils)\(unit ? " pupils" : "")"
    }
}

import Metrics

extension PresentationScreen {
    /// What one slide shows, worked out once from the view before any of it is laid out.
    struct Slide {
        /// The academy's name, or "Trust-wide: " and the trust's name.
        var title: String
        /// The line under the title: phase, URN and trust, or the trust's tally.
        var subtitle: Line
        /// Attendance, persistent absence and the headline attainment figure.
        var tiles: [Tile]
        /// The disadvantaged gap, one line per figure it can be worked out for.
        var gaps: [GapLine]
    }

    /// One headline figure of a slide.
    struct Tile {
        /// The figure's name: "Attendance", "Year 6 RWM expected".
        var label: String
        /// A shorter name for narrow screens: "Pers. absence", "Y6 RWM".
        var shortLabel: String
        /// The figure, if there is one.
        var rated: RatedFigure?
        /// What to say when there is no figure.
        var missing: String
        /// The figure in each drop up to the one shown, oldest first; nil where there is
        /// none or it is suppressed.
        var history: [Double?]
        /// The term of the drop shown, for "on last spring".
        var term: Term
        /// The drops of `history`, oldest first; the last is the drop shown.
        var drops: [DataDrop]

        /// The first drop of `history`.
        var first: DataDrop? { drops.first }

        /// Why a suppressed figure has no value: "fewer than 6 pupils", "hidden to protect
        /// a small group", or "suppressed by the DfE" for a figure the DfE published as
        /// `SUPP`.
        var suppressionNote: String {
            rated?.figure.suppressionNote ?? "fewer than \(Figure.smallestShownGroup) pupils"
        }

        /// How the figure stands: a value and its rating, suppressed, or missing.
        var shown: Shown {
            guard let rated else { return .missing }
            if PresentationScreen.isSuppressed(rated) { return .suppressed }
            guard let value = rated.shown else { return .missing }
            return .value(value, rated)
        }
    }

    /// How a tile's figure stands.
    enum Shown {
        /// A value to show, with its rated figure.
        case value(Double, RatedFigure)
        /// Hidden: "SUPP", and no value (`suppressionNote` says why).
        case suppressed
        /// No figure.
        case missing
    }

    /// The disadvantaged gap on one figure: "Disadvantaged gap (RWM): 30.0 points".
    struct GapLine {
        /// The fullest form of the line, then shorter ones, for `Line.fitting`.
        var variants: [Line]
    }

    /// True when a figure must not be shown: rated suppressed, or of a group under 6
    /// pupils whatever its rating says. Checked here too so that no setting elsewhere can
    /// put a small group's value on a projected screen.
    static func isSuppressed(_ rated: RatedFigure) -> Bool {
        rated.rating == .suppressed || rated.figure.isSuppressed
    }

    /// A figure's value as it may be shown: nil when missing or suppressed.
    static func shownValue(_ rated: RatedFigure?) -> Double? {
        guard let rated, !isSuppressed(rated) else { return nil }
        return rated.shown
    }

    /// Gathers what the slide of `presentation` shows for `drop`.
    static func slide(
        _ presentation: Presentation, view: TrustView, drop: DataDrop, style: TextStyle
    ) -> Slide {
        let rated = view.rated(drop)
        let owner: Figure.Owner
        let row: OverviewRow?
        let title: String
        var subtitle = Line(style: style)
        let phase: Phase?
        if let urn = presentation.urn {
            owner = .academy(urn)
            let academy = view.academies[urn]
            row = view.overviewRows(drop).first { $0.urn == urn }
            title = academy?.name ?? "Academy \(urn)"
            phase = academy?.phase
            let parts = [phase.map(phaseName), "URN \(urn)", view.trustName].compactMap { $0 }
            subtitle.add(parts.joined(separator: " · "), .muted)
            if row == nil { subtitle.add(" · no figures in \(drop)", .notice) }
        } else {
            owner = .trust
            let trust = view.trustRow(drop)
            row = trust
            title = "Trust-wide: \(view.trustName)"
            phase = nil
            subtitle = tally(view: view, drop: drop, counted: trust.academiesCounted, style: style)
        }
        let headline = row?.headlineKind ?? phase.flatMap(view.config.headline(for:))
        let drops = view.drops.filter { $0 <= drop }
        func history(_ kpi: KPI, yearGroup: YearGroup = .all) -> [Double?] {
            drops.map { shownValue(view.rated($0).figure(owner, kpi, yearGroup: yearGroup)) }
        }
        var tiles = [
            Tile(
                label: "Attendance", shortLabel: "Attendance",
                rated: rated.figure(owner, .attendanceRate), missing: "no figure",
                history: history(.attendanceRate), term: drop.term, drops: drops),
            Tile(
                label: "Persistent absence", shortLabel: "Pers. absence",
                rated: rated.figure(owner, .persistentAbsenceRate),
                missing: "no figure", history: history(.persistentAbsenceRate), term: drop.term,
                drops: drops),
        ]
        if let headline {
            tiles.append(
                Tile(
                    label: "\(headline.yearGroup) \(headline.kpi.label(in: headline.yearGroup))",
                    shortLabel: "\(shortYear(headline.yearGroup)) \(headline.shortLabel)",
                    rated: rated.figure(owner, headline.kpi, yearGroup: headline.yearGroup),
                    missing: "no figure",
                    history: history(headline.kpi, yearGroup: headline.yearGroup), term: drop.term,
                    drops: drops))
        } else {
            let schools = phase.map { "for \(phaseName($0).lowercased()) schools" } ?? "for the trust"
            tiles.append(
                Tile(
                    label: "Attainment", shortLabel: "Attainment", rated: nil,
                    missing: "no headline figure \(schools)", history: [], term: drop.term, drops: []))
        }
        var gapKPIs: [(KPI, YearGroup, String)] = []
        if let headline { gapKPIs.append((headline.kpi, headline.yearGroup, headline.shortLabel)) }
        gapKPIs.append((.attendanceRate, .all, "attendance"))
        let gaps = gapKPIs.compactMap { kpi, yearGroup, name in
            gapLine(rated, owner: owner, kpi: kpi, yearGroup: yearGroup, name: name, style: style)
        }
        return Slide(
            title: title, subtitle: subtitle, tiles: tiles,
            gaps: gaps.isEmpty ? [noGap(style: style)] : gaps)
    }

    /// "4 of 4 academies · ● 2 green  ▲ 8 amber  ■ 2 red": the academies counted and how
    /// their headline figures are rated, as the overview counts them.
    static func tally(view: TrustView, drop: DataDrop, counted: Int, style: TextStyle) -> Line {
        var line = Line(style: style)
        line.add("\(counted) of \(view.academies.count) academies", .muted)
        let rows = view.overviewRows(drop)
        let counts: [(RAGRating, Int)] = [
            (.green, rows.reduce(0) { $0 + $1.greens }),
            (.amber, rows.reduce(0) { $0 + $1.ambers }),
            (.red, rows.reduce(0) { $0 + $1.reds }),
        ]
        line.add(" · ", .muted)
        for (offset, (rating, count)) in counts.enumerated() {
            if offset > 0 { line.add("  ") }
            let role = RatingMark.role(rating)
            line.add(RatingMark.mark(rating, ascii: style.ascii) + " \(count) ", role, emphasis: true)
            line.add(rating.word.lowercased(), role)
        }
        return line
    }

    /// The gap between disadvantaged pupils and the others on one figure, others minus
    /// disadvantaged, as on the academy screen; nil when neither group has a figure.
    static func gapLine(
        _ rated: LazyRatedDrop, owner: Figure.Owner, kpi: KPI, yearGroup: YearGroup, name: String,
        style: TextStyle
    ) -> GapLine? {
        let disadvantaged = rated.figure(owner, kpi, group: .disadvantaged, yearGroup: yearGroup)
        let others = rated.figure(owner, kpi, group: .notDisadvantaged, yearGroup: yearGroup)
        guard disadvantaged != nil || others != nil else { return nil }
        // A trust's group figures add up only the academies that report the groups,
        // which may be fewer than its all-pupils figure counts: say so.
        let whole = rated.figure(owner, kpi, yearGroup: yearGroup)?.figure.academies ?? 0
        let counted = [disadvantaged, others].compactMap { $0?.figure.academies }.min() ?? whole
        let from = owner == .trust && counted < whole ? " · from \(counted) of \(whole) academies" : ""
        let label = "Disadvantaged gap (\(name)): "
        let shortLabel = "Gap (\(name)): "
        guard let a = shownValue(disadvantaged), let b = shownValue(others) else {
            let small = [disadvantaged, others].contains { $0.map(isSuppressed) ?? false }
            let note = [disadvantaged, others].compactMap { $0?.figure.suppressionNote }.first
            let why =
                small ? "a group is suppressed (\(note ?? "fewer than 6 pupils"))" : "a group has no figure"
            return GapLine(
                variants: [
                    Line(style: style).adding(label, .heading).adding("none shown, \(why)", .muted),
                    Line(style: style).adding(shortLabel, .heading).adding(small ? "SUPP" : "none", .muted),
                ])
        }
        guard let gap = GroupGap(disadvantaged, others) else { return nil }
        let role = gap.role
        let points = gap.text + (kpi.isPercentage ? " points" : "")
        let names = ("disadvantaged", "others")
        let sides =
            "disadvantaged \(DisplayRounding.text(a, for: kpi)) vs others \(DisplayRounding.text(b, for: kpi))"
        // Last year's gap, then how it moved and which group moved it: "3.1 a year ago,
        // narrowed because others fell 1.8". Shorter screens drop the numbers, then the words.
        func yearAgo(_ trend: Bool, sizes: Bool) -> String? {
            guard let was = gap.previousText else { return nil }
            guard trend, let moved = gap.trend(names: names, sizes: sizes) else {
                return ", \(was) a year ago"
            }
            return ", \(was) a year ago, \(moved)"
        }
        func variant(_ label: String, sides showSides: Bool, yearAgo: String?, from showFrom: Bool) -> Line {
            var line = Line(style: style).adding(label, .heading).adding(points, role, emphasis: true)
            if let yearAgo { line.add(yearAgo, .muted) }
            if showSides { line.add("  (\(sides))", .muted) }
            if showFrom { line.add(from, .muted) }
            return line
        }
        return GapLine(
            variants: [
                variant(label, sides: true, yearAgo: yearAgo(true, sizes: true), from: true),
                variant(label, sides: false, yearAgo: yearAgo(true, sizes: true), from: true),
                variant(label, sides: false, yearAgo: yearAgo(true, sizes: false), from: true),
                variant(shortLabel, sides: false, yearAgo: yearAgo(false, sizes: false), from: true),
                variant(shortLabel, sides: false, yearAgo: nil, from: false),
            ])
    }

    /// The line shown when no figure has a disadvantaged gap.
    static func noGap(style: TextStyle) -> GapLine {
        GapLine(
            variants: [
                Line(style: style).adding("Disadvantaged gap: ", .heading).adding(
                    "no figures for disadvantaged pupils", .muted),
                Line(style: style).adding("Gap: ", .heading).adding("no figures", .muted),
            ])
    }

    /// A phase as people write it: "Primary", "All-through", "Alternative provision".
    static func phaseName(_ phase: Phase) -> String {
        let words = phase.rawValue.replacingOccurrences(of: "-provision", with: " provision")
        return words.prefix(1).uppercased() + words.dropFirst()
    }

    /// "Y6" for Year 6; other year groups as they are named.
    static func shortYear(_ yearGroup: YearGroup) -> String {
        if case .year(let number) = yearGroup { return "Y\(number)" }
        return yearGroup.description
    }
}

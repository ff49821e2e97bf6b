import Metrics

/// One academy's page: its attendance and absence panels as one table and its
/// attainment panel as another, a chart of each headline figure over every drop, and the disadvantaged and
/// SEND gaps with their trend.
enum PackAcademyPage {
    static func write(_ academy: Academy, _ figures: PackFigures, into html: inout HTML) {
        let owner = Figure.Owner.academy(academy.urn)
        html.open("section", ["class": "academy", "id": "academy-\(academy.urn)"])
        html.element("h2", text: academy.name)
        var facts = ["URN \(academy.urn)", academy.phase.rawValue]
        if let authority = academy.localAuthority { facts.append(authority) }
        if let sil = academy.sil { facts.append("school improvement lead: \(sil)") }
        facts.append(figures.request.drop.description)
        html.element("p", ["class": "muted"], text: facts.joined(separator: " · "))
        guard figures.academiesWithData.contains(academy.urn) else {
            html.element("p", text: "No figures for this academy in \(figures.request.drop).")
            html.close("section")
            return
        }
        html.open("div", ["class": "charts"])
        for (index, item) in PackHeadline.charted(for: academy, figures.config).enumerated() {
            html.raw(item.chart(owner, figures).svg(id: "c\(academy.urn)-\(index)"))
        }
        html.close("div")
        html.element("h3", text: "Attendance and absence")
        let absence = AbsenceTable(owner, figures)
        absence.write(into: &html)
        html.element(
            "p", ["class": "key"],
            text:
                "Against: the national figure for the same phase, pupils and period; T the academy's own target; "
                + "S the median of its similar schools. Change: on the same term a year before."
                + (absence.ranked.contains(true)
                    ? " Similar: the rank among its similar schools, 1st the best." : ""))
        reasonsAndBands(owner, figures, into: &html)
        attainment(academy, figures, into: &html)
        inclusion(academy, figures, into: &html)
        gaps(academy, figures, into: &html)
        html.close("section")
        html.raw("\n")
    }

    /// Absence by reason (authorised, unauthorised) and the shares of pupils in the
    /// absence bands, side by side under one heading; nothing when the academy's data gives
    /// neither.
    private static func reasonsAndBands(_ owner: Figure.Owner, _ figures: PackFigures, into html: inout HTML)
    {
        let authorised = AbsenceReasonTable(owner, figures, authorised: true)
        let unauthorised = AbsenceReasonTable(owner, figures, authorised: false)
        let bands = AbsenceBandTable(owner, figures)
        let reasons = !authorised.rows.isEmpty || !unauthorised.rows.isEmpty
        let title: String
        switch (reasons, bands.rows.isEmpty) {
        case (false, true): return
        case (true, true): title = "Absence by reason, % of possible sessions"
        case (false, false): title = "Pupils at risk of persistent absence"
        case (true, false):
            title = "Absence by reason, % of possible sessions; pupils at risk of persistent absence"
        }
        html.element("h3", text: title)
        html.open("div", ["class": "panels3"])
        for table in [authorised, unauthorised] where !table.rows.isEmpty {
            html.open("div")
            table.write(into: &html)
            html.close("div")
        }
        if !bands.rows.isEmpty {
            html.open("div")
            bands.write(into: &html)
            html.close("div")
        }
        html.close("div")
    }

    /// The year group the attainment panel shows: the phase's headline year when the
    /// academy has figures for it, else its highest year with attainment figures.
    static func attainmentYear(_ academy: Academy, _ figures: PackFigures) -> YearGroup? {
        let owner = Figure.Owner.academy(academy.urn)
        let years = YearGroup.allCases.filter { year in
            attainmentKPIs.contains { figures.figure(owner, $0, yearGroup: year) != nil }
        }
        if let headline = figures.config.headline(for: academy.phase), years.contains(headline.yearGroup) {
            return headline.yearGroup
        }
        return years.last { $0 != .all } ?? years.last
    }

    /// Every attainment KPI, in the dashboard's order: each subject's expected standard,
    /// then greater depth (or the higher standard), then the average scores.
    static let attainmentKPIs: [KPI] =
        Subject.allCases.map { KPI.expected($0) } + Subject.allCases.map { KPI.greaterDepth($0) }
        + ScoreMeasure.allCases.map { KPI.score($0) }

    private static func attainment(_ academy: Academy, _ figures: PackFigures, into html: inout HTML) {
        guard let year = attainmentYear(academy, figures) else {
            html.element("h3", text: "Attainment")
            html.element("p", text: "No attainment figures in this drop.")
            return
        }
        let owner = Figure.Owner.academy(academy.urn)
        html.element("h3", text: "Attainment, \(year)")
        let lines = attainmentKPIs.compactMap { kpi in
            FigureTable.line(kpi.label(in: year), figures.figure(owner, kpi, yearGroup: year), figures)
        }
        FigureTable(lines: lines, labelHeading: "Measure").write(into: &html)
    }

    /// The pupil groups whose suspensions the inclusion table lists after the three
    /// all-pupils figures: the two pairs the gaps compare.
    static let inclusionGroups: [PupilGroup] = [.disadvantaged, .notDisadvantaged, .senSupport, .noSen]

    /// The inclusion panel as a table, when the academy has inclusion figures in the drop:
    /// suspensions per 100 pupils, pupils suspended and permanent exclusions per 100 for all
    /// pupils, then suspensions for each group the gaps compare, hidden as every figure is.
    private static func inclusion(_ academy: Academy, _ figures: PackFigures, into html: inout HTML) {
        let owner = Figure.Owner.academy(academy.urn)
        var lines = InclusionMeasure.allCases.compactMap { measure in
            FigureTable.line(
                KPI.inclusion(measure).label, figures.figure(owner, .inclusion(measure)), figures)
        }
        guard !lines.isEmpty else { return }
        let suspensions = KPI.inclusion(.suspensionRate)
        for group in inclusionGroups {
            if let line = FigureTable.line(
                "Suspensions per 100, \(group.label)", figures.figure(owner, suspensions, group: group),
                figures)
            {
                lines.append(line)
            }
        }
        html.element("h3", text: "Inclusion: suspensions and permanent exclusions")
        FigureTable(lines: lines, labelHeading: "Measure").write(into: &html)
    }

    /// The disadvantaged and SEND gaps on attendance, persistent absence and the
    /// academy's headline attainment figure, with how each moved since last year.
    private static func gaps(_ academy: Academy, _ figures: PackFigures, into html: inout HTML) {
        let owner = Figure.Owner.academy(academy.urn)
        var items: [(KPI, YearGroup)] = [(.attendanceRate, .all), (.persistentAbsenceRate, .all)]
        if let year = attainmentYear(academy, figures) {
            let headline = figures.config.headline(for: academy.phase)
            let kpi = headline.flatMap { $0.yearGroup == year ? $0.kpi : nil } ?? .expected(.rwm)
            if figures.figure(owner, kpi, yearGroup: year) != nil { items.append((kpi, year)) }
        }
        var lines: [String] = []
        for (kpi, year) in items {
            for sides in GapSides.all {
                let first = figures.figure(owner, kpi, group: sides.groups.0, yearGroup: year)
                let second = figures.figure(owner, kpi, group: sides.groups.1, yearGroup: year)
                guard first != nil || second != nil else { continue }
                let what = year == .all ? kpi.label : "\(year) \(kpi.label(in: year))"
                lines.append("\(sides.title) (\(what)): " + sides.sentence(first, second))
            }
        }
        // A school whose data gives no groups (a DfE file's all-pupils rows) has no gaps:
        // no heading over nothing.
        guard !lines.isEmpty else { return }
        html.element("h3", text: "Gaps")
        html.open("ul", ["class": "gaps"])
        for line in lines { html.element("li", text: line) }
        html.close("ul")
    }
}

extension String {
    /// The string with its first letter a capital: "Disadvantaged", "EAL".
    var capitalisedFirst: String { prefix(1).uppercased() + dropFirst() }
}

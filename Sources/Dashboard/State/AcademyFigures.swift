import Metrics

/// The figures an academy page shows and ↑↓ moves between, for one drop, pupil group and
/// year group: used by `AcademyScreen`, which draws them, and by `DashboardState`, which
/// moves the focus along them, so that the two cannot disagree.
public struct AcademyFigures: Sendable {
    /// The academy.
    public let urn: URN
    /// The drop's rated figures, or nil when there is no drop or the academy has no
    /// figure in it.
    public let rated: LazyRatedDrop?
    /// The pupil group shown.
    public let group: PupilGroup
    /// The attainment panel's year group, if the academy has attainment figures.
    public let yearGroup: YearGroup?

    /// The figures of `urn` in `drop` for `group`; `yearGroup` nil for the phase's
    /// default (`defaultYearGroup`).
    public init(view: TrustView, urn: URN, drop: DataDrop?, group: PupilGroup, yearGroup: YearGroup?) {
        self.urn = urn
        rated = drop.map(view.rated).flatMap { $0.academiesWithData.contains(urn) ? $0 : nil }
        self.group = group
        self.yearGroup = yearGroup ?? Self.defaultYearGroup(view: view, urn: urn, drop: drop)
    }

    /// The figures of the academy page `page` as `state` shows it.
    public init(_ state: DashboardState, view: TrustView, page: AcademyPage) {
        self.init(
            view: view, urn: page.urn, drop: state.drop(view), group: state.group, yearGroup: page.yearGroup)
    }

    /// The academy's rated figure, for the page's pupil group unless another is named.
    public func figure(_ kpi: KPI, group: PupilGroup? = nil, yearGroup: YearGroup = .all) -> RatedFigure? {
        rated?.figure(.academy(urn), kpi, group: group ?? self.group, yearGroup: yearGroup)
    }

    /// The pupil groups other than the page's own with a figure for `kpi`, in the
    /// data-drop order.
    public func otherGroups(_ kpi: KPI, yearGroup: YearGroup = .all) -> [PupilGroup] {
        PupilGroup.allCases.filter { $0 != group && figure(kpi, group: $0, yearGroup: yearGroup) != nil }
    }

    /// The year groups with a figure for `kpi` and the page's pupil group, in school
    /// order: the year-group lines of the attendance and absence panels.
    public func yearGroupsWithFigures(_ kpi: KPI) -> [YearGroup] {
        YearGroup.allCases.filter { $0 != .all && figure(kpi, yearGroup: $0) != nil }
    }

    /// The attainment table's main figures for the year group: each subject's expected
    /// standard, then each average score, that has a figure for all pupils or for the
    /// page's pupil group.
    public var attainmentKPIs: [KPI] {
        guard let yearGroup, rated != nil else { return [] }
        func present(_ kpi: KPI) -> Bool {
            figure(kpi, group: .all, yearGroup: yearGroup) != nil || figure(kpi, yearGroup: yearGroup) != nil
        }
        return Subject.allCases.map { KPI.expected($0) }.filter(present)
            + ScoreMeasure.allCases.map { KPI.score($0) }.filter(present)
    }

    /// The panels the page shows, in page order: the Inclusion panel only when the
    /// academy has inclusion figures in the drop (a suppressed figure counts: the panel
    /// says it is hidden), as most trusts send no inclusion file.
    public var panels: [Panel] {
        Panel.allCases.filter { $0 != .inclusion || hasInclusion }
    }

    /// True when the academy has inclusion figures for all pupils in the drop.
    public var hasInclusion: Bool {
        figure(.inclusion(.suspensionRate), group: .all) != nil
    }

    /// True when the academy has the share of pupils at risk of persistent absence for all
    /// pupils in the drop (its export or attendance file gave absence bands), so the
    /// persistent-absence panel has an at-risk line; most aggregate files give none.
    public var hasBands: Bool { figure(Self.atRisk, group: .all) != nil }

    /// The share of pupils at risk of persistent absence (missing 5% to under 10%).
    public static let atRisk = KPI.absenceBand(.atRiskRate)

    /// The inclusion panel's lines that ↑↓ move between before the pupil groups: the
    /// suspension rate, the share of pupils suspended and the permanent exclusion rate.
    public static let inclusionHeadlines = InclusionMeasure.allCases.map { KPI.inclusion($0) }

    /// The figures ↑↓ move between in `panel`, in the order they are drawn; nil stands
    /// for a row with no figure for the pupil group.
    public func focusable(_ panel: Panel) -> [RatedFigure?] {
        switch panel {
        case .attainment:
            guard let yearGroup else { return [] }
            return attainmentKPIs.map { figure($0, yearGroup: yearGroup) }
        case .attendance:
            return [figure(.attendanceRate)]
                + otherGroups(.attendanceRate).map { figure(.attendanceRate, group: $0) }
                + yearGroupsWithFigures(.attendanceRate).map { figure(.attendanceRate, yearGroup: $0) }
        case .persistentAbsence:
            let kpi = KPI.persistentAbsenceRate
            return [figure(kpi), figure(.severeAbsenceRate)]
                + (hasBands ? [figure(Self.atRisk)] : [])
                + otherGroups(kpi).map { figure(kpi, group: $0) }
                + yearGroupsWithFigures(kpi).map { figure(kpi, yearGroup: $0) }
        case .inclusion:
            let kpi = KPI.inclusion(.suspensionRate)
            return Self.inclusionHeadlines.map { figure($0) }
                + otherGroups(kpi).map { figure(kpi, group: $0) }
                + yearGroupsWithFigures(kpi).map { figure(kpi, yearGroup: $0) }
        }
    }

    /// The rows of `panel`'s focusable figures that are year-group lines: empty for the
    /// attainment panel, whose year group `y` chooses instead.
    public func yearGroupRows(_ panel: Panel) -> Range<Int> {
        let kpi: KPI
        switch panel {
        case .attainment: return 0..<0
        case .attendance: kpi = .attendanceRate
        case .persistentAbsence: kpi = .persistentAbsenceRate
        case .inclusion: kpi = .inclusion(.suspensionRate)
        }
        let count = focusable(panel).count
        return (count - yearGroupsWithFigures(kpi).count)..<count
    }

    /// How many figures of `panel` ↑↓ move between; at least 1.
    public func focusableCount(_ panel: Panel) -> Int { max(1, focusable(panel).count) }

    /// The figure `e` explains on `page`: the main figure of the focused row of the
    /// focused panel, or nil when that row has no figure.
    public func focused(_ page: AcademyPage) -> RatedFigure? {
        let figures = focusable(page.panel)
        return figures.indices.contains(page.panelRow) ? figures[page.panelRow] : nil
    }

    /// The row `y` moves to on the attendance and absence panels: the next year-group line
    /// after the focused row (the first from anywhere above them, the first again after
    /// the last), or nil when the focused panel has no year-group lines.
    public func nextYearGroupRow(_ page: AcademyPage) -> Int? {
        let (rows, row) = (yearGroupRows(page.panel), page.panelRow)
        guard !rows.isEmpty else { return nil }
        return rows.contains(row + 1) && rows.contains(row) ? row + 1 : rows.lowerBound
    }

    /// The year groups with attainment figures (or average scores) for the academy in
    /// `drop`, in school order.
    public static func yearGroups(view: TrustView, urn: URN, drop: DataDrop?) -> [YearGroup] {
        guard let drop else { return [] }
        let rated = view.rated(drop)
        guard rated.academiesWithData.contains(urn) else { return [] }
        let kpis = Subject.allCases.map { KPI.expected($0) } + ScoreMeasure.allCases.map { KPI.score($0) }
        return YearGroup.allCases.filter { year in
            kpis.contains { rated.figure(.academy(urn), $0, yearGroup: year) != nil }
        }
    }

    /// The year group the attainment panel opens on: Year 6 for a primary, Year 11 for a
    /// secondary, when the drop has figures for it; else the highest year group present.
    public static func defaultYearGroup(view: TrustView, urn: URN, drop: DataDrop?) -> YearGroup? {
        let years = yearGroups(view: view, urn: urn, drop: drop)
        let preferred: YearGroup? =
            switch view.academies[urn]?.phase {
            case .primary: .year(6)
            case .secondary: .year(11)
            default: nil
            }
        if let preferred, years.contains(preferred) { return preferred }
        return years.last { $0 != .all } ?? years.last
    }
}

import Metrics

/// The trust-wide figures the trust page shows and ↑↓ moves between, for one drop: used
/// by `TrustScreen`, which draws them, and by `DashboardState`, which moves the focus
/// along them, so that the two cannot disagree. The figures are the rater's (suppressed
/// where it suppressed them).
public struct TrustFigures: Sendable {
    /// One phase's part of the attainment panel: its headline year group and the figures
    /// the trust has there, the phase's headline first.
    public struct Section: Hashable, Sendable {
        /// The phase's name as people read it: "Primary" or "Secondary".
        public var name: String
        /// The headline's year group: Year 6, Year 11.
        public var yearGroup: YearGroup
        /// The figures the trust has for the year group, the headline first.
        public var kpis: [KPI]
    }

    /// The drop's rated figures, or nil when there is no drop.
    public let rated: LazyRatedDrop?
    /// The attainment panel's sections: the primary headline's year group and the
    /// secondary one's, each with the figures the trust has.
    public let sections: [Section]

    /// The trust's figures in `drop`.
    public init(view: TrustView, drop: DataDrop?) {
        let rated = drop.map(view.rated)
        self.rated = rated
        sections = rated.map { Self.sections(in: $0, config: view.config) } ?? []
    }

    /// The trust's figures in the drop `state` shows.
    public init(_ state: DashboardState, view: TrustView) {
        self.init(view: view, drop: state.drop(view))
    }

    /// The trust's rated figure.
    public func figure(_ kpi: KPI, group: PupilGroup = .all, yearGroup: YearGroup = .all) -> RatedFigure? {
        rated?.figure(.trust, kpi, group: group, yearGroup: yearGroup)
    }

    /// The pupil groups other than all pupils with a trust figure for `kpi`, in the
    /// data-drop order.
    public func groups(_ kpi: KPI) -> [PupilGroup] {
        PupilGroup.allCases.filter { $0 != .all && figure(kpi, group: $0) != nil }
    }

    /// The panels the page shows, in page order: the Inclusion panel only when the trust
    /// has inclusion figures in the drop.
    public var panels: [Panel] {
        Panel.allCases.filter { $0 != .inclusion || figure(.inclusion(.suspensionRate)) != nil }
    }

    /// The figures ↑↓ move between in `panel`, in the order they are drawn.
    public func focusable(_ panel: Panel) -> [RatedFigure] {
        switch panel {
        case .attainment:
            return sections.flatMap { section in
                section.kpis.compactMap { figure($0, yearGroup: section.yearGroup) }
            }
        case .attendance:
            return ([.all] + groups(.attendanceRate)).compactMap { figure(.attendanceRate, group: $0) }
        case .persistentAbsence:
            return [figure(.persistentAbsenceRate), figure(.severeAbsenceRate)].compactMap { $0 }
                + groups(.persistentAbsenceRate).compactMap { figure(.persistentAbsenceRate, group: $0) }
        case .inclusion:
            let kpi = KPI.inclusion(.suspensionRate)
            return AcademyFigures.inclusionHeadlines.compactMap { figure($0) }
                + groups(kpi).compactMap { figure(kpi, group: $0) }
        }
    }

    /// How many figures of `panel` ↑↓ move between; at least 1.
    public func focusableCount(_ panel: Panel) -> Int { max(1, focusable(panel).count) }

    /// The figure `e` explains on `page`: the focused figure of the focused panel, or nil
    /// when the panel has none.
    public func focused(_ page: TrustPage) -> RatedFigure? {
        let figures = focusable(page.panel)
        return figures.indices.contains(page.panelRow) ? figures[page.panelRow] : nil
    }

    /// The primary and secondary sections, each when the trust has a figure in it.
    static func sections(in rated: LazyRatedDrop, config: RatingConfig) -> [Section] {
        let primary = config.headline(for: .primary) ?? Headline(kpi: .expected(.rwm), yearGroup: .year(6))
        let secondary =
            config.headline(for: .secondary) ?? Headline(kpi: .score(.attainment8), yearGroup: .year(11))
        let candidates: [(String, Headline, [KPI])] = [
            (
                "Primary", primary,
                [
                    .expected(.rwm), .greaterDepth(.rwm), .expected(.reading), .expected(.writing),
                    .expected(.maths),
                ]
            ),
            (
                "Secondary", secondary,
                [
                    .greaterDepth(.englishMaths), .expected(.englishMaths), .score(.attainment8),
                    .score(.progress8),
                ]
            ),
        ]
        return candidates.compactMap { name, headline, others -> Section? in
            var kpis = [headline.kpi]
            for kpi in others where !kpis.contains(kpi) { kpis.append(kpi) }
            kpis = kpis.filter { rated.figure(.trust, $0, yearGroup: headline.yearGroup) != nil }
            guard !kpis.isEmpty else { return nil }
            return Section(name: name, yearGroup: headline.yearGroup, kpis: kpis)
        }
    }
}

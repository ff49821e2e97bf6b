import Metrics

extension AcademyScreen {
    /// What one academy page shows: the academy, the drop's rated figures, and the
    /// choices made in the state (pupil group, year group, focus).
    struct Context {
        let state: DashboardState
        let view: TrustView
        let urn: URN
        let academy: Academy?
        let drop: DataDrop?
        /// How text is cleaned for the screen.
        let style: TextStyle
        /// The page's own choices: focused panel and figure, zoom, year group.
        let focus: AcademyPage
        /// The figures the page shows and ↑↓ moves between.
        let figures: AcademyFigures

        init(_ state: DashboardState, view: TrustView, urn: URN, ascii: Bool) {
            self.state = state
            self.view = view
            self.urn = urn
            academy = view.academies[urn]
            drop = state.drop(view)
            style = TextStyle(ascii: ascii)
            // The page shown, or the page as it opens when another is shown.
            focus = state.academy.flatMap { $0.urn == urn ? $0 : nil } ?? AcademyPage(urn: urn)
            figures = AcademyFigures(state, view: view, page: focus)
        }

        var ascii: Bool { style.ascii }
        var group: PupilGroup { figures.group }
        /// The drop's rated figures, or nil when there is no drop or the academy has no
        /// figure in it.
        var rated: LazyRatedDrop? { figures.rated }
        /// The attainment panel's year group, if the academy has attainment figures.
        var yearGroup: YearGroup? { figures.yearGroup }

        /// The academy's rated figure, for the page's pupil group unless another is named.
        func figure(_ kpi: KPI, group: PupilGroup? = nil, yearGroup: YearGroup = .all) -> RatedFigure? {
            figures.figure(kpi, group: group, yearGroup: yearGroup)
        }

        /// The pupil groups other than the page's own with a figure for `kpi`, in the
        /// data-drop order.
        func otherGroups(_ kpi: KPI, yearGroup: YearGroup = .all) -> [PupilGroup] {
            figures.otherGroups(kpi, yearGroup: yearGroup)
        }

        /// The year groups with a figure for `kpi` and the page's pupil group, in school
        /// order: the year-group lines of the attendance and absence panels.
        func yearGroupsWithFigures(_ kpi: KPI) -> [YearGroup] { figures.yearGroupsWithFigures(kpi) }

        /// The row ↑↓ has reached in `panel`, or nil when the panel is not focused.
        func focusRow(_ panel: Panel) -> Int? {
            panel == focus.panel ? focus.panelRow : nil
        }

        /// The drops in the view, for trend lines.
        var drops: [DataDrop] { view.drops }
    }

    /// A rectangle of the screen.
    struct Rect: Hashable {
        var x: Int
        var y: Int
        var width: Int
        var height: Int
    }
}

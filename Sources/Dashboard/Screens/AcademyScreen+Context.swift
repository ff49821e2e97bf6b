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
        /// The drop's rated figures, or nil when there is no drop or the academy has no
        /// figure in it.
        let rated: RatedDrop?
        /// How text is cleaned for the screen.
        let style: TextStyle
        /// The attainment panel's year group, if the academy has attainment figures.
        let yearGroup: YearGroup?
        /// The page's own choices: focused panel and figure, zoom, year group.
        let focus: AcademyPage

        init(_ state: DashboardState, view: TrustView, urn: URN, ascii: Bool) {
            self.state = state
            self.view = view
            self.urn = urn
            academy = view.academies[urn]
            let drop = state.drop(view)
            self.drop = drop
            let rated = drop.map(view.rated)
            self.rated = rated.flatMap { $0.academiesWithData.contains(urn) ? $0 : nil }
            style = TextStyle(ascii: ascii)
            // The page shown, or the page as it opens when another is shown.
            let focus = state.academy.flatMap { $0.urn == urn ? $0 : nil } ?? AcademyPage(urn: urn)
            self.focus = focus
            yearGroup = focus.yearGroup ?? AcademyScreen.defaultYearGroup(view: view, urn: urn, drop: drop)
        }

        var ascii: Bool { style.ascii }
        var group: PupilGroup { state.group }

        /// The academy's rated figure, for the page's pupil group unless another is named.
        func figure(_ kpi: KPI, group: PupilGroup? = nil, yearGroup: YearGroup = .all) -> RatedFigure? {
            rated?.figure(.academy(urn), kpi, group: group ?? self.group, yearGroup: yearGroup)
        }

        /// The pupil groups other than the page's own with a figure for `kpi`, in the
        /// data-drop order.
        func otherGroups(_ kpi: KPI, yearGroup: YearGroup = .all) -> [PupilGroup] {
            PupilGroup.allCases.filter { $0 != group && figure(kpi, group: $0, yearGroup: yearGroup) != nil }
        }

        /// The figures ↑↓ move between in `panel`, in the order they are drawn; nil
        /// stands for a row with no figure for the pupil group.
        func focusable(_ panel: Panel) -> [RatedFigure?] {
            switch panel {
            case .attainment:
                guard let yearGroup else { return [] }
                return attainmentRows.map { figure($0.kpi, yearGroup: yearGroup) }
            case .attendance:
                return [figure(.attendanceRate)]
                    + otherGroups(.attendanceRate).map { figure(.attendanceRate, group: $0) }
                    + yearGroupsWithFigures(.attendanceRate).map { figure(.attendanceRate, yearGroup: $0) }
            case .persistentAbsence:
                let kpi = KPI.persistentAbsenceRate
                return [figure(kpi), figure(.severeAbsenceRate)]
                    + otherGroups(kpi).map { figure(kpi, group: $0) }
                    + yearGroupsWithFigures(kpi).map { figure(kpi, yearGroup: $0) }
            }
        }

        /// The year groups with a figure for `kpi` and the page's pupil group, in school
        /// order: the year-group lines of the attendance and absence panels.
        func yearGroupsWithFigures(_ kpi: KPI) -> [YearGroup] {
            YearGroup.allCases.filter { $0 != .all && figure(kpi, yearGroup: $0) != nil }
        }

        /// The rows of `panel`'s focusable figures that are year-group lines: empty for the
        /// attainment panel, whose year group `y` chooses instead.
        func yearGroupRows(_ panel: Panel) -> Range<Int> {
            let kpi: KPI
            switch panel {
            case .attainment: return 0..<0
            case .attendance: kpi = .attendanceRate
            case .persistentAbsence: kpi = .persistentAbsenceRate
            }
            let count = focusable(panel).count
            return (count - yearGroupsWithFigures(kpi).count)..<count
        }

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

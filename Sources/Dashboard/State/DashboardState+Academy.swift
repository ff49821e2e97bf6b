import Metrics

extension DashboardState {
    /// Opens an academy's screen with its default year group, and selects its row on the
    /// overview.
    public mutating func openAcademy(_ urn: URN, view: TrustView) {
        page = .academy(AcademyPage(urn: urn))
        overview.selected = urn
    }

    /// Carries out `command` on the page of `shown`, the academy page as it was before
    /// the command.
    mutating func applyAcademy(_ command: Command, _ shown: AcademyPage, view: TrustView) {
        let urn = shown.urn
        let figures = AcademyFigures(self, view: view, page: shown)
        switch command {
        case .back:
            page = shown.openedFrom.map { .changes($0) } ?? .overview
            return
        case .nextPanel, .previousPanel:
            // Only the panels shown: Inclusion is left out where there are no figures for it.
            let panels = figures.panels
            let count = panels.count
            let step = command == .nextPanel ? 1 : count - 1
            let index = panels.firstIndex(of: shown.panel) ?? 0
            academy?.panel = panels[(index + step) % count]
            academy?.panelRow = 0
        case .zoom: academy?.zoomed.toggle()
        case .up: academy?.panelRow = max(0, shown.panelRow - 1)
        case .down: academy?.panelRow = shown.panelRow + 1
        case .cycleGroup:
            group = PupilGroup.allCases[(group.index + 1) % PupilGroup.allCases.count]
        case .cycleYear where shown.panel != .attainment:
            // On attendance and absence, `y` steps through the year-group lines.
            academy?.panelRow = figures.nextYearGroupRow(shown) ?? shown.panelRow
        case .cycleYear:
            let years = AcademyFigures.yearGroups(view: view, urn: urn, drop: drop(view))
            let index = figures.yearGroup.flatMap { years.firstIndex(of: $0) } ?? -1
            if !years.isEmpty { academy?.yearGroup = years[(index + 1) % years.count] }
            academy?.panelRow = 0
        case .explain:
            if figures.focused(shown) != nil { overlay = .explain }
        case .click(let x, let y, let double):
            // A click focuses the panel and figure under it; a click on the figure focused
            // already, or a double-click, explains it as `e` does.
            guard let target = AcademyScreen.clickTarget(x: x, y: y, self, view: view, urn: urn) else {
                return
            }
            let again = target.panel == shown.panel && target.row != nil && target.row == shown.panelRow
            if target.panel != shown.panel { academy?.panelRow = 0 }
            academy?.panel = target.panel
            if let row = target.row { academy?.panelRow = row }
            if target.row != nil, again || double, let clicked = academy, figures.focused(clicked) != nil {
                overlay = .explain
            }
        case .previousAcademy, .nextAcademy:
            let order = visibleOrder(view)
            let urns = order.urns
            guard let index = order.place(of: urn), !urns.isEmpty else { return }
            let step = command == .nextAcademy ? 1 : urns.count - 1
            let next = urns[(index + step) % urns.count]
            // The panel, zoom and the changes page to go back to stay; the year group is
            // the new academy's default.
            academy?.urn = next
            academy?.panelRow = 0
            academy?.yearGroup = nil
            overview.selected = next
        default: break
        }
        keepAcademyFocus(view)
    }

    /// Keeps the focused figure among the focused panel's figures, as a drop or a pupil
    /// group with fewer figures may have moved it past the last, and the focus on a panel
    /// the page shows.
    mutating func keepAcademyFocus(_ view: TrustView) {
        guard let shown = academy else { return }
        let figures = AcademyFigures(self, view: view, page: shown)
        guard figures.panels.contains(shown.panel) else {
            // A drop with no inclusion figures has no Inclusion panel to keep focus in.
            academy?.panel = .attainment
            academy?.panelRow = 0
            academy?.zoomed = false
            return
        }
        let rows = figures.focusableCount(shown.panel)
        academy?.panelRow = max(0, min(shown.panelRow, rows - 1))
    }
}

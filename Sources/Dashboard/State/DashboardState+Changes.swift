import Metrics

extension DashboardState {
    /// Opens the changes page as the overview's header counted: its comparison, the
    /// overview's filters, none of the page's own, the first change selected.
    mutating func showChanges() {
        page = .changes
        changesPage = ChangesPageState()
    }

    /// Carries out `command` on the changes page: move the selection, switch comparison,
    /// filter, search, open the selected change's academy, or go back.
    mutating func applyChanges(_ command: Command, view: TrustView) {
        guard let list = ChangesList(self, view: view) else {
            if command == .back { page = .overview }
            return
        }
        let current =
            list.changes.indices.contains(changesPage.selected) ? list.changes[changesPage.selected] : nil
        let rows = ChangesScreen.listRows(height: height)
        switch command {
        case .up: changesPage.selected -= 1
        case .down: changesPage.selected += 1
        case .pageUp: changesPage.selected -= rows
        case .pageDown: changesPage.selected += rows
        case .first: changesPage.selected = 0
        case .last: changesPage.selected = list.changes.count - 1
        case .open:
            if let current { openChange(current, view: view) }
            return
        case .switchComparison:
            changesPage.comparison = list.comparison == .previousDrop ? .lastYear : .previousDrop
            changesPage.selected = 0
            changesPage.scroll = 0
        case .filterAcademy: changesPage.owner = changesPage.owner == nil ? current?.owner : nil
        case .filterKPI: changesPage.kpi = changesPage.kpi == nil ? current?.kpi : nil
        case .cycleGroup: changesPage.group = changesPage.group == nil ? current?.group : nil
        case .cyclePhase:
            let phases = Phase.allCases.filter { phase in view.academies.values.contains { $0.phase == phase }
            }
            phaseFilter = Self.next(after: phaseFilter, in: phases)
        case .cycleSIL:
            let sils = Set(view.academies.values.compactMap(\.sil)).sorted()
            silFilter = Self.next(after: silFilter, in: sils)
        case .startSearch: searching = true
        case .searchType(let character): search.append(character)
        case .searchErase: if !search.isEmpty { search.removeLast() }
        case .searchDone: searching = false
        case .back:
            if searching {
                searching = false
                search = ""
            } else if changesPage.hasFilters {
                changesPage.clearFilters()
            } else {
                page = .overview
                return
            }
        default: break
        }
        keepChangeVisible(view: view, following: command.keepsSelectedChange ? current : nil)
        // The overview's filters may have changed here: keep its selection on a row shown.
        let urns = visibleRows(view).compactMap(\.academy?.urn)
        if let selected, urns.contains(selected) { return }
        selected = urns.first
    }

    /// The value after `current` in `values`, then nil (no filter), then the first again.
    private static func next<Value: Equatable>(after current: Value?, in values: [Value]) -> Value? {
        guard let current, let index = values.firstIndex(of: current) else { return values.first }
        return index + 1 < values.count ? values[index + 1] : nil
    }

    /// Keeps the selection on `change` when it is still listed (after a filter), else in
    /// range; then scrolls so the selected change, and its band's heading when it is the
    /// band's first, are on screen.
    private mutating func keepChangeVisible(view: TrustView, following change: RatingChange?) {
        guard let list = ChangesList(self, view: view), !list.changes.isEmpty else {
            changesPage.selected = 0
            changesPage.scroll = 0
            return
        }
        if let change, let index = list.changes.firstIndex(of: change) { changesPage.selected = index }
        changesPage.selected = max(0, min(changesPage.selected, list.changes.count - 1))
        let rows = ChangesScreen.listRows(height: height)
        let line = list.line(ofChange: changesPage.selected) ?? 0
        // The band's heading sits just above its first change.
        let top = line > 0 && Self.isHeading(list.lines[line - 1]) ? line - 1 : line
        if top < changesPage.scroll { changesPage.scroll = top }
        if line >= changesPage.scroll + rows { changesPage.scroll = line - rows + 1 }
        changesPage.scroll = max(0, min(changesPage.scroll, max(0, list.lines.count - rows)))
    }

    private static func isHeading(_ line: ChangesList.Line) -> Bool {
        if case .heading = line { return true }
        return false
    }

    /// Opens the academy of `change` with its figure focused: the pupil group and year
    /// group set so that the figure is the focused line of its panel. A trust-wide
    /// change opens the trust's page with its figure focused the same way.
    mutating func openChange(_ change: RatingChange, view: TrustView) {
        // Absence is shown as attendance on the academy and trust pages.
        let kpi = change.kpi == .absenceRate ? KPI.attendanceRate : change.kpi
        func isTheChange(_ figure: Figure?) -> Bool {
            guard let figure else { return false }
            return figure.kpi == kpi && figure.group == change.group && figure.yearGroup == change.yearGroup
        }
        guard let urn = change.owner.urn else {
            openTrust()
            changesPage.openedAcademy = true
            for candidate in Panel.allCases {
                panel = candidate
                for row in 0..<TrustScreen.focusableRows(self, view: view) {
                    panelRow = row
                    if isTheChange(TrustScreen.focusedFigure(self, view: view)?.figure) { return }
                }
            }
            panel = Self.panel(showing: kpi)
            panelRow = 0
            return
        }
        openAcademy(urn, view: view)
        changesPage.openedAcademy = true
        group = change.group
        if !kpi.isAttendance, change.yearGroup != .all { yearGroup = change.yearGroup }
        for candidate in Panel.allCases {
            panel = candidate
            for row in 0..<AcademyScreen.focusableRows(self, view: view, urn: urn) {
                panelRow = row
                if isTheChange(AcademyScreen.focusedFigure(self, view: view, urn: urn)?.figure) { return }
            }
        }
        // Not a line of its own on the page: its panel.
        panel = Self.panel(showing: kpi)
        panelRow = 0
    }

    /// The panel a KPI's figures are on.
    private static func panel(showing kpi: KPI) -> Panel {
        switch kpi {
        case .attendanceRate, .absenceRate: .attendance
        case .persistentAbsenceRate, .severeAbsenceRate: .persistentAbsence
        case .expected, .greaterDepth, .score: .attainment
        }
    }
}

extension Command {
    /// True for the commands after which the changes page keeps the same change selected
    /// (a filter), rather than the same position.
    fileprivate var keepsSelectedChange: Bool {
        switch self {
        case .filterAcademy, .filterKPI, .cycleGroup, .cyclePhase, .cycleSIL, .searchType, .searchErase,
            .back:
            true
        default: false
        }
    }
}

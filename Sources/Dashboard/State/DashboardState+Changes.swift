import Metrics

extension DashboardState {
    /// Opens the changes page as the overview's header counted: its comparison, the
    /// overview's filters, none of the page's own, the first change selected.
    mutating func showChanges() {
        page = .changes(ChangesPageState())
    }

    /// Carries out `command` on the changes page: move the selection, switch comparison,
    /// filter, search, open the selected change's academy, or go back. `shown` is the
    /// page as it was before the command.
    mutating func applyChanges(_ command: Command, _ shown: ChangesPageState, view: TrustView) {
        guard let list = ChangesList(self, view: view) else {
            if command == .back { page = .overview }
            return
        }
        let current =
            list.changes.indices.contains(shown.selected) ? list.changes[shown.selected] : nil
        let rows = ChangesLayout(height: height).listRows
        switch command {
        case .up: changesPage?.selected -= 1
        case .down: changesPage?.selected += 1
        case .pageUp: changesPage?.selected -= rows
        case .pageDown: changesPage?.selected += rows
        case .first: changesPage?.selected = 0
        case .last: changesPage?.selected = list.changes.count - 1
        case .open:
            if let current { openChange(current, view: view) }
            return
        case .click(_, let y, let double):
            // A click selects the change drawn on that line; a click on the change selected
            // already, or a double-click, opens it as Enter does. Headings and gaps do nothing.
            let line = shown.scroll + y - ChangesLayout.firstListLine
            guard y >= ChangesLayout.firstListLine, y < ChangesLayout.firstListLine + rows,
                list.lines.indices.contains(line), case .change(let index) = list.lines[line]
            else { return }
            if index == shown.selected || double {
                openChange(list.changes[index], view: view)
                return
            }
            changesPage?.selected = index
        case .switchComparison:
            changesPage?.comparison = list.comparison == .previousDrop ? .lastYear : .previousDrop
            changesPage?.selected = 0
            changesPage?.scroll = 0
        case .filterAcademy: changesPage?.owner = shown.owner == nil ? current?.owner : nil
        case .filterKPI: changesPage?.kpi = shown.kpi == nil ? current?.kpi : nil
        case .cycleGroup: changesPage?.group = shown.group == nil ? current?.group : nil
        case .cyclePhase:
            let phases = Phase.allCases.filter { phase in view.academies.values.contains { $0.phase == phase }
            }
            overview.phaseFilter = Self.next(after: overview.phaseFilter, in: phases)
        case .cycleSIL:
            let sils = Set(view.academies.values.compactMap(\.sil)).sorted()
            overview.silFilter = Self.next(after: overview.silFilter, in: sils)
        case .startSearch: overview.searching = true
        case .searchType(let character): overview.search.append(character)
        case .searchErase: if !overview.search.isEmpty { overview.search.removeLast() }
        case .searchDone: overview.searching = false
        case .back:
            if overview.searching {
                overview.searching = false
                overview.search = ""
            } else if shown.hasFilters {
                changesPage?.clearFilters()
            } else {
                page = .overview
                return
            }
        default: break
        }
        keepChangeVisible(view: view, following: command.keepsSelectedChange ? current : nil)
        // The overview's filters may have changed here: keep its selection on a row shown.
        let urns = visibleRows(view).compactMap(\.urn)
        if let selected = overview.selected, urns.contains(selected) { return }
        overview.selected = urns.first
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
        guard var changes = changesPage else { return }
        defer { changesPage = changes }
        guard let list = ChangesList(self, view: view), !list.changes.isEmpty else {
            changes.selected = 0
            changes.scroll = 0
            return
        }
        if let change, let index = list.changes.firstIndex(of: change) { changes.selected = index }
        changes.selected = max(0, min(changes.selected, list.changes.count - 1))
        let rows = ChangesLayout(height: height).listRows
        let line = list.line(ofChange: changes.selected) ?? 0
        // The band's heading sits just above its first change.
        let top = line > 0 && Self.isHeading(list.lines[line - 1]) ? line - 1 : line
        if top < changes.scroll { changes.scroll = top }
        if line >= changes.scroll + rows { changes.scroll = line - rows + 1 }
        changes.scroll = max(0, min(changes.scroll, max(0, list.lines.count - rows)))
    }

    private static func isHeading(_ line: ChangesList.Line) -> Bool {
        if case .heading = line { return true }
        return false
    }

    /// Opens the academy of `change` with its figure focused: the pupil group and year
    /// group set so that the figure is the focused line of its panel. A trust-wide
    /// change opens the trust's page with its figure focused the same way. Esc on either
    /// comes back to this page as it was.
    mutating func openChange(_ change: RatingChange, view: TrustView) {
        // Absence is shown as attendance on the academy and trust pages.
        let kpi = change.kpi == .absenceRate ? KPI.attendanceRate : change.kpi
        func isTheChange(_ figure: Figure?) -> Bool {
            guard let figure else { return false }
            return figure.kpi == kpi && figure.group == change.group && figure.yearGroup == change.yearGroup
        }
        let from = changesPage
        guard let urn = change.owner.urn else {
            openTrust()
            trustPage?.openedFrom = from
            let figures = TrustFigures(self, view: view)
            for candidate in Panel.allCases {
                if let row = figures.focusable(candidate).firstIndex(where: { isTheChange($0.figure) }) {
                    trustPage?.panel = candidate
                    trustPage?.panelRow = row
                    return
                }
            }
            trustPage?.panel = Self.panel(showing: kpi)
            return
        }
        openAcademy(urn, view: view)
        academy?.openedFrom = from
        group = change.group
        if !kpi.isAttendance, change.yearGroup != .all { academy?.yearGroup = change.yearGroup }
        guard let opened = academy else { return }
        let figures = AcademyFigures(self, view: view, page: opened)
        for candidate in Panel.allCases {
            for (row, rated) in figures.focusable(candidate).enumerated() where isTheChange(rated?.figure) {
                academy?.panel = candidate
                academy?.panelRow = row
                return
            }
        }
        // Not a line of its own on the page (a year group's attendance, say): its panel.
        academy?.panel = Self.panel(showing: kpi)
        academy?.panelRow = 0
    }

    /// The panel a KPI's figures are on.
    private static func panel(showing kpi: KPI) -> Panel {
        switch kpi {
        case .attendanceRate, .absenceRate: .attendance
        case .persistentAbsenceRate, .severeAbsenceRate, .absenceBand: .persistentAbsence
        case .expected, .greaterDepth, .score: .attainment
        case .inclusion: .inclusion
        // Reasons for absence belong with attendance.
        case .absenceReason: .attendance
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

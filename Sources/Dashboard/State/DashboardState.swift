import Metrics

/// Everything about what the dashboard shows, apart from the data: which screen, which
/// row, which drop, filters and focus. `apply` changes it and never draws; rendering is a
/// function of this state, the view of the data and the screen size.
public struct DashboardState: Sendable {
    /// The screens.
    public enum Page: Hashable, Sendable {
        case overview
        case academy(URN)
        /// What changed since the previous drop and the same drop last year.
        case changes
        /// The trust as a whole: every trust-wide figure with its benchmark and the
        /// academies it covers (Enter on the overview's trust row).
        case trust
    }

    /// What is shown over the page.
    public enum Overlay: Hashable, Sendable {
        case help
        case explain
    }

    /// The screen size.
    public var width: Int
    /// The screen size.
    public var height: Int
    /// The page shown.
    public var page: Page = .overview
    /// An overlay over it, if any.
    public var overlay: Overlay?
    /// True once the user asked to quit.
    public var quitRequested = false
    /// The drop shown, as an index into the view's drops.
    public var dropIndex: Int
    /// True once the user picked a drop by hand.
    public var dropPicked = false
    /// ASCII only.
    public var ascii: Bool
    /// A one-line notice, such as "New data: 2025/26 spring, ingested 10:42".
    public var notice: String?
    /// The slideshow for a meeting, while one is running.
    public var presentation: Presentation?
    /// The first line of the help overlay shown.
    public var helpScroll = 0

    // Overview.
    /// The selected academy on the overview.
    public var selected: URN?
    /// True when the trust row is selected on the overview (↑ from the first academy).
    public var trustSelected = false
    /// Which of the selected overview row's figures the explanation shows: attendance,
    /// persistent absence, severe absence or the headline (Tab moves along).
    public var explainedColumn = 0
    /// The first academy row shown.
    public var scroll = 0
    /// The changes page's comparison, filters, selection and scroll.
    public var changesPage = ChangesPageState()
    /// The sort column.
    public var sort: OverviewColumn = .worst
    /// True when the sort is reversed.
    public var reversed = false
    /// Only academies of this phase, when set.
    public var phaseFilter: Phase?
    /// Only academies of this school improvement lead, when set.
    public var silFilter: String?
    /// The search text.
    public var search = ""
    /// True while typing a search.
    public var searching = false

    // Academy.
    /// The focused panel.
    public var panel: Panel = .attainment
    /// The focused row within the panel.
    public var panelRow = 0
    /// True when the focused panel fills the screen.
    public var zoomed = false
    /// The pupil group shown.
    public var group: PupilGroup = .all
    /// The year group of the attainment panel; nil for the phase's default.
    public var yearGroup: YearGroup?

    /// The starting state for a view: the latest drop, nothing selected.
    public init(view: TrustView, width: Int, height: Int, ascii: Bool = false) {
        self.width = width
        self.height = height
        self.ascii = ascii
        dropIndex = max(0, view.drops.count - 1)
        selected = visibleRows(view).first?.academy?.urn
    }

    /// The drop shown, if the trust has any.
    public func drop(_ view: TrustView) -> DataDrop? {
        view.drops.indices.contains(dropIndex) ? view.drops[dropIndex] : nil
    }

    /// The key context now.
    public var context: KeyTable.Context {
        if overlay == .help { return .help }
        if overlay != nil { return .overlay }
        if searching { return .search }
        if case .academy = page { return .academy }
        if page == .changes { return .changes }
        if page == .trust { return .trust }
        return .overview
    }

    /// The overview's academy rows after filters, search and sort.
    public func visibleRows(_ view: TrustView) -> [OverviewRow] {
        guard let drop = drop(view) else { return [] }
        let sorted = view.overviewRows(drop, sortedBy: sort, reversed: reversed)
        if phaseFilter == nil, silFilter == nil, search.isEmpty { return sorted }
        // Folded, so that what people type finds the name as written: an apostrophe or an
        // accent typed or not.
        let needle = SearchText.fold(search)
        let rows = sorted.filter { row in
            guard let academy = row.academy else { return false }
            if let phaseFilter, academy.phase != phaseFilter { return false }
            if let silFilter, academy.sil != silFilter { return false }
            if !needle.isEmpty, !row.searchName.contains(needle),
                !academy.urn.description.hasPrefix(needle)
            {
                return false
            }
            return true
        }
        return rows
    }

    /// How many academy rows fit on the overview.
    public var overviewRowsShown: Int { OverviewLayout(height: height).rowsShown }

    /// Moves to `view`, new data for the same trust: keeps the page, the selection and a
    /// drop picked by hand; otherwise shows the newest drop. Sets the notice, naming the
    /// drop the new data is for (the one whose ingest time changed), which need not be
    /// the drop on screen: a correction to last year's is news too.
    public mutating func adopt(_ view: TrustView, replacing old: TrustView) {
        let shown = drop(old)
        let touched = view.drops.filter { view.ingested($0) != nil && view.ingested($0) != old.ingested($0) }
        let newest = touched.last ?? view.drops.last
        if dropPicked, let shown, let index = view.drops.firstIndex(of: shown) {
            dropIndex = index
        } else {
            dropIndex = max(0, view.drops.count - 1)
            dropPicked = false
        }
        if case .academy(let urn) = page, view.academies[urn] == nil { page = .overview }
        if page == .trust { keepTrustFocus(view) }
        let order = Presentation.order(state: self, view: view)
        presentation?.update(order: order)
        if let newest {
            let when = view.ingested(newest).map { ", ingested \($0)" } ?? ""
            let more = touched.count > 1 ? " and \(touched.count - 1) more" : ""
            notice = "New data: \(newest)\(more)\(when)"
        }
        keepSelectionVisible(view)
        if selected == nil || !visibleRows(view).contains(where: { $0.academy?.urn == selected }) {
            selected = visibleRows(view).first?.academy?.urn
        }
    }

    /// Applies one key press: to the slideshow while one runs (`q` and Ctrl-C quit, Esc
    /// leaves it), otherwise through the key table.
    public mutating func press(_ key: Key, view: TrustView) {
        if case .resize = key, let command = KeyTable.command(for: key, in: context) {
            apply(command, view: view)
            return
        }
        if var show = presentation, overlay == nil {
            switch show.handle(key) {
            case .quit: if key == .escape { presentation = nil } else { quitRequested = true }
            case .handled: presentation = show
            // `?` and `[` `]` work here as everywhere else.
            case .ignored:
                let command = KeyTable.command(for: key, in: .overview)
                if let command, [.help, .previousDrop, .nextDrop].contains(command) {
                    apply(command, view: view)
                }
            }
            return
        }
        if let command = KeyTable.command(for: key, in: context) { apply(command, view: view) }
    }

    /// Carries out `command`.
    public mutating func apply(_ command: Command, view: TrustView) {
        switch command {
        case .quit: quitRequested = true
        case .resize(let width, let height):
            self.width = width
            self.height = height
        case .help:
            overlay = overlay == .help ? nil : .help
            helpScroll = 0
            // The show waits while its help is read.
            presentation?.held = overlay == .help
        case .present:
            var show = Presentation(order: Presentation.order(state: self, view: view))
            if let selected { show.show(selected) }
            presentation = show
        case .previousDrop, .nextDrop:
            stepDrop(command == .nextDrop ? 1 : -1, view: view)
            if presentation != nil {
                let order = Presentation.order(state: self, view: view)
                presentation?.update(order: order)
            }
            if case .academy(let urn) = page {
                panelRow = max(0, min(panelRow, AcademyScreen.focusableRows(self, view: view, urn: urn) - 1))
            }
            if page == .trust { keepTrustFocus(view) }
        default:
            if overlay == .help {
                scrollHelp(command)
                return
            }
            if overlay != nil {
                if command == .back { overlay = nil }
                if overlay == .explain, page == .overview, command == .nextPanel || command == .previousPanel
                {
                    let count = OverviewColumn.figureColumns
                    explainedColumn = (explainedColumn + (command == .nextPanel ? 1 : count - 1)) % count
                }
                return
            }
            switch page {
            case .overview: applyOverview(command, view: view)
            case .academy(let urn): applyAcademy(command, urn: urn, view: view)
            case .changes: applyChanges(command, view: view)
            case .trust: applyTrust(command, view: view)
            }
        }
        keepSelectionVisible(view)
    }

    /// Scrolls the help overlay, or closes it on Esc.
    private mutating func scrollHelp(_ command: Command) {
        let shown = HelpOverlay.rowsShown(self)
        let last = max(0, HelpOverlay.lineCount(self) - shown)
        switch command {
        case .back:
            overlay = nil
            presentation?.held = false
        case .up: helpScroll -= 1
        case .down: helpScroll += 1
        case .pageUp: helpScroll -= shown
        case .pageDown: helpScroll += shown
        case .first: helpScroll = 0
        case .last: helpScroll = last
        default: break
        }
        helpScroll = max(0, min(helpScroll, last))
    }

    private mutating func stepDrop(_ step: Int, view: TrustView) {
        let next = dropIndex + step
        guard view.drops.indices.contains(next) else { return }
        dropIndex = next
        dropPicked = true
    }

    private mutating func applyOverview(_ command: Command, view: TrustView) {
        let rows = visibleRows(view)
        let urns = rows.compactMap(\.academy?.urn)
        let index = selected.flatMap { urns.firstIndex(of: $0) } ?? 0
        func select(_ position: Int) {
            guard !urns.isEmpty else { return }
            selected = urns[max(0, min(urns.count - 1, position))]
        }
        if trustSelected {
            switch command {
            case .down, .pageDown:
                trustSelected = false
                select(0)
                return
            case .open:
                openTrust()
                return
            case .explain:
                overlay = .explain
                explainedColumn = 0
                return
            case .up, .pageUp, .first: return
            default: trustSelected = command == .last ? false : trustSelected
            }
        }
        switch command {
        case .up:
            if index == 0, scroll == 0 { trustSelected = true } else { select(index - 1) }
        case .down: select(index + 1)
        case .explain:
            if selected != nil {
                overlay = .explain
                explainedColumn = 0
            }
        case .pageUp: select(index - overviewRowsShown)
        case .pageDown: select(index + overviewRowsShown)
        case .first: select(0)
        case .last: select(urns.count - 1)
        case .click(_, let y, let double): click(line: y, double: double, urns: urns, view: view)
        case .open:
            if let selected, urns.contains(selected) { openAcademy(selected, view: view) }
        case .sortNext: sort = sort.next
        case .sortReverse: reversed.toggle()
        case .cyclePhase:
            let phases = Phase.allCases.filter { phase in view.academies.values.contains { $0.phase == phase }
            }
            phaseFilter = Self.cycle(phaseFilter, through: phases)
        case .cycleSIL:
            let sils = Set(view.academies.values.compactMap(\.sil)).sorted()
            silFilter = Self.cycle(silFilter, through: sils)
        case .showChanges: showChanges()
        case .startSearch: searching = true
        case .searchType(let character): search.append(character)
        case .searchErase: if !search.isEmpty { search.removeLast() }
        case .searchDone: searching = false
        case .back:
            searching = false
            search = ""
            phaseFilter = nil
            silFilter = nil
        default: break
        }
        let after = visibleRows(view).compactMap(\.academy?.urn)
        if let selected, after.contains(selected) { return }
        selected = after.first
    }

    /// A click on line `y` of the overview: selects the row there; a click on the row
    /// already selected, or a double-click, opens it as Enter does.
    private mutating func click(line y: Int, double: Bool, urns: [URN], view: TrustView) {
        let layout = OverviewLayout(height: height)
        if y == layout.trustLine {
            if trustSelected || double {
                openTrust()
                return
            }
            trustSelected = true
            return
        }
        guard let index = layout.row(atLine: y, scroll: scroll), urns.indices.contains(index) else { return }
        let urn = urns[index]
        let wasSelected = !trustSelected && selected == urn
        trustSelected = false
        selected = urn
        if wasSelected || double { openAcademy(urn, view: view) }
    }

    /// Opens an academy's screen with its default year group.
    public mutating func openAcademy(_ urn: URN, view: TrustView) {
        page = .academy(urn)
        selected = urn
        panel = .attainment
        panelRow = 0
        zoomed = false
        yearGroup = nil
        changesPage.openedAcademy = false
    }

    private mutating func applyAcademy(_ command: Command, urn: URN, view: TrustView) {
        switch command {
        case .back:
            page = changesPage.openedAcademy ? .changes : .overview
            changesPage.openedAcademy = false
        case .nextPanel, .previousPanel:
            let count = Panel.allCases.count
            let step = command == .nextPanel ? 1 : count - 1
            panel = Panel(rawValue: (panel.rawValue + step) % count) ?? .attainment
            panelRow = 0
        case .zoom: zoomed.toggle()
        case .up: panelRow = max(0, panelRow - 1)
        case .down: panelRow = min(panelRow + 1, AcademyScreen.focusableRows(self, view: view, urn: urn) - 1)
        case .cycleGroup:
            group = PupilGroup.allCases[(group.index + 1) % PupilGroup.allCases.count]
        case .cycleYear where panel != .attainment:
            // On attendance and absence, `y` steps through the year-group lines.
            panelRow = AcademyScreen.nextYearGroupRow(self, view: view, urn: urn) ?? panelRow
        case .cycleYear:
            let years = AcademyScreen.yearGroups(view: view, urn: urn, drop: drop(view))
            let current = yearGroup ?? AcademyScreen.defaultYearGroup(view: view, urn: urn, drop: drop(view))
            let index = current.flatMap { years.firstIndex(of: $0) } ?? -1
            if !years.isEmpty { yearGroup = years[(index + 1) % years.count] }
            panelRow = 0
        case .explain:
            if AcademyScreen.focusedFigure(self, view: view, urn: urn) != nil { overlay = .explain }
        case .click(let x, let y, let double):
            // A click focuses the panel and figure under it; a click on the figure focused
            // already, or a double-click, explains it as `e` does.
            guard let target = AcademyScreen.clickTarget(x: x, y: y, self, view: view, urn: urn) else {
                return
            }
            let again = target.panel == panel && target.row != nil && target.row == panelRow
            if target.panel != panel { panelRow = 0 }
            panel = target.panel
            if let row = target.row { panelRow = row }
            if target.row != nil, again || double,
                AcademyScreen.focusedFigure(self, view: view, urn: urn) != nil
            {
                overlay = .explain
            }
        case .previousAcademy, .nextAcademy:
            let urns = visibleRows(view).compactMap(\.academy?.urn)
            guard let index = urns.firstIndex(of: urn), !urns.isEmpty else { return }
            let step = command == .nextAcademy ? 1 : urns.count - 1
            let next = urns[(index + step) % urns.count]
            page = .academy(next)
            selected = next
            panelRow = 0
            yearGroup = nil
        default: break
        }
        panelRow = max(0, min(panelRow, AcademyScreen.focusableRows(self, view: view, urn: urn) - 1))
    }

    /// Keeps the selected row within the rows shown.
    private mutating func keepSelectionVisible(_ view: TrustView) {
        let urns = visibleRows(view).compactMap(\.academy?.urn)
        guard let selected, let index = urns.firstIndex(of: selected) else {
            scroll = 0
            return
        }
        let shown = overviewRowsShown
        if index < scroll { scroll = index }
        if index >= scroll + shown { scroll = index - shown + 1 }
        scroll = max(0, min(scroll, max(0, urns.count - shown)))
    }

    private static func cycle<Value: Equatable>(_ current: Value?, through values: [Value]) -> Value? {
        guard !values.isEmpty else { return nil }
        guard let current, let index = values.firstIndex(of: current) else { return values[0] }
        return index + 1 < values.count ? values[index + 1] : nil
    }
}

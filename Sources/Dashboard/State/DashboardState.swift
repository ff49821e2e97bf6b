import Metrics

/// Everything about what the dashboard shows, apart from the data: which screen, which
/// row, which drop, filters and focus. `apply` changes it and never draws; rendering is a
/// function of this state, the view of the data and the screen size.
public struct DashboardState: Sendable {
    /// The screens, each with its own choices. The overview's are kept apart, in
    /// `overview`, as they outlive the other pages.
    public enum Page: Hashable, Sendable {
        case overview
        case academy(AcademyPage)
        /// What changed since the previous drop and the same drop last year.
        case changes(ChangesPageState)
        /// The trust as a whole: every trust-wide figure with its benchmark and the
        /// academies it covers (Enter on the overview's trust row).
        case trust(TrustPage)

        /// The keys that work on the page, with no overlay over it and no search typed.
        public var keyContext: KeyTable.Context {
            switch self {
            case .overview: .overview
            case .academy: .academy
            case .changes: .changes
            case .trust: .trust
            }
        }
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

    /// The overview's selection, scroll, sort, filters and search, kept while other
    /// pages are open.
    public var overview = OverviewPage()
    /// The pupil group the academy pages show: the reader's choice, kept from one
    /// academy to the next.
    public var group: PupilGroup = .all

    /// The starting state for a view: the latest drop, nothing selected.
    public init(view: TrustView, width: Int, height: Int, ascii: Bool = false) {
        self.width = width
        self.height = height
        self.ascii = ascii
        dropIndex = max(0, view.drops.count - 1)
        overview.selected = visibleRows(view).first?.urn
    }

    /// The academy page's choices, while an academy is shown. Setting a page changes the
    /// page shown to it; setting nil changes nothing.
    public var academy: AcademyPage? {
        get { if case .academy(let academy) = page { academy } else { nil } }
        set { if let newValue { page = .academy(newValue) } }
    }

    /// The trust page's choices, while it is shown. Setting a page changes the page shown
    /// to it; setting nil changes nothing.
    public var trustPage: TrustPage? {
        get { if case .trust(let trust) = page { trust } else { nil } }
        set { if let newValue { page = .trust(newValue) } }
    }

    /// The changes page's choices, while it is shown. Setting a page changes the page
    /// shown to it; setting nil changes nothing.
    public var changesPage: ChangesPageState? {
        get { if case .changes(let changes) = page { changes } else { nil } }
        set { if let newValue { page = .changes(newValue) } }
    }

    /// The drop shown, if the trust has any.
    public func drop(_ view: TrustView) -> DataDrop? {
        view.drops.indices.contains(dropIndex) ? view.drops[dropIndex] : nil
    }

    /// The key context now.
    public var context: KeyTable.Context {
        if overlay == .help { return .help }
        if overlay != nil { return .overlay }
        if overview.searching { return .search }
        return page.keyContext
    }

    /// The overview's academy rows after filters, search and sort.
    public func visibleRows(_ view: TrustView) -> [OverviewRow] {
        guard let drop = drop(view) else { return [] }
        let sorted = view.overviewRows(drop, sortedBy: overview.sort, reversed: overview.reversed)
        if !overview.hasFilters { return sorted }
        // Folded, so that what people type finds the name as written: an apostrophe or an
        // accent typed or not.
        let needle = SearchText.fold(overview.search)
        return sorted.filter { overview.admits($0, needle: needle) }
    }

    /// The academies of `visibleRows(view)` in order, with each one's place, kept by the
    /// view for the drop, sort and filters.
    func visibleOrder(_ view: TrustView) -> OverviewOrder {
        guard let drop = drop(view) else { return OverviewOrder([]) }
        let key = TrustView.OrderKey(
            drop: drop, sort: overview.sort, reversed: overview.reversed, phaseFilter: overview.phaseFilter,
            silFilter: overview.silFilter, search: overview.search)
        return view.overviewOrder(key) { visibleRows(view) }
    }

    /// How many academy rows fit on the overview.
    public var overviewRowsShown: Int { OverviewLayout(height: height).rowsShown }

    /// The overview row whose figures `e` explains: the trust's when the trust row is
    /// selected, else the selected academy's; nil with no drop or nothing selected.
    public func explainedRow(_ view: TrustView) -> OverviewRow? {
        guard let drop = drop(view) else { return nil }
        if overview.trustSelected { return view.trustRow(drop) }
        return visibleRows(view).first { $0.urn == overview.selected }
    }

    /// Moves to `view`, new data for the same trust: keeps the page, the selection and a
    /// drop picked by hand; otherwise shows the newest drop. Sets the notice, naming the
    /// drop the new data is for (the one whose ingest time changed), which need not be
    /// the drop on screen: a correction to last year's is news too.
    public mutating func adopt(_ view: TrustView, replacing old: TrustView) {
        let shown = drop(old)
        // A drop the old view did not load (it was opened on a few) is new only when the
        // old view did not know it at all.
        let touched = view.drops.filter {
            view.ingested($0) != nil
                && (old.hasLoaded($0) ? view.ingested($0) != old.ingested($0) : !old.drops.contains($0))
        }
        // A view of some drops replaced by the whole store is news only where a drop changed.
        let newest = touched.last ?? (old.loadedDrops == nil ? view.drops.last : nil)
        if dropPicked, let shown, let index = view.drops.firstIndex(of: shown) {
            dropIndex = index
        } else {
            dropIndex = max(0, view.drops.count - 1)
            dropPicked = false
        }
        if let academy, view.academies[academy.urn] == nil { page = .overview }
        keepTrustFocus(view)
        let order = Presentation.order(state: self, view: view)
        presentation?.update(order: order)
        if let newest {
            let when = view.ingested(newest).map { ", ingested \($0)" } ?? ""
            let more = touched.count > 1 ? " and \(touched.count - 1) more" : ""
            notice = "New data: \(newest)\(more)\(when)"
        }
        keepSelectionVisible(view)
        if overview.selected == nil
            || !visibleRows(view).contains(where: { $0.urn == overview.selected })
        {
            overview.selected = visibleRows(view).first?.urn
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
            if let selected = overview.selected { show.show(selected) }
            presentation = show
        case .previousDrop, .nextDrop:
            stepDrop(command == .nextDrop ? 1 : -1, view: view)
            if presentation != nil {
                let order = Presentation.order(state: self, view: view)
                presentation?.update(order: order)
            }
            keepAcademyFocus(view)
            keepTrustFocus(view)
        default:
            if overlay == .help {
                scrollHelp(command)
                return
            }
            if overlay != nil {
                if command == .back { overlay = nil }
                if overlay == .explain, page == .overview, command == .nextPanel || command == .previousPanel
                {
                    // The row's own figures: the four columns, and suspensions where it has them.
                    let count = max(
                        1, explainedRow(view)?.explainedCells.count ?? OverviewColumn.figureColumns)
                    let step = command == .nextPanel ? 1 : count - 1
                    overview.explainedColumn = (overview.explainedColumn + step) % count
                }
                return
            }
            switch page {
            case .overview: applyOverview(command, view: view)
            case .academy(let academy): applyAcademy(command, academy, view: view)
            case .changes(let changes): applyChanges(command, changes, view: view)
            case .trust(let trust): applyTrust(command, trust, view: view)
            }
        }
        keepSelectionVisible(view)
    }

    /// Scrolls the help overlay, or closes it on Esc.
    private mutating func scrollHelp(_ command: Command) {
        let layout = HelpOverlay.layout(self)
        let shown = layout.rowsShown
        let last = layout.lastScroll
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
        let order = visibleOrder(view)
        let urns = order.urns
        let index = overview.selected.flatMap(order.place(of:)) ?? 0
        func select(_ position: Int) {
            guard !urns.isEmpty else { return }
            overview.selected = urns[max(0, min(urns.count - 1, position))]
        }
        if overview.trustSelected {
            switch command {
            case .down, .pageDown:
                overview.trustSelected = false
                select(0)
                return
            case .open:
                openTrust()
                return
            case .explain:
                overlay = .explain
                overview.explainedColumn = 0
                return
            case .up, .pageUp, .first: return
            default: overview.trustSelected = command == .last ? false : overview.trustSelected
            }
        }
        switch command {
        case .up:
            if index == 0, overview.scroll == 0 { overview.trustSelected = true } else { select(index - 1) }
        case .down: select(index + 1)
        case .explain:
            if overview.selected != nil {
                overlay = .explain
                overview.explainedColumn = 0
            }
        case .pageUp: select(index - overviewRowsShown)
        case .pageDown: select(index + overviewRowsShown)
        case .first: select(0)
        case .last: select(urns.count - 1)
        case .click(_, let y, let double): click(line: y, double: double, urns: urns, view: view)
        case .open:
            if let selected = overview.selected, urns.contains(selected) { openAcademy(selected, view: view) }
        case .sortNext:
            overview.sort = overview.sort.next(
                showingSuspensions: OverviewScreen.showsSuspensions(self, view: view))
        case .sortReverse: overview.reversed.toggle()
        case .cyclePhase:
            let phases = Phase.allCases.filter { phase in view.academies.values.contains { $0.phase == phase }
            }
            overview.phaseFilter = Self.cycle(overview.phaseFilter, through: phases)
        case .cycleSIL:
            let sils = Set(view.academies.values.compactMap(\.sil)).sorted()
            overview.silFilter = Self.cycle(overview.silFilter, through: sils)
        case .showChanges: showChanges()
        case .startSearch: overview.searching = true
        case .searchType(let character): overview.search.append(character)
        case .searchErase: if !overview.search.isEmpty { overview.search.removeLast() }
        case .searchDone: overview.searching = false
        case .back:
            overview.searching = false
            overview.search = ""
            overview.phaseFilter = nil
            overview.silFilter = nil
        default: break
        }
        let after = visibleOrder(view)
        if let selected = overview.selected, after.contains(selected) { return }
        overview.selected = after.urns.first
    }

    /// A click on line `y` of the overview: selects the row there; a click on the row
    /// already selected, or a double-click, opens it as Enter does.
    private mutating func click(line y: Int, double: Bool, urns: [URN], view: TrustView) {
        let layout = OverviewLayout(height: height)
        if y == layout.trustLine {
            if overview.trustSelected || double {
                openTrust()
                return
            }
            overview.trustSelected = true
            return
        }
        guard let index = layout.row(atLine: y, scroll: overview.scroll), urns.indices.contains(index) else {
            return
        }
        let urn = urns[index]
        let wasSelected = !overview.trustSelected && overview.selected == urn
        overview.trustSelected = false
        overview.selected = urn
        if wasSelected || double { openAcademy(urn, view: view) }
    }

    /// Keeps the selected row within the rows shown.
    private mutating func keepSelectionVisible(_ view: TrustView) {
        let order = visibleOrder(view)
        let urns = order.urns
        guard let selected = overview.selected, let index = order.place(of: selected) else {
            overview.scroll = 0
            return
        }
        let shown = overviewRowsShown
        if index < overview.scroll { overview.scroll = index }
        if index >= overview.scroll + shown { overview.scroll = index - shown + 1 }
        overview.scroll = max(0, min(overview.scroll, max(0, urns.count - shown)))
    }

    private static func cycle<Value: Equatable>(_ current: Value?, through values: [Value]) -> Value? {
        guard !values.isEmpty else { return nil }
        guard let current, let index = values.firstIndex(of: current) else { return values[0] }
        return index + 1 < values.count ? values[index + 1] : nil
    }
}

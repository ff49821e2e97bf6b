import Metrics

extension DashboardState {
    /// Opens the trust's page on its first panel; Esc comes back to the overview with the
    /// trust row still selected.
    public mutating func openTrust() {
        page = .trust(TrustPage())
        overview.trustSelected = true
    }

    /// Carries out `command` on the trust's page, `shown` as it was before the command.
    /// Opening the page starts at its first figure, so no focus is kept from a visit
    /// before.
    mutating func applyTrust(_ command: Command, _ shown: TrustPage, view: TrustView) {
        switch command {
        case .back:
            // Back where it was opened from: the changes page, or the overview's trust row.
            overview.trustSelected = true
            page = shown.openedFrom.map { .changes($0) } ?? .overview
        case .nextPanel, .previousPanel:
            // Only the panels shown: Inclusion is left out where there are no figures for it.
            let panels = TrustFigures(self, view: view).panels
            let count = panels.count
            let step = command == .nextPanel ? 1 : count - 1
            let index = panels.firstIndex(of: shown.panel) ?? 0
            trustPage?.panel = panels[(index + step) % count]
            trustPage?.panelRow = 0
        case .zoom: trustPage?.zoomed.toggle()
        case .up: trustPage?.panelRow -= 1
        case .down: trustPage?.panelRow += 1
        case .first: trustPage?.panelRow = 0
        case .last: trustPage?.panelRow = Int.max
        case .explain:
            if TrustFigures(self, view: view).focused(shown) != nil { overlay = .explain }
        default: break
        }
        keepTrustFocus(view)
    }

    /// Keeps the focused figure among the focused panel's figures, as a drop with fewer
    /// figures may have moved it past the last.
    mutating func keepTrustFocus(_ view: TrustView) {
        guard let shown = trustPage else { return }
        let figures = TrustFigures(self, view: view)
        guard figures.panels.contains(shown.panel) else {
            // A drop with no inclusion figures has no Inclusion panel to keep focus in.
            trustPage?.panel = .attainment
            trustPage?.panelRow = 0
            trustPage?.zoomed = false
            return
        }
        let rows = figures.focusableCount(shown.panel)
        trustPage?.panelRow = max(0, min(shown.panelRow, rows - 1))
    }
}

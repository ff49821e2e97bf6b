import Metrics

extension DashboardState {
    /// Opens the trust's page on its first panel; Esc comes back to the overview with the
    /// trust row still selected.
    public mutating func openTrust() {
        page = .trust
        trustSelected = true
        panel = .attainment
        panelRow = 0
        changesPage.openedAcademy = false
        zoomed = false
    }

    /// Carries out `command` on the trust's page. Panels and the focused figure are the
    /// academy page's (`panel`, `panelRow`), so moving between the pages keeps no stale
    /// focus: opening either page starts at its first figure.
    mutating func applyTrust(_ command: Command, view: TrustView) {
        switch command {
        case .back:
            // Back where it was opened from: the changes page, or the overview's trust row.
            page = changesPage.openedAcademy ? .changes : .overview
            changesPage.openedAcademy = false
            trustSelected = true
        case .nextPanel, .previousPanel:
            let count = Panel.allCases.count
            let step = command == .nextPanel ? 1 : count - 1
            panel = Panel(rawValue: (panel.rawValue + step) % count) ?? .attainment
            panelRow = 0
        case .zoom: zoomed.toggle()
        case .up: panelRow -= 1
        case .down: panelRow += 1
        case .first: panelRow = 0
        case .last: panelRow = Int.max
        case .explain:
            if TrustScreen.focusedFigure(self, view: view) != nil { overlay = .explain }
        default: break
        }
        keepTrustFocus(view)
    }

    /// Keeps the focused figure among the focused panel's figures, as a drop with fewer
    /// figures may have moved it past the last.
    mutating func keepTrustFocus(_ view: TrustView) {
        panelRow = max(0, min(panelRow, TrustScreen.focusableRows(self, view: view) - 1))
    }
}

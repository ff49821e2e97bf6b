/// Something a user asks the dashboard to do. Keys are decoded into commands once, by
/// `KeyTable`; `DashboardState.apply` carries them out.
public enum Command: Hashable, Sendable {
    case up, down, pageUp, pageDown, first, last
    case open, back, quit
    case sortNext, sortReverse, cyclePhase, cycleSIL
    case startSearch
    case searchType(Character)
    case searchErase, searchDone
    case previousDrop, nextDrop
    case help
    case nextPanel, previousPanel, zoom
    case cycleGroup, cycleYear
    case explain
    case previousAcademy, nextAcademy
    /// Starts presentation mode: one academy per screen, for a meeting.
    case present
    /// Opens the list of what changed.
    case showChanges
    /// On the changes page: compare with the other earlier drop (previous drop, same
    /// term last year).
    case switchComparison
    /// On the changes page: only the selected change's academy, or all again.
    case filterAcademy
    /// On the changes page: only the selected change's KPI, or all again.
    case filterKPI
    case resize(width: Int, height: Int)
    /// A click at column `x` of line `y`: selects the row or figure there, and opens or
    /// explains it when it was selected already or when `double` (a double-click).
    case click(x: Int, y: Int, double: Bool)
}

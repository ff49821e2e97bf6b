import ArgumentParser
import Dashboard
import Metrics

/// The options that choose what the dashboard opens on, shared by the live dashboard and
/// `snapshot`.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: "The drop to open on, such as 2024/25-spring. Default: the latest.")
    var drop: String?

    @Option(name: .long, help: "Open this academy (URN).")
    var academy: String?

    @Option(name: .long, help: "Show only the academies of this school improvement lead.")
    var sil: String?

    @Option(name: .long, help: "dark, light, high-contrast, colour-blind or mono.")
    var theme: String?

    @Flag(name: .long, help: "ASCII only: no box-drawing characters or symbols.")
    var ascii = false

    @Flag(
        name: .long, help: "Present to a meeting: one academy per screen, big figures, moving on by itself.")
    var present = false

    @Option(name: .long, help: "Seconds per screen in presentation mode.")
    var cycle: Double = Presentation.defaultCycleSeconds

    /// The theme asked for, or high-contrast for a presentation.
    var themeName: String? { theme ?? (present ? "high-contrast" : nil) }

    func validate() throws {
        // `!(… && …)` rather than `<` or `>`, so that NaN, which compares false with
        // everything, fails too; infinity is out of range.
        if !(cycle >= Presentation.shortestCycleSeconds && cycle <= 3600) {
            throw ValidationError(
                "--cycle must be from \(Int(Presentation.shortestCycleSeconds)) to 3600 seconds")
        }
        if let theme, Theme.named(theme) == nil {
            throw ValidationError(
                "'\(theme)' is not a theme; use one of: \(Theme.names.joined(separator: ", "))")
        }
    }

    /// The starting state for `view`, with the drop, academy and SIL asked for.
    func state(view: TrustView, source: TrustSource, width: Int, height: Int, ascii: Bool) throws
        -> DashboardState
    {
        var state = DashboardState(view: view, width: width, height: height, ascii: ascii)
        if let drop {
            let chosen = try source.drop(named: drop)
            if let index = view.drops.firstIndex(of: chosen) {
                state.dropIndex = index
                state.dropPicked = true
            }
        }
        if let sil {
            let sils = Set(view.academies.values.compactMap(\.sil)).sorted()
            let known = sils.joined(separator: ", ")
            // The whole name, else any name that holds what was typed ("Whitfield" for
            // "J. Whitfield"), with case and accents folded.
            let exact = sils.filter { SearchText.fold($0) == SearchText.fold(sil) }
            let holding = sils.filter { SearchText.matches($0, sil) }
            guard let match = exact.first ?? (holding.count == 1 ? holding.first : nil) else {
                throw CommandFailure(
                    holding.count > 1
                        ? "more than one SIL matches '\(sil)': \(holding.joined(separator: ", ")); give more of the name"
                        : "no academy has the SIL '\(sil)'; the SILs are: \(known.isEmpty ? "none" : known)")
            }
            state.silFilter = match
            state.apply(.resize(width: width, height: height), view: view)
            state.selected = state.visibleRows(view).first?.academy?.urn
        }
        if let academy {
            guard let urn = URN(academy), view.academies[urn] != nil else {
                throw CommandFailure("'\(academy)' is not the URN of an academy in the trust")
            }
            state.openAcademy(urn, view: view)
        }
        if present {
            var show = Presentation(order: Presentation.order(state: state, view: view), cycleSeconds: cycle)
            if let academy, let urn = URN(academy) { show.show(urn) }
            state.presentation = show
        }
        return state
    }
}

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

    @Flag(
        name: .long,
        help:
            "Leave the mouse to the terminal, to select text; by default a click selects and the wheel scrolls."
    )
    var noMouse = false

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

    /// The starting state for `view`, with the drop (among the store's, `view.drops`),
    /// academy and SIL asked for.
    func state(view: TrustView, width: Int, height: Int, ascii: Bool) throws -> DashboardState {
        let opening = DashboardOpening(
            drop: try drop.map { try TrustSource.drop(named: $0, among: view.drops) }, academy: academy,
            sil: sil, present: present, cycleSeconds: cycle)
        do {
            return try opening.state(view: view, width: width, height: height, ascii: ascii)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}

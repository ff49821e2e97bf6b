import ArgumentParser
import Dashboard
import Foundation
import Metrics
import Terminal

/// `trustboard` with no subcommand: the live dashboard.
struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the dashboard (the default): browse the trust, drill into an academy, explain a rating.")

    @OptionGroup var options: StoreOptions
    @OptionGroup var dashboard: DashboardOptions

    func run() throws {
        do {
            let source = try TrustSource.open(options, quiet: true)
            let view = TrustView(
                data: source.data, config: source.config, trustName: source.trustName, isSample: source.isSample)
            let session = try TerminalSession(themeName: dashboard.theme)
            defer { session.close() }
            let ascii = dashboard.ascii || !TerminalSession.localeIsUTF8
            let size = session.size
            var state = try dashboard.state(
                view: view, source: source, width: size.width, height: size.height, ascii: ascii)
            // Draw, wait briefly for a key (so signals and resizes are seen), apply, repeat.
            while !state.quitRequested, !session.stopRequested {
                session.draw(DashboardRenderer.render(state, view: view))
                guard let key = session.readKey(timeoutMilliseconds: 100) else { continue }
                if let command = KeyTable.command(for: key, in: state.context) {
                    state.apply(command, view: view)
                }
            }
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }
}

import ArgumentParser
import Foundation
import Metrics

/// The `trustboard` command: a terminal dashboard of a multi-academy trust's data drops.
@main
struct Trustboard: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trustboard",
        abstract: "Red/amber/green rated attendance and attainment for the academies of a trust.",
        discussion: """
            With no store yet, the dashboard, `report` and `drops` show the bundled sample trust.
            Start your own store with `trustboard ingest FOLDER`.
            """,
        subcommands: [
            DashboardCommand.self, IngestCommand.self, ReportCommand.self, DropsCommand.self,
            SnapshotCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// Runs the command as ArgumentParser's own `main` does, but prints what it prints on
    /// the way out (errors quoting a bad argument or a store's path, help) through
    /// `TerminalText`, like every other message.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success {
                if !text.isEmpty { writeOut(text + "\n") }
            } else if !text.isEmpty {
                warnLine(text)
            }
            Foundation.exit(code.rawValue)
        }
    }
}

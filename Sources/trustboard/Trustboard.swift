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
            --store and --config may come before the command or after it.
            """,
        version: "trustboard 0.8.0",
        subcommands: [
            DashboardCommand.self, IngestCommand.self, ReportCommand.self, DropsCommand.self,
            SnapshotCommand.self, SimilarCommand.self, PackCommand.self,
        ],
        defaultSubcommand: DashboardCommand.self
    )

    /// The names of the commands, for "did you mean".
    static let commandNames = ["dashboard", "ingest", "report", "drops", "snapshot", "similar", "pack"]

    /// "did you mean 'report'?" for a first argument that is not a command but is close to
    /// one (at most two letters wrong); nil otherwise.
    static func suggestion(for word: String) -> String? {
        guard !word.hasPrefix("-"), !commandNames.contains(word) else { return nil }
        let best = commandNames.map { ($0, distance(word.lowercased(), $0)) }.min { $0.1 < $1.1 }
        guard let best, best.1 <= 2 else { return nil }
        return "'\(word)' is not a command; did you mean '\(best.0)'? The commands are: "
            + commandNames.joined(separator: ", ")
    }

    /// The edit distance between two words (letters inserted, deleted, changed or swapped).
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { table[i][0] = i }
        for j in 0...b.count { table[0][j] = j }
        for i in stride(from: 1, through: a.count, by: 1) {
            for j in stride(from: 1, through: b.count, by: 1) {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                table[i][j] = min(table[i - 1][j] + 1, table[i][j - 1] + 1, table[i - 1][j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    table[i][j] = min(table[i][j], table[i - 2][j - 2] + 1)
                }
            }
        }
        return table[a.count][b.count]
    }

    /// Runs the command as ArgumentParser's own `main` does, but prints what it prints on
    /// the way out (errors quoting a bad argument or a store's path, help) through
    /// `TerminalText`, like every other message.
    static func main() {
        openMissingStandardStreams()
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parseAsRoot(ArgumentOrder.commandFirst(arguments, commands: commandNames))
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let word = ArgumentOrder.firstWordIndex(arguments)
            if code != .success, arguments.indices.contains(word),
                let suggestion = suggestion(for: arguments[word])
            {
                warn(suggestion)
                Foundation.exit(code.rawValue)
            }
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

import ArgumentParser
import Dashboard
import Foundation
import Metrics

/// `trustboard snapshot`: one frame of the dashboard as plain text, drawn by the same
/// code as the live screen, for tests, e-mails and bug reports.
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Print one frame of the dashboard as plain text: exactly H lines, each at most W columns.",
        discussion: "With --present, a presentation-mode frame (with --academy, that academy's).")

    /// The screens a snapshot can show.
    enum Page: String, ExpressibleByArgument, CaseIterable {
        case overview, academy, help, trust
    }

    @OptionGroup var options: StoreOptions
    @OptionGroup var dashboard: DashboardOptions

    @Option(name: .long, help: "Columns.")
    var width: Int = 120

    @Option(name: .long, help: "Rows.")
    var height: Int = 40

    @Option(name: .long, help: "overview, academy, help or trust.")
    var screen: Page = .overview

    func validate() throws {
        guard (1...1000).contains(width), (1...1000).contains(height) else {
            throw ValidationError("--width and --height must be from 1 to 1000")
        }
    }

    func run() throws {
        do {
            // The overview (and the help over it) draws a few drops, so a store of many
            // opens on those alone; other screens show every drop's history.
            let overviewOnly =
                (screen == .overview || screen == .help) && dashboard.academy == nil && !dashboard.present
            let source =
                overviewOnly
                ? try TrustSource.open(options, firstFrameOf: dashboard.drop, quiet: true)
                : try TrustSource.open(options, quiet: true)
            let view = source.view
            var state = try dashboard.state(view: view, width: width, height: height, ascii: dashboard.ascii)
            switch screen {
            case .overview: if dashboard.academy == nil { state.page = .overview }
            case .academy:
                if case .overview = state.page, let urn = state.overview.selected {
                    state.openAcademy(urn, view: view)
                }
            case .help: state.overlay = .help
            case .trust: state.openTrust()
            }
            if dashboard.present { state.presentation?.elapsed = 0 }
            writeOut(DashboardRenderer.render(state, view: view).text)
            // The frame is written (straight to the file, unbuffered), so the process ends
            // here rather than free the trust's records, rows and rated figures one by one
            // on return, a twelfth of a national store's snapshot: its memory goes back
            // whole as it ends.
            Foundation.exit(EXIT_SUCCESS)
        } catch let failure as CommandFailure {
            warn(failure.description)
            throw ExitCode.failure
        }
    }
}

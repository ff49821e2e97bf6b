import ArgumentParser

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
}

import ArgumentParser

/// `generate-trust`: writes fictional trusts as data-drop CSV files.
@main
struct GenerateTrust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate-trust",
        abstract: "Write fictional multi-academy trusts as data-drop CSV files.",
        subcommands: [SampleCommand.self, NationalCommand.self]
    )
}

import ArgumentParser
import Foundation
import TrustGenerator

/// `generate-trust sample`: regenerates the sample trust.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write Northbrook Learning Trust, the fictional sample trust (12 academies, 9 drops)."
    )

    @Option(help: "The output folder; files of the same names are replaced.")
    var out: String

    @Option(help: "The seed; the same seed gives byte-identical files.")
    var seed: UInt64 = SampleTrustWriter.defaultSeed

    func run() throws {
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let files = try SampleTrustWriter(seed: seed).write(to: folder)
        WrittenFileReport.print(files, folder: out)
    }
}

import ArgumentParser
import Foundation
import TrustGenerator

/// `generate-trust national`: writes one national-scale drop for benchmarks.
struct NationalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "national",
        abstract: "Write a national-scale 2025/26 spring drop: every pupil group, attendance and attainment."
    )

    @Option(help: "The output folder; files of the same names are replaced.")
    var out: String

    @Option(help: "How many academies (England has about 22,000 state-funded schools).")
    var academies = 22_000

    @Option(help: "The seed; the same seed and count give byte-identical files.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...NationalScaleWriter.maximumAcademies).contains(academies) else {
            throw ValidationError(
                "--academies must be from 1 to \(NationalScaleWriter.maximumAcademies), not \(academies).")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: out, isDirectory: true)
        let clock = ContinuousClock()
        let start = clock.now
        let files = try NationalScaleWriter(academies: academies, seed: seed).write(to: folder)
        let elapsed = clock.now - start
        WrittenFileReport.print(files, folder: out)
        let milliseconds =
            elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
        Swift.print("took \(milliseconds) ms")
    }
}

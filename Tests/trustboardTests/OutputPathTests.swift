import Foundation
import Testing

/// Everything the executable prints goes through `Output.swift`, which cleans it with
/// `TerminalText`: a command that printed by itself would be a path that forgot (issue 15).
@Suite("The executable prints only through Output.swift")
struct OutputPathTests {
    /// The executable's sources, from this file's place in `Tests/trustboardTests/`.
    static let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/trustboard")

    /// Ways of writing to standard output or error without `Output.swift`.
    static let writers = [
        "print(", "FileHandle.standardOutput", "FileHandle.standardError", "fputs(", "puts(",
    ]

    @Test func noCommandPrintsByItself() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter {
            $0.hasSuffix(".swift")
        }
        #expect(files.contains("IngestCommand.swift"))
        for file in files where file != "Output.swift" {
            let text = try String(contentsOf: Self.sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces)
                guard !code.hasPrefix("//") else { continue }
                // The progress line writes its own erase-line sequence around a cleaned name.
                if file == "ProgressLine.swift", code.contains("FileHandle.standardError") { continue }
                for writer in Self.writers where code.contains(writer) {
                    Issue.record(
                        "\(file):\(number + 1) prints with \(writer) rather than say, warn or writeOut")
                }
            }
        }
    }
}

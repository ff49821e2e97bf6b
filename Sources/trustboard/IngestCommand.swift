import ArgumentParser
import Foundation
import Metrics
import TrustStore

/// `trustboard ingest`: check a batch of data-drop files and store it, all or nothing.
struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Check data-drop CSV files and store them: all of them, or nothing if any has an error.",
        discussion: "A PATH may be a file or a folder (every *.csv in it). Creates the store if needed.")

    @OptionGroup var options: StoreOptions

    @Flag(name: .long, help: "Check the files only; store nothing.")
    var dryRun = false

    @Argument(help: "Data-drop files or folders.", completion: .file())
    var paths: [String]

    func run() throws {
        let path = options.storePath
        let existing = TrustStore.exists(at: path)
        var known = Set<URN>()
        if existing {
            known = try TrustStore(path: path).knownURNs()
        }
        let progress = ProgressLine()
        let reader = DropReader(knownAcademies: known, onProgress: progress.show)
        let batch = reader.read(paths: paths)
        progress.finish()
        for file in batch.files { print(Self.describe(file)) }
        for issue in batch.issues { warnLine(issue.description) }
        guard batch.isValid else {
            let files = batch.files.filter { $0.errors > 0 }.count
            let errors = batch.files.reduce(0) { $0 + $1.errors }
            warn(
                "nothing was stored: \(errors) error\(errors == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
            )
            throw ExitCode.failure
        }
        if dryRun {
            print(
                "dry run: \(batch.rowCount) rows in \(batch.files.count) files are valid; nothing was stored")
            return
        }
        // Storing runs at roughly 400,000 rows a second.
        progress.note("storing \(batch.rowCount) rows…", slow: batch.rowCount > 400_000)
        let store = try TrustStore(path: path)
        let outcome = try store.ingest(batch)
        progress.finish()
        print(outcome.summary(storePath: path, created: !existing))
    }

    /// "attendance-2024-25-spring.csv: attendance, 540 rows, 2024/25 spring, 12 academies".
    static func describe(_ file: DropFileSummary) -> String {
        let name = (file.name as NSString).lastPathComponent
        guard let kind = file.kind else { return "\(name): not read" }
        var parts = ["\(kind.rawValue)", "\(file.rows) row\(file.rows == 1 ? "" : "s")"]
        if !file.drops.isEmpty {
            let drops = file.drops.sorted()
            parts.append(
                drops.count <= 3
                    ? drops.map(\.description).joined(separator: ", ")
                    : "\(drops.count) drops, \(drops[0]) to \(drops[drops.count - 1])")
        }
        if !file.academies.isEmpty {
            parts.append("\(file.academies.count) academ\(file.academies.count == 1 ? "y" : "ies")")
        }
        if file.warnings > 0 { parts.append("\(file.warnings) warning\(file.warnings == 1 ? "" : "s")") }
        if file.errors > 0 { parts.append("\(file.errors) error\(file.errors == 1 ? "" : "s")") }
        return "\(name): " + parts.joined(separator: ", ")
    }
}

/// Writes a line to standard error without the command's prefix.
func warnLine(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

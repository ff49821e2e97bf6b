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

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Take the academies of this trust from a DfE absence file (Explore Education Statistics).",
            valueName: "NAME"))
    var trust: String?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "The academic year of DfE files that do not say (the performance-tables absence file).",
            valueName: "YYYY/YY"))
    var year: String?

    @Argument(help: "Data-drop files or folders.", completion: .file())
    var paths: [String]

    func run() throws {
        var academicYear: AcademicYear?
        if let year {
            guard let parsed = AcademicYear(parsing: year.trimmingCharacters(in: .whitespaces)) else {
                warn("--year \"\(year)\" is not an academic year; write it as 2018/19")
                throw ExitCode.validationFailure
            }
            academicYear = parsed
        }
        let path = options.storePath
        let existing = TrustStore.exists(at: path)
        var known = Set<URN>()
        var censusPhases = CensusPhases()
        var stored: TrustStore?
        if existing {
            // Only read for now: files are read and checked before the store is written.
            let store = try TrustStore(readingAt: path)
            known = try store.knownURNs()
            censusPhases = try store.censusPhases()
            stored = store
        }
        var dfeTrust: DfETrust?
        if let trust {
            do {
                dfeTrust = try DfETrust(
                    named: trust, in: DfETrust.files(among: DropReader.expand(paths: paths)))
            } catch {
                warn(error.description)
                throw ExitCode.failure
            }
            for warning in dfeTrust?.warnings ?? [] { warn(warning) }
        }
        let progress = ProgressLine()
        // A school whose phase the file does not give is left out, rows and all.
        var reader = DropReader(
            knownAcademies: known.union(dfeTrust?.urns ?? []), year: academicYear, censusPhases: censusPhases,
            onProgress: progress.show)
        // Where the store's drops came from, read once the files are, for the batch's own
        // drops only; a failure to read them is thrown as reading them first threw it.
        let sourcesFailure = SourcesFailure()
        if let stored {
            reader.storedSourcesOf = { drops in
                do {
                    return try stored.dropSources(of: drops)
                } catch {
                    sourcesFailure.error = error
                    return [:]
                }
            }
        }
        // Only the store uses the files' hashes.
        reader.hashesFiles = !dryRun
        var batch = reader.read(paths: paths)
        progress.finish()
        // Closed before the store is written: a reader still open when the writer closes
        // would be the store's last connection, and, read-only, could not fold the
        // write-ahead log back into the file, which then kept growing ingest after ingest.
        reader.storedSourcesOf = nil
        stored = nil
        if let error = sourcesFailure.error { throw error }
        // Academies taken from a DfE file are stored with it; those already stored keep
        // what the trust's own academies file said about them.
        dfeTrust?.add(to: &batch, known: known)
        for issue in batch.issues { warnLine(issue.description) }
        guard batch.isValid, !dryRun else {
            // Nothing is stored: each file is listed with what was read from it.
            for file in batch.files { say(Self.describe(file)) }
            if dryRun, batch.isValid {
                say(
                    "dry run: \(batch.rowCount) rows in \(batch.files.count) files are valid; nothing was stored"
                )
                // Nothing is left to do: the process ends here, the batch held to the end, as
                // freeing a national drop's records one by one took about a twentieth of the
                // run with the other core idle, and the system takes the memory back at once.
                withExtendedLifetime(batch) { Self.endNow() }
            }
            let files = batch.files.filter { $0.errors > 0 }.count
            let errors = batch.files.reduce(0) { $0 + $1.errors }
            warn(
                "nothing was stored: \(errors) error\(errors == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
            )
            throw ExitCode.failure
        }
        // Storing runs at roughly 400,000 rows a second.
        progress.note("storing \(batch.rowCount) rows…", slow: batch.rowCount > 400_000)
        let store = try TrustStore(path: path)
        let files = batch.files
        // Consumed, so that the records are freed before the store works out the trend.
        let outcome = try store.ingest(consume batch)
        progress.finish()
        // One line a file: what was read from it, then what it did to the store. Said once
        // the batch is stored, so a closed or full standard output does not fail it.
        for (file, stored) in zip(files, outcome.files) {
            say(Self.describe(file) + "; " + stored.counts, afterTheFact: true)
        }
        say(outcome.totals(storePath: path, created: !existing), afterTheFact: true)
    }

    /// Ends the process at once with success, without freeing what it holds; the C
    /// library's `exit` flushes standard output first.
    private static func endNow() -> Never {
        Foundation.exit(EXIT_SUCCESS)
    }

    /// An error reading the store's sources of the batch's drops, kept to be thrown once the
    /// reader returns.
    private final class SourcesFailure {
        var error: Error?
    }

    /// "attendance-2024-25-spring.csv: attendance, 540 rows, 2024/25 spring, 12 academies";
    /// a DfE file is named by its layout, with the rows left out because they are for
    /// schools outside the trust, and a school census file with its schools by phase.
    static func describe(_ file: DropFileSummary) -> String {
        let name = (file.name as NSString).lastPathComponent
        guard let layout = file.layout ?? file.kind?.rawValue else { return "\(name): not read" }
        var parts = [layout, "\(file.rows) row\(file.rows == 1 ? "" : "s")"]
        if let census = file.census { parts.append(census.description) }
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
        let otherSchools = file.otherSchools
        if otherSchools > 0 {
            parts.append("\(otherSchools) row\(otherSchools == 1 ? "" : "s") for other schools skipped")
        }
        if file.warnings > 0 { parts.append("\(file.warnings) warning\(file.warnings == 1 ? "" : "s")") }
        if file.errors > 0 { parts.append("\(file.errors) error\(file.errors == 1 ? "" : "s")") }
        return "\(name): " + parts.joined(separator: ", ")
    }
}

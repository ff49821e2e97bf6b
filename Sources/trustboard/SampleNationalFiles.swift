import Dispatch
import Foundation
import Metrics

/// The files of the bundled sample trust's fictional England
/// (`sample-data/fictional-national/`), read once, by whoever asks first.
///
/// Start-up reads them on another thread (`startReading`) while it reads the trust's own
/// files: the overview rates the sample academies against their similar schools, so the
/// first frame needs them, and reading them after the trust's files took a tenth of the
/// time to the first frame.
final class SampleNationalFiles: @unchecked Sendable {
    /// What the files hold.
    struct Contents: Sendable {
        /// Every school's census line, every year.
        var census: [SchoolCensus] = []
        /// Every school's published figures, by drop (summer of each year).
        var outcomes: [DataDrop: SchoolOutcomes] = [:]
        /// The names and local authorities the files give the schools.
        var names: [URN: SchoolName] = [:]
    }

    /// The files, by the year at the end of each name (`…_2022-23.csv`).
    private let byYear: [AcademicYear: [String]]
    // Read by the first thread to ask; any other waits for it here.
    private let lock = NSLock()
    private var read: Result<Contents, CommandFailure>?

    /// The files of `paths`; nil when there are none. Throws for a file whose name gives
    /// no year.
    static func of(paths: [String]) throws -> SampleNationalFiles? {
        var byYear: [AcademicYear: [String]] = [:]
        for path in paths {
            let stem = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            guard let text = stem.split(separator: "_").last, let year = AcademicYear(parsing: String(text))
            else {
                throw CommandFailure(
                    "the bundled sample file \(path) has no year such as 2022-23 at the end of its name")
            }
            byYear[year, default: []].append(path)
        }
        return byYear.isEmpty ? nil : SampleNationalFiles(byYear: byYear)
    }

    private init(byYear: [AcademicYear: [String]]) {
        self.byYear = byYear
    }

    /// Starts reading the files on another thread and returns at once; `contents()`
    /// then waits for that read rather than starting its own.
    func startReading() {
        DispatchQueue.global(qos: .userInitiated).async { [self] in _ = try? contents() }
    }

    /// The files' contents, read the first time: each year's files together with that
    /// year given, as `ingest --year YYYY/YY` would (the absence file does not say its year).
    func contents() throws -> Contents {
        lock.lock()
        defer { lock.unlock() }
        if let read { return try read.get() }
        let result = Result { () throws(CommandFailure) -> Contents in try readAll() }
        read = result
        return try result.get()
    }

    private func readAll() throws(CommandFailure) -> Contents {
        var files = Contents()
        for (year, paths) in byYear.sorted(by: { $0.key < $1.key }) {
            // Nothing is stored, so the files are not hashed.
            var reader = DropReader(year: year)
            reader.hashesFiles = false
            let batch = reader.read(paths: paths)
            guard batch.isValid else {
                throw CommandFailure(
                    "the bundled sample's fictional national files do not read cleanly:\n"
                        + batch.errors.map(\.description).joined(separator: "\n"))
            }
            files.census += batch.census.map(\.record)
            for outcome in batch.outcomes.map(\.record) {
                files.outcomes[outcome.drop, default: SchoolOutcomes(drop: outcome.drop)].add(outcome)
            }
            // As the store keeps them: a file that gives no name (the absence file) never
            // erases one another file gave.
            for given in batch.schoolNames.map(\.record) {
                let known = files.names[given.urn]
                files.names[given.urn] = SchoolName(
                    urn: given.urn, name: given.name ?? known?.name,
                    localAuthority: given.localAuthority ?? known?.localAuthority)
            }
        }
        return files
    }
}

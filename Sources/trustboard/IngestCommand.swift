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
        if existing {
            // Only read for now: files are read and checked before the store is written.
            let store = try TrustStore(readingAt: path)
            known = try store.knownURNs()
            censusPhases = try store.censusPhases()
        }
        let dfeFiles = Self.exploreEducationFiles(DropReader.expand(paths: paths))
        var trustAcademies: [String: [ExploreEducationAbsenceFile.School]] = [:]
        if let trust {
            trustAcademies = try Self.academies(ofTrust: trust, in: dfeFiles)
        }
        // A school whose phase the file does not give is left out, rows and all.
        let added = Set(trustAcademies.values.joined().filter { $0.phase != nil }.map(\.urn))
        let progress = ProgressLine()
        let reader = DropReader(
            knownAcademies: known.union(added), year: academicYear, censusPhases: censusPhases,
            onProgress: progress.show)
        var batch = reader.read(paths: paths)
        progress.finish()
        // Academies taken from a DfE file are stored with it; those already stored keep
        // what the trust's own academies file said about them.
        var listed = known
        batch.trustName = trustAcademies.values.joined().compactMap(\.trust).first
        for (index, file) in batch.files.enumerated() {
            for school in trustAcademies[file.name] ?? [] where listed.insert(school.urn).inserted {
                guard let academy = Academy(school) else { continue }
                batch.academies.append(Sourced(academy, file: index, line: school.line))
            }
        }
        for file in batch.files { say(Self.describe(file)) }
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
            say(
                "dry run: \(batch.rowCount) rows in \(batch.files.count) files are valid; nothing was stored")
            return
        }
        // Storing runs at roughly 400,000 rows a second.
        progress.note("storing \(batch.rowCount) rows…", slow: batch.rowCount > 400_000)
        let store = try TrustStore(path: path)
        let outcome = try store.ingest(batch)
        progress.finish()
        say(outcome.summary(storePath: path, created: !existing))
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

extension IngestCommand {
    /// The files among `files` whose header is the DfE's Explore Education Statistics
    /// absence layout, with the schools each names.
    static func exploreEducationFiles(_ files: [String]) -> [String: ExploreEducationAbsenceFile] {
        var found: [String: ExploreEducationAbsenceFile] = [:]
        for file in files where hasExploreEducationHeader(file) {
            guard case .success(let bytes) = FileOnDisk.contents(of: file),
                let survey = ExploreEducationAbsenceFile(bytes: bytes)
            else { continue }
            found[file] = survey
        }
        return found
    }

    /// True when the first line of `file` is an Explore Education Statistics header;
    /// only the start of the file is read, so the trust's own large files cost nothing,
    /// and only a regular file is opened (the reader says why anything else is not read).
    static func hasExploreEducationHeader(_ file: String) -> Bool {
        guard case .success(var bytes) = FileOnDisk.contents(of: file, upTo: 16_384) else { return false }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let firstLine = bytes.prefix { $0 != UInt8(ascii: "\n") && $0 != UInt8(ascii: "\r") }
        let header = String(decoding: firstLine, as: UTF8.self).split(
            separator: ",", omittingEmptySubsequences: false
        )
        .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")).lowercased() }
        return ExploreEducationAbsenceReader.recognises(header: header)
    }

    /// The schools of `trust` in the latest year of each DfE file, by file; fails, naming
    /// the closest trusts, when no file holds the trust.
    static func academies(
        ofTrust trust: String, in files: [String: ExploreEducationAbsenceFile]
    ) throws -> [String: [ExploreEducationAbsenceFile.School]] {
        guard !files.isEmpty else {
            warn(
                "--trust needs an Explore Education Statistics absence file (with time_period, "
                    + "time_identifier, geographic_level, school_urn and trust columns), and none was given")
            throw ExitCode.failure
        }
        var found: [String: [ExploreEducationAbsenceFile.School]] = [:]
        for (file, survey) in files {
            let schools = survey.schools(ofTrust: trust)
            if !schools.isEmpty { found[file] = schools }
        }
        guard found.isEmpty else {
            for (file, schools) in found.sorted(by: { $0.key < $1.key }) {
                for school in schools where school.phase == nil {
                    warn(
                        "\(file):\(school.line): \(school.name) (\(school.urn)) has no phase the DfE file names, "
                            + "so it is not added; add it to an academies file")
                }
            }
            return found
        }
        let latest = files.values.max { ($0.latestYear?.start ?? 0) < ($1.latestYear?.start ?? 0) }
        let closest = latest?.closestTrustNames(to: trust) ?? []
        let names = files.keys.sorted().map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        warn(
            "no trust called \"\(trust.trimmingCharacters(in: .whitespaces))\" in the latest year of \(names)"
                + (closest.isEmpty
                    ? ""
                    : "; the closest names are: " + closest.map { "\"\($0)\"" }.joined(separator: ", ")))
        throw ExitCode.failure
    }
}

/// The academies of one trust as the DfE's Explore Education Statistics absence files
/// name them: what `ingest --trust NAME` adds to a batch, so that a trust can start from
/// the DfE's own file without writing an academies file.
public struct DfETrust: Sendable {
    /// Why the trust cannot be taken from the files given.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// None of the files is an Explore Education Statistics absence file.
        case noFile
        /// No file names the trust in its latest year; `closest` are the nearest names
        /// in the latest file, `files` the files' names.
        case notFound(trust: String, files: [String], closest: [String])

        /// One line saying what is wrong and what to do.
        public var description: String {
            switch self {
            case .noFile:
                return "--trust needs an Explore Education Statistics absence file (with time_period, "
                    + "time_identifier, geographic_level, school_urn and trust columns), and none was given"
            case .notFound(let trust, let files, let closest):
                return "no trust called \"\(trust.trimmingSpaces)\" in the latest year of "
                    + files.joined(separator: ", ")
                    + (closest.isEmpty
                        ? ""
                        : "; the closest names are: " + closest.map { "\"\($0)\"" }.joined(separator: ", "))
            }
        }
    }

    /// The trust's schools in the latest year of each file that names the trust, by the
    /// file's path.
    public let schools: [String: [ExploreEducationAbsenceFile.School]]

    /// Finds the trust called `trust` (case and outer spaces ignored) in `files`, the
    /// Explore Education Statistics files of a batch by path.
    public init(named trust: String, in files: [String: ExploreEducationAbsenceFile]) throws(Failure) {
        guard !files.isEmpty else { throw .noFile }
        var found: [String: [ExploreEducationAbsenceFile.School]] = [:]
        for (file, survey) in files {
            let schools = survey.schools(ofTrust: trust)
            if !schools.isEmpty { found[file] = schools }
        }
        guard !found.isEmpty else {
            let latest = files.sorted { $0.key < $1.key }.map(\.value)
                .max { ($0.latestYear?.start ?? 0) < ($1.latestYear?.start ?? 0) }
            throw .notFound(
                trust: trust, files: files.keys.sorted().map(Self.lastPathComponent),
                closest: latest?.closestTrustNames(to: trust) ?? [])
        }
        schools = found
    }

    /// The URNs added: every school of the trust whose phase the file gives.
    public var urns: Set<URN> { Set(schools.values.joined().filter { $0.phase != nil }.map(\.urn)) }

    /// The trust's name as the first file (in path order) writes it.
    public var trustName: String? {
        schools.sorted { $0.key < $1.key }.lazy.flatMap(\.value).compactMap(\.trust).first
    }

    /// One warning for each school left out because its file gives no phase, naming the
    /// file and line.
    public var warnings: [String] {
        schools.sorted { $0.key < $1.key }.flatMap { file, schools in
            schools.filter { $0.phase == nil }.map { school in
                "\(file):\(school.line): \(school.name) (\(school.urn)) has no phase the DfE file names, "
                    + "so it is not added; add it to an academies file"
            }
        }
    }

    /// Adds the trust's academies to `batch`, each recorded as coming from its file and
    /// line, and the trust's name; academies in `known` (already stored, or listed
    /// earlier) keep what the trust's own academies file said about them.
    public func add(to batch: inout DropBatch, known: Set<URN>) {
        var listed = known
        batch.trustName = trustName
        for (index, file) in batch.files.enumerated() {
            for school in schools[file.name] ?? [] where listed.insert(school.urn).inserted {
                guard let academy = Academy(school) else { continue }
                batch.academies.append(Sourced(academy, file: index, line: school.line))
            }
        }
    }

    /// The files among `paths` whose header is the Explore Education Statistics absence
    /// layout, read, by path.
    public static func files(among paths: [String]) -> [String: ExploreEducationAbsenceFile] {
        var found: [String: ExploreEducationAbsenceFile] = [:]
        for path in paths where hasExploreEducationHeader(path) {
            guard case .success(let bytes) = FileOnDisk.contents(of: path),
                let survey = ExploreEducationAbsenceFile(bytes: bytes)
            else { continue }
            found[path] = survey
        }
        return found
    }

    /// True when the header of the file at `path` is an Explore Education Statistics
    /// absence header. Only the first 16 KiB are read, so the trust's own large files cost
    /// nothing, and only a regular file is opened (the reader says why anything else is
    /// not read).
    public static func hasExploreEducationHeader(_ path: String) -> Bool {
        guard case .success(let bytes) = FileOnDisk.contents(of: path, upTo: 16_384),
            let header = CSVHeader.names(bytes)
        else { return false }
        return ExploreEducationAbsenceReader.recognises(header: header)
    }

    private static func lastPathComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}

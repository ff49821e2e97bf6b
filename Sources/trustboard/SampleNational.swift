import Dashboard
import Foundation
import Metrics

/// The bundled sample trust's fictional England (`sample-data/fictional-national/`): every
/// fictional school's census line, published figures and name, so that the sample
/// academies have similar schools without a store. None of it is DfE data.
///
/// The files are read the first time anything asks for them, not at start-up: a screen
/// that shows no similar schools never waits for them.
final class SampleNational: @unchecked Sendable {
    /// What the files hold.
    struct Files: Sendable {
        /// Every school's census line, every year.
        var census: [SchoolCensus] = []
        /// Every school's published figures, by drop (summer of each year).
        var outcomes: [DataDrop: SchoolOutcomes] = [:]
        /// The names and local authorities the files give the schools.
        var names: [URN: SchoolName] = [:]
    }

    private struct Key: Hashable {
        var years: [AcademicYear]
        var count: Int
    }

    /// The files, by the year at the end of each name (`…_2022-23.csv`).
    private let byYear: [AcademicYear: [String]]
    /// The trust's own `context` lines, for an academy the census lacks.
    private let contexts: [SchoolContext]
    // The dashboard asks from more than one thread, so what is read and made is behind a lock.
    private let lock = NSLock()
    private var read: Result<Files, CommandFailure>?
    /// The comparisons made so far: the nine drops use three sets of years.
    private var made: [Key: SimilarComparisons?] = [:]

    /// The fictional England of `paths`; nil when there are none. Throws for a file whose
    /// name gives no year.
    static func of(paths: [String], contexts: [SchoolContext]) throws -> SampleNational? {
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
        return byYear.isEmpty ? nil : SampleNational(byYear: byYear, contexts: contexts)
    }

    private init(byYear: [AcademicYear: [String]], contexts: [SchoolContext]) {
        self.byYear = byYear
        self.contexts = contexts
    }

    /// The files' contents, read the first time: each year's files together with that
    /// year given, as `ingest --year YYYY/YY` would (the absence file does not say its year).
    func files() throws -> Files {
        lock.lock()
        defer { lock.unlock() }
        return try filesLocked()
    }

    private func filesLocked() throws -> Files {
        if let read { return try read.get() }
        let result = Result { () throws(CommandFailure) -> Files in try readAll() }
        read = result
        return try result.get()
    }

    private func readAll() throws(CommandFailure) -> Files {
        var files = Files()
        for (year, paths) in byYear.sorted(by: { $0.key < $1.key }) {
            let batch = DropReader(year: year).read(paths: paths)
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

    /// The comparisons of `drop`'s figures, chosen as the store chooses them
    /// (`TrustStore.similarComparisons`): the groups of each year `drop` may be compared
    /// with that has school-level figures. Nil when there is no such year.
    func comparisons(for drop: DataDrop, academies: [Academy], count: Int) throws -> SimilarComparisons? {
        lock.lock()
        defer { lock.unlock() }
        let files = try filesLocked()
        let years = Set(BenchmarkMatcher.usableYears(for: drop.year))
        let drops = files.outcomes.keys.filter { $0.term == .summer && years.contains($0.year) }.sorted()
        guard !drops.isEmpty else { return nil }
        let used = Set(drops.map(\.year))
        let key = Key(years: used.sorted(), count: count)
        if let known = made[key] { return known }
        let lines = files.census.filter { used.contains($0.year) }
        var comparisons: SimilarComparisons?
        if !lines.isEmpty {
            let made = SimilarComparisons(
                census: lines, contexts: contexts.filter { used.contains($0.year) }, academies: academies,
                outcomes: drops.compactMap { files.outcomes[$0] }, count: count)
            comparisons = made.isEmpty ? nil : made
        }
        made[key] = comparisons
        return comparisons
    }

    /// The dashboard's loader of each drop's comparisons. The bundled files are checked by
    /// the tests, so one that fails to read here only leaves the sample without them.
    func loader(academies: [Academy], count: Int) -> SimilarSchoolsLoader {
        SimilarSchoolsLoader(
            comparisons: { [self] drop in try? comparisons(for: drop, academies: academies, count: count) },
            names: { [self] urns in ((try? files())?.names ?? [:]).filter { urns.contains($0.key) } })
    }
}

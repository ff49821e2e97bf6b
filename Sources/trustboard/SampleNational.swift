import Dashboard
import Foundation
import Metrics

/// The bundled sample trust's fictional England (`sample-data/fictional-national/`), read
/// into memory: every fictional school's census line, published figures and name, so that
/// the sample academies have similar schools without a store. None of it is DfE data.
struct SampleNational: Sendable {
    /// Every school's census line, every year.
    let census: [SchoolCensus]
    /// Every school's published figures, by drop (summer of each year).
    let outcomes: [DataDrop: SchoolOutcomes]
    /// The names and local authorities the files give the schools.
    let names: [URN: SchoolName]
    /// The trust's own `context` lines, for an academy the census lacks.
    let contexts: [SchoolContext]
    /// The comparisons made so far, by the years they use: the nine drops use three sets
    /// of years, and choosing the groups is most of the sample's start-up time.
    private let made = MadeComparisons()

    /// Reads `paths`, each year's files together with that year given, as
    /// `ingest --year YYYY/YY` would (the absence file does not say its year; the year is
    /// the `2022-23` at the end of each name). Nil when there are no files.
    static func read(paths: [String], contexts: [SchoolContext]) throws -> SampleNational? {
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
        guard !byYear.isEmpty else { return nil }
        var census: [SchoolCensus] = []
        var outcomes: [DataDrop: SchoolOutcomes] = [:]
        var names: [URN: SchoolName] = [:]
        for (year, files) in byYear.sorted(by: { $0.key < $1.key }) {
            let batch = DropReader(year: year).read(paths: files)
            guard batch.isValid else {
                throw CommandFailure(
                    "the bundled sample's fictional national files do not read cleanly:\n"
                        + batch.errors.map(\.description).joined(separator: "\n"))
            }
            census += batch.census.map(\.record)
            for outcome in batch.outcomes.map(\.record) {
                outcomes[outcome.drop, default: SchoolOutcomes(drop: outcome.drop)].add(outcome)
            }
            // As the store keeps them: a file that gives no name (the absence file) never
            // erases one another file gave.
            for given in batch.schoolNames.map(\.record) {
                let known = names[given.urn]
                names[given.urn] = SchoolName(
                    urn: given.urn, name: given.name ?? known?.name,
                    localAuthority: given.localAuthority ?? known?.localAuthority)
            }
        }
        return SampleNational(census: census, outcomes: outcomes, names: names, contexts: contexts)
    }

    /// The comparisons of `drop`'s figures, chosen as the store chooses them
    /// (`TrustStore.similarComparisons`): the groups of each year `drop` may be compared
    /// with that has school-level figures. Nil when there is no such year.
    func comparisons(for drop: DataDrop, academies: [Academy], count: Int) -> SimilarComparisons? {
        let years = Set(BenchmarkMatcher.usableYears(for: drop.year))
        let drops = outcomes.keys.filter { $0.term == .summer && years.contains($0.year) }.sorted()
        guard !drops.isEmpty else { return nil }
        let used = Set(drops.map(\.year))
        return made.comparisons(years: used.sorted(), count: count) {
            let lines = census.filter { used.contains($0.year) }
            guard !lines.isEmpty else { return nil }
            let comparisons = SimilarComparisons(
                census: lines, contexts: contexts.filter { used.contains($0.year) }, academies: academies,
                outcomes: drops.compactMap { outcomes[$0] }, count: count)
            return comparisons.isEmpty ? nil : comparisons
        }
    }

    /// The dashboard's loader of each drop's comparisons.
    func loader(academies: [Academy], count: Int) -> SimilarSchoolsLoader {
        SimilarSchoolsLoader(
            comparisons: { drop in comparisons(for: drop, academies: academies, count: count) },
            names: { urns in names.filter { urns.contains($0.key) } })
    }
}

/// The sample's comparisons already made, by the years they use and the group size; the
/// dashboard asks from more than one thread, so the cache is behind a lock.
private final class MadeComparisons: @unchecked Sendable {
    private struct Key: Hashable {
        var years: [AcademicYear]
        var count: Int
    }

    private let lock = NSLock()
    private var made: [Key: SimilarComparisons?] = [:]

    /// The comparisons of `years`, made by `make` the first time they are asked for.
    func comparisons(years: [AcademicYear], count: Int, make: () -> SimilarComparisons?)
        -> SimilarComparisons?
    {
        let key = Key(years: years, count: count)
        lock.lock()
        defer { lock.unlock() }
        if let known = made[key] { return known }
        let comparisons = make()
        made[key] = comparisons
        return comparisons
    }
}

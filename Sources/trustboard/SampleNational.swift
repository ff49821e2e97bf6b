import Dashboard
import Dispatch
import Foundation
import Metrics

/// The bundled sample trust's fictional England (`sample-data/fictional-national/`): every
/// fictional school's census line, published figures and name, so that the sample
/// academies have similar schools without a store. None of it is DfE data.
///
/// The files are read once (`SampleNationalFiles`): start-up starts reading them while it
/// reads the trust's own files, as the overview's first frame needs them.
final class SampleNational: @unchecked Sendable {
    private struct Key: Hashable {
        var years: [AcademicYear]
        var count: Int
    }

    /// The files.
    private let source: SampleNationalFiles
    /// The trust's own `context` lines, for an academy the census lacks.
    private let contexts: [SchoolContext]
    // The dashboard asks from more than one thread, so what is made is behind a lock.
    private let lock = NSLock()
    /// The comparisons made so far: the nine drops use three sets of years.
    private var made: [Key: SimilarComparisons?] = [:]

    /// The fictional England of `files`, with the trust's own `contexts` lines.
    init(files: SampleNationalFiles, contexts: [SchoolContext]) {
        source = files
        self.contexts = contexts
    }

    /// The files' contents, read once.
    func files() throws -> SampleNationalFiles.Contents {
        try source.contents()
    }

    /// The comparisons of `drop`'s figures, chosen as the store chooses them
    /// (`TrustStore.similarComparisons`): the groups of each year `drop` may be compared
    /// with that has school-level figures. Nil when there is no such year.
    func comparisons(for drop: DataDrop, academies: [Academy], count: Int) throws -> SimilarComparisons? {
        lock.lock()
        defer { lock.unlock() }
        let files = try source.contents()
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

    /// Starts making the comparisons of `drops`, in turn, on another thread, and returns
    /// at once. The first frame of the latest drop asks for its own and those of the same
    /// term a year before (its previous values); made here, they are made on the core left
    /// idle while the frame is laid out, not after. A frame that asks meanwhile waits for
    /// the one being made rather than make it twice.
    func startComparing(_ drops: [DataDrop], academies: [Academy], count: Int) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            for drop in drops { _ = try? comparisons(for: drop, academies: academies, count: count) }
        }
    }

    /// The dashboard's loader of each drop's comparisons. The bundled files are checked by
    /// the tests, so one that fails to read here only leaves the sample without them.
    func loader(academies: [Academy], count: Int) -> SimilarSchoolsLoader {
        SimilarSchoolsLoader(
            comparisons: { [self] drop in try? comparisons(for: drop, academies: academies, count: count) },
            names: { [self] urns in ((try? source.contents())?.names ?? [:]).filter { urns.contains($0.key) }
            })
    }
}

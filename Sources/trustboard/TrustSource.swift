import Dashboard
import Foundation
import Metrics
import SampleTrust
import TrustStore

/// The trust a command works on: the user's store, or the bundled sample trust while no
/// store exists.
struct TrustSource {
    /// The trust's records.
    let data: TrustData
    /// The rating settings.
    let config: RatingConfig
    /// The open store, or nil for the sample trust.
    let store: TrustStore?
    /// Loads each drop's similar-schools comparisons; nil without a stored school census.
    let similar: SimilarSchoolsLoader?
    /// The sample trust's fictional England, for its similar schools; nil for a store.
    var national: SampleNational? = nil
    /// Every drop of the store when `data` holds only some of them
    /// (`open(_:firstFrameOf:quiet:)`); nil when it holds them all.
    var storeDrops: [DataDrop]? = nil
    /// The drops of which `data` holds only the attendance and published records, for the
    /// overview's trend (`TrustView.trendOnlyDrops`); empty when it holds whole drops.
    var trendOnlyDrops: Set<DataDrop> = []
    /// True when `data` holds of the drops it rates only the records of the overview's
    /// figures (`TrustView.holdsOverviewFiguresOnly`).
    var holdsOverviewFiguresOnly = false
    /// The drop whose header count of figures turned red the live dashboard counts from
    /// whole drops just after the first frame (`turnedRedCount(of:among:store:config:)`),
    /// when `data` holds only the overview's figures of the drops that frame rates
    /// (`open(_:overviewOf:among:countingAhead:)`); nil otherwise.
    var countsAheadOf: DataDrop?

    /// True when showing the bundled sample trust.
    var isSample: Bool { store == nil }

    /// The dashboard's view of this trust.
    var view: TrustView {
        let view = TrustView(
            data: data, config: config, trustName: trustName, isSample: isSample, similar: similar,
            partOf: storeDrops, trendOnly: trendOnlyDrops)
        view.holdsOverviewFiguresOnly = holdsOverviewFiguresOnly
        return view
    }

    /// The loader of the similar-schools comparisons `report` writes, for the dashboard:
    /// nil when `store` holds no school census, so a store without one is shown as before.
    /// A store that fails to read while loading throws to the view, which shows the drop
    /// without comparisons and says why (`TrustView.similarFailure`).
    static func similarLoader(store: TrustStore, academies: [Academy], config: RatingConfig) throws
        -> SimilarSchoolsLoader?
    {
        guard try store.hasCensus() else { return nil }
        let count = config.similarCount
        return SimilarSchoolsLoader(
            comparisons: { drop in
                try store.similarComparisons(for: drop, academies: academies, count: count)
            },
            names: { urns in try store.schoolNames(of: urns) })
    }

    /// `similarLoader(store:academies:config:)` for a store read again while the dashboard
    /// runs: where asking whether it holds a census fails, a loader whose every look-up
    /// gives that error, so the view says why similar schools are not shown rather than
    /// leave them out in silence.
    static func similarLoaderReportingFailure(store: TrustStore, academies: [Academy], config: RatingConfig)
        -> SimilarSchoolsLoader?
    {
        do {
            return try similarLoader(store: store, academies: academies, config: config)
        } catch {
            return SimilarSchoolsLoader(comparisons: { _ in throw error }, names: { _ in throw error })
        }
    }

    /// The trust's name for headers.
    var trustName: String { config.trustName ?? data.trustName ?? "Trust" }

    /// Opens the store named by `options`, or the sample trust when it does not exist;
    /// `drops` limits the records loaded (nil loads all), and `attendanceOf` names more
    /// drops of which only the attendance and published records are loaded.
    static func open(
        _ options: StoreOptions, drops: Set<DataDrop>? = nil, attendanceOf: Set<DataDrop> = [],
        previousValuesOf: ((RatingConfig) -> [DataDrop: Set<KPI>])? = nil, quiet: Bool = false
    ) throws
        -> TrustSource
    {
        let path = options.storePath
        if TrustStore.exists(at: path) {
            // Read-only: never waits for an ingest, and works where the store cannot be written.
            let store = try TrustStore(readingAt: path)
            let config = try loadConfig(options, fallback: nil)
            let data =
                if let drops, let previousValuesOf {
                    try store.load(
                        drops: drops,
                        partly: previousValuesOf(config).mapValues(RecordItems.init(figuresOf:)),
                        attendanceOf: attendanceOf)
                } else {
                    try store.load(drops: drops, attendanceOf: attendanceOf)
                }
            try check(config, against: data)
            let similar = try similarLoader(store: store, academies: data.academies, config: config)
            return TrustSource(data: data, config: config, store: store, similar: similar)
        }
        if !quiet {
            warn(
                "no store at \(path) yet, so this is the bundled sample trust; `trustboard ingest FOLDER` makes yours"
            )
        }
        let files = SampleTrust.files
        guard !files.isEmpty else {
            throw CommandFailure(
                "no store at \(path), and the bundled sample trust is missing from beside the binary; "
                    + "run `trustboard ingest FOLDER` to make a store")
        }
        // The fictional England is read meanwhile, on the other core; a file name without
        // its year is reported where it was before, after the trust's own files.
        let nationalFiles = Result { try SampleNationalFiles.of(paths: SampleTrust.nationalFiles) }
        (try? nationalFiles.get())??.startReading()
        // The sample is never stored, so the files' SHA-256s would go unused: hashing them
        // took a thread a file, on the core reading the fictional England.
        var reader = DropReader()
        reader.hashesFiles = false
        let batch = reader.read(paths: files)
        guard batch.isValid else {
            throw CommandFailure(
                "the bundled sample trust does not read cleanly:\n"
                    + batch.errors.map(\.description).joined(separator: "\n"))
        }
        let data = TrustData(
            academies: batch.academies.map(\.record), attendance: batch.attendance.map(\.record),
            attainment: batch.attainment.map(\.record), scores: batch.scores.map(\.record),
            benchmarks: BuiltInBenchmarks.overridden(by: batch.benchmarks.map(\.record)),
            inclusion: batch.inclusion.map(\.record))
        let config = try loadConfig(options, fallback: SampleTrust.config)
        try check(config, against: data)
        let national = try nationalFiles.get().map {
            SampleNational(files: $0, contexts: batch.context.map(\.record))
        }
        if let national, let latest = data.drops.last {
            national.startComparing(
                [latest, latest.sameTermLastYear], academies: data.academies, count: config.similarCount)
        }
        return TrustSource(
            data: data, config: config, store: nil,
            similar: national?.loader(academies: data.academies, count: config.similarCount),
            national: national)
    }

    /// Opens the store named by `options` with only the drops the dashboard's first frame
    /// of the drop named `dropText` (nil for the latest) needs
    /// (`TrustView.firstFrameDrops`), or the sample trust when there is no store: a store
    /// of many drops opens on a few, and of those it shows only the trend of
    /// (`TrustView.trendOnlyDrops`) reads only what the trend shows, and a drop with
    /// nothing to compare it with is read only as far as the overview's figures go
    /// (`open(_:overviewOf:among:countingAhead:)`). With every drop needed, this is `open(_:)`.
    ///
    /// With `countsLater` (the live dashboard, which counts the header's figures turned
    /// red in the background and reads the whole store after the first frame), the drops
    /// the frame rates are read only as far as the overview's figures go too
    /// (`open(_:overviewOf:among:countingAhead:)`): the count is then counted from those drops read
    /// whole just after the frame (`countsAheadOf`), before the whole store is read.
    /// `snapshot` waits for the count, so it reads whole the drop and the one the header
    /// compares it with, and of the same term last year of each the records of the KPIs
    /// it asks previous values of (`TrustView.previousValueKPIs`).
    ///
    /// The live dashboard reads the whole store just after its first frame, and holds the
    /// part beside the whole meanwhile: with rows that keep only what the overview draws
    /// (`OverviewCell`), a national store's part no longer takes its peak past the whole's
    /// by much (it took it from 250 to 420 MB while each row kept its rated figures).
    static func open(
        _ options: StoreOptions, firstFrameOf dropText: String?, countsLater: Bool = false,
        quiet: Bool = false
    ) throws
        -> TrustSource
    {
        let path = options.storePath
        guard TrustStore.exists(at: path) else { return try open(options, quiet: quiet) }
        let all = try TrustStore(readingAt: path).storedDrops()
        guard !all.isEmpty else { return try open(options, quiet: quiet) }
        let drop = try drop(named: dropText, among: all)
        if TrustView.firstFrameRatesOverviewFiguresOnly(showing: drop, among: all),
            let source = try open(options, overviewOf: drop, among: all, countingAhead: false)
        {
            return source
        }
        if countsLater, let source = try open(options, overviewOf: drop, among: all, countingAhead: true) {
            return source
        }
        let needed = TrustView.firstFrameDrops(showing: drop, among: all)
        let trendOnly = TrustView.trendOnlyDrops(showing: drop, among: all)
        // A store of no more drops than the frame reads (four years or fewer) is still read
        // without the attainment, scores and inclusion of the drops only the trend shows,
        // for `snapshot`: read whole, a national store of twelve drops took twice as long
        // as one of thirty. The live dashboard reads such a store whole at once, as it
        // would read it whole again after the frame.
        guard needed.count < all.count || (!countsLater && !trendOnly.isEmpty) else {
            return try open(options, quiet: quiet)
        }
        // `snapshot` reads the same term last year of the drop and of the one the header
        // compares it with for the previous values it asks of them alone
        // (`TrustView.previousValueKPIs`). The live dashboard reads them whole: they are
        // drops it holds as loaded, and it compares what it holds with the whole store's.
        let lastYears = countsLater ? [] : TrustView.previousValueDrops(showing: drop, among: all)
        var source = try open(
            options, drops: needed.subtracting(trendOnly).subtracting(lastYears), attendanceOf: trendOnly,
            previousValuesOf: countsLater
                ? nil : { config in TrustView.previousValueKPIs(showing: drop, among: all, config: config) },
            quiet: quiet)
        source.storeDrops = all
        source.trendOnlyDrops = trendOnly
        return source
    }

    /// The store named by `options` (which exists, and holds `all`), opened with only the
    /// records of the overview's figures (`TrustView.overviewKPIs`) of each drop the first
    /// frame of `drop` rates (`TrustView.overviewRatedDrops`: the drop and the same term
    /// last year), and what the overview's trend shows of the other drops it draws: a view
    /// that draws the overview alone, while the live dashboard reads the whole store
    /// (`TrustView.draws`). A national store's drop is nine subjects of attainment, of
    /// which the overview shows two.
    ///
    /// - A drop with nothing to compare it with (`TrustView.firstFrameRatesOverviewFiguresOnly`)
    ///   has no same term last year either: it is the only drop rated.
    /// - With `countingAhead` (the live dashboard on a drop with drops to compare it with),
    ///   the frame rates the drop and the same term last year. Those figures are protected
    ///   from their own KPI's figures alone (`SmallGroupProtection` partitions one KPI's
    ///   figures), and a previous value, change or like-for-like trust figure is of the
    ///   same KPI, so the overview's rows are as whole drops give them; but the header's
    ///   count of figures turned red rates every figure of the drop and of the drop the
    ///   header compares it with (`TrustView.holdsOverviewFiguresOnly`), so it is counted
    ///   from the drops it needs read whole just after the frame (`countsAheadOf`), before
    ///   the whole store. Until then the frame shows the compared drop, and the same term a
    ///   year before it, only in the trend: reading their overview's figures as well took
    ///   nearly half of a ten-year store's live first frame.
    ///   A drop of fewer academies than the live dashboard counts in the background
    ///   (`TrustView.backgroundCountThreshold`) gives nil: a trust's first frame shows its
    ///   count at once, as before.
    ///
    /// Nil too when the records left out could change what the frame says of a drop
    /// (`TrustStore.load(drops:only:attendanceOf:)`). The caller then reads whole drops.
    private static func open(
        _ options: StoreOptions, overviewOf drop: DataDrop, among all: [DataDrop], countingAhead: Bool
    ) throws -> TrustSource? {
        let store = try TrustStore(readingAt: options.storePath)
        let config = try loadConfig(options, fallback: nil)
        let rated = TrustView.overviewRatedDrops(showing: drop, among: all)
        let trendOnly = TrustView.firstFrameDrops(showing: drop, among: all).subtracting(rated)
        let items = RecordItems(figuresOf: TrustView.overviewKPIs(config))
        guard let data = try store.load(drops: rated, only: items, attendanceOf: trendOnly) else {
            return nil
        }
        if countingAhead, academiesWithRecords(in: drop, of: data) < TrustView.backgroundCountThreshold {
            return nil
        }
        try check(config, against: data)
        let similar = try similarLoader(store: store, academies: data.academies, config: config)
        var source = TrustSource(data: data, config: config, store: store, similar: similar)
        source.storeDrops = all
        source.trendOnlyDrops = trendOnly
        source.holdsOverviewFiguresOnly = true
        if countingAhead { source.countsAheadOf = drop }
        return source
    }

    /// The header's count of figures turned red in `drop` (among `all`, the store's drops)
    /// exactly as the first frame of a view of whole drops counts it, from the drops that
    /// frame rates (`TrustView.ratedFirstFrameDrops`) and no others: the count rates
    /// `drop` and the drop the header compares it with, each from its own records and
    /// those of the same term a year before (`DropRater`: its protection and its previous
    /// values), of which it asks only the KPIs rated on their change; so the trend's drops,
    /// a third of what `snapshot` reads for its first frame, are left out, and of last
    /// year's drops all but those KPIs' records. For the live dashboard opened on the overview's figures
    /// alone, which counts here in the background before it reads the whole store; the
    /// records go again once counted. Nil when the store cannot be read: the count then
    /// comes with the whole store.
    static func turnedRedCount(
        of drop: DataDrop, among all: [DataDrop], store: TrustStore, config: RatingConfig
    )
        -> TurnedRedCount?
    {
        let rated = TrustView.ratedFirstFrameDrops(showing: drop, among: all).intersection(all)
        // The same term last year of each drop rated is asked only for the KPIs rated on
        // their change (`TrustView.changeRatedKPIs`): a count rates, and shows no previous value.
        let lastYears = TrustView.previousValueDrops(showing: drop, among: all)
        let onChange = RecordItems(figuresOf: TrustView.changeRatedKPIs(config))
        guard
            let data = try? store.load(
                drops: rated.subtracting(lastYears),
                partly: Dictionary(uniqueKeysWithValues: lastYears.map { ($0, onChange) }))
        else { return nil }
        let similar = similarLoaderReportingFailure(store: store, academies: data.academies, config: config)
        let view = TrustView(
            data: data, config: config, trustName: config.trustName ?? data.trustName ?? "Trust",
            isSample: false, similar: similar, partOf: all)
        return view.turnedRedCount(drop)
    }

    /// How many academies have any record of `drop` in `data`, as a view counts them
    /// (`DropRater.academiesWithData`).
    private static func academiesWithRecords(in drop: DataDrop, of data: TrustData) -> Int {
        var urns = Set<URN>()
        func add<Record: DropRecord>(_ records: [Record]) {
            for record in records where record.drop == drop { urns.insert(record.urn) }
        }
        add(data.attendance)
        add(data.attainment)
        add(data.scores)
        add(data.published)
        add(data.inclusion)
        return urns.count
    }

    /// The similar-schools comparisons of `drop`'s figures: from the store, or from the
    /// sample trust's fictional England; nil when there are none.
    func similarComparisons(for drop: DataDrop) throws -> SimilarComparisons? {
        if let store {
            return try store.similarComparisons(
                for: drop, academies: data.academies, count: config.similarCount)
        }
        return try national?.comparisons(for: drop, academies: data.academies, count: config.similarCount)
    }

    /// Fails on settings that cannot rate this trust (a `benchmark_scope` with no
    /// benchmarks), and warns about any that can never apply (targets for another URN).
    private static func check(_ config: RatingConfig, against data: TrustData) throws {
        do {
            for warning in try config.check(against: data) { warn(warning.description) }
        } catch {
            throw CommandFailure(error.description)
        }
    }

    private static func loadConfig(_ options: StoreOptions, fallback: String?) throws -> RatingConfig {
        guard let path = options.configPath ?? fallback else { return RatingConfig() }
        do {
            return try RatingConfig.load(path: path)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The drop a user named, or the latest; throws a clear error for a drop that is not there.
    func drop(named text: String?) throws -> DataDrop {
        try Self.drop(named: text, among: storeDrops ?? data.drops)
    }

    /// The drops a command about one drop needs loaded: that drop (the latest when `text`
    /// is nil) and the same term last year, which its previous values and their
    /// protection come from. Nil loads every drop: for the sample trust, which is small,
    /// and so that a drop not in the store fails as `drop(named:)` says.
    static func dropsForOneDrop(_ options: StoreOptions, named text: String?) throws -> Set<DataDrop>? {
        let path = options.storePath
        guard TrustStore.exists(at: path) else { return nil }
        // Only the drops' keys are read here, one look-up a drop, not their rows.
        let stored = try TrustStore(readingAt: path).storedDrops()
        let drop = try drop(named: text, among: stored)
        return [drop, drop.sameTermLastYear]
    }

    /// The drop a user named among `drops`, or the latest; throws a clear error for a drop
    /// that is not there.
    static func drop(named text: String?, among drops: [DataDrop]) throws -> DataDrop {
        guard let text else {
            guard let latest = drops.last else {
                throw CommandFailure("the store holds no drops yet; ingest some first")
            }
            return latest
        }
        guard let drop = DataDrop(parsing: text) else {
            throw CommandFailure(
                "'\(text)' is not a drop; write it as 2024/25-spring (or 2024-25-spring, \"2024/25 spring\")")
        }
        guard drops.contains(drop) else {
            let known = drops.map(\.key).joined(separator: ", ")
            throw CommandFailure("there is no \(drop) drop; the drops are: \(known.isEmpty ? "none" : known)")
        }
        return drop
    }
}

/// A failure to report to the user as one clear line, with a non-zero exit.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

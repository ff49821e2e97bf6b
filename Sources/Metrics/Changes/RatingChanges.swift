import Dispatch

/// What changed in one drop: every academy (and trust) figure whose rating moved since
/// the previous drop or since the same drop last year, worst news first.
///
/// Each side is rated in its own drop, against that drop's benchmark and the current
/// rating settings, so a change is exactly what a user would see stepping between the
/// two drops. The list is in `RatingChange.Band` order (turned red, red and worse, now
/// amber, improved); within a band the changes larger than chance makes likely come first
/// (`ChangeSignificance`), then those not tested, then those that could be chance; then
/// the biggest move (the worst move in the three bad bands, the biggest gain among
/// improvements), then academy name, URN, KPI, pupil group, year group and comparison,
/// so the order never depends on hashing.
public struct RatingChanges: Sendable {
    /// The drop selected.
    public let drop: DataDrop
    /// The trust's name, for the trust's lines and the report title.
    public let trustName: String
    /// The one academy listed, with its name, or nil for every academy and the trust.
    public let academy: (urn: URN, name: String)?
    /// Every change, in listing order.
    public let changes: [RatingChange]
    /// The earlier drops that have data and were compared with (previous drop within the
    /// school year, same term last year).
    public private(set) var comparedDrops: [DataDrop] = []
    /// Of `drop` and `comparedDrops`, those with at least one figure of the owners listed
    /// rated green, amber or red. A change needs a rating on both sides, so where `drop`
    /// or an earlier drop has none (a pandemic year, or a drop with no national figure or
    /// target to rate against) no rating could change, and `emptyMessage` says so rather
    /// than that no rating changed, which would read as good news.
    public private(set) var ratedDrops: Set<DataDrop> = []
    /// Of `drop` and `comparedDrops`, those with any figure of the owners listed, rated or
    /// not: for one academy (`academy`), the drops it has data in.
    public private(set) var dropsWithFigures: Set<DataDrop> = []

    /// The drop just before `drop`.
    public var previousDrop: DataDrop { drop.previous }
    /// The same term a year before `drop`.
    public var lastYearDrop: DataDrop { drop.sameTermLastYear }

    /// The changes of `rater`'s drop, rating the two earlier drops with the same records
    /// and settings; only `academy`'s when given (`report --changes --academy URN`), else
    /// every academy's and the trust's. Academies are compared one at a time with
    /// `DropRater.rated(_:)`, on every core, so a national-scale trust never holds every
    /// rated figure at once.
    public init(_ rater: DropRater, trustName: String, academy: URN? = nil) {
        let drop = rater.drop
        let withData = Set(rater.calculator.data.drops)
        let earlier = RatingChange.Comparison.allCases.filter { $0.isLikeForLike(for: drop) }.compactMap {
            comparison -> DropRater? in
            let earlierDrop = comparison.earlierDrop(than: drop)
            // A drop with no data has no figure to compare with: not rated at all.
            guard withData.contains(earlierDrop) else { return nil }
            return DropRater(
                calculator: rater.calculator, drop: earlierDrop, config: rater.rater.config,
                similar: rater.similar)
        }
        self.init(rater, comparedWith: earlier, trustName: trustName, academy: academy)
    }

    /// The changes of `rater`'s drop against `earlier`, the raters of the drop before it and
    /// of the same term last year (either left out when it has no data), each with its own
    /// similar schools: what the dashboard counts, which rates each drop against that
    /// drop's similar schools. Only `academy`'s when given. A rater of another drop is not
    /// compared.
    public init(_ rater: DropRater, comparedWith earlier: [DropRater], trustName: String, academy: URN? = nil)
    {
        let drop = rater.drop
        let earlier = RatingChange.Comparison.allCases.filter { $0.isLikeForLike(for: drop) }.compactMap {
            comparison in
            earlier.first { $0.drop == comparison.earlierDrop(than: drop) }.map { (comparison, $0) }
        }
        let names = Dictionary(
            rater.calculator.data.academies.map { ($0.urn, $0.name) }, uniquingKeysWith: { first, _ in first }
        )
        // With nothing to compare with, no figure needs rating.
        let owners: [URN?] =
            earlier.isEmpty
            ? []
            : academy.map { urn in rater.academiesWithData.contains(urn) ? [urn] : [] }
                ?? rater.academiesWithData + [nil]
        // The trust's figures are rated from every academy's: each drop's are the longest
        // pieces of work, so they are rated first, each as work of its own, and the
        // academies' batches fill the other cores meanwhile. Rated last, in one batch, they
        // kept one core busy alone after every academy was done.
        let trustRaters = owners.contains(nil) ? [rater] + earlier.map(\.1) : []
        var trustRated = [[RatedFigure]](repeating: [], count: trustRaters.count)
        // Each batch writes only its own slot, so the batches run on every core without
        // a lock; a batch of 32 academies keeps the hand-off cost small.
        let academies = owners.compactMap { $0 }
        let batchSize = 32
        let batches = stride(from: 0, to: academies.count, by: batchSize).map {
            Array(academies[$0..<min($0 + batchSize, academies.count)])
        }
        var found = [(changes: [RatingChange], figures: FiguredDrops)](
            repeating: ([], FiguredDrops()), count: batches.count + 1)
        found.withUnsafeMutableBufferPointer { slots in
            trustRated.withUnsafeMutableBufferPointer { trustSlots in
                nonisolated(unsafe) let slots = slots
                nonisolated(unsafe) let trustSlots = trustSlots
                DispatchQueue.concurrentPerform(iterations: trustRaters.count + batches.count) { index in
                    guard index >= trustRaters.count else {
                        trustSlots[index] = trustRaters[index].ratedTrust()
                        return
                    }
                    var part: [RatingChange] = []
                    var figured = FiguredDrops()
                    for urn in batches[index - trustRaters.count] {
                        let now = rater.rated(urn)
                        guard !now.isEmpty else { continue }
                        let older = earlier.map { ($0.0, older: $0.1.rated(urn)) }
                        figured.note([(drop, now)] + zip(earlier, older).map { ($0.1.drop, $1.older) })
                        part += Self.changes(now: now, earlier: older, name: names[urn] ?? urn.description)
                    }
                    slots[index - trustRaters.count] = (part, figured)
                }
            }
        }
        // The trust's changes after every academy's, as when it was the last owner.
        if let now = trustRated.first {
            found[batches.count] = (
                Self.changes(
                    now: now, earlier: zip(earlier, trustRated.dropFirst()).map { ($0.0.0, older: $0.1) },
                    name: trustName),
                FiguredDrops(zip(trustRaters.map(\.drop), trustRated).map { ($0, $1) })
            )
        }
        self.init(
            drop: drop, trustName: trustName, unsorted: found.flatMap(\.changes),
            academy: academy.map { ($0, names[$0] ?? $0.description) })
        let withData = Set(rater.calculator.data.drops)
        comparedDrops = earlier.map { $0.1.drop }.filter(withData.contains)
        let figured = found.reduce(into: FiguredDrops()) { $0.add($1.figures) }
        ratedDrops = figured.rated
        dropsWithFigures = figured.withFigures
    }

    /// The changes of one owner's figures `now` against its figures in each earlier drop.
    private static func changes(
        now: [RatedFigure], earlier: [(RatingChange.Comparison, older: [RatedFigure])], name: String
    ) -> [RatingChange] {
        guard !now.isEmpty else { return [] }
        var found: [RatingChange] = []
        for (comparison, older) in earlier {
            let before = bySmallKey(older)
            guard !before.isEmpty else { continue }
            for figure in now {
                guard let old = before[FigureCalculator.smallKey(figure.figure)],
                    let change = RatingChange(old: old, new: figure, comparedWith: comparison, name: name)
                else { continue }
                found.append(change)
            }
        }
        return found
    }

    /// The changes of `current`'s drop against `previous` (the drop before) and
    /// `lastYear` (the same drop a year earlier), all already rated: what the dashboard
    /// uses, since it keeps every drop rated.
    public init(current: RatedDrop, previous: RatedDrop, lastYear: RatedDrop, trustName: String) {
        let names = Dictionary(
            current.academies.map { ($0.urn, $0.name) }, uniquingKeysWith: { first, _ in first })
        var found: [RatingChange] = []
        var compared: [DataDrop] = []
        var figured = FiguredDrops([(current.drop, Array(current.figures.values))])
        for (comparison, older) in [(RatingChange.Comparison.previousDrop, previous), (.lastYear, lastYear)] {
            guard !older.figures.isEmpty, comparison.isLikeForLike(for: current.drop) else { continue }
            compared.append(older.drop)
            figured.note([(older.drop, Array(older.figures.values))])
            for (key, figure) in current.figures {
                guard let old = older.figures[key] else { continue }
                let name = key.owner.urn.map { names[$0] ?? $0.description } ?? trustName
                if let change = RatingChange(old: old, new: figure, comparedWith: comparison, name: name) {
                    found.append(change)
                }
            }
        }
        self.init(drop: current.drop, trustName: trustName, unsorted: found)
        comparedDrops = compared
        ratedDrops = figured.rated
        dropsWithFigures = figured.withFigures
    }

    /// The changes of `drop` in `data`, rated with `config`; the trust is named
    /// `trustName`, else the data's name, else "Trust".
    public init(data: TrustData, drop: DataDrop, config: RatingConfig, trustName: String? = nil) {
        self.init(
            DropRater(data: data, drop: drop, config: config),
            trustName: trustName ?? data.trustName ?? config.trustName ?? "Trust")
    }

    private init(
        drop: DataDrop, trustName: String, unsorted: [RatingChange], academy: (urn: URN, name: String)? = nil
    ) {
        self.drop = drop
        self.trustName = trustName
        self.academy = academy
        changes = Self.markingMirrors(unsorted).sorted(by: Self.listsBefore)
    }

    /// `changes` with each `absence_rate` change that has an `attendance_rate` change of
    /// the same owner, pupil group, year group, comparison and band marked
    /// `mirrorsAttendance`: absence is 100 − attendance, so it repeats that line.
    private static func markingMirrors(_ changes: [RatingChange]) -> [RatingChange] {
        struct Key: Hashable {
            let owner: Figure.Owner
            let group: PupilGroup
            let yearGroup: YearGroup
            let comparison: RatingChange.Comparison
            let band: RatingChange.Band
        }
        func key(_ change: RatingChange) -> Key {
            Key(
                owner: change.owner, group: change.group, yearGroup: change.yearGroup,
                comparison: change.comparedWith, band: change.band)
        }
        let attendance = Set(changes.filter { $0.kpi == .attendanceRate }.map(key))
        guard !attendance.isEmpty else { return changes }
        return changes.map { change in
            guard change.kpi == .absenceRate, attendance.contains(key(change)) else { return change }
            var mirror = change
            mirror.mirrorsAttendance = true
            return mirror
        }
    }

    /// The changes in `band`, in listing order.
    public func changes(in band: RatingChange.Band) -> [RatingChange] {
        changes.filter { $0.band == band }
    }

    /// How many changes are in `band` against `comparison`, each attendance figure counted
    /// once: an `absence_rate` change that mirrors an `attendance_rate` one
    /// (`RatingChange.mirrorsAttendance`) is not counted.
    public func count(_ band: RatingChange.Band, comparedWith comparison: RatingChange.Comparison) -> Int {
        changes.reduce(0) {
            $0 + ($1.band == band && $1.comparedWith == comparison && !$1.mirrorsAttendance ? 1 : 0)
        }
    }

    /// How many figures turned red since the previous drop, counting every academy and
    /// trust figure of every pupil group and year group: the number of "Turned red" lines
    /// against the previous drop, less the absence lines that mirror attendance ones. In
    /// an autumn drop, where the previous drop is of another academic year and is not
    /// compared, it is 0.
    public var turnedRedSincePreviousDrop: Int { count(.turnedRed, comparedWith: .previousDrop) }

    /// The comparison the overview's header counts and the changes page opens on: the
    /// previous drop within the year when it has data, else the same term last year (in
    /// autumn, or when the term before was never ingested).
    public var headerComparison: RatingChange.Comparison {
        .header(for: drop, hasData: comparedDrops.contains)
    }

    /// How many figures turned red against `headerComparison`, for the overview's header.
    public var turnedRedForHeader: Int { count(.turnedRed, comparedWith: headerComparison) }

    /// How many figures of `current` were green or amber in `previous` and are red now,
    /// with neither side suppressed: `turnedRedSincePreviousDrop` without building the
    /// list, for a header drawn every frame.
    public static func turnedRedCount(current: RatedDrop, previous: RatedDrop) -> Int {
        guard !previous.figures.isEmpty else { return 0 }
        var count = 0
        for (key, figure) in current.figures where figure.rating == .red {
            guard let old = previous.figures[key], old.rating == .green || old.rating == .amber else {
                continue
            }
            if !old.figure.isSuppressed, !figure.figure.isSuppressed { count += 1 }
        }
        return count
    }

    /// Listing order: band; within it the changes beyond chance first, then those not
    /// tested, then those that could be chance (`ChangeSignificance.Verdict` order); then
    /// the biggest move of the band's kind first; then name, owner, KPI, group, year group
    /// and comparison.
    static func listsBefore(_ lhs: RatingChange, _ rhs: RatingChange) -> Bool {
        if lhs.band != rhs.band { return lhs.band < rhs.band }
        if lhs.significance.verdict != rhs.significance.verdict {
            return lhs.significance.verdict < rhs.significance.verdict
        }
        if lhs.worsening != rhs.worsening {
            return lhs.band == .improved ? lhs.worsening < rhs.worsening : lhs.worsening > rhs.worsening
        }
        if lhs.name != rhs.name { return lhs.name < rhs.name }
        if lhs.owner != rhs.owner { return lhs.owner < rhs.owner }
        if lhs.kpi != rhs.kpi { return lhs.kpi < rhs.kpi }
        if lhs.group != rhs.group { return lhs.group < rhs.group }
        if lhs.yearGroup != rhs.yearGroup { return lhs.yearGroup < rhs.yearGroup }
        return lhs.comparedWith < rhs.comparedWith
    }

    private static func bySmallKey(_ figures: [RatedFigure]) -> [Int: RatedFigure] {
        Dictionary(
            figures.map { (FigureCalculator.smallKey($0.figure), $0) },
            uniquingKeysWith: { first, _ in first })
    }
}

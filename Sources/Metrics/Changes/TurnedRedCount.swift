import Dispatch

/// How many figures turned red in one drop since the one earlier drop the overview's
/// header names: `RatingChanges.turnedRedForHeader`, counted without making the list.
///
/// The list rates every figure of three drops (this one, the drop before it and the same
/// term last year) to find every kind of change against both. The header needs one
/// number: the figures red now that were green or amber in the header's comparison drop
/// (`headerComparison(for:withData:)`), neither side suppressed, each attendance figure
/// once. So this rates every figure of this drop that can be red (`keysThatCanBeRed`),
/// and of the earlier drop only the figures that are red now (`DropRater.rated(_:keys:)` and `ratedTrust(keys:)`, each rated exactly
/// as among every figure); the other earlier drop is not rated at all. Only ratings are
/// wanted, so the same term last year of each drop is read only for the figures whose
/// rating needs it (`ratingsOnly`), those rated on their change. Whether a pair of
/// figures turned red is decided by `RatingChange` itself, as for the list, so the two
/// counts are equal by construction.
///
/// The count is kept by academy, so that the header's count with a filter or a search
/// (the academies shown, and the trust) needs no list either.
public struct TurnedRedCount: Sendable {
    /// The drop counted.
    public let drop: DataDrop
    /// The earlier drop compared with: the header's comparison.
    public let comparison: RatingChange.Comparison
    /// How many of the trust's own figures turned red.
    public let trust: Int
    /// How many figures of each academy turned red, for the academies with any.
    public let academies: [URN: Int]

    /// Every figure turned red: the academies' and the trust's.
    public var total: Int { academies.values.reduce(trust, +) }

    /// The figures turned red of the academies in `shown` (all of them when nil) and of
    /// the trust: the overview header's count with its filters.
    public func count(among shown: Set<URN>?) -> Int {
        guard let shown else { return total }
        return academies.reduce(trust) { $0 + (shown.contains($1.key) ? $1.value : 0) }
    }

    /// The comparison the header counts for `drop` when the drops in `withData` have data,
    /// as `RatingChanges.headerComparison` chooses it: the drop before within the school
    /// year when it has data, else the same term last year.
    public static func headerComparison(for drop: DataDrop, withData: Set<DataDrop>)
        -> RatingChange.Comparison
    {
        .header(for: drop, hasData: withData.contains)
    }

    /// The figures of `rater`'s drop that turned red since `comparison`'s earlier drop,
    /// rated by `earlier` (nil when that drop has no data: nothing is counted). A rater of
    /// another drop counts nothing either.
    public init(_ rater: DropRater, comparedWith earlier: DropRater?, as comparison: RatingChange.Comparison)
    {
        drop = rater.drop
        self.comparison = comparison
        guard let earlier, earlier.drop == comparison.earlierDrop(than: rater.drop) else {
            trust = 0
            academies = [:]
            return
        }
        let urns = rater.academiesWithData
        // Only the figures that can be red are rated (`keysThatCanBeRed`), each exactly as
        // among every figure.
        let keys = Self.keysThatCanBeRed(rater.rater.config)
        // The trust's figures are the longest piece of work (every academy's figures are
        // summed), so they are counted as a task of their own, first, while the academies'
        // batches fill the other cores; a batch of 32 keeps the hand-off cost small.
        let batchSize = 32
        let batches = (urns.count + batchSize - 1) / batchSize
        var counts = [Int](repeating: 0, count: urns.count)
        var trustCount = 0
        counts.withUnsafeMutableBufferPointer { slots in
            withUnsafeMutablePointer(to: &trustCount) { trustSlot in
                nonisolated(unsafe) let slots = slots
                nonisolated(unsafe) let trustSlot = trustSlot
                DispatchQueue.concurrentPerform(iterations: batches + 1) { index in
                    guard index > 0 else {
                        trustSlot.pointee = Self.turnedRed(
                            now: rater.ratedTrust(keys: keys, ratingsOnly: true).filter(
                                Self.mayHaveTurnedRed),
                            before: { earlier.ratedTrust(keys: $0, ratingsOnly: true) },
                            comparison: comparison)
                        return
                    }
                    let start = (index - 1) * batchSize
                    for place in start..<min(start + batchSize, urns.count) {
                        let urn = urns[place]
                        var red: [RatedFigure] = []
                        rater.forEachRated(urn, keys: keys, ratingsOnly: true) {
                            if Self.mayHaveTurnedRed($0) { red.append($0) }
                        }
                        slots[place] = Self.turnedRed(
                            now: red, before: { earlier.rated(urn, keys: $0, ratingsOnly: true) },
                            comparison: comparison)
                    }
                }
            }
        }
        trust = trustCount
        var academies: [URN: Int] = [:]
        for (urn, count) in zip(urns, counts) where count > 0 { academies[urn] = count }
        self.academies = academies
    }

    /// The count for `rater`'s drop against the header's comparison among the drops its
    /// records hold, rating the earlier drop with the same records, settings and similar
    /// schools: as `RatingChanges(_:trustName:)` lists them.
    public init(_ rater: DropRater) {
        let withData = Set(rater.calculator.data.drops)
        let comparison = Self.headerComparison(for: rater.drop, withData: withData)
        let earlierDrop = comparison.earlierDrop(than: rater.drop)
        let earlier =
            withData.contains(earlierDrop)
            ? DropRater(
                calculator: rater.calculator, drop: earlierDrop, config: rater.rater.config,
                similar: rater.similar)
            : nil
        self.init(rater, comparedWith: earlier, as: comparison)
    }

    /// True when `rated` may be a change that turned red: red, shown and not suppressed
    /// (`RatingChange` decides the rest).
    private static func mayHaveTurnedRed(_ rated: RatedFigure) -> Bool {
        rated.rating == .red && rated.shown != nil && !rated.figure.isSuppressed
    }

    /// How many of one owner's figures `now` (those red now) turned red since the same
    /// figures in the earlier drop, which `before` rates given their small keys. An
    /// `absence_rate` figure whose `attendance_rate` figure of the same pupil group and
    /// year group turned red too is not counted: it mirrors it
    /// (`RatingChange.mirrorsAttendance`).
    private static func turnedRed(
        now: [RatedFigure], before: (Set<Int>) -> [RatedFigure], comparison: RatingChange.Comparison
    ) -> Int {
        guard !now.isEmpty else { return 0 }
        var earlier: [Int: RatedFigure] = [:]
        // The first of two figures with one key, as `RatingChanges` looks them up.
        for old in before(Set(now.map { FigureCalculator.smallKey($0.figure) })) {
            let key = FigureCalculator.smallKey(old.figure)
            if earlier[key] == nil { earlier[key] = old }
        }
        var count = 0
        var attendance: [Int] = []
        var absence: [Int] = []
        for new in now {
            guard let old = earlier[FigureCalculator.smallKey(new.figure)],
                let change = RatingChange(old: old, new: new, comparedWith: comparison, name: ""),
                change.band == .turnedRed
            else { continue }
            // A pupil group and year group, as the low bits of a small key.
            let place = FigureCalculator.smallKey(new.figure) & 0xFFFF
            switch new.figure.kpi {
            case .attendanceRate:
                attendance.append(place)
                count += 1
            case .absenceRate: absence.append(place)
            default: count += 1
            }
        }
        return count + absence.count { !attendance.contains($0) }
    }
}

import Metrics

/// The absence bands of one pupil group as the persistent-absence panel may show them: the
/// share of pupils under 5%, 5–10% (at risk), 10–20%, 20–50% and 50%+, each a whole percent
/// of the group's pupils, and never a pupil count.
///
/// Privacy. The panel already shows, for the same group, the at-risk share, persistent
/// absence and severe absence, and the group's pupils are shown elsewhere; from them the
/// 5–10% band, the 50%+ band, the three bands of 10% or more together, and so the under-5%
/// band, are known exactly. The bar adds only how the persistently absent split between
/// 10–20% and 20–50% (and 50%+, when no severe figure is shown). So:
/// - no bar when the group has fewer than 6 pupils, or when any of those three figures is
///   hidden (the bar would give it back);
/// - when a band of that split has 1 to 5 pupils, the split is not shown: its bands are
///   drawn as one segment ("10–50%", or "10%+"), whose size the persistent-absence figure
///   already gives. Hiding only the small band would not do, as the total minus the other
///   band gives it back: this is the DfE's complementary suppression, where the second band
///   hidden is the rest of the split.
/// A band of 0 pupils is shown as 0%, as the DfE shows zeros.
public struct AbsenceBandBar: Equatable, Sendable {
    /// One segment of the bar and one entry of its legend.
    public struct Part: Equatable, Sendable {
        /// The band's words: "<5%", "5–10%", "10–20%", "20–50%", "50%+", or for a hidden
        /// split "10–50%" or "10%+".
        public let label: String
        /// The bands it covers, 0 (under 5%) to 4 (50%+), as `AbsenceBands.band` numbers them.
        public let bands: ClosedRange<Int>
        /// Its pupils as a whole percent of the group's, rounded on its own (so the shares
        /// may not add up to exactly 100).
        public let share: Int
        /// Its pupils: for drawing the bar in proportion, never shown.
        let pupils: Int
    }

    /// The segments, lowest absence first.
    public let parts: [Part]
    /// True when the split of the persistently absent is drawn as one segment because a
    /// band of it has 1 to 5 pupils.
    public let splitHidden: Bool

    /// The bands' words, lowest first.
    static let labels = ["<5%", "5–10%", "10–20%", "20–50%", "50%+"]

    /// The bar for `bands`, given whether the group's at-risk, persistent absence and
    /// severe absence figures are shown (`severeShown` false when there is no severe
    /// figure); nil when it may not be shown.
    public init?(_ bands: AbsenceBands, atRiskShown: Bool, persistentShown: Bool, severeShown: Bool) {
        let pupils = bands.pupils
        guard pupils >= Figure.smallestShownGroup, atRiskShown, persistentShown else { return nil }
        let counts = bands.counts
        // The bands whose split nothing else on the panel gives.
        let split = severeShown ? 2...3 : 2...4
        let small = split.contains { (1..<Figure.smallestShownGroup).contains(counts[$0]) }
        func part(_ label: String, _ range: ClosedRange<Int>) -> Part {
            let count = range.reduce(0) { $0 + counts[$1] }
            // Half away from zero, in whole numbers so that 2.5% is 3 however floats hold it.
            let share = (200 * count + pupils) / (2 * pupils)
            return Part(label: label, bands: range, share: share, pupils: count)
        }
        var parts = [part(Self.labels[0], 0...0), part(Self.labels[1], 1...1)]
        if small {
            parts.append(part(severeShown ? "10–50%" : "10%+", split))
            if severeShown { parts.append(part(Self.labels[4], 4...4)) }
        } else {
            parts += (2...4).map { part(Self.labels[$0], $0...$0) }
        }
        self.parts = parts
        splitHidden = small
    }

    /// How many of `cells` each part fills, in proportion to its pupils, by largest
    /// remainder so that the cells add up to `cells` exactly (a part too small for a whole
    /// cell may get none; its share is in the legend).
    public func cells(_ cells: Int) -> [Int] {
        let total = parts.reduce(0) { $0 + $1.pupils }
        guard total > 0, cells > 0 else { return parts.map { _ in 0 } }
        var filled = parts.map { $0.pupils * cells / total }
        let remainders = parts.indices.map { ($0, parts[$0].pupils * cells % total) }
        let left = cells - filled.reduce(0, +)
        // Largest remainder first; ties to the lower band, so the result is the same every time.
        let order = remainders.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        for (index, _) in order.prefix(left) { filled[index] += 1 }
        return filled
    }
}

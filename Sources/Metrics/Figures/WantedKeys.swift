import Synchronization

/// What a set of small keys (`FigureCalculator.smallKey`) asks for, as bits: its KPIs, and
/// its lines (a pupil group and a year group), so that `FigureCalculator` passes over a
/// record whose line no key names and makes figures of only the measures whose KPI one
/// does. It says "maybe", never "no" to a key of the set: the figures made are still
/// checked against the keys themselves.
///
/// The overview asks for a few keys of every academy, but the header's count of figures
/// turned red asks for every key whose KPI can be red, thousands of them; looking through
/// them for each record, as the few were, took longer than making every figure.
struct WantedKeys {
    /// A bit for each KPI index named, in four words.
    private var kpis = SIMD4<UInt64>(repeating: 0)
    /// A bit for each line named (pupil group index × 16 + year group code), in four words.
    private var lines = SIMD4<UInt64>(repeating: 0)

    /// The last large set of keys asked for, with its bits: the header's count asks with
    /// the same few thousand keys for every academy, twice (this drop and last year), and
    /// going through them each time cost more than the figures it spared. Two sets sharing
    /// their storage are found equal at once, without comparing their keys.
    private static let recent = Mutex<(keys: Set<Int>, wanted: WantedKeys)?>(nil)

    /// Sets of more keys than this are kept in `recent`.
    private static let keptFrom = 64

    /// The bits of `keys`: for a large set, those kept from the last time it was asked
    /// for when it was the last one.
    static func of(_ keys: Set<Int>) -> WantedKeys {
        guard keys.count > keptFrom else { return WantedKeys(keys) }
        if let known = recent.withLock({ $0?.keys == keys ? $0?.wanted : nil }) { return known }
        let made = WantedKeys(keys)
        recent.withLock { $0 = (keys, made) }
        return made
    }

    /// True when every key of every KPI and line named is in the set (the set is all of
    /// some KPIs' keys, as the header's count asks for): a figure of a KPI and line named
    /// then needs no looking up in the set.
    private(set) var isEvery = false

    /// The KPIs and lines of `keys`. A key outside the range a store's keys lie in (a KPI
    /// index of 256 or more, a pupil group or year group code of 16 or more) names every
    /// KPI and line, so nothing it might ask for is passed over.
    init(_ keys: Set<Int>) {
        for key in keys {
            let kpi = key >> 16
            let group = key >> 8 & 0xFF
            let year = key & 0xFF
            guard (0..<256).contains(kpi), group < 16, year < 16 else {
                kpis = SIMD4(repeating: .max)
                lines = SIMD4(repeating: .max)
                return
            }
            Self.set(kpi, in: &kpis)
            Self.set(group << 4 | year, in: &lines)
        }
        // The keys are distinct and each is one KPI and one line named, so there are as
        // many as KPIs times lines only when every pair is among them.
        isEvery = keys.count == Self.count(kpis) * Self.count(lines)
    }

    private static func count(_ words: SIMD4<UInt64>) -> Int {
        (0..<4).reduce(0) { $0 + words[$1].nonzeroBitCount }
    }

    /// Every line of the KPIs in `kpis`.
    init(kpis: Set<KPI>) {
        lines = SIMD4(repeating: .max)
        for kpi in kpis { Self.set(kpi.index, in: &self.kpis) }
        isEvery = true
    }

    /// True when a key may name the KPI at `kpiIndex` (`KPI.index`).
    func names(kpiIndex: Int) -> Bool { Self.isSet(kpiIndex, in: kpis) }

    /// True when a key may name the KPI.
    func names(_ kpi: KPI) -> Bool { names(kpiIndex: kpi.index) }

    /// True when a key may name the line of `group` and `yearGroup`.
    func names(_ group: PupilGroup, _ yearGroup: YearGroup) -> Bool {
        let group = group.index
        let year = yearGroup.code
        guard group < 16, year < 16 else { return lines == SIMD4(repeating: .max) }
        return Self.isSet(group << 4 | year, in: lines)
    }

    private static func set(_ bit: Int, in words: inout SIMD4<UInt64>) {
        words[bit >> 6] |= 1 << UInt64(bit & 63)
    }

    private static func isSet(_ bit: Int, in words: SIMD4<UInt64>) -> Bool {
        guard (0..<256).contains(bit) else { return words == SIMD4(repeating: .max) }
        return words[bit >> 6] & 1 << UInt64(bit & 63) != 0
    }
}

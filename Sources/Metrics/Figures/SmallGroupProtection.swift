import Dispatch

/// Which figures of one drop are hidden so that no small group can be worked out by
/// subtraction: complementary (secondary) suppression, as the DfE does it.
///
/// A figure for fewer than 6 pupils is hidden (primary suppression). That alone is not
/// enough: where the group belongs to a partition whose total and other members are
/// shown, the hidden one is the total minus the rest. The partitions are
/// - all = disadvantaged + not disadvantaged;
/// - all = SEN support + EHCP + no SEN;
/// - all = boys + girls;
/// - all year groups = the sum of the year groups (Years 1–11 for compulsory-school-age
///   attendance; whichever sum of year-group lines the academy's counts satisfy);
/// - the trust = the sum of its academies,
/// - for one pupil group and year group, the pupils on roll (inclusion) = those with a
///   possible session (attendance) + those with none (see `inclusionBesideAttendance`),
///
/// for every KPI, pupil group and year group. A partition is counted only where its
/// counts really add up (pupils, or the denominator), since one that does not cannot
/// reveal anything. Whenever a partition has exactly one hidden member, the smallest
/// member still shown (by pupils) is hidden too, and this repeats until every partition
/// has none or at least two hidden; hiding one academy's figure for the trust's sake
/// can make another of that academy's partitions need a second hidden figure, so the
/// repetition crosses between academies and the trust until nothing changes.
///
/// The work goes academy by academy, so a national-scale drop is never held as figures:
/// only each figure's pupils and academy, by KPI, group and year group. An academy with
/// nothing hidden of its own (no small group) is not arranged into partitions at all.
public struct SmallGroupProtection: Sendable {
    /// Figures hidden, by small key: each academy's at its position in `urns` (none when
    /// nothing in the drop is small).
    private let hidden: [Set<Int>]
    /// The trust's figures hidden, by small key.
    private let trustHidden: Set<Int>
    /// The academies with data in the drop, in `hidden`'s order.
    private let positions: [URN: Int]

    /// Works out what must be hidden in `drop`.
    public init(calculator: FigureCalculator, drop: DataDrop) {
        self.init(calculator: calculator, drop: drop, figures: { calculator.figures(of: $0, in: drop) })
    }

    /// Works out what must be hidden in `drop` among the figures `figures` gives of each
    /// academy (every one of its figures in `drop`, or those of some KPIs: see
    /// `init(calculator:drop:kpis:)`).
    init(calculator: FigureCalculator, drop: DataDrop, figures: @Sendable (URN) -> [Figure]) {
        let urns = calculator.index.academies(in: drop)
        var positions: [URN: Int] = [:]
        for (position, urn) in urns.enumerated() { positions[urn] = position }
        self.positions = positions
        // Most drops of most trusts hide something, but where no record is small nothing
        // is hidden, and looking at the records is much cheaper than making figures.
        guard urns.contains(where: { Self.hasSmallGroup(calculator, $0, drop) }) else {
            hidden = []
            trustHidden = []
            return
        }
        var hidden = [Set<Int>](repeating: [], count: urns.count)
        var sums = TrustSums()
        // Each academy's own partitions are closed on both cores, a window of academies at
        // a time (so a national drop's figures are never all held), and added to the
        // trust's partitions in academy order, as one pass over them would.
        let window = 512
        for start in stride(from: 0, to: urns.count, by: window) {
            let end = min(start + window, urns.count)
            var own = [(cells: [Cell], hidden: Set<Int>)](repeating: ([], []), count: end - start)
            own.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: slots.count) { offset in
                    slots[offset] = Self.protect(academy: figures(urns[start + offset]))
                }
            }
            for (offset, academy) in own.enumerated() {
                hidden[start + offset] = academy.hidden
                sums.add(academy.cells, academy: start + offset)
            }
        }
        let trust = Owner(sums.trustCells)
        var trustHidden: Set<Int> = []
        // Academies' cells arranged by key, made the first time one of an academy's
        // figures is forced hidden for the trust's sake.
        var owners: [Int: Owner] = [:]
        var changed = true
        while changed {
            changed = false
            trustHidden = Self.protect(trust, alsoHidden: trustHidden)
            // In key order, each key as the pass began: which academy's figure a
            // partition takes depends on the order the work is done in.
            for key in sums.hiddenKeys(trustHidden: trustHidden) where sums.hasMembers(key) {
                let count = (trustHidden.contains(key) ? 1 : 0) + sums.hiddenCount(key)
                guard count == 1 else { continue }
                // The smallest member still shown; the trust's total when none is. With
                // one member hidden at most, this looks at two members at most.
                if let next = sums.smallestShown(key, isHidden: { hidden[$0.academy].contains(key) }) {
                    // The academy's hidden set is already closed, so only the partitions of
                    // the newly hidden figure need looking at: a whole new pass per forced
                    // figure made a trust of pupil-level exports (many small year-group
                    // lines per reason) quadratic.
                    if owners[next.academy] == nil {
                        // Kept for a few hundred academies at most, so a national drop's
                        // memory stays small.
                        if owners.count >= 256 { owners.removeAll(keepingCapacity: true) }
                        owners[next.academy] = Owner(figures(urns[next.academy]).map(Cell.init))
                    }
                    if let owner = owners[next.academy] {
                        for added in Self.hiding(key, in: owner, hidden: &hidden[next.academy]) {
                            sums.noteHidden(added.key, summed: added.summed)
                        }
                    }
                } else {
                    trustHidden.insert(key)
                }
                changed = true
            }
        }
        self.hidden = hidden
        self.trustHidden = trustHidden
    }

    /// True when any record of `urn` in `drop` is of fewer than 6 pupils or was
    /// published as `SUPP`, or `urn` has inclusion records beside attendance ones (see
    /// `inclusionBesideAttendance`).
    private static func hasSmallGroup(_ calculator: FigureCalculator, _ urn: URN, _ drop: DataDrop) -> Bool {
        guard let bucket = calculator.index.bucket(urn, drop) else { return false }
        let data = calculator.data
        let small = Figure.smallestShownGroup
        if hasInclusionBesideAttendance(bucket) { return true }
        return bucket.attendance.contains { data.attendance[Int($0)].pupils < small }
            || bucket.attainment.contains { data.attainment[Int($0)].cohort < small }
            || bucket.scores.contains { data.scores[Int($0)].cohort < small }
            || bucket.inclusion.contains { data.inclusion[Int($0)].pupils < small }
            || bucket.published.contains { position in
                let record = data.published[Int(position)]
                return record.value == nil || (record.pupils.map { $0 < small } ?? false)
            }
    }

    /// True when `figure` must not be shown: too few pupils, published as `SUPP`, or
    /// hidden so that another figure cannot be worked out.
    public func hides(_ figure: Figure) -> Bool {
        if figure.isSuppressed { return true }
        return hiddenKeys(of: figure.owner).contains(FigureCalculator.smallKey(figure))
    }

    /// `figure`, marked `protectsSmallGroup` when it is hidden only to protect another.
    public func applied(to figure: Figure) -> Figure {
        guard !figure.isSuppressed, hides(figure) else { return figure }
        var protected = figure
        protected.protectsSmallGroup = true
        return protected
    }

    /// The small keys hidden among one owner's figures beyond those suppressed on their
    /// own: looked up once for all of an academy's figures, rather than by academy for
    /// each (a national report rates millions).
    func hiddenKeys(of owner: Figure.Owner) -> Set<Int> {
        guard let urn = owner.urn else { return trustHidden }
        guard let position = positions[urn], position < hidden.count else { return [] }
        return hidden[position]
    }

    /// `applied(to:)` for a figure of the owner whose `hiddenKeys(of:)` are `hiddenKeys`,
    /// its small key `key`.
    static func applied(to figure: Figure, key: Int, hiddenKeys: Set<Int>) -> Figure {
        var protected = figure
        apply(to: &protected, key: key, hiddenKeys: hiddenKeys)
        return protected
    }

    /// `applied(to:key:hiddenKeys:)` made in place: a figure being rated is protected where
    /// it already is rather than copied out and back.
    static func apply(to figure: inout Figure, key: Int, hiddenKeys: Set<Int>) {
        guard !figure.isSuppressed, hiddenKeys.contains(key) else { return }
        figure.protectsSmallGroup = true
    }

    /// One academy's cells, each marked hidden or not, and the small keys hidden among
    /// them: those suppressed on their own, the inclusion figures whose pupils would give
    /// away a small group beside the attendance ones (`inclusionBesideAttendance`), and
    /// every complement needed so that no partition among them has exactly one hidden
    /// member. An academy with none of the first two is not arranged by key at all.
    static func protect(academy figures: [Figure]) -> (cells: [Cell], hidden: Set<Int>) {
        var cells = figures.map(Cell.init)
        let inclusion = inclusionBesideAttendance(cells)
        guard !inclusion.isEmpty || cells.contains(where: \.isSuppressed) else { return (cells, []) }
        let owner = Owner(cells)
        let flags = closed(owner, hiding: inclusion)
        var hidden: Set<Int> = []
        hidden.reserveCapacity(flags.count { $0 })
        for slot in flags.indices where flags[slot] { hidden.insert(owner.keys[slot]) }
        for (place, slot) in owner.slots.enumerated() where flags[slot] {
            cells[owner.given[place]].isHidden = true
        }
        return (cells, hidden)
    }

    /// The small keys of the trust's figures that must be hidden: as for an academy
    /// (`protect(academy:)`), and `alsoHidden` too.
    static func protect(_ owner: Owner, alsoHidden: Set<Int>) -> Set<Int> {
        let flags = closed(owner, hiding: inclusionBesideAttendance(owner.cells) + alsoHidden)
        var hidden = alsoHidden
        for slot in flags.indices where flags[slot] { hidden.insert(owner.keys[slot]) }
        return hidden
    }

    /// Which of `owner`'s keys (by slot) are hidden: its suppressed figures and `keys`,
    /// with every complement their partitions need.
    ///
    /// The work is taken in key order: which complement a partition takes can depend on
    /// the order the work is done in, and a set's order changes from run to run (Swift
    /// seeds its hashing per process), so the same store would hide other cells in
    /// another run.
    private static func closed(_ owner: Owner, hiding keys: [Int]) -> [Bool] {
        var flags = [Bool](repeating: false, count: owner.keys.count)
        for (place, cell) in owner.cells.enumerated() where cell.isSuppressed {
            flags[owner.slots[place]] = true
        }
        for key in keys {
            if let slot = owner.slot(of: key) { flags[slot] = true }
        }
        let work = flags.indices.filter { flags[$0] }
        guard !work.isEmpty else { return flags }
        _ = owner.close(&flags, work: work)
        return flags
    }

    /// `hidden`, already closed (no partition among `owner`'s cells has exactly one
    /// hidden member), with `key` hidden too and closed again. Only partitions holding a
    /// newly hidden figure can have gained their one hidden member, so the work starts
    /// from `key` alone. Returns each key newly hidden, with how many of its cells are
    /// summed into the trust's figure.
    static func hiding(_ key: Int, in owner: Owner, hidden: inout Set<Int>) -> [(key: Int, summed: Int)] {
        guard !hidden.contains(key) else { return [] }
        guard let slot = owner.slot(of: key) else {
            hidden.insert(key)
            return [(key, 0)]
        }
        var flags = owner.keys.map { hidden.contains($0) }
        flags[slot] = true
        let added = [slot] + owner.close(&flags, work: [slot])
        return added.map { slot in
            let key = owner.keys[slot]
            hidden.insert(key)
            return (key, owner.cells(of: slot).count { owner.cells[$0].canBeSummed })
        }
    }
}

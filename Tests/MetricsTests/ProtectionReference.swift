import Dispatch

@testable import Metrics

/// `SmallGroupProtection` as it was worked out before its cells were kept in arrays by
/// key (session 9): figures in dictionaries by small key, each hidden figure's partitions
/// found anew. Kept only for tests, so that the faster one can be shown to hide exactly
/// the same figures (`ProtectionEquivalenceTests`).
///
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
/// only each figure's pupils and academy, by KPI, group and year group.
struct ProtectionReference {
    /// Figures hidden, academies' by position in `urns` and then small key; the trust's
    /// under `urns.count`.
    private let hidden: [Int: Set<Int>]
    /// The academies with data in the drop, in `hidden`'s order.
    private let positions: [URN: Int]
    /// The trust's place in `hidden`.
    private let trustPosition: Int

    /// Works out what must be hidden in `drop`.
    init(calculator: FigureCalculator, drop: DataDrop) {
        let urns = calculator.index.academies(in: drop)
        var positions: [URN: Int] = [:]
        for (position, urn) in urns.enumerated() { positions[urn] = position }
        self.positions = positions
        trustPosition = urns.count
        // Most drops of most trusts hide something, but where no record is small nothing
        // is hidden, and looking at the records is much cheaper than making figures.
        guard urns.contains(where: { Self.hasSmallGroup(calculator, $0, drop) }) else {
            hidden = [:]
            return
        }
        var hidden: [Int: Set<Int>] = [:]
        // Members of each trust partition, by small key: (pupils, academy position).
        var members: [Int: [(pupils: Int, academy: Int)]] = [:]
        var trustTotals: [Int: Figure] = [:]
        // Each academy's own partitions are closed on both cores, a window of academies at
        // a time (so a national drop's figures are never all held), and gathered for the
        // trust's partitions in academy order, as one pass over them would.
        let window = 512
        for start in stride(from: 0, to: urns.count, by: window) {
            let end = min(start + window, urns.count)
            var own = [(figures: [Figure], protected: Set<Int>)](repeating: ([], []), count: end - start)
            own.withUnsafeMutableBufferPointer { slots in
                nonisolated(unsafe) let slots = slots
                DispatchQueue.concurrentPerform(iterations: slots.count) { offset in
                    let figures = calculator.figures(of: urns[start + offset], in: drop)
                    slots[offset] = (figures, Self.protect(figures, alsoHidden: []))
                }
            }
            for (offset, academy) in own.enumerated() {
                let position = start + offset
                if !academy.protected.isEmpty { hidden[position] = academy.protected }
                for figure in academy.figures where FigureCalculator.canBeSummed(figure) {
                    let key = FigureCalculator.smallKey(figure)
                    members[key, default: []].append((figure.pupils, position))
                    // Summed as the trust's own figures are, so the partitions are theirs.
                    var total = trustTotals[key] ?? FigureCalculator.emptyTotal(like: figure)
                    FigureCalculator.add(figure, to: &total)
                    trustTotals[key] = total
                }
            }
        }
        let trust = urns.count
        let trustFigures = Array(trustTotals.values)
        for key in members.keys { members[key]?.sort { ($0.pupils, $0.academy) < ($1.pupils, $1.academy) } }
        // Academies' figures by small key, made the first time one of an academy's
        // figures is forced hidden for the trust's sake.
        var owners: [Int: Owner] = [:]
        var changed = true
        while changed {
            changed = false
            let trustHidden = Self.protect(trustFigures, alsoHidden: hidden[trust] ?? [])
            if trustHidden != (hidden[trust] ?? []) {
                hidden[trust] = trustHidden
            }
            var keys = Set(hidden[trust] ?? [])
            for (position, set) in hidden where position != trust { keys.formUnion(set) }
            for key in keys.sorted() {
                guard let list = members[key] else { continue }
                let trustIsHidden = hidden[trust]?.contains(key) ?? false
                var count = trustIsHidden ? 1 : 0
                for member in list where hidden[member.academy]?.contains(key) ?? false {
                    count += 1
                    if count > 1 { break }
                }
                guard count == 1 else { continue }
                // The smallest member still shown; the trust's total when none is.
                if let next = list.first(where: { !(hidden[$0.academy]?.contains(key) ?? false) }) {
                    // The academy's hidden set is already closed, so only the partitions of
                    // the newly hidden figure need looking at: a whole new pass per forced
                    // figure made a trust of pupil-level exports (many small year-group
                    // lines per reason) quadratic.
                    if owners[next.academy] == nil {
                        // Kept for a few hundred academies at most, so a national drop's
                        // memory stays small.
                        if owners.count >= 256 { owners.removeAll(keepingCapacity: true) }
                        owners[next.academy] = Owner(calculator.figures(of: urns[next.academy], in: drop))
                    }
                    if let owner = owners[next.academy] {
                        hidden[next.academy] = Self.closing(
                            hidden[next.academy] ?? [], adding: key, in: owner)
                    }
                } else {
                    hidden[trust, default: []].insert(key)
                }
                changed = true
            }
        }
        self.hidden = hidden
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

    /// The small keys hidden among one owner's figures beyond those suppressed on their
    /// own: looked up once for all of an academy's figures, rather than by academy for
    /// each (a national report rates millions).
    func hiddenKeys(of owner: Figure.Owner) -> Set<Int> {
        let position = owner.urn.map { positions[$0] ?? -1 } ?? trustPosition
        return hidden[position] ?? []
    }

    /// The small keys of one owner's figures that must be hidden: those suppressed on
    /// their own, those in `alsoHidden`, the inclusion figures whose pupils would give
    /// away a small group beside the attendance ones (`inclusionBesideAttendance`), and
    /// every complement needed so that no partition among `figures` has exactly one
    /// hidden member.
    ///
    /// Only the partitions that hold a hidden figure are looked at: each hidden figure is
    /// taken once from a list of work, its partitions checked, and any figure hidden for
    /// them added to the list.
    static func protect(_ figures: [Figure], alsoHidden: Set<Int>) -> Set<Int> {
        var hidden = alsoHidden
        for figure in figures where figure.isSuppressed { hidden.insert(FigureCalculator.smallKey(figure)) }
        hidden.formUnion(inclusionBesideAttendance(figures))
        guard !hidden.isEmpty else { return hidden }
        // In key order: which complement a partition takes can depend on the order the work
        // is done in, and a set's order changes from run to run (Swift seeds its hashing per
        // process), so the same store would hide other cells in another run.
        return closing(hidden, work: hidden.sorted(), in: Owner(figures))
    }

    /// `hidden`, already closed (no partition among `owner`'s figures has exactly one
    /// hidden member), with `key` hidden too and closed again. Only partitions holding a
    /// newly hidden figure can have gained their one hidden member, so the work starts
    /// from `key` alone.
    static func closing(_ hidden: Set<Int>, adding key: Int, in owner: Owner) -> Set<Int> {
        guard !hidden.contains(key) else { return hidden }
        return closing(hidden.union([key]), work: [key], in: owner)
    }

    /// `hidden` with every complement its partitions need, checking the partitions of
    /// the figures in `work` and of every figure hidden on the way.
    private static func closing(_ start: Set<Int>, work start2: [Int], in owner: Owner) -> Set<Int> {
        var hidden = start
        var work = start2
        while let key = work.popLast() {
            for partition in owner.partitions(holding: key) {
                var hiddenCount = 0
                var next: (key: Int, pupils: Int)?
                for cell in partition.cells {
                    if hidden.contains(cell.key) {
                        hiddenCount += 1
                    } else if next.map({ (cell.pupils, cell.key) < ($0.pupils, $0.key) }) ?? true {
                        next = cell
                    }
                }
                guard hiddenCount == 1, let next else { continue }
                hidden.insert(next.key)
                work.append(next.key)
            }
        }
        return hidden
    }

    /// What a partition needs of one figure: its small key, pupils and denominator. Plain
    /// numbers, so an academy's figures are copied into `Owner` without reference counting
    /// (a national drop builds one for nearly every academy).
    struct Cell {
        var key: Int
        var pupils: Int
        var denominator: Double

        init(_ figure: Figure) {
            key = FigureCalculator.smallKey(figure)
            pupils = figure.pupils
            denominator = figure.denominator
        }

        /// The pupil group's index in the small key.
        var groupIndex: Int { key >> 8 & 0xFF }
        /// The year group's code in the small key.
        var yearCode: Int { key & 0xFF }
    }

    /// One owner's figures by small key, to find the partitions a figure belongs to.
    struct Owner {
        private var byKey: [Int: Cell] = [:]
        private var yearLines: [Int: [Cell]] = [:]

        init(_ figures: [Figure]) {
            byKey.reserveCapacity(figures.count)
            for figure in figures {
                let cell = Cell(figure)
                byKey[cell.key] = cell
                if cell.yearCode != YearGroup.all.code {
                    // The KPI and pupil group: the small key without its year group.
                    yearLines[cell.key >> 8, default: []].append(cell)
                }
            }
        }

        /// The small key of `key`'s figure for another pupil group.
        private static func key(_ key: Int, group: PupilGroup) -> Int { key & ~0xFF00 | group.index << 8 }

        /// The small key of `key`'s figure for all year groups.
        private static func allYears(_ key: Int) -> Int { key & ~0xFF | YearGroup.all.code }

        /// Every partition that holds the figure of `key`, as its total or as a member,
        /// among those whose counts add up.
        func partitions(holding key: Int) -> [Partition] {
            guard let cell = byKey[key] else { return [] }
            var found: [Partition] = []
            let allGroups = Self.key(key, group: .all)
            for groups in Partition.groupPartitions
            where cell.groupIndex == PupilGroup.all.index
                || groups.contains(where: { $0.index == cell.groupIndex })
            {
                guard let total = byKey[allGroups] else { continue }
                let parts = groups.compactMap { byKey[Self.key(key, group: $0)] }
                if let partition = Partition(total: total, parts: parts) { found.append(partition) }
            }
            guard let total = byKey[Self.allYears(key)] else { return found }
            let years = yearLines[key >> 8] ?? []
            var seen: Set<[Int]> = []
            for run in Partition.yearRuns
            where cell.yearCode == YearGroup.all.code || run?.contains(cell.yearCode) ?? true {
                let parts = years.filter { run?.contains($0.yearCode) ?? true }
                let keys = parts.map(\.key).sorted()
                guard seen.insert(keys).inserted, let partition = Partition(total: total, parts: parts) else {
                    continue
                }
                found.append(partition)
            }
            return found
        }
    }

    /// A total and the members that add up to it, within one owner's figures.
    struct Partition {
        /// The total and its members, each by small key with its pupils.
        var cells: [(key: Int, pupils: Int)]

        /// The groups that partition all pupils.
        static let groupPartitions: [[PupilGroup]] = [
            [.disadvantaged, .notDisadvantaged], [.senSupport, .ehcp, .noSen], [.boys, .girls],
        ]

        /// The runs of year groups (by `YearGroup.code`) whose sum may be a school's
        /// all-years line: Years 1–11 (compulsory school age), Reception–Year 11,
        /// Years 1–13, or every year-group line given.
        static let yearRuns: [ClosedRange<Int>?] = [2...12, 1...12, 2...14, nil]

        /// The partition of `total` into `parts`, or nil when there are no parts or
        /// their pupils and denominators both fail to add up to the total's.
        init?(total: Cell, parts: [Cell]) {
            guard !parts.isEmpty else { return nil }
            let pupils = parts.reduce(0) { $0 + $1.pupils }
            let denominator = parts.reduce(0.0) { $0 + $1.denominator }
            let tolerance = 1e-6 * max(1, abs(total.denominator))
            guard pupils == total.pupils || abs(denominator - total.denominator) <= tolerance else {
                return nil
            }
            cells = ([total] + parts).map { ($0.key, $0.pupils) }
        }
    }
}

extension ProtectionReference {
    /// The small keys of the inclusion figures among one owner's `figures` that must be
    /// hidden because, shown beside an attendance figure of the same pupil group and year
    /// group, their pupils would give away a small group by subtraction.
    ///
    /// An inclusion figure counts every pupil on roll; an attendance figure only those with
    /// a possible session (and, for all year groups, those of compulsory school age). For
    /// one group the two counts differ by the pupils with no possible session: when that is
    /// 1 to 5 pupils, showing both reveals it, as showing a total and all but one member of
    /// a partition would. The inclusion figures go, not the attendance ones: attendance is
    /// what a board looks at first, and every figure of a line shares its pupils, so hiding
    /// one of its kinds hides the count. The figures hidden here are then protected like any
    /// other hidden figure, so that no partition of inclusion figures has one hidden member.
    ///
    /// A figure published without pupil numbers gives none away, and an attendance figure
    /// already too small to show gives away nothing the inclusion one could complete.
    static func inclusionBesideAttendance(_ figures: [Figure]) -> Set<Int> {
        var attendancePupils: [Int: Set<Int>] = [:]
        for figure in figures where figure.kpi.isAttendance && !figure.isSuppressed && hasPupils(figure) {
            attendancePupils[line(figure), default: []].insert(figure.pupils)
        }
        guard !attendancePupils.isEmpty else { return [] }
        var hidden: Set<Int> = []
        for figure in figures where isInclusion(figure.kpi) && hasPupils(figure) {
            guard let counts = attendancePupils[line(figure)] else { continue }
            let revealing = counts.contains { 1..<Figure.smallestShownGroup ~= abs(figure.pupils - $0) }
            if revealing { hidden.insert(FigureCalculator.smallKey(figure)) }
        }
        return hidden
    }

    /// True when a drop's records of one academy hold both inclusion and attendance, so
    /// that `inclusionBesideAttendance` may hide something even where no group is small.
    static func hasInclusionBesideAttendance(_ bucket: RecordIndex.Bucket) -> Bool {
        !bucket.inclusion.isEmpty && !bucket.attendance.isEmpty
    }

    private static func isInclusion(_ kpi: KPI) -> Bool {
        if case .inclusion = kpi { return true }
        return false
    }

    private static func hasPupils(_ figure: Figure) -> Bool { figure.publication?.hasPupils ?? true }

    /// The pupil group and year group of a figure, as one number.
    private static func line(_ figure: Figure) -> Int { figure.group.index << 8 | figure.yearGroup.code }
}

extension SmallGroupProtection {
    /// One owner's cells in small-key order, to find the partitions a figure belongs to
    /// and close a hidden set over them.
    ///
    /// Hidden figures are kept by key, as flags by place in `keys` (a key's "slot"): every
    /// cell of a key is hidden or shown together. In small-key order a KPI and pupil
    /// group's year-group lines lie side by side, just before their all-years line, so a
    /// year-group partition is a run of slots, and any other figure is found by a binary
    /// search; nothing is hashed and nothing is made per partition.
    struct Owner {
        /// The cells, by small key (a key's cells in the order given).
        private(set) var cells: [Cell]
        /// Each key among the cells once, ascending.
        private(set) var keys: [Int]
        /// Where each slot's cells end in `cells`: slot `i`'s are `ends[i - 1]..<ends[i]`.
        private var ends: [Int]
        /// Each cell's slot.
        private(set) var slots: [Int]
        /// Each cell's place in the order given.
        private(set) var given: [Int]

        /// Arranges `cells` by key.
        init(_ unordered: [Cell]) {
            // A key is under 2^24 (a KPI index under 256, then two bytes), and an owner has
            // far fewer than 2^32 cells, so key and place sort as one number.
            var order = unordered.indices.map { UInt64($0) | UInt64(unordered[$0].key) << 32 }
            order.sort()
            given = order.map { Int($0 & 0xFFFF_FFFF) }
            cells = given.map { unordered[$0] }
            keys = []
            ends = []
            slots = []
            slots.reserveCapacity(cells.count)
            for (position, cell) in cells.enumerated() {
                if keys.last != cell.key {
                    if !keys.isEmpty { ends.append(position) }
                    keys.append(cell.key)
                }
                slots.append(keys.count - 1)
            }
            if !keys.isEmpty { ends.append(cells.count) }
        }

        /// The slot of `key`, or nil when no cell has it.
        func slot(of key: Int) -> Int? {
            var low = 0
            var high = keys.count
            while low < high {
                let middle = (low + high) / 2
                if keys[middle] < key { low = middle + 1 } else { high = middle }
            }
            return low < keys.count && keys[low] == key ? low : nil
        }

        /// The cells of `slot`, as places in `cells`.
        func cells(of slot: Int) -> Range<Int> { (slot == 0 ? 0 : ends[slot - 1])..<ends[slot] }

        /// The cell that stands for `slot` as a partition's total or a pupil group: its
        /// last (where an owner has two figures of one key, the later one counts, as a
        /// dictionary by key would keep it).
        private func standing(_ slot: Int) -> Int { ends[slot] - 1 }

        /// The small key of `key`'s figure for another pupil group.
        private static func key(_ key: Int, group: PupilGroup) -> Int { key & ~0xFF00 | group.index << 8 }

        /// The small key of `key`'s figure for all year groups.
        private static func allYears(_ key: Int) -> Int { key & ~0xFF | YearGroup.all.code }

        /// `hidden` (flags by slot, those of `work` set) with every complement needed so
        /// that no partition holding a figure of `work`, or one hidden on the way, has
        /// exactly one hidden member. `work` is taken from its end, and each figure hidden
        /// is worked on next. Returns the slots hidden, in the order they were.
        ///
        /// A figure's partitions are looked at in a fixed order (pupil groups as
        /// `Partition.groupPartitions` lists them, then year-group runs as
        /// `Partition.yearRuns` does), since which complement a partition takes can depend
        /// on what an earlier one hid.
        func close(_ hidden: inout [Bool], work start: [Int]) -> [Int] {
            var work = start
            var added: [Int] = []
            var parts: [Int] = []
            while let slot = work.popLast() {
                let key = keys[slot]
                let group = key >> 8 & 0xFF
                let year = key & 0xFF
                // all = the pupil groups of a partition, for this KPI and year group.
                if let total = self.slot(of: Self.key(key, group: .all)) {
                    for groups in Partition.groupPartitions
                    where group == PupilGroup.all.index || groups.contains(where: { $0.index == group }) {
                        parts.removeAll(keepingCapacity: true)
                        for member in groups {
                            if let part = self.slot(of: Self.key(key, group: member)) {
                                parts.append(standing(part))
                            }
                        }
                        if let next = settle(total: standing(total), parts: parts, hidden: &hidden) {
                            added.append(next)
                            work.append(next)
                        }
                    }
                }
                // All year groups = a run of year-group lines, for this KPI and pupil group.
                guard let total = self.slot(of: Self.allYears(key)) else { continue }
                let lines = linesBefore(total)
                var present = 0
                for line in lines { present |= 1 << (keys[line] & 0xFF) }
                var seen: [Int] = []
                for run in Partition.yearRuns
                where year == YearGroup.all.code || run?.contains(year) ?? true {
                    let wanted = present & Partition.mask(run)
                    // Two runs with the same lines are one partition, looked at once.
                    guard !seen.contains(wanted) else { continue }
                    seen.append(wanted)
                    parts.removeAll(keepingCapacity: true)
                    for line in lines where wanted & 1 << (keys[line] & 0xFF) != 0 {
                        parts.append(contentsOf: cells(of: line))
                    }
                    if let next = settle(total: standing(total), parts: parts, hidden: &hidden) {
                        added.append(next)
                        work.append(next)
                    }
                }
            }
            return added
        }

        /// The slots of the year-group lines (every year group but all) of the KPI and
        /// pupil group whose all-years line is `total`: the slots just before it with the
        /// same KPI and group.
        private func linesBefore(_ total: Int) -> Range<Int> {
            let line = keys[total] >> 8
            var first = total
            while first > 0, keys[first - 1] >> 8 == line { first -= 1 }
            return first..<total
        }

        /// Looks at the partition of the cell `total` into the cells `parts`: when their
        /// pupils or denominators add up and exactly one of them is hidden, hides the
        /// smallest still shown (by pupils, then key) and returns its slot.
        ///
        /// Denominators are whole numbers (counts, cohorts, pupils, or 1 for a figure
        /// without pupils), so their sum does not depend on the order of `parts`.
        private func settle(total: Int, parts: [Int], hidden: inout [Bool]) -> Int? {
            guard !parts.isEmpty else { return nil }
            var pupils = 0
            var denominator = 0.0
            for part in parts {
                pupils += cells[part].pupils
                denominator += cells[part].denominator
            }
            let whole = cells[total]
            let tolerance = 1e-6 * max(1, abs(whole.denominator))
            guard pupils == whole.pupils || abs(denominator - whole.denominator) <= tolerance else {
                return nil
            }
            var hiddenCount = hidden[slots[total]] ? 1 : 0
            var next = hiddenCount == 0 ? total : nil
            for part in parts {
                if hidden[slots[part]] {
                    hiddenCount += 1
                    if hiddenCount > 1 { return nil }
                } else if next.map({
                    (cells[part].pupils, cells[part].key) < (cells[$0].pupils, cells[$0].key)
                })
                    ?? true
                {
                    next = part
                }
            }
            guard hiddenCount == 1, let next else { return nil }
            hidden[slots[next]] = true
            return slots[next]
        }
    }

    /// The partitions a figure may belong to.
    enum Partition {
        /// The groups that partition all pupils.
        static let groupPartitions: [[PupilGroup]] = [
            [.disadvantaged, .notDisadvantaged], [.senSupport, .ehcp, .noSen], [.boys, .girls],
        ]

        /// The runs of year groups (by `YearGroup.code`) whose sum may be a school's
        /// all-years line: Years 1–11 (compulsory school age), Reception–Year 11,
        /// Years 1–13, or every year-group line given.
        static let yearRuns: [ClosedRange<Int>?] = [2...12, 1...12, 2...14, nil]

        /// The year-group codes of `run` as bits; every code but all's for nil.
        static func mask(_ run: ClosedRange<Int>?) -> Int {
            let codes = run ?? 0...(YearGroup.all.code - 1)
            return (1 << (codes.upperBound + 1)) - (1 << codes.lowerBound)
        }
    }
}

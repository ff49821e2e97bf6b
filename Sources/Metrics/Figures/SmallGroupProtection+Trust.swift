extension SmallGroupProtection {
    /// The partitions "the trust = the sum of its academies", one for each small key: the
    /// trust's sums, its two smallest members, and how many of its academies' figures are
    /// hidden. Kept in arrays by `DenseKey`, so that adding a national drop's figures
    /// hashes nothing.
    ///
    /// A complement is wanted only for a partition with exactly one hidden member, so the
    /// smallest member still shown is always one of its two smallest: the others need not
    /// be kept, nor sorted.
    struct TrustSums {
        /// The trust's cell of each key, once any academy's figure of it is summed.
        private(set) var totals: [Cell?]
        /// The two smallest academy figures of each key, by (pupils, academy position).
        private var smallest: [Member?]
        private var secondSmallest: [Member?]
        /// How many of each key's members are hidden.
        private var hiddenMembers: [Int]
        /// Whether any academy hides its figure of a key (summed or not).
        private var hiddenAnywhere: [Bool]

        /// One academy's figure in a trust partition.
        struct Member: Comparable {
            var pupils: Int
            var academy: Int

            static func < (lhs: Member, rhs: Member) -> Bool {
                (lhs.pupils, lhs.academy) < (rhs.pupils, rhs.academy)
            }
        }

        /// No academy added yet.
        init() {
            totals = Array(repeating: nil, count: DenseKey.count)
            smallest = Array(repeating: nil, count: DenseKey.count)
            secondSmallest = Array(repeating: nil, count: DenseKey.count)
            hiddenMembers = Array(repeating: 0, count: DenseKey.count)
            hiddenAnywhere = Array(repeating: false, count: DenseKey.count)
        }

        /// Adds the cells of the academy at `academy`, with their own protection worked
        /// out (`Cell.isHidden`). Academies are added in order: the trust's sums add in
        /// that order, as `FigureCalculator.trustFigures` does.
        mutating func add(_ cells: [Cell], academy: Int) {
            for cell in cells {
                let dense = DenseKey.of(cell.key)
                if cell.isHidden { hiddenAnywhere[dense] = true }
                guard cell.canBeSummed else { continue }
                if let total = totals[dense] {
                    totals[dense] = Cell(
                        trustOf: total, pupils: total.pupils + cell.pupils,
                        denominator: total.denominator + cell.denominator)
                } else {
                    totals[dense] = Cell(trustOf: cell, pupils: cell.pupils, denominator: cell.denominator)
                }
                let member = Member(pupils: cell.pupils, academy: academy)
                if let first = smallest[dense] {
                    // Ties in pupils go to the first academy, as a stable sort would leave them.
                    if member < first {
                        secondSmallest[dense] = first
                        smallest[dense] = member
                    } else if secondSmallest[dense].map({ member < $0 }) ?? true {
                        secondSmallest[dense] = member
                    }
                } else {
                    smallest[dense] = member
                }
                if cell.isHidden { hiddenMembers[dense] += 1 }
            }
        }

        /// Notes that an academy now hides its figure of `key`, `summed` of its cells of
        /// that key being members.
        mutating func noteHidden(_ key: Int, summed: Int) {
            let dense = DenseKey.of(key)
            hiddenAnywhere[dense] = true
            hiddenMembers[dense] += summed
        }

        /// The trust's cells, in key order.
        var trustCells: [Cell] { totals.compactMap { $0 } }

        /// The keys that any academy hides, or that are in `trustHidden`, ascending.
        func hiddenKeys(trustHidden: Set<Int>) -> [Int] {
            var keys = hiddenAnywhere.indices.filter { hiddenAnywhere[$0] }.map(DenseKey.smallKey)
            keys.append(contentsOf: trustHidden.filter { !hiddenAnywhere[DenseKey.of($0)] })
            keys.sort()
            return keys
        }

        /// True when any academy's figure of `key` was summed.
        func hasMembers(_ key: Int) -> Bool { smallest[DenseKey.of(key)] != nil }

        /// How many of `key`'s members are hidden.
        func hiddenCount(_ key: Int) -> Int { hiddenMembers[DenseKey.of(key)] }

        /// The member of `key` with the fewest pupils (then the first academy) for which
        /// `isHidden` is false, or nil when every one is hidden; for a key with at most one
        /// member hidden.
        func smallestShown(_ key: Int, isHidden: (Member) -> Bool) -> Member? {
            let dense = DenseKey.of(key)
            return [smallest[dense], secondSmallest[dense]].lazy.compactMap { $0 }.first { !isHidden($0) }
        }
    }
}

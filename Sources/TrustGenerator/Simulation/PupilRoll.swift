/// Builds the pupils on an academy's roll for one academic year.
///
/// Group sizes are drawn per year group from the academy's mix and then given to randomly chosen
/// pupils, so each year group holds close to its share of every group. `minimumPerGroup` makes
/// sure every group has at least that many pupils in every year group: the national-scale drop
/// uses 1 so that it writes the same rows for every academy.
struct PupilRoll {
    /// The academy whose pupils are built.
    var profile: AcademyProfile
    /// The fewest pupils of each group in each year group (0 lets small groups be empty).
    var minimumPerGroup: Int
    /// The last term in which pupils may join.
    var lastJoiningTerm: Term

    /// The size of a sixth-form year group as a share of a year group lower down.
    private static let sixthFormShare = 0.55

    /// Returns the pupils, year group by year group, with groups, joining terms and abilities set.
    func pupils(using generator: inout SeededGenerator) -> [Pupil] {
        var pupils: [Pupil] = []
        var order: [Int] = []
        for yearGroup in profile.yearGroups {
            let size = yearGroupSize(yearGroup, using: &generator)
            let start = pupils.count
            for _ in 0..<size {
                pupils.append(Pupil(yearGroup: yearGroup))
            }
            order = Array(start..<(start + size))
            assignGroups(&pupils, order: &order, using: &generator)
            assignAbilities(&pupils, order: order, using: &generator)
        }
        assignJoiningTerms(&pupils, using: &generator)
        assignAbsenceRanks(&pupils, using: &generator)
        return pupils
    }

    /// About `pupilsPerYearGroup`; a sixth-form year about half that, as many pupils leave at 16.
    private func yearGroupSize(_ yearGroup: Int, using generator: inout SeededGenerator) -> Int {
        let share = yearGroup >= 12 ? Self.sixthFormShare : 1
        let nominal = Double(profile.pupilsPerYearGroup) * share * generator.uniform(0.88, 1.05)
        let smallest = max(1, minimumPerGroup * 4)
        return max(smallest, generator.roundRandomly(nominal))
    }

    /// How many of `size` pupils fall in a group with the given share, kept within
    /// `minimumPerGroup ... size - reserved`.
    private func quota(
        share: Double, of size: Int, reserved: Int, using generator: inout SeededGenerator
    ) -> Int {
        let drawn = generator.roundRandomly(Double(size) * share)
        let highest = max(minimumPerGroup, size - reserved)
        return min(max(drawn, minimumPerGroup), highest)
    }

    private func assignGroups(
        _ pupils: inout [Pupil], order: inout [Int], using generator: inout SeededGenerator
    ) {
        let size = order.count
        let mix = profile.mix
        let disadvantaged = quota(
            share: mix.disadvantaged, of: size, reserved: minimumPerGroup, using: &generator)
        generator.shuffleFront(&order, count: disadvantaged)
        for index in order.prefix(disadvantaged) {
            pupils[index].isDisadvantaged = true
        }
        let girls = quota(share: mix.girls, of: size, reserved: minimumPerGroup, using: &generator)
        generator.shuffleFront(&order, count: girls)
        for index in order.prefix(girls) {
            pupils[index].isGirl = true
        }
        let ehcp = quota(share: mix.ehcp, of: size, reserved: 2 * minimumPerGroup, using: &generator)
        let senSupport = quota(
            share: mix.senSupport, of: size, reserved: ehcp + minimumPerGroup, using: &generator)
        generator.shuffleFront(&order, count: ehcp + senSupport)
        for (position, index) in order.prefix(ehcp + senSupport).enumerated() {
            pupils[index].needs = position < ehcp ? .ehcp : .senSupport
        }
        let eal = quota(share: mix.eal, of: size, reserved: 0, using: &generator)
        generator.shuffleFront(&order, count: eal)
        for index in order.prefix(eal) {
            pupils[index].isEAL = true
        }
    }

    /// Spreads the abilities of the year group's disadvantaged pupils, and separately of the
    /// others, evenly over the normal curve, in random order.
    ///
    /// Spreading each part on its own keeps a small group's results close to what its academy
    /// is meant to show, so a designed gap between the groups is not lost to chance.
    private func assignAbilities(
        _ pupils: inout [Pupil], order: [Int], using generator: inout SeededGenerator
    ) {
        for isDisadvantaged in [true, false] {
            var part = order.filter { pupils[$0].isDisadvantaged == isDisadvantaged }
            generator.shuffleFront(&part, count: part.count)
            for (rank, index) in part.enumerated() {
                let share = (Double(rank) + generator.unit()) / Double(part.count)
                pupils[index].ability = StandardNormalQuantile.value(at: share)
            }
        }
    }

    private func assignJoiningTerms(_ pupils: inout [Pupil], using generator: inout SeededGenerator) {
        for index in pupils.indices {
            let draw = generator.unit()
            if lastJoiningTerm >= .spring, draw < 0.02 {
                pupils[index].firstTerm = .spring
            } else if lastJoiningTerm >= .summer, draw < 0.035 {
                pupils[index].firstTerm = .summer
            }
            pupils[index].absenceSpread = generator.unit()
            pupils[index].unauthorisedLean = generator.unit()
        }
    }

    /// Ranks pupils by a random risk of absence that is higher for groups that miss more school,
    /// then spreads the ranks evenly over 0–1, so an academy's persistent absence lands close to
    /// its target.
    ///
    /// The risk is the pupil's weight over a uniform number in (0, 1]: a Pareto key, for which the
    /// chance of landing in a small top share is proportional to the weight. Disadvantaged pupils
    /// are then about 2.3 times as likely to be persistently absent as others, as in England.
    private func assignAbsenceRanks(_ pupils: inout [Pupil], using generator: inout SeededGenerator) {
        var risks: [Double] = []
        risks.reserveCapacity(pupils.count)
        for pupil in pupils {
            risks.append(Self.absenceWeight(of: pupil) / (1 - generator.unit()))
        }
        let ranked = Self.descendingOrder(of: risks)
        let count = Double(pupils.count)
        for (rank, index) in ranked.enumerated() {
            pupils[index].absenceRank = (Double(rank) + generator.unit()) / count
        }
    }

    /// How much more likely than average a pupil is to miss school, from its groups and age.
    static func absenceWeight(of pupil: Pupil) -> Double {
        var weight = 1.0
        if pupil.isDisadvantaged {
            weight *= 2.3
        }
        switch pupil.needs {
        case .none: break
        case .senSupport: weight *= 1.8
        case .ehcp: weight *= 2.1
        }
        if pupil.isEAL {
            weight *= 0.75
        }
        if pupil.yearGroup >= 7 {
            weight *= 1 + 0.08 * Double(pupil.yearGroup - 7)
        } else if pupil.yearGroup == 0 {
            weight *= 1.1
        }
        return weight
    }

    /// The indices of `keys`, largest key first.
    ///
    /// Positive doubles order like their bit patterns, so for up to 4,096 keys each is packed with
    /// its index into one whole number and the numbers sorted directly, much faster than sorting
    /// indices through a closure. Keys closer than about one part in 2^40 count as equal and keep
    /// index order, which stays deterministic.
    static func descendingOrder(of keys: [Double]) -> [Int] {
        let indexBits: UInt64 = 12
        let indexMask: UInt64 = (1 << indexBits) - 1
        guard keys.count <= Int(indexMask) + 1, keys.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            return keys.indices.sorted { keys[$0] > keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
        }
        var packed: [UInt64] = []
        packed.reserveCapacity(keys.count)
        for (index, key) in keys.enumerated() {
            packed.append(~((key.bitPattern & ~indexMask) | (indexMask - UInt64(index))))
        }
        packed.sort()
        return packed.map { Int(indexMask - (~$0 & indexMask)) }
    }
}

/// Chooses each academy's similar schools from the characteristics of every school of
/// the year (the DfE's school census).
///
/// The method, in full (the README's "Similar schools" says it in words):
///
/// - **Candidates.** The state-funded schools of the academy's phase in the same year,
///   other than the academy itself: a school whose census type names no phase
///   (independent, nursery, non-maintained special) is never a candidate. An all-through
///   academy is compared with secondary schools, as the census counts all-through schools
///   as secondary; alternative provision with pupil referral units and AP schools, as
///   special schools with special schools, since neither is like a mainstream school.
/// - **Complete characteristics.** A candidate lacking any characteristic (`NA` in the
///   census) or with no pupils on roll is left out, and counted; an academy lacking any
///   has no group (`SimilarSchoolsMiss.missingCharacteristics`).
/// - **Distance.** Each characteristic (`SimilarityCharacteristic`: disadvantaged %,
///   EAL %, SEN support %, EHCP % and the natural log of pupils) is divided by its
///   standard deviation over the schools of the phase and year with every characteristic
///   (the population standard deviation, dividing by their number). The distance is the
///   square root of the sum of weight × (standardised difference)², with every weight 1.
///   A characteristic whose standard deviation is 0 separates no one and adds nothing.
/// - **The group.** The `count` nearest (20 unless `similar_count` says otherwise), ties
///   in distance broken by URN, lowest first, so the same files always give the same
///   group.
public struct SimilarSchoolsFinder: Sendable {
    /// The number of similar schools unless the config says otherwise: about the 20 of
    /// the DfE's own attendance reports.
    public static let defaultCount = 20
    /// The numbers of similar schools the config may ask for.
    public static let countRange = 1...100

    /// The schools of one phase and year with every characteristic, and their spread.
    private struct Pool: Sendable {
        /// The schools with every characteristic, in URN order.
        var schools: [SchoolCharacteristics] = []
        /// Each school's characteristics, `dimensions` to a school, in `schools` order: one
        /// flat array, so that the distance to every school of a phase is one pass over
        /// contiguous memory.
        var values: [Double] = []
        var leftOut: Set<URN> = []
        var spread: [Double] = []
    }

    /// The number of characteristics.
    private static let dimensions = SimilarityCharacteristic.allCases.count

    private struct PoolKey: Hashable, Sendable {
        var phase: Phase
        var year: AcademicYear
    }

    /// How many schools each group has at most.
    public let count: Int
    private let pools: [PoolKey: Pool]

    /// Makes a finder over `schools`, every school's characteristics for one or more
    /// years; `count` is clamped to `countRange`. A school given twice for a year counts
    /// once, as given last.
    public init(schools: [SchoolCharacteristics], count: Int = defaultCount) {
        self.count = min(max(count, Self.countRange.lowerBound), Self.countRange.upperBound)
        var latest: [PoolKey: [URN: SchoolCharacteristics]] = [:]
        for school in schools {
            guard let phase = school.phase else { continue }
            latest[PoolKey(phase: phase, year: school.year), default: [:]][school.urn] = school
        }
        var pools: [PoolKey: Pool] = [:]
        for (key, byURN) in latest {
            var pool = Pool()
            var values: [Double] = []
            for school in byURN.values.sorted(by: { $0.urn < $1.urn }) {
                let own = SimilarityCharacteristic.allCases.compactMap { $0.value(of: school) }
                if own.count == Self.dimensions {
                    pool.schools.append(school)
                    values += own
                } else {
                    pool.leftOut.insert(school.urn)
                }
            }
            pool.spread = (0..<Self.dimensions).map { dimension in
                Self.standardDeviation(
                    stride(from: dimension, to: values.count, by: Self.dimensions).map { values[$0] })
            }
            pool.values = values
            pools[key] = pool
        }
        self.pools = pools
    }

    /// Makes a finder over the census lines of every school.
    public init(census: [SchoolCensus], count: Int = defaultCount) {
        self.init(schools: census.map(SchoolCharacteristics.init(census:)), count: count)
    }

    /// The phase whose schools an academy of `phase` is compared with: its own, except
    /// all-through, which the census counts as secondary.
    public static func candidatePhase(for phase: Phase) -> Phase {
        switch phase {
        case .allThrough: .secondary
        case .primary, .secondary, .special, .alternativeProvision: phase
        }
    }

    /// The years with characteristics for at least one school, oldest first.
    public var years: [AcademicYear] { Set(pools.keys.map(\.year)).sorted() }

    /// The standard deviation of each characteristic over the schools of `phase` (as
    /// given, not mapped by `candidatePhase`) and `year` with every characteristic; nil
    /// when there are none.
    public func spread(phase: Phase, year: AcademicYear) -> [SimilarityCharacteristic: Double]? {
        guard let pool = pools[PoolKey(phase: phase, year: year)], !pool.schools.isEmpty else { return nil }
        return Self.byCharacteristic(pool.spread)
    }

    /// The similar schools of `academy` in its year, or why it has none.
    public func group(for academy: SchoolCharacteristics) -> SimilarSchoolsOutcome {
        guard let academyPhase = academy.phase else { return .missing(.noPhase(academy.urn, academy.year)) }
        let missing = academy.missing
        guard missing.isEmpty else {
            return .missing(.missingCharacteristics(academy.urn, academy.year, missing))
        }
        let phase = Self.candidatePhase(for: academyPhase)
        guard let pool = pools[PoolKey(phase: phase, year: academy.year)],
            pool.schools.contains(where: { $0.urn != academy.urn })
        else { return .missing(.noSchools(academy.urn, phase, academy.year)) }
        let own = SimilarityCharacteristic.allCases.map { $0.value(of: academy) ?? 0 }
        // The difference is taken before it is scaled, so that schools the same distance
        // above and below the academy are exactly tied, and the tie goes to the lower URN.
        let scale = pool.spread.map { $0 > 0 ? 1 / $0 : 0 }
        let weights = SimilarityCharacteristic.allCases.map(\.weight)
        // The nearest `count`, kept sorted: one pass over the pool rather than sorting it
        // all, since a national pool has some 17,000 primary schools.
        var nearest: [(distance: Double, index: Int)] = []
        var candidates = 0
        pool.values.withUnsafeBufferPointer { values in
            for (index, school) in pool.schools.enumerated() where school.urn != academy.urn {
                candidates += 1
                var sum = 0.0
                let base = index * Self.dimensions
                for dimension in 0..<Self.dimensions {
                    let difference = (values[base + dimension] - own[dimension]) * scale[dimension]
                    sum += weights[dimension] * difference * difference
                }
                let distance = sum.squareRoot()
                // The pool is in URN order, so an equal distance never displaces an earlier
                // school: ties go to the lower URN.
                if nearest.count == count, let last = nearest.last, distance >= last.distance { continue }
                let place = nearest.firstIndex { $0.distance > distance } ?? nearest.count
                nearest.insert((distance, index), at: place)
                if nearest.count > count { nearest.removeLast() }
            }
        }
        let members = nearest.map { found in
            var differences: [SimilarityCharacteristic: Double] = [:]
            for (dimension, characteristic) in SimilarityCharacteristic.allCases.enumerated() {
                differences[characteristic] =
                    (pool.values[found.index * Self.dimensions + dimension] - own[dimension])
                    * scale[dimension]
            }
            return SimilarSchools.Member(
                school: pool.schools[found.index], distance: found.distance, differences: differences)
        }
        // An academy whose census line lacks a characteristic that its context line gives
        // is not counted among the schools left out of its own group.
        let leftOut = pool.leftOut.count - (pool.leftOut.contains(academy.urn) ? 1 : 0)
        return .found(
            SimilarSchools(
                academy: academy, phase: phase, year: academy.year, members: members, requested: count,
                candidates: candidates,
                leftOut: leftOut,
                spread: Self.byCharacteristic(pool.spread)))
    }

    /// The population standard deviation of `values`; 0 for fewer than two.
    static func standardDeviation(_ values: [Double]) -> Double {
        guard values.count > 1 else { return 0 }
        let mean = values.reduce(0, +) / Double(values.count)
        let squares = values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) }
        return (squares / Double(values.count)).squareRoot()
    }

    private static func byCharacteristic(_ values: [Double]) -> [SimilarityCharacteristic: Double] {
        Dictionary(uniqueKeysWithValues: zip(SimilarityCharacteristic.allCases, values))
    }
}

/// Computes figures from the records: each academy's own, and the trust's, which are
/// summed counts over summed counts, never an average of percentages.
///
/// A figure the DfE published without counts is weighted by its pupils when the file
/// gives them (`TELIG`, `TPUP`); one without pupils, or published as `SUPP`, cannot be
/// weighted, so the trust's figure leaves it out and lists its academy in `leftOut`.
/// Where an academy has both counts and a published figure for the same KPI, the counts
/// win.
public struct FigureCalculator: Sendable {
    /// The key that identifies a figure within one drop.
    public struct Key: Hashable, Sendable {
        /// Whose figure.
        public var owner: Figure.Owner
        /// The KPI.
        public var kpi: KPI
        /// The pupil group.
        public var group: PupilGroup
        /// The year group.
        public var yearGroup: YearGroup

        /// Makes a key.
        public init(owner: Figure.Owner, kpi: KPI, group: PupilGroup, yearGroup: YearGroup) {
            self.owner = owner
            self.kpi = kpi
            self.group = group
            self.yearGroup = yearGroup
        }

        /// The key of `figure`.
        public init(_ figure: Figure) {
            self.init(owner: figure.owner, kpi: figure.kpi, group: figure.group, yearGroup: figure.yearGroup)
        }
    }

    /// The records to compute from.
    public let data: TrustData
    /// The records arranged by drop and academy.
    public let index: RecordIndex

    /// Makes a calculator over `data`.
    public init(data: TrustData) {
        self.data = data
        index = RecordIndex(data)
    }

    /// One academy's figures in `drop`, in no particular order.
    public func figures(of urn: URN, in drop: DataDrop) -> [Figure] {
        guard let bucket = index.bucket(urn, drop) else { return [] }
        var figures: [Figure] = []
        figures.reserveCapacity(
            bucket.attendance.count * 4 + bucket.attainment.count * 2 + bucket.scores.count
                + bucket.published.count)
        for position in bucket.attendance { Self.append(data.attendance[Int(position)], to: &figures) }
        for position in bucket.attainment { Self.append(data.attainment[Int(position)], to: &figures) }
        for position in bucket.scores { figures.append(Self.figure(of: data.scores[Int(position)])) }
        for position in bucket.inclusion {
            let record = data.inclusion[Int(position)]
            Self.append(record, Self.inclusionMeasures, pupils: record.pupils, to: &figures)
        }
        if !bucket.published.isEmpty {
            let counted = Set(figures.map(Self.smallKey))
            for position in bucket.published {
                let figure = Self.figure(of: data.published[Int(position)])
                if !counted.contains(Self.smallKey(figure)) { figures.append(figure) }
            }
        }
        return figures
    }

    /// `figures(of:in:)` with only the figures whose small key is in `keys`, in the same
    /// order: rows whose pupil group and year group no key names are passed over, and of
    /// the others only the measures whose KPI a key names are made into figures
    /// (`WantedKeys`): the overview wants a few figures of every academy, and the header's
    /// count of figures turned red those of the KPIs that can be red.
    public func figures(of urn: URN, in drop: DataDrop, keys: Set<Int>) -> [Figure] {
        figures(of: urn, in: drop, wanted: WantedKeys.of(keys), keys: keys)
    }

    /// `figures(of:in:)` with only the figures of the KPIs and lines `wanted` names, in the
    /// same order, and of those only the ones whose small key is in `keys` when given.
    func figures(of urn: URN, in drop: DataDrop, wanted: WantedKeys, keys: Set<Int>? = nil) -> [Figure] {
        guard let bucket = index.bucket(urn, drop) else { return [] }
        var figures: [Figure] = []
        if wanted.isEvery {
            // Most rows give figures wanted: room for them all, as `figures(of:in:)` makes.
            figures.reserveCapacity(
                bucket.attendance.count * 4 + bucket.attainment.count * 2 + bucket.scores.count
                    + bucket.published.count)
        }
        for position in bucket.attendance {
            let record = data.attendance[Int(position)]
            if wanted.names(record.group, record.yearGroup) {
                Self.append(
                    record, Self.attendanceMeasures, pupils: record.pupils, wanted: wanted, to: &figures)
            }
        }
        for position in bucket.attainment {
            let record = data.attainment[Int(position)]
            if wanted.names(record.group, record.yearGroup) {
                Self.append(record, wanted: wanted, to: &figures)
            }
        }
        for position in bucket.scores {
            let record = data.scores[Int(position)]
            if wanted.names(record.group, record.yearGroup), wanted.names(.score(record.measure)) {
                figures.append(Self.figure(of: record))
            }
        }
        for position in bucket.inclusion {
            let record = data.inclusion[Int(position)]
            if wanted.names(record.group, record.yearGroup) {
                Self.append(
                    record, Self.inclusionMeasures, pupils: record.pupils, wanted: wanted, to: &figures)
            }
        }
        if let keys, !wanted.isEvery { figures.removeAll { !keys.contains(Self.smallKey($0)) } }
        if !bucket.published.isEmpty {
            // Only wanted keys can clash with a wanted published figure (a key names its
            // KPI), so the counted figures kept above decide exactly as all of them would.
            let counted = Set(figures.map(Self.smallKey))
            for position in bucket.published {
                let record = data.published[Int(position)]
                guard wanted.names(record.kpi), wanted.names(record.group, record.yearGroup) else { continue }
                let figure = Self.figure(of: record)
                let key = Self.smallKey(figure)
                if wanted.isEvery || keys?.contains(key) ?? true, !counted.contains(key) {
                    figures.append(figure)
                }
            }
        }
        return figures
    }

    /// The absence bands of one academy's attendance record in `drop` for `group` and
    /// `yearGroup`, or nil when the record has none (an aggregate file without band
    /// columns) or there is no record. Raw counts: whoever shows them decides what may be
    /// shown (see `AbsenceBandBar` on the academy page).
    public func absenceBands(
        of urn: URN, in drop: DataDrop, group: PupilGroup, yearGroup: YearGroup = .all
    ) -> AbsenceBands? {
        guard let bucket = index.bucket(urn, drop) else { return nil }
        for position in bucket.attendance {
            let record = data.attendance[Int(position)]
            if record.group == group, record.yearGroup == yearGroup { return record.absenceBands }
        }
        return nil
    }

    /// The trust's figures in `drop`: for each KPI, pupil group and year group, the sums
    /// over every academy with that figure. A published figure that cannot be weighted
    /// (no pupil numbers, or `SUPP`) is not summed (see `leftOut(in:)`); when no academy's
    /// figure could be summed, the trust's has no value.
    ///
    /// A published percentage adds its count of pupils when its rounding leaves only one
    /// (`Figure.Publication.count`), so the trust's figure is a count over a count; one
    /// without is added as percentage × pupils, and the trust's figure is then marked
    /// approximate (`Figure.Publication.isApproximate`). A progress score whose every
    /// academy figure comes with the DfE's confidence interval gets one too (see
    /// `TrustInterval`), so the trust is rated by the same rule as its academies.
    /// `eachSummed`, when given, is called with every academy figure as it is summed, and
    /// its `smallKey` (the trust's benchmark is weighted by the same parts; see `PhaseMix`).
    /// It does not escape, so the caller's counts it adds to are plain locals: an optional
    /// closure escapes, and every use of what it captured was checked for exclusive
    /// access at run time, a third of the trust's report rows on the national store.
    /// `keys`, when given, keeps only the figures with those small keys: each is summed
    /// exactly as without it.
    public func trustFigures(
        in drop: DataDrop, keys: Set<Int>? = nil, eachSummed: (Figure, Int) -> Void = { _, _ in }
    ) -> [Figure] {
        var totals = TrustTotals()
        for urn in index.academies(in: drop) {
            // With keys, only the rows that can give them are made into figures.
            totals.add(
                keys.map { figures(of: urn, in: drop, keys: $0) } ?? figures(of: urn, in: drop), keys: keys,
                eachSummed: eachSummed)
        }
        return totals.figures
    }

    /// Adds one academy's figure into a trust-wide total: its counts, its basis (mixed
    /// bases give none), and, for a published figure, its count of pupils when known (in
    /// place of value × pupils) and whether that makes the total approximate. Every
    /// trust-wide sum goes through here, so they all count alike.
    static func add(_ figure: Figure, to total: inout Figure) {
        if total.academies == 0 {
            total.basis = figure.basis
        } else if total.basis != figure.basis {
            total.basis = nil
        }
        total.numerator += figure.publication?.count.map(Double.init) ?? figure.numerator
        total.denominator += figure.denominator
        total.pupils += figure.pupils
        total.academies += 1
        if let publication = figure.publication { notePublished(figure, publication, in: &total) }
    }

    /// Marks a trust-wide total as holding a published figure, and as approximate when
    /// that figure is a percentage whose count is not known.
    private static func notePublished(
        _ figure: Figure, _ publication: Figure.Publication, in total: inout Figure
    ) {
        var combined = total.publication ?? Figure.Publication(hasPupils: true)
        if publication.count == nil, figure.kpi.isPercentage { combined.weightedAcademies += 1 }
        total.publication = combined
    }

    /// The academies each trust-wide figure of `drop` leaves out, by `smallKey`: those
    /// whose figure the DfE published without pupil numbers, or as `SUPP`, so that it
    /// cannot be weighted into the sum. Only academies with published figures are looked at.
    public func leftOut(in drop: DataDrop) -> [Int: [URN]] {
        let urns = Set(data.published.lazy.filter { $0.drop == drop }.map(\.urn))
        var leftOut: [Int: [URN]] = [:]
        for urn in urns.sorted() {
            for figure in figures(of: urn, in: drop) where !Self.canBeSummed(figure) {
                leftOut[Self.smallKey(figure), default: []].append(urn)
            }
        }
        return leftOut
    }

    /// False for a published figure without pupil numbers or published as `SUPP`.
    static func canBeSummed(_ figure: Figure) -> Bool {
        guard let publication = figure.publication else { return true }
        return publication.hasPupils && !publication.suppressed
    }

    /// A trust-wide figure for the same KPI, groups and drop as `figure`, with nothing
    /// summed yet.
    static func emptyTotal(like figure: Figure) -> Figure {
        Figure(
            owner: .trust, kpi: figure.kpi, drop: figure.drop, group: figure.group,
            yearGroup: figure.yearGroup,
            numerator: 0, denominator: 0, pupils: 0, academies: 0, basis: figure.basis)
    }

    /// Every figure of `drop`, academies' and the trust's, by key.
    public func figures(for drop: DataDrop) -> [Key: Figure] {
        var all: [Key: Figure] = [:]
        for urn in index.academies(in: drop) {
            for figure in figures(of: urn, in: drop) { all[Key(figure)] = figure }
        }
        for figure in trustFigures(in: drop) { all[Key(figure)] = figure }
        return all
    }

    /// A number that identifies a figure's KPI, pupil group and year group, and orders
    /// them as reports list them.
    public static func smallKey(_ figure: Figure) -> Int {
        smallKey(figure.kpi, figure.group, figure.yearGroup)
    }

    /// The small key of `kpi`'s figure for `group` and `yearGroup` (see `smallKey(_:)`).
    public static func smallKey(_ kpi: KPI, _ group: PupilGroup, _ yearGroup: YearGroup) -> Int {
        kpi.index << 16 | group.index << 8 | yearGroup.code
    }

    /// The attendance KPIs of one row.
    public static func figures(of record: AttendanceRecord) -> [Figure] {
        var figures: [Figure] = []
        append(record, to: &figures)
        return figures
    }

    /// The catalogue's measures computed from an attendance row.
    static let attendanceMeasures = CountedMeasure<AttendanceCount>.all(of: .attendance)

    /// The catalogue's measures computed from an inclusion row.
    static let inclusionMeasures = CountedMeasure<InclusionCount>.all(of: .inclusion)

    /// Appends the attendance KPIs of one row.
    static func append(_ record: AttendanceRecord, to figures: inout [Figure]) {
        append(record, attendanceMeasures, pupils: record.pupils, to: &figures)
    }

    /// Appends each of `measures` whose counts `record` gives, over `pupils`: only those
    /// whose KPI `wanted` names, when given.
    static func append<Count: RecordCount>(
        _ record: Count.Record, _ measures: [CountedMeasure<Count>], pupils: Int, wanted: WantedKeys? = nil,
        to figures: inout [Figure]
    ) where Count.Record: DropRecord {
        let owner = Figure.Owner.academy(record.urn)
        for measure in measures {
            if let wanted, !wanted.names(measure.kpi) { continue }
            guard let numerator = measure.numerator.value(in: record),
                let denominator = measure.denominator.value(in: record)
            else { continue }
            figures.append(
                Figure(
                    owner: owner, kpi: measure.kpi, drop: record.drop, group: record.group,
                    yearGroup: record.yearGroup, numerator: Double(numerator),
                    denominator: Double(denominator),
                    pupils: pupils))
        }
    }

    /// The attainment KPIs of one row: expected, and greater depth when given.
    public static func figures(of record: AttainmentRecord) -> [Figure] {
        var figures: [Figure] = []
        append(record, to: &figures)
        return figures
    }

    /// Appends the attainment KPIs of one row: only those `wanted` names, when given.
    static func append(_ record: AttainmentRecord, wanted: WantedKeys? = nil, to figures: inout [Figure]) {
        func make(_ kpi: KPI, _ numerator: Int) -> Figure {
            Figure(
                owner: .academy(record.urn), kpi: kpi, drop: record.drop, group: record.group,
                yearGroup: record.yearGroup, numerator: Double(numerator), denominator: Double(record.cohort),
                pupils: record.cohort, basis: record.basis)
        }
        let expected = KPI.expected(record.subject)
        if wanted?.names(expected) ?? true { figures.append(make(expected, record.expected)) }
        let greaterDepthKPI = KPI.greaterDepth(record.subject)
        if let greaterDepth = record.greaterDepth, wanted?.names(greaterDepthKPI) ?? true {
            figures.append(make(greaterDepthKPI, greaterDepth))
        }
    }

    /// The figure of a published value. With pupils it is held as value × pupils over
    /// pupils (÷ 100 for a percentage), so the academy's figure shows the value as
    /// published; without, as the value over one. A percentage with pupils also keeps the
    /// whole count it stands for when only one rounds to it (`PublishedCount`), which
    /// trust-wide sums use instead.
    public static func figure(of record: PublishedFigure) -> Figure {
        let scale = record.kpi.isPercentage ? 100.0 : 1.0
        let weight = record.pupils.map(Double.init) ?? 1
        var figure = Figure(
            owner: .academy(record.urn), kpi: record.kpi, drop: record.drop, group: record.group,
            yearGroup: record.yearGroup, numerator: (record.value ?? 0) * weight / scale,
            denominator: weight, pupils: record.pupils ?? 0)
        var count: Int?
        if record.kpi.isPercentage, let value = record.value, let pupils = record.pupils {
            count = PublishedCount.count(percentage: value, of: pupils)
        }
        figure.publication = Figure.Publication(
            hasPupils: record.pupils != nil, suppressed: record.value == nil, interval: record.interval,
            count: count)
        return figure
    }

    /// The score KPI of one row, kept as average × cohort so sums weight by cohort.
    public static func figure(of record: ScoreRecord) -> Figure {
        Figure(
            owner: .academy(record.urn), kpi: .score(record.measure), drop: record.drop, group: record.group,
            yearGroup: record.yearGroup, numerator: record.average * Double(record.cohort),
            denominator: Double(record.cohort), pupils: record.cohort)
    }
}

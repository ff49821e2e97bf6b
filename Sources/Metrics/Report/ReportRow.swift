/// One line of a report: one academy (or the trust) × KPI × pupil group × year group.
///
/// Suppressed figures carry no value, previous, change or cohort, so nothing exported
/// can identify a pupil in a group of fewer than six.
public struct ReportRow: Hashable, Sendable, Codable {
    /// The drop, written `2024/25-spring`.
    public var drop: String
    /// The URN, or `trust` for trust-wide rows.
    public var urn: String
    /// The academy's name, or the trust's.
    public var academy: String
    /// The phase, or `all` for the trust.
    public var phase: String
    /// The KPI key.
    public var kpi: String
    /// The pupil group.
    public var pupilGroup: String
    /// The year group.
    public var yearGroup: String
    /// The value as shown; nil when suppressed or absent.
    public var value: Double?
    /// `green`, `amber`, `red`, `none` or `suppressed`.
    public var rating: String
    /// The benchmark value used, as shown (at the KPI's decimals, as it is rated); nil
    /// when none.
    public var benchmark: Double?
    /// The period the benchmark covers, such as `2023/24 autumn and spring`, `2023/24 full
    /// year`, or for attainment the year of the results, `2023/24`; for the trust's
    /// phase mix, each distinct period of its parts. Nil when there is no benchmark.
    public var benchmarkPeriod: String?
    /// The same term last year, as shown.
    public var previous: Double?
    /// Value minus previous.
    public var change: Double?
    /// Pupils in the group; nil when suppressed, or for a figure the DfE published
    /// without pupil numbers.
    public var cohort: Int?
    /// The percentage of schools of the academy's phase in England with a worse value
    /// (see `NationalDistribution`); nil when unknown, suppressed, or for the trust.
    public var nationalPercentile: Int?
    /// The academy's target when a target, not the benchmark, decided the rating: the
    /// line at or better than which the figure is green, as shown; nil otherwise.
    public var target: Double?
    /// For a trust row, the academies whose figure was published without pupil numbers
    /// and so is not in the trust-wide sum, as "Name (URN)". Not a CSV column; text and
    /// markdown list them under the table, JSON as `left_out`.
    public var leftOut: [String] = []
    /// True for a trust-wide percentage worked out by weighting some academies' rounded
    /// percentages by pupils, because their counts are not known (see
    /// `Figure.Publication.isApproximate`); false for any other value; nil when there is
    /// no value. Text and markdown write such a value as `≈67.4`.
    public var approximate: Bool?
    /// The median of the academy's similar schools' published figures for the same
    /// measure (see `SimilarComparisons`), at the KPI's decimals; nil when none is known.
    public var similarMedian: Double?
    /// The academy's rank among its similar schools with a figure and itself, 1 the best;
    /// nil when none is known.
    public var similarRank: Int?
    /// The schools ranked: the similar schools with a figure and the academy, so a rank of
    /// 4 with a count of 21 is "4th best of 21"; nil when none is known.
    public var similarCount: Int?
    /// For a trust row: the trust's expected figure from its academies' similar schools
    /// (`RatedFigure.similarExpected`), at the KPI's decimals; nil for an academy, or when
    /// not every academy in the figure has a comparison. The last CSV column.
    public var similarExpected: Double?
    /// True when the DfE published `SUPP` for the figure; text and markdown then say
    /// "suppressed by the DfE". Not a CSV or JSON column: `rating` is `suppressed` either way.
    public var suppressedByDfE = false
    /// Decimals to write values with.
    var decimals: Int

    enum CodingKeys: String, CodingKey {
        case drop, urn, academy, phase, kpi, rating, benchmark, previous, change, cohort, value, target,
            approximate
        case nationalPercentile = "national_percentile"
        case leftOut = "left_out"
        case benchmarkPeriod = "benchmark_period"
        case pupilGroup = "pupil_group"
        case yearGroup = "year_group"
        case similarMedian = "similar_median"
        case similarRank = "similar_rank"
        case similarCount = "similar_count"
        case similarExpected = "similar_expected"
    }

    /// The columns every row of one academy (or the trust) in one drop shares, worked
    /// out once rather than for each of its rows.
    public struct Owner: Sendable {
        let drop: String
        let urn: String
        let academy: String
        let phase: String

        /// The shared columns for `academy`'s rows, or the trust's when nil.
        public init(drop: DataDrop, academy: Academy?, urn: URN?, trustName: String) {
            self.drop = drop.key
            self.urn = urn?.description ?? "trust"
            self.academy = academy?.name ?? (urn == nil ? trustName : "")
            phase = academy?.phase.rawValue ?? "all"
        }
    }

    /// Makes the row of a rated figure.
    public init(_ rated: RatedFigure, academy: Academy?, trustName: String) {
        let owner = Owner(
            drop: rated.figure.drop, academy: academy, urn: rated.figure.owner.urn, trustName: trustName)
        self.init(rated, owner: owner)
    }

    /// Makes the row of a rated figure whose shared columns are known.
    public init(_ rated: RatedFigure, owner: Owner) {
        let figure = rated.figure
        let cells = ReportCells(rated)
        drop = owner.drop
        urn = owner.urn
        academy = owner.academy
        phase = owner.phase
        kpi = KPI.keys[figure.kpi.index]
        pupilGroup = figure.group.rawValue
        yearGroup = YearGroup.rawValues[figure.yearGroup.code]
        value = cells.value
        rating = cells.rating.rawValue
        benchmark = cells.benchmark
        benchmarkPeriod = rated.benchmark?.periodText
        previous = cells.previous
        change = cells.change
        cohort = cells.cohort
        nationalPercentile = cells.nationalPercentile
        target = cells.target
        approximate = cells.approximate
        suppressedByDfE = rated.isSuppressedByDfE
        decimals = cells.decimals
        similarExpected = cells.similarExpected
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        drop = try container.decode(String.self, forKey: .drop)
        urn = try container.decode(String.self, forKey: .urn)
        academy = try container.decode(String.self, forKey: .academy)
        phase = try container.decode(String.self, forKey: .phase)
        kpi = try container.decode(String.self, forKey: .kpi)
        pupilGroup = try container.decode(String.self, forKey: .pupilGroup)
        yearGroup = try container.decode(String.self, forKey: .yearGroup)
        value = try container.decodeIfPresent(Double.self, forKey: .value)
        rating = try container.decode(String.self, forKey: .rating)
        benchmark = try container.decodeIfPresent(Double.self, forKey: .benchmark)
        previous = try container.decodeIfPresent(Double.self, forKey: .previous)
        change = try container.decodeIfPresent(Double.self, forKey: .change)
        cohort = try container.decodeIfPresent(Int.self, forKey: .cohort)
        nationalPercentile = try container.decodeIfPresent(Int.self, forKey: .nationalPercentile)
        target = try container.decodeIfPresent(Double.self, forKey: .target)
        leftOut = try container.decodeIfPresent([String].self, forKey: .leftOut) ?? []
        approximate = try container.decodeIfPresent(Bool.self, forKey: .approximate)
        benchmarkPeriod = try container.decodeIfPresent(String.self, forKey: .benchmarkPeriod)
        similarMedian = try container.decodeIfPresent(Double.self, forKey: .similarMedian)
        similarRank = try container.decodeIfPresent(Int.self, forKey: .similarRank)
        similarCount = try container.decodeIfPresent(Int.self, forKey: .similarCount)
        similarExpected = try container.decodeIfPresent(Double.self, forKey: .similarExpected)
        decimals = KPI(key: kpi)?.decimals ?? 1
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(drop, forKey: .drop)
        try container.encode(urn, forKey: .urn)
        try container.encode(academy, forKey: .academy)
        try container.encode(phase, forKey: .phase)
        try container.encode(kpi, forKey: .kpi)
        try container.encode(pupilGroup, forKey: .pupilGroup)
        try container.encode(yearGroup, forKey: .yearGroup)
        try container.encode(value, forKey: .value)
        try container.encode(rating, forKey: .rating)
        try container.encode(benchmark, forKey: .benchmark)
        try container.encode(previous, forKey: .previous)
        try container.encode(change, forKey: .change)
        try container.encode(cohort, forKey: .cohort)
        try container.encode(nationalPercentile, forKey: .nationalPercentile)
        try container.encode(target, forKey: .target)
        if !leftOut.isEmpty { try container.encode(leftOut, forKey: .leftOut) }
        try container.encode(approximate, forKey: .approximate)
        try container.encode(benchmarkPeriod, forKey: .benchmarkPeriod)
        try container.encode(similarMedian, forKey: .similarMedian)
        try container.encode(similarRank, forKey: .similarRank)
        try container.encode(similarCount, forKey: .similarCount)
        try container.encode(similarExpected, forKey: .similarExpected)
    }

    /// A value written with the row's decimals, or empty.
    func text(_ number: Double?) -> String {
        guard let number else { return "" }
        return DisplayRounding.text(number, decimals: decimals)
    }

    /// Fills the similar-schools columns from `comparison`; a suppressed figure gets none.
    public mutating func compare(with comparison: SimilarSchoolsComparison?) {
        guard let similar = ReportCells.similar(comparison, value: value, decimals: decimals) else { return }
        similarMedian = similar.median
        similarRank = similar.rank
        similarCount = similar.count
    }

    /// The similar-schools phrase of the text and markdown forms: "4th best of 21 similar
    /// schools"; empty when there is none.
    var similarText: String {
        if let expected = similarExpected, let value, let direction = KPI(key: kpi)?.direction {
            return Self.expectedText(
                value: value, expected: expected, decimals: decimals, direction: direction)
        }
        guard let rank = similarRank, let count = similarCount else { return "" }
        return "\(SimilarSchoolsComparison.ordinal(rank)) best of \(count) similar schools"
    }

    /// The trust's value against its expected figure, on the values as shown: "1.3 points
    /// better than schools like ours", "0.4 points worse…", "the same as schools like ours".
    /// Both are rounded to `decimals` first, so the difference is the one a reader works
    /// out from the two figures printed (24.2 against 22.3 is 1.9, not the 1.8 of the
    /// unrounded 24.17 and 22.33). Shared by the report, the explanation and the trust page.
    public static func expectedText(
        value: Double, expected: Double, decimals: Int, direction: KPI.Direction
    ) -> String {
        let difference = DisplayRounding.round(
            DisplayRounding.round(value, decimals: decimals)
                - DisplayRounding.round(expected, decimals: decimals),
            decimals: decimals)
        guard difference != 0 else { return "the same as schools like ours" }
        let better = (difference > 0) == (direction == .higherIsBetter)
        let size = DisplayRounding.text(abs(difference), decimals: decimals)
        return "\(size) points \(better ? "better" : "worse") than schools like ours"
    }

    /// The benchmark written as shown, with the row's decimals.
    func benchmarkText() -> String { text(benchmark) }
}

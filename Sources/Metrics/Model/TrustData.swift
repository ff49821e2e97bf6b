/// Everything known about a trust: its academies, their records and the benchmarks.
///
/// The store loads this; `Metrics` computes figures from it. It holds no figures itself.
public struct TrustData: Sendable {
    /// The trust's name, when known.
    public var trustName: String?
    /// The trust's academies.
    public var academies: [Academy]
    /// Attendance rows.
    public var attendance: [AttendanceRecord]
    /// Attainment rows.
    public var attainment: [AttainmentRecord]
    /// Average-score rows.
    public var scores: [ScoreRecord]
    /// Figures the DfE published without counts.
    public var published: [PublishedFigure]
    /// Comparators.
    public var benchmarks: [Benchmark]
    /// Every school's values of a KPI, from DfE files that hold every school in England.
    public var distributions: [NationalDistribution]
    /// Suspensions and permanent exclusions.
    public var inclusion: [InclusionRecord]
    /// When each drop was last ingested, as text for people ("14 Mar 2026 10:42").
    public var ingestedAt: [DataDrop: String]
    /// What the overview's attendance trend shows of drops whose records were not read,
    /// as the store keeps it (`TrustStore.load(drops:attendanceOf:)`); such a drop is not
    /// among `drops`. Empty when every drop read was read as records.
    public var shownAttendance: [DataDrop: ShownAttendance] = [:]

    /// Makes trust data.
    public init(
        trustName: String? = nil, academies: [Academy] = [], attendance: [AttendanceRecord] = [],
        attainment: [AttainmentRecord] = [], scores: [ScoreRecord] = [], published: [PublishedFigure] = [],
        benchmarks: [Benchmark] = [], distributions: [NationalDistribution] = [],
        ingestedAt: [DataDrop: String] = [:], inclusion: [InclusionRecord] = []
    ) {
        self.trustName = trustName
        self.academies = academies
        self.attendance = attendance
        self.attainment = attainment
        self.scores = scores
        self.published = published
        self.benchmarks = benchmarks
        self.distributions = distributions
        self.ingestedAt = ingestedAt
        self.inclusion = inclusion
    }

    /// Every drop that has at least one attendance, attainment, score, published or inclusion row,
    /// oldest first.
    public var drops: [DataDrop] {
        var seen = Set<DataDrop>()
        // Records mostly come a drop at a time, so a drop is added once for each run of
        // records of it: adding every record's drop to the set was a twentieth of a
        // national store's first frame, on one core.
        func add<Record: DropRecord>(_ records: [Record]) {
            var last: DataDrop?
            for record in records where record.drop != last {
                seen.insert(record.drop)
                last = record.drop
            }
        }
        add(attendance)
        add(attainment)
        add(scores)
        add(published)
        add(inclusion)
        return seen.sorted()
    }

    /// Where the published figure behind `figure` comes from, such as "DfE KS4
    /// performance tables 2018/19"; nil for a figure from counts or the trust's.
    public func publishedSource(of figure: Figure) -> String? {
        guard figure.publication != nil, let urn = figure.owner.urn else { return nil }
        return published.first {
            $0.urn == urn && $0.drop == figure.drop && $0.kpi == figure.kpi && $0.group == figure.group
                && $0.yearGroup == figure.yearGroup
        }?.source
    }

    /// The academy with `urn`, if the trust has it.
    public func academy(_ urn: URN) -> Academy? {
        academies.first { $0.urn == urn }
    }
}

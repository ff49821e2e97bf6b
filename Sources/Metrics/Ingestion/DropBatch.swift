/// The checked contents of a set of files ingested together: all stored, or none.
public struct DropBatch: Sendable {
    /// One summary for each file, in the order given.
    public var files: [DropFileSummary] = []
    /// Academies read.
    public var academies: [Sourced<Academy>] = []
    /// Attendance rows read.
    public var attendance: [Sourced<AttendanceRecord>] = []
    /// Attainment rows read.
    public var attainment: [Sourced<AttainmentRecord>] = []
    /// Score rows read.
    public var scores: [Sourced<ScoreRecord>] = []
    /// Suspension and exclusion rows read (`inclusion` files).
    public var inclusion: [Sourced<InclusionRecord>] = []
    /// Benchmarks read.
    public var benchmarks: [Sourced<Benchmark>] = []
    /// The trust's own lines of each academy's intake for a year (`context` files), for
    /// academies the census does not have.
    public var context: [Sourced<SchoolContext>] = []
    /// Figures the DfE published without counts, read from its performance tables.
    public var published: [Sourced<PublishedFigure>] = []
    /// National distributions read from DfE files that hold every school in England.
    public var distributions: [Sourced<NationalDistribution>] = []
    /// Every school's line of the DfE's school census: its phase and intake.
    public var census: [Sourced<SchoolCensus>] = []
    /// The census's national rows: each school type's intake in England, set beside the
    /// academies' own.
    public var nationalCensus: [Sourced<NationalCensus>] = []
    /// Every school's published values, the trust's and all others, from DfE files that
    /// list schools one by one: what similar schools are compared by.
    public var outcomes: [Sourced<SchoolOutcome>] = []
    /// The names and local authorities those files give their schools.
    public var schoolNames: [Sourced<SchoolName>] = []
    /// Distributions whose schools' phases come from the census, placed when the batch has
    /// been read (`DropReader` leaves none here).
    var pendingDistributions: [PendingDistributions] = []
    /// The trust's name, when the batch says it (`ingest --trust` takes it from the DfE
    /// file); stored to head the dashboard unless the config names the trust.
    public var trustName: String?
    /// The URNs of rows that had errors, so that an unknown academy is reported in the
    /// same run as the row's other errors.
    public var rejectedRows: [Sourced<URN>] = []
    /// Every error and warning, file by file, in line order.
    public var issues: [DropIssue] = []

    /// Makes an empty batch.
    public init() {}

    /// The errors alone.
    public var errors: [DropIssue] { issues.filter { $0.severity == .error } }

    /// The warnings alone.
    public var warnings: [DropIssue] { issues.filter { $0.severity == .warning } }

    /// True when the batch may be stored.
    public var isValid: Bool { !issues.contains { $0.severity == .error } }

    /// Data rows in the batch.
    public var rowCount: Int {
        academies.count + attendance.count + attainment.count + scores.count + benchmarks.count
            + published.count + census.count + context.count + inclusion.count
    }
}

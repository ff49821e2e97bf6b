/// The trust's rating settings, read from a human-edited YAML file.
///
/// Anything the file leaves out takes the built-in default, so an empty file, or no
/// file at all, rates with the defaults documented in the README.
public struct RatingConfig: Hashable, Sendable {
    /// The trust's name, shown in headers.
    public var trustName: String?
    /// Which benchmarks to rate against: national unless the file says otherwise.
    public var benchmarkScope: Benchmark.Scope = .national
    /// True for `benchmark_scope: similar`: each academy figure with a similar-schools
    /// comparison is rated against the group's median, with the same rules and margins,
    /// and any other figure against the national benchmark (`benchmarkScope` is then
    /// national).
    public var ratesAgainstSimilarSchools = false
    /// Rules that replace the built-in rule for a KPI, trust-wide.
    public var rules: [KPI: RatingRule] = [:]
    /// Per-academy targets, which override the trust's rule for that academy and KPI.
    public var targets: [URN: [KPI: RatingTarget]] = [:]
    /// Headline figures by phase, replacing the built-in ones.
    public var headlines: [Phase: Headline] = [:]
    /// How many similar schools each academy is compared with (`similar_count`): 20
    /// unless the file says otherwise, within `SimilarSchoolsFinder.countRange`.
    public var similarCount: Int = SimilarSchoolsFinder.defaultCount
    /// The marking the board pack carries on every page (`pack_marking`), such as
    /// "OFFICIAL-SENSITIVE"; nil for the default, `RatingConfig.defaultPackMarking`.
    public var packMarking: String?
    /// Where the settings were read from, for messages about them; nil for the built-in
    /// settings.
    public var origin: Origin?

    /// The file the settings were read from, and the lines of the settings that can only
    /// be checked against a store (see `check(against:)`).
    public struct Origin: Hashable, Sendable {
        /// The file's path or name, as given.
        public var file: String
        /// The 1-based line of `benchmark_scope`, when the file sets it.
        public var scopeLine: Int?
        /// The 1-based line of each academy's key under `targets`.
        public var targetLines: [URN: Int] = [:]

        /// Makes an origin.
        public init(file: String, scopeLine: Int? = nil, targetLines: [URN: Int] = [:]) {
            self.file = file
            self.scopeLine = scopeLine
            self.targetLines = targetLines
        }
    }

    /// The built-in settings.
    public init() {}

    /// The board pack's marking when the file sets none: the marking public bodies put on
    /// OFFICIAL information that needs more care in handling, as papers about pupils do.
    public static let defaultPackMarking = "OFFICIAL-SENSITIVE"

    /// The trust-wide rule for a KPI: the file's, else the built-in one.
    public func rule(for kpi: KPI) -> RatingRule? {
        rules[kpi] ?? RatingRule.builtIn(for: kpi)
    }

    /// The target for an academy and KPI, if the file sets one.
    public func target(for urn: URN, _ kpi: KPI) -> RatingTarget? {
        targets[urn]?[kpi]
    }

    /// The headline figure for a phase.
    public func headline(for phase: Phase) -> Headline? {
        headlines[phase] ?? Headline.builtIn(for: phase)
    }
}

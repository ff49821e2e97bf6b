/// The trust's rating settings, read from a human-edited YAML file.
///
/// Anything the file leaves out takes the built-in default, so an empty file, or no
/// file at all, rates with the defaults documented in the README.
public struct RatingConfig: Hashable, Sendable {
    /// The trust's name, shown in headers.
    public var trustName: String?
    /// Which benchmarks to rate against: national unless the file says otherwise.
    public var benchmarkScope: Benchmark.Scope = .national
    /// Rules that replace the built-in rule for a KPI, trust-wide.
    public var rules: [KPI: RatingRule] = [:]
    /// Per-academy targets, which override the trust's rule for that academy and KPI.
    public var targets: [URN: [KPI: RatingTarget]] = [:]
    /// Headline figures by phase, replacing the built-in ones.
    public var headlines: [Phase: Headline] = [:]

    /// The built-in settings.
    public init() {}

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

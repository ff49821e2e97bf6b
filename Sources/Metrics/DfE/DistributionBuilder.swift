extension IssueLog {
    /// One warning for the cells of schools outside the trust that are neither a number
    /// nor a missing-value code: they are left out of the national distributions, and
    /// another school's cell never stops the trust's ingest.
    mutating func warnUnreadableElsewhere(_ count: Int) {
        guard count > 0 else { return }
        warning(
            "\(count) cell\(count == 1 ? "" : "s") of schools outside the trust \(count == 1 ? "is" : "are") "
                + "neither a number nor a DfE missing-value code, so \(count == 1 ? "it was" : "they were") "
                + "left out of the national distributions",
            fix: "nothing to fix for the trust's figures; check the file is the DfE's own if there are many")
    }
}

/// Collects every school's published value of each KPI by phase while a DfE file is
/// read, and turns them into national distributions when the file holds every school in
/// England.
///
/// A file counts as national when its school rows come from at least
/// `nationalAuthorities` local authorities: England has about 150, and a local file
/// (one authority, as the Surrey KS2 files) has one.
struct DistributionBuilder {
    /// Local authorities a file's school rows must span to count as holding every school.
    static let nationalAuthorities = 100
    /// Schools a phase needs for its distribution to be kept: a percentile among a
    /// handful of schools (the one alternative-provision school of the absence file, say)
    /// would mean nothing.
    static let fewestSchools = 30

    private var values: [KPI: [Phase: [Double]]] = [:]
    private var authorities: Set<String> = []

    /// Notes that a school row of local authority `authority` was read.
    mutating func saw(authority: String) {
        authorities.insert(authority)
    }

    /// Adds one school's published value.
    mutating func add(_ kpi: KPI, phase: Phase, value: Double) {
        values[kpi, default: [:]][phase, default: []].append(value)
    }

    /// True when the school rows span enough local authorities to be national.
    var isNational: Bool { authorities.count >= Self.nationalAuthorities }

    /// The distributions, by KPI then phase; empty when the file is not national.
    func distributions(drop: DataDrop, source: String) -> [NationalDistribution] {
        guard isNational else { return [] }
        return values.keys.sorted().flatMap { kpi in
            let byPhase = values[kpi] ?? [:]
            return byPhase.keys.sorted().filter { (byPhase[$0]?.count ?? 0) >= Self.fewestSchools }.map {
                phase in
                NationalDistribution(
                    kpi: kpi, drop: drop, phase: phase, values: byPhase[phase] ?? [], source: source)
            }
        }
    }
}

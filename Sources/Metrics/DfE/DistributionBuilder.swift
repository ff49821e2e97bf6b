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
///
/// A file that names each school's phase (a `school_type` column, a `RECTYPE`) adds values
/// by phase and takes its distributions at once with `distributions(drop:source:)`. A file
/// that does not (the performance-tables absence file, with only an establishment number)
/// adds values by school with `add(_:urn:estimatedPhase:value:)` and hands them on with
/// `pending(drop:source:file:)`: their phases are settled from the DfE's school census once
/// the whole batch is read, so that a census file given in the same batch counts wherever
/// it comes in the list.
struct DistributionBuilder {
    /// Local authorities a file's school rows must span to count as holding every school.
    static let nationalAuthorities = 100
    /// Schools a phase needs for its distribution to be kept: a percentile among a
    /// handful of schools (the one alternative-provision school of the absence file, say)
    /// would mean nothing.
    static let fewestSchools = 30

    private var values: [KPI: [Phase: [Double]]] = [:]
    private var authorities: Set<String> = []
    /// Schools whose phase is to come from the census, with the phase their establishment
    /// number suggests (nil when it suggests none).
    private var estimated: [URN: Phase?] = [:]
    /// The values of those schools, by KPI.
    private var unplaced: [KPI: [PendingDistributions.SchoolValue]] = [:]

    /// Notes that a school row of local authority `authority` was read.
    mutating func saw(authority: String) {
        authorities.insert(authority)
    }

    /// Adds one school's published value.
    mutating func add(_ kpi: KPI, phase: Phase, value: Double) {
        values[kpi, default: [:]][phase, default: []].append(value)
    }

    /// Notes a school whose phase is to come from the census, whether or not it has values;
    /// `estimatedPhase` is what its establishment number suggests, used when the census
    /// does not have the school.
    mutating func noteSchool(_ urn: URN, estimatedPhase: Phase?) {
        estimated[urn] = .some(estimatedPhase)
    }

    /// Adds one value of a school noted with `noteSchool(_:estimatedPhase:)`.
    mutating func add(_ kpi: KPI, urn: URN, value: Double) {
        unplaced[kpi, default: []].append(PendingDistributions.SchoolValue(urn: urn, value: value))
    }

    /// True when the school rows span enough local authorities to be national.
    var isNational: Bool { authorities.count >= Self.nationalAuthorities }

    /// The distributions, by KPI then phase; empty when the file is not national. Values
    /// added by school are not in them: see `pending(drop:source:file:)`.
    func distributions(drop: DataDrop, source: String) -> [NationalDistribution] {
        guard isNational else { return [] }
        return Self.distributions(of: values, drop: drop, source: source)
    }

    /// The values of a national file, for the batch to place by phase once it is read;
    /// nil when the file is not national.
    func pending(drop: DataDrop, source: String, file: Int) -> PendingDistributions? {
        guard isNational else { return nil }
        return PendingDistributions(
            file: file, drop: drop, source: source, placed: values, estimated: estimated, unplaced: unplaced)
    }

    /// The distributions of `values`, by KPI then phase, leaving out a phase with fewer
    /// than `fewestSchools` schools.
    static func distributions(
        of values: [KPI: [Phase: [Double]]], drop: DataDrop, source: String
    ) -> [NationalDistribution] {
        values.keys.sorted().flatMap { kpi in
            let byPhase = values[kpi] ?? [:]
            return byPhase.keys.sorted().filter { (byPhase[$0]?.count ?? 0) >= fewestSchools }.map {
                phase in
                NationalDistribution(
                    kpi: kpi, drop: drop, phase: phase, values: byPhase[phase] ?? [], source: source)
            }
        }
    }
}

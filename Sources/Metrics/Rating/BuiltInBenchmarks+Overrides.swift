extension BuiltInBenchmarks {
    /// The built-in benchmarks with each one that `overrides` has a figure for (the same
    /// KPI, drop, phase, pupil group and scope) replaced by that figure, then every other
    /// figure of `overrides`: what a store holds after ingesting `overrides`, for a trust
    /// read without a store (the bundled sample trust).
    public static func overridden(by overrides: [Benchmark]) -> [Benchmark] {
        let replaced = Set(overrides.map(BenchmarkKey.init))
        return all.filter { !replaced.contains(BenchmarkKey($0)) } + overrides
    }
}

/// What identifies a benchmark: the key of a stored benchmark row.
private struct BenchmarkKey: Hashable {
    let kpi: String
    let drop: DataDrop
    let phase: Phase?
    let group: PupilGroup
    let scope: String

    init(_ benchmark: Benchmark) {
        kpi = benchmark.kpi.key
        drop = benchmark.drop
        phase = benchmark.phase
        group = benchmark.group
        scope = benchmark.scope.description
    }
}

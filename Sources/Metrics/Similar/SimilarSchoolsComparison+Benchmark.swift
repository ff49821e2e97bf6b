extension SimilarSchoolsComparison {
    /// The group's median as the benchmark of an academy's figure of `kpi` in `drop`, for
    /// `benchmark_scope: similar`: rated with the same rules and margins as a national
    /// benchmark. The DfE publishes school-level figures for whole years, so the benchmark
    /// is the full year `year`; for an in-year figure the period rule says so, as it does
    /// for a national benchmark of another period. The match carries the comparison
    /// (`Match.similar`), which is what tells it from a national one: the benchmark's
    /// scope stays national, the one `benchmark_scope: similar` falls back to.
    public func benchmark(kpi: KPI, phase: Phase?, for drop: DataDrop) -> BenchmarkMatcher.Match {
        let benchmark = Benchmark(
            kpi: kpi, year: year, term: .summer, phase: phase, group: .all, scope: .national, value: median,
            source: source)
        let period: BenchmarkMatcher.Period =
            benchmark.drop == drop
            ? .sameDrop : benchmark.term == drop.term ? .earlierYearSameTerm : .latestEarlier
        return BenchmarkMatcher.Match(benchmark: benchmark, period: period, similar: self)
    }

    /// Where the median comes from, in words: "similar schools' median, 20 schools, 2018/19"
    /// (the schools with a figure, which the median is of).
    public var source: String {
        "similar schools' median, \(membersWithValue) \(membersWithValue == 1 ? "school" : "schools"), \(year)"
    }
}

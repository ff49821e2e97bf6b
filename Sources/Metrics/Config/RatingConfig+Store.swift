extension RatingConfig {
    /// Checks the settings against the trust and benchmarks they are to rate, so that a
    /// typing mistake fails loudly instead of quietly leaving figures unrated.
    ///
    /// - A `benchmark_scope` the file sets that matches no benchmark in `data` is an error
    ///   on its line, listing the scopes there are: without a benchmark every figure rated
    ///   against one would have no rating.
    /// - Targets for a URN that is not an academy of the trust are a warning on the line
    ///   of its key: they can never apply.
    ///
    /// - Returns: The warnings, in line order.
    /// - Throws: `ConfigError` for a scope that matches nothing.
    public func check(against data: TrustData) throws(ConfigError) -> [ConfigWarning] {
        guard let origin else { return [] }
        // Similar schools' medians come from the census and outcome files, not from
        // benchmarks, and a figure without one falls back to whatever national benchmark
        // there is: nothing to check.
        if let line = origin.scopeLine, !ratesAgainstSimilarSchools {
            let scopes = Set(data.benchmarks.map(\.scope))
            if !scopes.contains(benchmarkScope) {
                let known = scopes.sorted { lhs, rhs in
                    switch (lhs, rhs) {
                    case (.national, .localAuthority): true
                    case (.localAuthority, .national), (.national, .national): false
                    case (.localAuthority(let left), .localAuthority(let right)): left < right
                    }
                }
                throw ConfigError(
                    file: origin.file, line: line,
                    .scopeNotInStore(benchmarkScope.description, known: known.map(\.description)))
            }
        }
        let academies = Set(data.academies.map(\.urn))
        return targets.keys.filter { !academies.contains($0) }.map { urn in
            ConfigWarning(
                file: origin.file, line: origin.targetLines[urn] ?? 1,
                problem:
                    "targets are set for \(urn), which is not an academy of the trust, so they are never used",
                fix: "check the URN, or remove the targets of an academy that has left the trust")
        }
        .sorted { $0.line < $1.line }
    }
}

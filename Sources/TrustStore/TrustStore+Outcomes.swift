import GRDB
import Metrics

extension TrustStore {
    /// Every school's published values of `drop`: one range scan of the key, loaded only
    /// when similar schools are asked for.
    public func schoolOutcomes(of drop: DataDrop) throws -> SchoolOutcomes {
        try reading { db in
            var outcomes = SchoolOutcomes(drop: drop)
            try StoredRow.forEach(
                in: db, sql: RecordTable.outcomes.selectSQL + " WHERE academic_year = ? AND term = ?",
                arguments: [drop.year.start, drop.term.rawValue], table: .outcomes, path: path
            ) { outcomes.add(try $0.outcome()) }
            return outcomes
        }
    }

    /// The drops with any school's published values, oldest first.
    public func schoolOutcomeDrops() throws -> [DataDrop] {
        try reading { db in
            var drops: [DataDrop] = []
            try StoredRow.forEach(
                in: db, sql: "SELECT DISTINCT academic_year, term FROM school_outcomes", table: .outcomes,
                path: path
            ) { drops.append(try $0.drop(0)) }
            return drops.sorted()
        }
    }

    /// The names and local authorities DfE files gave `urns` (every school when nil), by URN.
    public func schoolNames(of urns: Set<URN>? = nil) throws -> [URN: SchoolName] {
        try reading { db in
            var names: [URN: SchoolName] = [:]
            try StoredRow.forEach(
                in: db, sql: RecordTable.schoolNames.selectSQL, table: .schoolNames, path: path
            ) { row in
                let name = try row.schoolName()
                if urns?.contains(name.urn) ?? true { names[name.urn] = name }
            }
            return names
        }
    }
}

extension TrustStore {
    /// The similar-schools comparisons a report of `drop` can use: the groups of
    /// `academies` chosen from the census of each year `drop`'s figures may be compared
    /// with (its own, else the one before, never a pandemic year), and every school's
    /// published values of those years. An academy's characteristics come from its census
    /// line, else from its `context` line of the year. Nil when no such year has
    /// school-level values, or no census of such a year is stored (the census gives the
    /// candidates).
    public func similarComparisons(
        for drop: DataDrop, academies: [Academy], count: Int = SimilarSchoolsFinder.defaultCount
    ) throws -> SimilarComparisons? {
        let years = Set(BenchmarkMatcher.usableYears(for: drop.year))
        let drops = try schoolOutcomeDrops().filter { $0.term == .summer && years.contains($0.year) }
        guard !drops.isEmpty else { return nil }
        var census: [SchoolCensus] = []
        var contexts: [SchoolContext] = []
        var national: [NationalCensus] = []
        for year in Set(drops.map(\.year)) {
            census += try schoolCensus(year: year)
            contexts += try academyContexts(year: year)
            national += try nationalCensus(year: year)
        }
        guard !census.isEmpty else { return nil }
        let comparisons = SimilarComparisons(
            census: census, contexts: contexts, academies: academies,
            outcomes: try drops.map { try schoolOutcomes(of: $0) }, count: count, national: national)
        return comparisons.isEmpty ? nil : comparisons
    }
}

/// A catalogue measure of one record kind, with the counts it is computed from resolved
/// once to accessors, so that computing figures for a million rows reads no names.
struct CountedMeasure<Record: Sendable>: Sendable {
    /// The KPI.
    let kpi: KPI
    /// The numerator's count of a record; nil when the record does not give it.
    let numerator: @Sendable (Record) -> Int?
    /// The denominator's count of a record.
    let denominator: @Sendable (Record) -> Int?

    /// Every KPI whose catalogue entry computes a rate from `kind`'s counts, in `KPI`
    /// order, with its counts found by `count`. A count the record kind does not have is
    /// a programming error the tests catch (`CatalogueTests`); such a measure is left out.
    static func all(
        of kind: DropRecordKind, count: (String) -> (@Sendable (Record) -> Int?)?
    ) -> [CountedMeasure] {
        KPI.allCases.compactMap { kpi in
            let definition = kpi.definition
            guard definition.source == kind,
                case .rate(let numerator, let denominator, _) = definition.computation,
                let top = count(numerator), let bottom = count(denominator)
            else { return nil }
            return CountedMeasure(kpi: kpi, numerator: top, denominator: bottom)
        }
    }
}

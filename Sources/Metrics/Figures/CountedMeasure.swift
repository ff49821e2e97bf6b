/// A catalogue measure of one record kind, with the counts it is computed from resolved
/// once (`RecordCount`), so that computing figures for a million rows reads no names.
struct CountedMeasure<Count: RecordCount>: Sendable {
    /// The KPI.
    let kpi: KPI
    /// The numerator's count; a record may not give it.
    let numerator: Count
    /// The denominator's count.
    let denominator: Count

    /// Every KPI whose catalogue entry computes a rate from `kind`'s counts, in `KPI`
    /// order. A count the record kind does not have is a programming error the tests
    /// catch (`CatalogueTests`); such a measure is left out.
    static func all(of kind: DropRecordKind) -> [CountedMeasure] {
        KPI.allCases.compactMap { kpi in
            let definition = kpi.definition
            guard definition.source == kind,
                case .rate(let numerator, let denominator, _) = definition.computation,
                let top = Count(named: numerator), let bottom = Count(named: denominator)
            else { return nil }
            return CountedMeasure(kpi: kpi, numerator: top, denominator: bottom)
        }
    }
}

/// A count of one record kind that catalogue measures are computed from, as the catalogue
/// names it (`MeasureDefinition.Computation`), read from a record by a switch.
///
/// Resolved once from its name (`CountedMeasure.all(of:)`), so that computing figures for
/// a million rows reads no names; and a value rather than a closure, so that reading it
/// retains nothing: the closures each measure held were retained and released around
/// every call, fourteen measures an attendance row.
protocol RecordCount: Sendable {
    /// The kind of record counted.
    associatedtype Record

    /// The count the catalogue names `name`; nil for a name the record does not have.
    init?(named name: String)

    /// The count in `record`; nil when the record does not give it.
    func value(in record: Record) -> Int?
}

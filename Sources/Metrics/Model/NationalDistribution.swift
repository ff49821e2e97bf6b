/// Every school's value of one KPI in one drop and phase, from a DfE file that holds
/// every school in England, so that an academy's national standing can be given as
/// "better than 72% of primary schools".
///
/// Values are kept as the DfE published them (one decimal place for percentages), in
/// ascending order; schools with a missing or suppressed value are not in it.
///
/// The percentile is the share of schools with a worse value, counting schools with the
/// same value as half worse and half better (the mid-rank percentile rank):
/// `100 × (worse + ½ × equal) / count`, rounded down to a whole number so that a school
/// is never said to be better than more schools than it is. The academy's own value is
/// among the equal ones when it is in the file, so a school alone at the top of 200 is
/// better than 99.75%, shown as 99%.
public struct NationalDistribution: Hashable, Sendable {
    /// The KPI.
    public var kpi: KPI
    /// The drop.
    public var drop: DataDrop
    /// The phase of the schools.
    public var phase: Phase
    /// The values, ascending.
    public private(set) var values: [Double]
    /// Where the values come from, shown to users.
    public var source: String

    /// Makes a distribution; `values` need not be sorted.
    public init(kpi: KPI, drop: DataDrop, phase: Phase, values: [Double], source: String) {
        self.kpi = kpi
        self.drop = drop
        self.phase = phase
        self.values = values.sorted()
        self.source = source
    }

    /// Schools in the distribution.
    public var count: Int { values.count }

    /// The percentage of schools with a worse value than `value` (ties counted half),
    /// rounded down to a whole number; nil when the distribution is empty.
    public func percentile(of value: Double) -> Int? {
        guard !values.isEmpty else { return nil }
        let tolerance = 1e-9
        let below = firstIndex { $0 >= value - tolerance }
        let notAbove = firstIndex { $0 > value + tolerance }
        let equal = notAbove - below
        let worse = kpi.direction == .higherIsBetter ? below : values.count - notAbove
        // 100 × (worse + equal / 2) / count, rounded down, in integers.
        return (200 * worse + 100 * equal) / (2 * values.count)
    }

    /// The first index whose value satisfies `predicate`, which is false then true
    /// along the sorted values.
    private func firstIndex(where predicate: (Double) -> Bool) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if predicate(values[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}

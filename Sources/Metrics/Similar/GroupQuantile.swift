/// Quantiles of a group's values by linear interpolation between the sorted values:
/// Hyndman and Fan's type 7, the default of R and of spreadsheets' `PERCENTILE.INC` and
/// `QUARTILE.INC`, so a data manager can check a figure in a spreadsheet.
///
/// For `n` sorted values and a proportion `p`, the position is `h = (n − 1) × p`
/// (0-based); the quantile is the value at `⌊h⌋` plus `h − ⌊h⌋` of the way to the next.
public enum GroupQuantile {
    /// The `p` quantile (0–1) of `values`, which need not be sorted; nil when there are
    /// none.
    public static func of(_ values: [Double], _ p: Double) -> Double? {
        sorted(values.sorted(), p)
    }

    /// The `p` quantile (0–1) of `values` already sorted, smallest first; nil when there
    /// are none.
    public static func sorted(_ values: [Double], _ p: Double) -> Double? {
        guard let first = values.first else { return nil }
        guard values.count > 1 else { return first }
        let position = Double(values.count - 1) * min(max(p, 0), 1)
        let below = Int(position.rounded(.down))
        guard below + 1 < values.count else { return values[below] }
        return values[below] + (position - Double(below)) * (values[below + 1] - values[below])
    }
}

/// The inverse of the standard normal distribution, read from a small table.
///
/// Used to spread a cohort's abilities evenly over the normal curve (a stratified sample), which
/// keeps a small cohort's results close to what its academy is meant to show. A table with linear
/// interpolation needs no logarithm, so it gives the same value on every platform.
enum StandardNormalQuantile {
    /// The quantile at 0.5/40, 1.5/40, … 19.5/40 above the median; the lower half mirrors it.
    private static let upperHalf: [Double] = [
        0.0313, 0.0941, 0.1573, 0.2211, 0.2858, 0.3518, 0.4193, 0.4888, 0.5607, 0.6357,
        0.7144, 0.7978, 0.8871, 0.9842, 1.0916, 1.2133, 1.3563, 1.5341, 1.7805, 2.2414,
    ]

    /// The value below which the given share (0–1) of a standard normal population lies,
    /// clamped to the outermost table entries (about ±2.24).
    static func value(at probability: Double) -> Double {
        let steps = Double(upperHalf.count * 2)
        let position = probability * steps - 0.5
        let lowest = 0.0
        let highest = steps - 1
        let clamped = min(max(position, lowest), highest)
        let lowerIndex = Int(clamped)
        let upperIndex = min(lowerIndex + 1, Int(highest))
        let fraction = clamped - Double(lowerIndex)
        let lower = entry(lowerIndex)
        return lower + (entry(upperIndex) - lower) * fraction
    }

    private static func entry(_ index: Int) -> Double {
        let half = upperHalf.count
        return index >= half ? upperHalf[index - half] : -upperHalf[half - 1 - index]
    }
}

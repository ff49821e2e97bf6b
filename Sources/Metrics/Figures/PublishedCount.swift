/// The whole count of pupils behind a percentage the DfE published rounded, when the
/// percentage and the pupils it is over leave only one possibility.
///
/// The DfE rounds half up: 4 of 32 pupils (12.5%) is published as 13%. (The Surrey KS2
/// files of 2016/17 to 2018/19 bear this out: 130 of their 7,554 school percentages, such
/// as 13% of 32 pupils, fit a count only if halves are rounded up.) A school of at
/// most 100 pupils has at most one count for each whole percentage; a larger one can
/// have two (134 or 135 of 201 pupils both give 67%), and a percentage over other pupils
/// than the ones given (some pupils are left out of a measure) can fit none.
public enum PublishedCount {
    /// The only count `c` in 0…`pupils` whose percentage `100 × c / pupils`, rounded half up
    /// to the decimals `percentage` is written with (the fewest, up to two), equals
    /// `percentage`; nil when no count or more than one fits, or when `pupils` is 0.
    ///
    /// Taking the fewest decimals is safe for a value such as 71.0 published to one
    /// place: every count that rounds to 71.0 also rounds to 71, so the true count is
    /// among those found and is returned only when it is the only one.
    public static func count(percentage: Double, of pupils: Int) -> Int? {
        guard pupils > 0, percentage >= 0, percentage <= 100 else { return nil }
        guard let (scaled, scale) = writtenExactly(percentage) else { return nil }
        // round-half-up(100 × 10^d × c / n) = P  ⇔  (2P − 1) × n ≤ 200 × 10^d × c < (2P + 1) × n
        let n = Int64(pupils)
        let step = 200 * scale
        let low = ceilingDivision((2 * scaled - 1) * n, step)
        let high = ceilingDivision((2 * scaled + 1) * n, step) - 1
        let first = max(low, 0)
        let last = min(high, n)
        guard first == last else { return nil }
        return Int(first)
    }

    /// The value as a whole number of hundredths, tenths or units (`scaled`), with 10 to
    /// the power of its decimals (`scale`): 67 → (67, 1), 70.8 → (708, 10); nil for a value
    /// that needs more than two decimals.
    private static func writtenExactly(_ value: Double) -> (scaled: Int64, scale: Int64)? {
        for scale: Int64 in [1, 10, 100] {
            let scaled = (value * Double(scale)).rounded()
            if abs(scaled - value * Double(scale)) < 1e-6 { return (Int64(scaled), scale) }
        }
        return nil
    }

    /// ⌈a / b⌉ for b > 0, also for negative a.
    private static func ceilingDivision(_ a: Int64, _ b: Int64) -> Int64 {
        a >= 0 ? (a + b - 1) / b : -((-a) / b)
    }
}

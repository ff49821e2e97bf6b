/// Rounding of doubles to whole numbers with plain arithmetic.
///
/// The results equal `rounded()` and `rounded(.down)` for values well inside the range of `Int`,
/// without a call into the C library on every pupil.
enum Rounding {
    /// The nearest whole number, halves away from zero.
    static func nearest(_ value: Double) -> Int {
        value < 0 ? -Int(0.5 - value) : Int(value + 0.5)
    }

    /// The largest whole number not above `value`.
    static func down(_ value: Double) -> Int {
        let truncated = Int(value)
        return Double(truncated) > value ? truncated - 1 : truncated
    }
}

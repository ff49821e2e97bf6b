/// Coordinates written the same on every machine: at most one decimal, no trailing zero.
enum SVGNumber {
    /// `value` to one decimal place, "12", "12.5", "-3.1".
    static func text(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        let whole = Int(tenths) / 10
        let rest = abs(Int(tenths)) % 10
        if rest == 0 { return String(whole) }
        let sign = tenths < 0 && whole == 0 ? "-" : ""
        return "\(sign)\(whole).\(rest)"
    }
}

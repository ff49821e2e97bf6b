/// Rounding half away from zero to a KPI's shown decimals, and writing the result.
public enum DisplayRounding {
    /// `numerator / denominator` (× 100 for a percentage or a rate per 100) rounded half away from zero to
    /// the KPI's decimals. Whole-number counts are rounded exactly in integer arithmetic,
    /// so 1869 of 2000 (93.45%) shows as 93.5 however binary floating point holds 93.45.
    public static func shown(numerator: Double, denominator: Double, kpi: KPI) -> Double {
        let scale = kpi.decimals == 2 ? 100.0 : 10.0
        let factor = kpi.definition.scale * scale
        if numerator == numerator.rounded(), denominator == denominator.rounded(),
            abs(numerator) * factor < 9e15, denominator < 9e15
        {
            let top = Int64(abs(numerator) * factor)
            let bottom = Int64(denominator)
            let rounded = (2 * top + bottom) / (2 * bottom)
            return Double(numerator < 0 ? -rounded : rounded) / scale
        }
        return round(numerator / denominator * kpi.definition.scale, decimals: kpi.decimals)
    }

    /// `value` rounded half away from zero to `decimals` places, allowing for the binary
    /// error in numbers such as 0.125 written as decimals.
    public static func round(_ value: Double, decimals: Int) -> Double {
        let scale = decimals == 2 ? 100.0 : decimals == 0 ? 1.0 : 10.0
        let scaled = value * scale
        let nudged = scaled + (scaled >= 0 ? 1e-9 : -1e-9)
        return nudged.rounded(.toNearestOrAwayFromZero) / scale
    }

    /// The value written with exactly `decimals` places, such as "93.5" or "-0.35".
    public static func text(_ value: Double, decimals: Int) -> String {
        let scale = decimals == 2 ? 100 : decimals == 0 ? 1 : 10
        // The same rounding as `round`, so that a line written as text is the line a
        // rating is decided on (91.15 is written 91.2 and rated as 91.2).
        let scaled = Int64(
            (round(value, decimals: decimals) * Double(scale)).rounded(.toNearestOrAwayFromZero))
        let sign = scaled < 0 ? "-" : ""
        let magnitude = abs(scaled)
        guard decimals > 0 else { return sign + String(magnitude) }
        let fraction = String(magnitude % Int64(scale))
        let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
        return "\(sign)\(magnitude / Int64(scale)).\(padded)"
    }

    /// The value of a KPI written with its decimals.
    public static func text(_ value: Double, for kpi: KPI) -> String { text(value, decimals: kpi.decimals) }

    /// A whole count with thousands separators, as people read counts: "12,158", "350".
    public static func count(_ value: Int) -> String {
        var digits = String(value.magnitude)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return (value < 0 ? "-" : "") + groups.joined(separator: ",")
    }

    /// A change written with its sign: "+1.4", "-0.3", "0.0".
    public static func signed(_ value: Double, for kpi: KPI) -> String {
        let body = text(value, decimals: kpi.decimals)
        return value > 0 && body != text(0, decimals: kpi.decimals) ? "+" + body : body
    }
}

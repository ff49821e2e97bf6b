/// A one-line chart of a figure over time, one character per drop.
public enum Sparkline {
    /// The eight heights, lowest first.
    static let bars: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    /// The same eight heights in ASCII, lowest first.
    static let asciiBars: [Character] = ["_", ".", "-", ":", "=", "+", "*", "#"]

    /// One character per value, scaled from the smallest value (▁) to the largest (█);
    /// a space where there is no value, and the middle height when every value is equal.
    ///
    /// - Parameters:
    ///   - values: the figure in each drop, oldest first; nil where there is none.
    ///   - ascii: true for `_.-:=+*#` in place of the block characters.
    /// - Returns: a string of exactly `values.count` characters.
    public static func text(_ values: [Double?], ascii: Bool) -> String {
        let marks = ascii ? asciiBars : bars
        let present = values.compactMap { $0 }
        guard let low = present.min(), let high = present.max() else {
            return String(repeating: " ", count: values.count)
        }
        let top = marks.count - 1
        return String(
            values.map { value -> Character in
                guard let value else { return " " }
                guard high > low else { return marks[top / 2] }
                let level = Int(((value - low) / (high - low) * Double(top)).rounded())
                return marks[max(0, min(top, level))]
            })
    }
}

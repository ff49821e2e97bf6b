/// Text made safe inside a quoted CSS string, for the running header and footer of the
/// printed pages (`content: "…"`), which carry the trust's name and the marking.
enum CSSText {
    /// `value` as a double-quoted CSS string: `"` and `\` escaped; `<`, `>` and `&` (which
    /// could end the `<style>` element) and every control character as hex escapes.
    static func quoted(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<", ">", "&", "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}":
                out += "\\" + String(scalar.value, radix: 16, uppercase: true) + " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

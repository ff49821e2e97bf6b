/// HTML (and the SVG inside it) written piece by piece, every text and attribute value
/// escaped on the way in, so that no name a reader accepts can open a tag, close an
/// attribute or start a script.
///
/// Written by hand rather than with a package: the pack needs a dozen elements, and the
/// one rule that matters (escape everything that is not a literal of this target) fits in
/// `escape(_:)`. See the README, "The board pack".
struct HTML {
    /// The text so far.
    private(set) var text = ""

    /// `value` safe inside an element or a quoted attribute: `&`, `<`, `>`, `"` and `'`
    /// as character references; control characters, which HTML does not allow even as
    /// references, as U+FFFD.
    static func escape(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// The text so far, which is then emptied: a page handed on to be written.
    mutating func take() -> String {
        defer { text = "" }
        return text
    }

    /// Appends markup written in this target (a tag, a literal): never a name or a value.
    mutating func raw(_ markup: String) { text += markup }

    /// Appends `value` as text, escaped.
    mutating func text(_ value: String) { text += Self.escape(value) }

    /// Appends `<name attributes>`, with each attribute's value escaped.
    mutating func open(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += "<" + name
        for (key, value) in attributes { text += " \(key)=\"\(Self.escape(value))\"" }
        text += ">"
    }

    /// Appends `</name>`.
    mutating func close(_ name: String) { text += "</\(name)>" }

    /// Appends an element holding `value` as text.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], text value: String
    ) {
        open(name, attributes)
        text(value)
        close(name)
    }

    /// Appends an element whose content `body` writes.
    mutating func element(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ body: (inout HTML) -> Void
    ) {
        open(name, attributes)
        body(&self)
        close(name)
    }
}

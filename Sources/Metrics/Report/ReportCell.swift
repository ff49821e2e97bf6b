/// Writing a name or other text into one cell of the text or markdown report, so that no
/// name the reader accepts (line breaks, tabs, pipes, any Unicode) can break the table.
///
/// CSV and JSON keep every character (see `SpreadsheetCell` for CSV's one guard); these
/// two forms are for reading, so they keep every character they can and write the rest
/// in a form that reads back unambiguously.
public enum ReportCell {
    /// The text form's cell: one line, no tabs. Control characters (line breaks, tabs and
    /// the rest of C0 and C1), the Unicode line and paragraph separators and the bidi
    /// controls that would reorder the rest of the line are written as escapes, `\n`,
    /// `\r`, `\t` or `\u{202E}`, by `TerminalText.inline`, as messages write outside
    /// text; everything else is kept. Columns are then padded by display width
    /// (`DisplayWidth`).
    public static func text(_ value: String) -> String {
        TerminalText.inline(value)
    }

    /// The markdown form's cell, by these rules, which a reader can undo exactly (up to
    /// the kind of line break):
    ///
    /// - `\` is written `\\` and `|` is written `\|`, so a pipe never ends the cell;
    /// - each line break (CR LF, LF, CR, U+0085, U+2028, U+2029) is written `<br>`;
    /// - `<` is written `&lt;`, so a name is never read as HTML, and `&` is written
    ///   `&amp;` where it would otherwise start a character reference such as `&lt;`.
    ///
    /// Other markdown (`*`, `_`, backticks) is left alone: it can change how a name is
    /// rendered, never the table.
    public static func markdown(_ value: String) -> String {
        // Printable ASCII without `\`, `|`, `<` or `&` is kept as it is, found without
        // making a list of the scalars (a national report writes 50 million cells).
        let plain = value.utf8.allSatisfy {
            $0 >= 0x20 && $0 < 0x80 && $0 != UInt8(ascii: "\\") && $0 != UInt8(ascii: "|")
                && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: "&")
        }
        if plain { return value }
        let scalars = Array(value.unicodeScalars)
        guard
            scalars.contains(where: {
                $0 == "\\" || $0 == "|" || $0 == "<" || $0 == "&" || isLineBreak($0)
            })
        else { return value }
        var out = ""
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "\\": out += "\\\\"
            case "|": out += "\\|"
            case "<": out += "&lt;"
            case "&": out += startsReference(scalars, at: index) ? "&amp;" : "&"
            case "\r":
                if index < scalars.count, scalars[index] == "\n" { index += 1 }
                out += "<br>"
            case _ where isLineBreak(scalar): out += "<br>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// True for LF, CR, NEL and the Unicode line and paragraph separators.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// True when the characters from `start` (just after an `&`) would make it a character
    /// reference: a name (`lt;`), `#` and digits (`#60;`), or `#x` and hex digits (`#x3C;`),
    /// then `;`.
    private static func startsReference(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var index = start
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        func isLetter(_ s: Unicode.Scalar) -> Bool { ("a"..."z").contains(s) || ("A"..."Z").contains(s) }
        func isHex(_ s: Unicode.Scalar) -> Bool {
            isDigit(s) || ("a"..."f").contains(s) || ("A"..."F").contains(s)
        }
        var allowed: (Unicode.Scalar) -> Bool = { isLetter($0) || isDigit($0) }
        if index < scalars.count, scalars[index] == "#" {
            index += 1
            allowed = isDigit
            if index < scalars.count, scalars[index] == "x" || scalars[index] == "X" {
                index += 1
                allowed = isHex
            }
        } else if index >= scalars.count || !isLetter(scalars[index]) {
            return false
        }
        let first = index
        while index < scalars.count, allowed(scalars[index]) { index += 1 }
        return index > first && index < scalars.count && scalars[index] == ";"
    }
}

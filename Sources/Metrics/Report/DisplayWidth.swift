/// How many terminal columns text takes: 0 for combining marks and other zero-width
/// characters, 2 for East Asian wide and full-width characters and most emoji, 1 otherwise.
///
/// Written here rather than calling `wcwidth` so that rendering stays pure and gives the
/// same answer in tests, in `snapshot` and on screen; it lives in Metrics so that the text
/// report's columns line up by the same measure as the screens'.
public enum DisplayWidth {
    /// The width of one character.
    public static func of(_ character: Character) -> Int {
        // Nearly everything drawn is ASCII, so answer that without Unicode tables.
        if let ascii = character.asciiValue { return ascii >= 0x20 && ascii != 0x7F ? 1 : 0 }
        guard let first = character.unicodeScalars.first else { return 0 }
        if character.unicodeScalars.contains(where: { $0.properties.isEmojiPresentation }) { return 2 }
        return width(first)
    }

    /// The width of a string.
    public static func of(_ text: String) -> Int {
        // Printable ASCII is a column a byte, answered without breaking the text into
        // characters: a text report of a national drop measures 50 million cells.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        return text.reduce(0) { $0 + of($1) }
    }

    private static func width(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value == 0 { return 0 }
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0x1100...0x115F).contains(value) || (0x2E80...0xA4CF).contains(value) && value != 0x303F
            || (0xAC00...0xD7A3).contains(value) || (0xF900...0xFAFF).contains(value)
            || (0xFE30...0xFE4F).contains(value) || (0xFF00...0xFF60).contains(value)
            || (0xFFE0...0xFFE6).contains(value) || (0x20000...0x3FFFD).contains(value)
        {
            return 2
        }
        return 1
    }

    /// `text` cut to at most `width` columns; when cut, it ends with an ellipsis
    /// ("…", or "." in ASCII mode) that fits within the width.
    public static func truncate(_ text: String, to width: Int, ascii: Bool = false) -> String {
        guard width > 0 else { return "" }
        if of(text) <= width { return text }
        let ellipsis = ascii ? "." : "…"
        var out = ""
        var used = 0
        for character in text {
            let w = of(character)
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }

    /// `text` padded with spaces on the right (or left, when `right` is true) to `width`
    /// columns, cutting it first if it is wider.
    public static func pad(_ text: String, to width: Int, right: Bool = false, ascii: Bool = false) -> String
    {
        let cut = truncate(text, to: width, ascii: ascii)
        let gap = String(repeating: " ", count: max(0, width - of(cut)))
        return right ? gap + cut : cut + gap
    }
}

import Foundation

/// How text is written on screen: Unicode, or plain ASCII for terminals whose locale is
/// not UTF-8 (and under `--ascii`), where every character shown is ASCII.
public struct TextStyle: Hashable, Sendable {
    /// True for ASCII-only output.
    public var ascii: Bool

    /// Makes a style.
    public init(ascii: Bool) { self.ascii = ascii }

    /// Text made safe to draw: line breaks and other controls become spaces, and in ASCII
    /// mode every other character is transliterated (’ → ', ô → o, – → -) or becomes "?".
    public func clean(_ text: String) -> String {
        var out = ""
        for character in text {
            if character.isNewline
                || character.unicodeScalars.allSatisfy({ $0.value < 0x20 || $0.value == 0x7F })
            {
                out.append(" ")
            } else if ascii && !character.isASCII {
                out += Self.transliterate(character)
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static let replacements: [Character: String] = [
        "’": "'", "‘": "'", "‚": ",", "“": "\"", "”": "\"", "„": "\"", "–": "-", "—": "-", "−": "-",
        "…": "...",
        "•": "*", "·": ".", "×": "x", "÷": "/", "≥": ">=", "≤": "<=", "→": "->", "←": "<-",
        // Rating marks become their ASCII letters and direction glyphs `^` `v`, as
        // `RatingMark` and `ChangeArrow` draw them, so that the two never share a shape.
        "▲": "A", "▼": "v", "↑": "^", "↓": "v", "≈": "~",
        "●": "G", "■": "R", "◌": "S", "£": "GBP", "€": "EUR", "ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o",
        "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ŵ": "w", "ŷ": "y",
        " ": " ",
    ]

    /// An ASCII stand-in for one character: a known replacement, else the letter without
    /// its accents, else "?".
    static func transliterate(_ character: Character) -> String {
        if let known = replacements[character] { return known }
        let folded = String(character).folding(options: .diacriticInsensitive, locale: nil)
        let ascii = String(
            folded.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 }.map(Character.init))
        return ascii.isEmpty ? "?" : ascii
    }
}

/// Figures written large for a projector: each character drawn 5 rows tall in full
/// blocks (`█`, or `#` in ASCII), with one blank column between characters.
///
/// Draws the digits, `.`, `-`, `+`, `%`, space, and the letters of "SUPP". A character
/// without a glyph is drawn blank, the width of a digit, so that a figure never shows
/// something it does not mean.
public enum BigDigits {
    /// The rows every big character takes.
    public static let height = 5

    /// The blank columns between two characters.
    public static let gap = 1

    /// Each glyph's rows, `#` for a block; all rows of a glyph are the same width.
    private static let glyphs: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"],
        "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"],
        "3": ["###", "  #", "###", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"],
        "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"],
        "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"],
        "9": ["###", "# #", "###", "  #", "###"],
        ".": [" ", " ", " ", " ", "#"],
        "-": ["   ", "   ", "###", "   ", "   "],
        "+": ["   ", " # ", "###", " # ", "   "],
        "%": ["##  #", "## # ", "  #  ", " # ##", "#  ##"],
        " ": ["  ", "  ", "  ", "  ", "  "],
        "S": [" ##", "#  ", " # ", "  #", "## "],
        "U": ["# #", "# #", "# #", "# #", "###"],
        "P": ["###", "# #", "###", "#  ", "#  "],
    ]

    /// The glyph drawn for a character without one.
    private static let blank = ["   ", "   ", "   ", "   ", "   "]

    /// True when every character of `text` has a glyph.
    public static func canDraw(_ text: String) -> Bool {
        text.allSatisfy { glyphs[$0] != nil }
    }

    /// The columns `text` takes written large: its glyphs and the gaps between them.
    public static func width(of text: String) -> Int {
        guard !text.isEmpty else { return 0 }
        let glyphsWide = text.reduce(0) { $0 + glyph($1)[0].count }
        return glyphsWide + gap * (text.count - 1)
    }

    /// `text` written large: exactly `height` rows, each exactly `width(of: text)`
    /// columns, blocks as `█` (or `#` when `ascii`) and spaces elsewhere.
    public static func rows(_ text: String, ascii: Bool) -> [String] {
        let block = ascii ? "#" : "█"
        let spacer = String(repeating: " ", count: gap)
        return (0..<height).map { row in
            text.map { character in
                glyph(character)[row].replacingOccurrences(of: "#", with: block)
            }.joined(separator: spacer)
        }
    }

    private static func glyph(_ character: Character) -> [String] {
        glyphs[character] ?? blank
    }
}

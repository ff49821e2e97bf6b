/// Figures written large for a projector: each character drawn 5 rows tall in full
/// blocks (`█`, or `#` in ASCII), with one blank column between characters; at a larger
/// scale each block is `scale` columns wide and `scale` rows tall.
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

    /// The columns `text` takes written large at `scale`: its glyphs, each block `scale`
    /// columns wide, and one blank column between them.
    public static func width(of text: String, scale: Int = 1) -> Int {
        guard !text.isEmpty else { return 0 }
        let glyphsWide = text.reduce(0) { $0 + glyph($1)[0].count }
        return glyphsWide * max(1, scale) + gap * (text.count - 1)
    }

    /// The rows `text` takes at `scale`: `height` × `scale`.
    public static func height(scale: Int) -> Int { height * max(1, scale) }

    /// `text` written large: exactly `height(scale:)` rows, each exactly
    /// `width(of: text, scale:)` columns, blocks as `█` (or `#` when `ascii`) and spaces
    /// elsewhere. At scale 2 each block of the glyph is 2 columns by 2 rows, so the
    /// figures keep their shape as they grow to fill a large screen.
    public static func rows(_ text: String, ascii: Bool, scale: Int = 1) -> [String] {
        let scale = max(1, scale)
        let block = String(repeating: ascii ? "#" : "█", count: scale)
        let space = String(repeating: " ", count: scale)
        let spacer = String(repeating: " ", count: gap)
        return (0..<height * scale).map { row in
            text.map { character in
                glyph(character)[row / scale].map { $0 == "#" ? block : space }.joined()
            }.joined(separator: spacer)
        }
    }

    private static func glyph(_ character: Character) -> [String] {
        glyphs[character] ?? blank
    }
}

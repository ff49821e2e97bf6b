import Foundation

/// Text folded for matching what people type against names: case, accents and the
/// typographic apostrophe do not matter, so `st mary's` finds "St Mary’s" and `bronte`
/// finds "Ashby Brontë Academy".
public enum SearchText {
    /// `text` lower-cased, without accents, with curly apostrophes and quotes made straight.
    public static func fold(_ text: String) -> String {
        // A plain ASCII name has no accents or curly quotes, and folding its case is
        // lower-casing A–Z: done here byte by byte, as Foundation's folding of each of a
        // national store's 22,000 names was a quarter of making its overview's rows.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return String(
                decoding: text.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 },
                as: UTF8.self)
        }
        let straight = text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "‘", with: "'")
            .replacingOccurrences(of: "ʼ", with: "'")
        return straight.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }

    /// True when `name` holds `query`, both folded.
    public static func matches(_ name: String, _ query: String) -> Bool {
        fold(name).contains(fold(query))
    }
}
